using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript.Strategies;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Strategies
{
    /// <summary>
    /// Futures roll of PortfolioRebalancingStrategy on the stand-in host: ES 03-26 rolls to ES 06-26 on the master's rollover
    /// date (RolloverCollection) less RollOffsetDays, as a close then an open through Core's execution session; and
    /// back-adjusted history with closes at or below zero. Numbers are worked by hand in the comments.
    /// </summary>
    [TestFixture]
    public class PortfolioRebalancingRollTests
    {
        private static readonly DateTime Day0 = new DateTime(2026, 3, 2);
        private static readonly DateTime March = new DateTime(2026, 3, 1);
        private static readonly DateTime June = new DateTime(2026, 6, 1);

        private readonly List<string> stores = new List<string>();

        [TearDown]
        public void TearDown()
        {
            foreach (string path in stores)
                if (File.Exists(path)) File.Delete(path);
            stores.Clear();
        }

        private void Inputs(PortfolioRebalancingStrategy s)
        {
            string store = Path.Combine(Path.GetTempPath(), "roll-tests", Guid.NewGuid().ToString("N") + ".sqlite");
            stores.Add(store);
            s.StorePath = store;
            // One slot, weight 1 (a single asset's minimum-variance portfolio), no cash buffer, monthly calendar only.
            s.Capital = 1000000; s.Lookback = 2; s.MaxWeight = 1; s.CashBuffer = 0; s.DriftBand = 0;
            s.Calendar = CalendarFrequency.Monthly; s.Method = PortfolioMethod.MinimumVariance; s.ExecutionSlices = 1;
        }

        [Test]
        [Description("[RolloverDay] the roll day moves the position with no doubled exposure")]
        public void RolloverDay_MovesThePositionAsACloseThenAnOpen_AndTheExposureIsNeverDoubled()
        {
            // ES 03-26 closes 4990, 5010, then 5000; ES 06-26 = ES 03-26 + 40.25. Lookback 2: the first rebalance is on
            // day 2 (03-04) at 5000: 1,000,000 x 1 / (5000 x 50) = 4 contracts, filled at the 03-05 open.
            // Rollover to June on 03-12, RollOffsetDays 2: roll day 03-10. Close leg Sell 4 ES 03-26 sent at the 03-10
            // close, filled at the 03-11 open; the open leg Buy 4 ES 06-26 is sent once that fill is seen (03-11, on the
            // ES 06-26 bar) and fills at the 03-12 open. Exposure (ES 03-26 + ES 06-26) per day: 0 x 3, 4 x 6
            // (03-05..03-10), 0 (03-11, between the legs), 4 x 5.
            double[] front = Enumerable.Range(0, 15).Select(d => d == 0 ? 4990.0 : d == 1 ? 5010.0 : 5000.0).ToArray();
            var exposure = new SortedDictionary<DateTime, (int Expiring, int Next)>();
            var host = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily) { FillMarketOrdersAtNextOpen = true }
                .WithBars("ES 03-26", front.Select((c, d) => SampleBars.Bar(Day0.AddDays(d), c)), 50, 0.25)
                .WithBars("ES 06-26", front.Select((c, d) => SampleBars.Bar(Day0.AddDays(d), c + 40.25)), 50, 0.25)
                .WithRollovers("ES", MergePolicy.MergeBackAdjusted, (March, new DateTime(2025, 12, 11), 35.5), (June, new DateTime(2026, 3, 12), 40.25))
                .WithInputs(s => { Inputs(s); s.RollContracts = "ES 06-26"; s.RollOffsetDays = 2; });
            var submitted = new List<(DateTime Bar, string Instrument, OrderAction Action, int Quantity)>();
            host.AfterBarUpdate = (s, series) =>
            {
                // Exposure after the last series of each time; orders as they appear (the bar they were submitted on).
                exposure[s.Times[series][0]] = (Signed(s.Positions[0]), Signed(s.Positions[1]));
                for (int i = submitted.Count; i < s.SubmittedOrders.Count; i++)
                    submitted.Add((s.Times[series][0], s.SubmittedOrders[i].Instrument.FullName, s.SubmittedOrders[i].OrderAction, s.SubmittedOrders[i].Quantity));
            };
            PortfolioRebalancingStrategy strategy = host.Run("ES 03-26");

            Assert.That(submitted, Is.EqualTo(new[]
            {
                (Day0.AddDays(2), "ES 03-26", OrderAction.Buy, 4),
                (Day0.AddDays(8), "ES 03-26", OrderAction.Sell, 4),
                (Day0.AddDays(9), "ES 06-26", OrderAction.Buy, 4),
            }));
            // Filled at the next open (the order's Time is its last update, the fill).
            Assert.That(strategy.SubmittedOrders.Select(o => (o.Time, o.AverageFillPrice)),
                Is.EqualTo(new[] { (Day0.AddDays(3), 5000.0), (Day0.AddDays(9), 5000.0), (Day0.AddDays(10), 5040.25) }));
            Assert.That(strategy.SubmittedOrders.Select(o => o.Name).Distinct().Count(), Is.EqualTo(3), "order names are unique");
            Assert.That(strategy.SubmittedOrders.All(o => o.OrderState == OrderState.Filled), Is.True);

            int[] expected = { 0, 0, 0, 4, 4, 4, 4, 4, 4, 0, 4, 4, 4, 4, 4 };
            Assert.That(exposure.Keys, Is.EqualTo(Enumerable.Range(0, 15).Select(d => Day0.AddDays(d))));
            Assert.That(exposure.Values.Select(p => p.Expiring + p.Next), Is.EqualTo(expected), "never more than the 4 contracts held");
            Assert.That(exposure[Day0.AddDays(8)], Is.EqualTo((4, 0)), "before: 4 ES 03-26 on the roll day");
            Assert.That(exposure[Day0.AddDays(9)], Is.EqualTo((0, 0)), "between the legs: flat");
            Assert.That(exposure[Day0.AddDays(14)], Is.EqualTo((0, 4)), "after: 4 ES 06-26");
            Assert.That(strategy.Rebalancer.Instruments, Is.EqualTo(new[] { "ES 06-26" }));
            Assert.That(strategy.Rebalancer.Rolling, Is.False);
        }

        [Test]
        [Description("[RolloverDay] a re-enable that already holds the next contract does not double it")]
        public void RolloverDay_AfterAReEnableHoldingTheNextContract_SendsNothing_AndTheExposureStaysFour()
        {
            // The account already holds 4 ES 06-26 (rolled by an earlier run) and no ES 03-26 when the strategy goes live
            // on 03-08; the roll day 03-10 comes in realtime. Only the expiring contract's position (0) is rolled: no order,
            // the slot's exposure stays 4 (0 ES 03-26 + 4 ES 06-26) on every realtime bar. Rolling the slot's whole
            // exposure would have sold 4 ES 03-26 short and bought 4 more ES 06-26.
            double[] front = Enumerable.Range(0, 15).Select(d => d == 0 ? 4990.0 : d == 1 ? 5010.0 : 5000.0).ToArray();
            DateTime live = Day0.AddDays(6);
            var exposure = new SortedDictionary<DateTime, (int Expiring, int Next)>();
            var host = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily) { FillMarketOrdersAtNextOpen = true, RealtimeFrom = live }
                .WithBars("ES 03-26", front.Select((c, d) => SampleBars.Bar(Day0.AddDays(d), c)), 50, 0.25)
                .WithBars("ES 06-26", front.Select((c, d) => SampleBars.Bar(Day0.AddDays(d), c + 40.25)), 50, 0.25)
                .WithRollovers("ES", MergePolicy.MergeBackAdjusted, (March, new DateTime(2025, 12, 11), 35.5), (June, new DateTime(2026, 3, 12), 40.25))
                .WithAccountPosition("ES 06-26", MarketPosition.Long, 4, 5040.25)
                .WithInputs(s => { Inputs(s); s.RollContracts = "ES 06-26"; s.RollOffsetDays = 2; });
            host.Rules.EnforceAccountAdoption = true;
            int historical = -1;
            host.AfterBarUpdate = (s, series) =>
            {
                if (s.State != NinjaTrader.NinjaScript.State.Realtime) { historical = s.SubmittedOrders.Count; return; }
                exposure[s.Times[series][0]] = (Signed(s.Positions[0]), Signed(s.Positions[1]));
            };
            PortfolioRebalancingStrategy strategy = host.Run("ES 03-26");

            Assert.That(strategy.SubmittedOrders.Skip(historical).Where(o => !o.IsBacktestOrder), Is.Empty, "no realtime order");
            Assert.That(exposure.Keys.First(), Is.EqualTo(live));
            Assert.That(exposure.Values, Is.All.EqualTo((0, 4)));
            Assert.That(strategy.Rebalancer.Instruments, Is.EqualTo(new[] { "ES 06-26" }), "the slot trades the next contract");
        }

        [Test]
        public void RollContracts_ThatAreNotALaterContractOfTheSameMaster_AreRefusedNamingThem()
        {
            var host = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily)
                .WithBars("ES 06-26", Enumerable.Range(0, 3).Select(d => SampleBars.Bar(Day0.AddDays(d), 5000)), 50, 0.25)
                .WithBars("ES 03-26", Enumerable.Range(0, 3).Select(d => SampleBars.Bar(Day0.AddDays(d), 5000)), 50, 0.25)
                .WithRollovers("ES", MergePolicy.DoNotMerge, (June, new DateTime(2026, 3, 12), 40.25))
                .WithInputs(s => { Inputs(s); s.RollContracts = "ES 03-26"; });

            var error = Assert.Throws<ArgumentException>(() => host.Run("ES 06-26"));
            Assert.That(error.Message, Does.Contain("ES 03-26").And.Contain("Roll contracts"));
        }

        [Test]
        public void BackAdjustedCloses_AtOrBelowZero_SkipTheBarWithALoggedReason_AndTheStrategyKeepsRunning()
        {
            // A difference back-adjusted history: 200, 100, 0, -50, 100, 125, 125. The bars at 0 and -50 are skipped (no
            // return, no rebalance) and so is the return across them: returns -0.5 (100/200 - 1), then none until
            // 125/100 - 1 = 0.25 on day 5, when Lookback 2 is covered: the first rebalance, 1,000,000 / (125 x 50) = 160
            // contracts, filled at the day 6 open (the order's Time). Taking the return 100/100 across the gap would have
            // rebalanced on day 4 (filled on day 5) instead.
            double[] closes = { 200, 100, 0, -50, 100, 125, 125 };
            var host = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily) { FillMarketOrdersAtNextOpen = true }
                .WithBars("ES 03-26", closes.Select((c, d) => SampleBars.Bar(Day0.AddDays(d), c)), 50, 0.25)
                .WithInputs(Inputs);
            PortfolioRebalancingStrategy strategy = host.Run("ES 03-26");

            Assert.That(strategy.SubmittedOrders.Select(o => (o.Time, o.OrderAction, o.Quantity)),
                Is.EqualTo(new[] { (Day0.AddDays(6), OrderAction.Buy, 160) }));
            Assert.That(strategy.PrintLog.Where(l => l.Contains("bar skipped")).ToList(), Has.Count.EqualTo(2));
            Assert.That(strategy.PrintLog, Has.Some.Contains("close of ES 03-26 is 0, not positive"));
            Assert.That(strategy.PrintLog, Has.Some.Contains("close of ES 03-26 is -50, not positive"));
            Assert.That(host.StopReason, Is.Null);
        }

        private static int Signed(Position p) =>
            p.MarketPosition == MarketPosition.Long ? p.Quantity : p.MarketPosition == MarketPosition.Short ? -p.Quantity : 0;
    }
}
