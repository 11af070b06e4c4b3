using System;
using NinjaTrader.Cbi;
using NinjaTrader.Data;

namespace NinjaTrader.NinjaScript.Strategies
{
    // https://developer.ninjatrader.com/docs/desktop/submitorderunmanaged , .../onorderupdate , .../onexecutionupdate ,
    // .../onpositionupdate , .../onaccountitemupdate , .../enterlong , .../exitlong , .../changeorder , .../cancelorder
    public class DocUsageStrategy : Strategy
    {
        private Order entry;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "usage";
                Name = "DocUsageStrategy";
                Calculate = Calculate.OnBarClose;
                EntriesPerDirection = 1;
                EntryHandling = EntryHandling.AllEntries;
                IsExitOnSessionCloseStrategy = false;
                ExitOnSessionCloseSeconds = 30;
                BarsRequiredToTrade = 20;
                StartBehavior = StartBehavior.WaitUntilFlat;
                TimeInForce = TimeInForce.Gtc;
                TraceOrders = false;
                RealtimeErrorHandling = RealtimeErrorHandling.StopCancelClose;
                IsUnmanaged = true;
                IsInstantiatedOnEachOptimizationIteration = false;
                IsAdoptAccountPositionAware = false;
                DefaultQuantity = 1;
            }
            else if (State == State.Configure)
            {
                AddDataSeries("ES 12-26", BarsPeriodType.Day, 1);
            }
            else if (State == State.DataLoaded)
            {
                entry = null;
            }
        }

        protected override void OnBarUpdate()
        {
            if (CurrentBars[0] < BarsRequiredToTrade || CurrentBars[1] < 0)
                return;
            if (entry == null)
                entry = SubmitOrderUnmanaged(1, OrderAction.Buy, OrderType.Limit, 1, Closes[1][0], 0, string.Empty, "entry");
            else if (entry.OrderState == OrderState.Working)
                ChangeOrder(entry, entry.Quantity, Instruments[1].MasterInstrument.RoundToTickSize(Closes[1][0]), 0);
            if (Positions[1].MarketPosition == MarketPosition.Long && Position.Quantity == 0)
                CancelOrder(entry);
            Print(Account.Name + Positions[1].AveragePrice);
        }

        // Managed-approach overloads (compile only; IsUnmanaged strategies must not call them).
        private void ManagedShapes()
        {
            EnterLong(); EnterLong("a"); EnterLong(1); EnterLong(1, "a"); EnterLong(1, 1, "a");
            EnterShort(); EnterShort("a"); EnterShort(1); EnterShort(1, "a"); EnterShort(1, 1, "a");
            ExitLong(); ExitLong(1); ExitLong("a"); ExitLong("b", "a"); ExitLong(1, "b", "a"); ExitLong(1, 1, "b", "a");
            ExitShort(); ExitShort(1); ExitShort("a"); ExitShort("b", "a"); ExitShort(1, "b", "a"); ExitShort(1, 1, "b", "a");
            SubmitOrderUnmanaged(0, OrderAction.SellShort, OrderType.Market, 1);
            SubmitOrderUnmanaged(0, OrderAction.Sell, OrderType.Limit, 1, 100.0);
            SubmitOrderUnmanaged(0, OrderAction.BuyToCover, OrderType.StopMarket, 1, 0, 99.0);
            SubmitOrderUnmanaged(0, OrderAction.Sell, OrderType.StopLimit, 1, 98.0, 99.0, "oco");
        }

        protected override void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string nativeError)
        {
            if (order == entry && Order.IsTerminalState(orderState) && error == ErrorCode.NoError)
                entry = null;
        }

        protected override void OnExecutionUpdate(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
            if (execution.Order != null && execution.Order.OrderState == OrderState.Filled)
                Print(execution.ToString() + execution.BarsInProgress + execution.Instrument.FullName);
        }

        protected override void OnPositionUpdate(Position position, double averagePrice, int quantity, MarketPosition marketPosition)
        {
            if (position.MarketPosition == MarketPosition.Flat)
                Print("flat " + averagePrice + quantity + marketPosition);
        }

        protected override void OnAccountItemUpdate(Account account, AccountItem accountItem, double value)
        {
            Print(string.Format("{0} {1} {2}", account.Name, accountItem, value));
        }
    }
}
