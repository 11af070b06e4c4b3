using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.AddOns
{
    /// <summary>The Portfolio Manager's session (history, live prices, preview, execution, release) on the stand-in platform.</summary>
    [TestFixture]
    public class PortfolioSessionTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc);
        private Account account;
        private Instrument dax;
        private Instrument ftse;

        [SetUp]
        public void SetUp()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            Instrument.ClearDefinitions();
            Account.ClearDefinitions();
            dax = Instrument.Define("DAX", 25, 0.5);
            ftse = Instrument.Define("FTSE", 10, 0.5);
            account = Account.Define("Sim101");
            account.SetAccountItem(AccountItem.NetLiquidation, 10000000, Now);
            BarsRequest.HistoryProvider = r => bars[r.Instrument.FullName].Skip(bars[r.Instrument.FullName].Count - r.BarsBack).ToList();
            // Help Guide "MarketData": subscriptions off the instrument's Dispatcher throw here.
            NinjaTrader.NinjaScript.HostRules.ResetPlatform();
            NinjaTrader.NinjaScript.HostRules.Platform.EnforceInstrumentDispatcher = true;
        }

        [TearDown]
        public void TearDown()
        {
            BarsRequest.HistoryProvider = null;
            BarsRequest.FormingBarProvider = null;
            NinjaTrader.Core.Globals.NowProvider = null;
            NinjaTrader.NinjaScript.HostRules.ResetPlatform();
        }

        [Test]
        public void History_IsCoresSimpleReturnsOfTheRequestedDays()
        {
            using (var session = new PortfolioSession(account, new[] { "DAX", "FTSE" }, new[] { "Germany", "UK" }))
            {
                Assert.That(session.HasHistory, Is.False);
                session.RequestHistory(300);

                AssetFrame returns = session.Returns();

                AssetFrame expected = ReturnCalculator.Simple(CsvFrameLoader.Load(SampleBars.SamplePath("eustockmarkets-prices.csv")).Select(new[] { "DAX", "FTSE" }));
                Assert.That(returns.Rows, Is.EqualTo(299));
                Assert.That(returns.CopyColumn(0), Is.EqualTo(expected.CopyColumn(0).Skip(expected.Rows - 299)));
                Assert.That(returns.CopyColumn(1), Is.EqualTo(expected.CopyColumn(1).Skip(expected.Rows - 299)));
            }
        }

        [Test]
        public void LivePrices_ReplaceTheLastClose_AndDisposeReleasesTheSubscriptions()
        {
            var session = new PortfolioSession(account, new[] { "DAX", "FTSE" }, null);
            session.RequestHistory(10);
            Assert.That(session.Price("DAX"), Is.EqualTo(5473.72).Within(1e-9), "last close of the sample");
            Assert.That(dax.MarketData.HasSubscribers, Is.True);

            dax.MarketData.Push(MarketDataType.Last, 5500.5, 1, Now, 5500, 5501);
            dax.MarketData.Push(MarketDataType.Bid, 5400, 1, Now, 5400, 5501);
            Assert.That(session.Price("DAX"), Is.EqualTo(5500.5));

            session.Dispose();
            Assert.That(dax.MarketData.HasSubscribers, Is.False);
            Assert.That(ftse.MarketData.HasSubscribers, Is.False);
        }

        [Test]
        public void HistoryRequests_UseTheInstrumentsTradingHours()
        {
            var seen = new List<BarsRequest>();
            var provider = BarsRequest.HistoryProvider;
            BarsRequest.HistoryProvider = r => { seen.Add(r); return provider(r); };
            using (var session = new PortfolioSession(account, new[] { "DAX", "FTSE" }, null))
                session.RequestHistory(10);

            Assert.That(seen.Select(r => r.TradingHours), Is.EqualTo(new[] { dax.MasterInstrument.TradingHours, ftse.MasterInstrument.TradingHours }));
            Assert.That(seen.Select(r => r.TradingHours), Is.All.Not.Null);
        }

        [Test]
        public void History_LeavesOutTheBarStillForming_WhichTheRequestReturnsLast()
        {
            // The sample ends on 1998-08-14; the platform's clock is on 1998-08-17 at noon and the request also returns
            // that day's bar, stamped at its end (17:30), still in progress (Help Guide, BarsRequest).
            NinjaTrader.Core.Globals.NowProvider = () => new DateTime(1998, 8, 17, 12, 0, 0);
            BarsRequest.FormingBarProvider = r => SampleBars.Bar(new DateTime(1998, 8, 17, 17, 30, 0), 1);
            using (var session = new PortfolioSession(account, new[] { "DAX", "FTSE" }, null))
            {
                session.RequestHistory(10);

                Assert.That(session.Price("DAX"), Is.EqualTo(5473.72).Within(1e-9), "the last complete close, not the forming bar's");
                Assert.That(session.Returns().Rows, Is.EqualTo(9));
            }
        }

        [Test]
        public void DailyHistory_LeavesOutTheBarOfToday_WhichMayStillBeForming()
        {
            // Three daily bars; the last is dated "today" and may be in progress (Help Guide, BarsRequest).
            DateTime day = new DateTime(2026, 11, 23);
            var records = new[] { 100.0, 101.0, 99.0 }.Select((c, d) => SampleBars.Bar(day.AddDays(d), c)).ToList();
            var bars = new Bars(dax, new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 }, records);

            BarHistory history = BarHistory.FromBars("DAX", bars, day.AddDays(2));
            BarHistory all = BarHistory.FromBars("DAX", bars, day.AddDays(3));

            Assert.That(history.Closes, Is.EqualTo(new[] { 100.0, 101.0 }));
            Assert.That(all.Closes, Is.EqualTo(new[] { 100.0, 101.0, 99.0 }));
        }

        [Test]
        public void UnknownInstrument_IsRefusedByName()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => new PortfolioSession(account, new[] { "DAX", "CAC 12-26" }, null));
            Assert.That(ex.Message, Does.Contain("CAC 12-26"));
        }

        [Test]
        public void PreviewAndExecute_PlanWithCore_SendScheduledOrdersToTheAccount_AndCancelAllStopsThem()
        {
            using (var session = new PortfolioSession(account, new[] { "DAX", "FTSE" }, null))
            {
                session.RequestHistory(60);
                var targets = new[] { 0.5, 0.5 };

                var rows = session.Preview(targets, 0.6, 0.0, 60, 4, 0);

                RebalancePlan plan = new RebalancePlanner().Plan(new[]
                {
                    new PlannerInstrument("DAX", (decimal)session.Price("DAX"), 25m, 1, 0, 0.5),
                    new PlannerInstrument("FTSE", (decimal)session.Price("FTSE"), 10m, 1, 0, 0.5),
                }, 10000000m, new PlannerOptions(), new InstrumentLimits(defaultMaxWeight: 0.6));
                Assert.That(rows.Select(r => (r.Trade.Instrument.Symbol, r.Trade.OrderQuantity)), Is.EqualTo(plan.Trades.Select(t => (t.Instrument.Symbol, t.OrderQuantity))));
                Assert.That(rows.Select(r => r.Algorithm), Is.All.EqualTo("twap"), "the sample has no volume: liquidity unknown");

                session.Execute(rows, Now);
                List<Order> first = account.Orders.ToList();
                Assert.That(first.Select(o => o.Instrument.FullName), Is.EqualTo(new[] { "DAX", "FTSE" }));
                Assert.That(first.Select(o => o.Quantity), Is.EqualTo(rows.Select(r => (int)r.Schedule.Slices[0].Quantity)));
                Assert.That(first.Select(o => o.OrderAction), Is.All.EqualTo(OrderAction.Buy));

                account.Fill(first[0], first[0].Quantity, session.Price("DAX"), Now);
                session.Poll(Now.AddMinutes(15));
                Assert.That(account.Orders.Count(o => o.Instrument == dax), Is.EqualTo(2), "second DAX slice sent after 15 of 60 minutes");
                Assert.That(session.Progress()[0], Does.Contain("DAX").And.Contain("Working"));

                session.CancelAll();
                Assert.That(account.Orders.Where(o => o.Filled == 0).Select(o => o.OrderState), Is.All.EqualTo(OrderState.Cancelled));
                Assert.That(session.Progress(), Is.Empty);
            }
        }
    }
}
