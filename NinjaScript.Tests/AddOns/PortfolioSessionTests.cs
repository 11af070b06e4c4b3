using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Execution.Tca;

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

        // The preview with a volatility target, a leverage cap and FX rates equals Core's own path on the same bars: the last
        // 60 of Core's simple returns of the sample closes -> SampleMoments.Covariance -> RiskScaling.Scale -> FuturesSizer with
        // point values converted at the FX rates (25 x 1.1 and 10 x 1.25 account currency per point).
        [TestCase(0.10, 1.2)]
        [TestCase(0.0, 1.2)]
        [TestCase(0.30, 0.0)]
        public void Preview_WithVolTargetLeverageAndFx_EqualsCoresSizedPlanOnTheSameBars(double volTarget, double maxGross)
        {
            using (var session = new PortfolioSession(account, new[] { "DAX", "FTSE" }, null))
            {
                session.RequestHistory(300);
                var targets = new[] { 0.9, 0.6 };
                var risk = new PreviewRiskOptions { VolatilityTarget = volTarget, MaxGrossLeverage = maxGross, FxRates = new[] { 1.1, 1.25 }, VolatilityWindow = 60 };

                var rows = session.Preview(targets, 2.0, 0.0, 60, 1, 0, risk);

                AssetFrame all = ReturnCalculator.Simple(CsvFrameLoader.Load(SampleBars.SamplePath("eustockmarkets-prices.csv")).Select(new[] { "DAX", "FTSE" }));
                AssetFrame window = all.Slice(all.Rows - 60, 60);
                RiskScale scale = RiskScaling.Scale(targets, NinjaTraderPortfolio.Core.Statistics.SampleMoments.Covariance(window), 252,
                    volTarget > 0 ? volTarget : (double?)null, maxGross > 0 ? maxGross : (double?)null);
                SizingResult sized = new FuturesSizer().Size(new[]
                {
                    new SizingInstrument("DAX", (decimal)session.Price("DAX"), (decimal)(25 * 1.1), 1, 0, scale.Weights[0]),
                    new SizingInstrument("FTSE", (decimal)session.Price("FTSE"), (decimal)(10 * 1.25), 1, 0, scale.Weights[1]),
                }, 10000000m, new FxRates("USD"), new SizingOptions(), new InstrumentLimits(defaultMaxWeight: 2.0));
                var expected = sized.Orders.Where(o => o.OrderQuantity != 0).Select(o => (o.Symbol, o.OrderQuantity)).ToList();
                Assert.That(expected, Is.Not.Empty);
                Assert.That(rows.Select(r => (r.Trade.Instrument.Symbol, r.Trade.OrderQuantity)), Is.EqualTo(expected));
                Assert.That(session.LastRiskScale.Scale, Is.EqualTo(scale.Scale).Within(1e-12));
                Assert.That(scale.Scale, Is.Not.EqualTo(1.0).Within(1e-6), "the options change the plan");
                if (maxGross > 0) Assert.That(session.LastRiskScale.GrossLeverage, Is.LessThanOrEqualTo(maxGross + 1e-12));
                if (volTarget > 0 && session.LastRiskScale.Binding == "volatility target")
                    Assert.That(session.LastRiskScale.PredictedVolatility, Is.EqualTo(volTarget).Within(1e-12));
                // Notional at the FX-converted point value: |q| x price x 25 x 1.1 for DAX.
                long dax = rows.Single(r => r.Trade.Instrument.Symbol == "DAX").Trade.OrderQuantity;
                double daxWeight = dax * session.Price("DAX") * 25 * 1.1 / 10000000;
                Assert.That(daxWeight, Is.EqualTo(scale.Weights[0]).Within(session.Price("DAX") * 25 * 1.1 / 10000000), "within one contract of the scaled target");
            }
        }

        [Test]
        public void Preview_WithAnFxRateMissingOrNotPositive_NamesTheInstrument()
        {
            using (var session = new PortfolioSession(account, new[] { "DAX", "FTSE" }, null))
            {
                session.RequestHistory(60);
                var bad = Assert.Throws<ArgumentException>(() => session.Preview(new[] { 0.5, 0.5 }, 0.6, 0, 60, 1, 0, new PreviewRiskOptions { FxRates = new[] { 1.0, 0.0 } }));
                Assert.That(bad.Message, Does.Contain("FTSE"));
                var count = Assert.Throws<ArgumentException>(() => session.Preview(new[] { 0.5, 0.5 }, 0.6, 0, 60, 1, 0, new PreviewRiskOptions { FxRates = new[] { 1.0 } }));
                Assert.That(count.Message, Does.Contain("1 given for 2"));
            }
        }
    }
}
