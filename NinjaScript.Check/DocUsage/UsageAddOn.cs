using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Windows;
using System.Windows.Controls;
using System.Xml.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.Gui.Tools;

namespace NinjaTrader.Gui.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/creating_your_own_addon_window , .../ntwindow , .../nttabpage ,
    // .../account_class , .../createorder , .../barsrequest , .../marketdata
    public class DocUsageAddOn : NinjaTrader.NinjaScript.AddOnBase
    {
        private NTMenuItem menuItem;

        protected override void OnStateChange()
        {
            if (State == NinjaTrader.NinjaScript.State.SetDefaults)
                Name = "DocUsageAddOn";
        }

        protected override void OnWindowCreated(Window window)
        {
            ControlCenter cc = window as ControlCenter;
            if (cc == null)
                return;
            menuItem = new NTMenuItem { Header = "Doc usage" };
            menuItem.Click += OnMenuItemClick;
        }

        protected override void OnWindowDestroyed(Window window)
        {
            if (menuItem != null && window is ControlCenter)
            {
                menuItem.Click -= OnMenuItemClick;
                menuItem = null;
            }
        }

        private void OnMenuItemClick(object sender, RoutedEventArgs e)
        {
            Core.Globals.RandomDispatcher.BeginInvoke(new Action(() => new DocUsageWindow().Show()));
        }
    }

    public class DocUsageWindow : NTWindow, IWorkspacePersistence
    {
        public DocUsageWindow()
        {
            Caption = "Doc usage";
            Width = 800;
            Height = 600;
            TabControl tc = new TabControl();
            TabControlManager.SetIsMovable(tc, true);
            TabControlManager.SetCanAddTabs(tc, true);
            TabControlManager.SetCanRemoveTabs(tc, true);
            TabControlManager.SetFactory(tc, new DocUsageWindowFactory());
            Content = tc;
            tc.AddNTTabPage(new DocUsageTab());
            Loaded += (o, e) =>
            {
                if (WorkspaceOptions == null)
                    WorkspaceOptions = new WorkspaceOptions("DocUsage-" + Guid.NewGuid().ToString("N"), this);
            };
        }

        public void Restore(XDocument document, XElement element)
        {
            if (MainTabControl != null)
                MainTabControl.RestoreFromXElement(element);
        }

        public void Save(XDocument document, XElement element)
        {
            if (MainTabControl != null)
                MainTabControl.SaveToXElement(element);
        }

        public WorkspaceOptions WorkspaceOptions { get; set; }
    }

    public class DocUsageWindowFactory : INTTabFactory
    {
        public NTWindow CreateParentWindow() => new DocUsageWindow();

        public NTTabPage CreateTabPage(string typeName, bool isNewWindow = false) => new DocUsageTab();
    }

    public class DocUsageTab : NTTabPage
    {
        private Account account;
        private BarsRequest barsRequest;
        private Instrument instrument;

        public DocUsageTab()
        {
            lock (Account.All)
                account = Account.All.FirstOrDefault(a => a.Name == "Sim101");
            if (account != null)
            {
                account.OrderUpdate += OnOrderUpdate;
                account.ExecutionUpdate += OnExecutionUpdate;
                account.PositionUpdate += OnPositionUpdate;
                account.AccountItemUpdate += OnAccountItemUpdate;
            }

            instrument = Instrument.GetInstrument("ES 12-26");
            if (instrument == null)
                return;
            instrument.MarketData.Update += OnMarketData;
            double last = instrument.MarketData.Last.Price;

            barsRequest = new BarsRequest(instrument, DateTime.Now.AddDays(-5), DateTime.Now);
            barsRequest.BarsPeriod = new BarsPeriod { BarsPeriodType = BarsPeriodType.Minute, Value = 1 };
            barsRequest.Update += OnBarUpdate;
            barsRequest.Request(new Action<BarsRequest, ErrorCode, string>((bars, errorCode, errorMessage) =>
            {
                if (errorCode != ErrorCode.NoError)
                    return;
                for (int i = 0; i < bars.Bars.Count; i++)
                    last = bars.Bars.GetClose(i) + bars.Bars.GetVolume(i) + bars.Bars.GetTime(i).Ticks;
            }));
            var request2 = new BarsRequest(instrument, 500);
            request2.Dispose();
        }

        private void Trade()
        {
            Order order = account.CreateOrder(instrument, OrderAction.Buy, OrderType.Limit, OrderEntry.Automated, TimeInForce.Day,
                1, 4000, 0, string.Empty, "entry", Core.Globals.MaxDate, null);
            account.Submit(new[] { order });
            order.LimitPriceChanged = 4001;
            account.Change(new[] { order });
            account.Cancel(new[] { order });
            account.CancelAllOrders(instrument);
            account.Flatten(new Collection<Instrument> { instrument });
            double cash = account.Get(AccountItem.CashValue, Currency.UsDollar);
            foreach (Position p in account.Positions)
                cash += p.Quantity * p.AveragePrice * p.Instrument.MasterInstrument.PointValue;
        }

        private void OnOrderUpdate(object sender, OrderEventArgs e)
        {
            if (e.OrderState == OrderState.Filled)
                Console.WriteLine(e.Order.Name + e.Quantity + e.AverageFillPrice);
        }

        private void OnExecutionUpdate(object sender, ExecutionEventArgs e) => Console.WriteLine(e.Execution.Instrument.FullName + e.Quantity + e.Price + e.MarketPosition + e.Time);

        private void OnPositionUpdate(object sender, PositionEventArgs e) => Console.WriteLine(e.Position.Instrument.FullName + e.MarketPosition + e.AveragePrice + e.Quantity);

        private void OnAccountItemUpdate(object sender, AccountItemEventArgs e) => Console.WriteLine(e.Account.Name + e.AccountItem + e.Value + e.Currency + e.Time);

        private void OnMarketData(object sender, MarketDataEventArgs e)
        {
            if (e.MarketDataType == MarketDataType.Last)
                Console.WriteLine(e.Price + " " + e.Volume + " " + e.Time + e.Bid + e.Ask + e.IsReset + e.Instrument);
        }

        private void OnBarUpdate(object sender, BarsUpdateEventArgs e)
        {
            for (int i = e.MinIndex; i <= e.MaxIndex; i++)
                Console.WriteLine(i);
        }

        public override void Cleanup()
        {
            if (account != null)
            {
                account.OrderUpdate -= OnOrderUpdate;
                account.ExecutionUpdate -= OnExecutionUpdate;
                account.PositionUpdate -= OnPositionUpdate;
                account.AccountItemUpdate -= OnAccountItemUpdate;
            }
            if (instrument != null)
                instrument.MarketData.Update -= OnMarketData;
            if (barsRequest != null)
            {
                barsRequest.Update -= OnBarUpdate;
                barsRequest.Dispose();
                barsRequest = null;
            }
            base.Cleanup();
        }

        protected override string GetHeaderPart(string variable) => "Doc usage";

        protected override void Restore(XElement element)
        {
        }

        protected override void Save(XElement element)
        {
        }
    }
}
