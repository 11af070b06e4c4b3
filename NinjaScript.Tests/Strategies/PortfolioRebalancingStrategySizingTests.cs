using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.NinjaScript.Strategies;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Strategies
{
    /// <summary>
    /// The strategy's futures sizing inputs (volatility target, leverage cap, FX rates, margins with a margin cap, no-trade
    /// band) on the bundled DAX/SMI/CAC/FTSE closes: every order equals Core computed directly on the same bars
    /// (min-variance weights on the window, <see cref="RiskScaling"/> on its sample covariance, <see cref="FuturesSizer"/>
    /// with point values and margins converted at the rates, positions and cash from the earlier fills).
    /// </summary>
    [TestFixture]
    public class PortfolioRebalancingStrategySizingTests
    {
        private static readonly string[] Assets = { "DAX", "SMI", "CAC", "FTSE" };
        private static readonly double[] PointValues = { 25, 10, 10, 10 };
        private static readonly double[] Fx = { 1.08, 1.13, 1.08, 1.27 };       // EUR, CHF, EUR, GBP into USD
        private static readonly double[] Margins = { 30000, 9000, 6000, 6000 };  // per contract, instrument currency
        private const double Capital = 5000000;
        private const int Lookback = 250;

        private sealed class Submission
        {
            internal int Row;
            internal Order Order;
            internal string Instrument;
            internal OrderAction Action;
            internal int Quantity;
        }

        [Test]
        public void Historical_WithVolTargetLeverageFxMarginCapAndBand_SubmitsExactlyCoresSizedOrders()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            DateTime[] dates = bars["DAX"].Select(b => b.Time).ToArray();
            var submissions = new List<Submission>();
            int seen = 0;
            var host = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily) { FillMarketOrdersAtNextOpen = true };
            host.AfterBarUpdate = (s, series) =>
            {
                for (; seen < s.SubmittedOrders.Count; seen++)
                {
                    Order o = s.SubmittedOrders[seen];
                    submissions.Add(new Submission { Row = Array.IndexOf(dates, o.Time), Order = o, Instrument = o.Instrument.FullName, Action = o.OrderAction, Quantity = o.Quantity });
                }
            };
            for (int a = 0; a < Assets.Length; a++) host.WithBars(Assets[a], bars[Assets[a]], PointValues[a]);
            host.WithInputs(s =>
            {
                s.Instrument2 = "SMI"; s.Instrument3 = "CAC"; s.Instrument4 = "FTSE";
                s.Capital = Capital; s.Lookback = Lookback; s.MaxWeight = 0.6; s.CashBuffer = 0.02; s.DriftBand = 0;
                s.Calendar = CalendarFrequency.Monthly; s.Method = PortfolioMethod.MinimumVariance; s.ExecutionSlices = 3;
                s.VolatilityTarget = 0.25; s.MaxGrossLeverage = 1.6; s.PeriodsPerYear = 252;
                s.FxRates = "1.08; 1.13; 1.08; 1.27"; s.Margins = "30000;9000;6000;6000"; s.MaxMarginUse = 0.15; s.MinTradeWeight = 0.01;
            });
            var strategy = host.Run("DAX");

            AssetFrame prices = CsvFrameLoader.Load(SampleBars.SamplePath("eustockmarkets-prices.csv")).Select(Assets);
            AssetFrame returns = ReturnCalculator.Simple(prices);
            var minVar = new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver());
            var rows = new List<int> { Lookback };
            for (int row = Lookback + 1; row < dates.Length - 1; row++)
                if (dates[row].Month != dates[row - 1].Month) rows.Add(row);
            var byRow = submissions.GroupBy(s => s.Row).ToDictionary(g => g.Key, g => g.ToList());
            Assert.That(byRow.Keys.Except(rows), Is.Empty, "orders only on the first bar and on calendar bars");

            int checkedRebalances = 0, banded = 0;
            double maxMarginShare = 0;
            foreach (int row in rows)
            {
                AssetFrame window = returns.Slice(row - Lookback, Lookback);
                var problem = new PortfolioProblem(window.Assets, SampleMoments.Mean(window), SampleMoments.Covariance(window), 0,
                    PortfolioConstraints.LongOnly.WithWeightRange(0, 0.6));
                OptimizationResult result = minVar.Optimize(problem);
                Assert.That(result.Status, Is.EqualTo(OptimizationStatus.Optimal));
                RiskScale scale = RiskScaling.Scale(result.CopyWeights(), SampleMoments.Covariance(window), 252, 0.25, 1.6);

                var held = new long[Assets.Length];
                double cash = 0;
                foreach (Submission s in submissions.Where(x => x.Row < row))
                {
                    int a = Array.IndexOf(Assets, s.Instrument);
                    int signed = s.Action == OrderAction.Buy || s.Action == OrderAction.BuyToCover ? s.Order.Filled : -s.Order.Filled;
                    held[a] += signed;
                    cash -= signed * s.Order.AverageFillPrice * PointValues[a] * Fx[a];
                }
                double equity = Capital + cash;
                for (int a = 0; a < Assets.Length; a++) equity += held[a] * prices[row, a] * PointValues[a] * Fx[a];
                var ins = Enumerable.Range(0, Assets.Length).Select(a => new SizingInstrument(Assets[a], (decimal)prices[row, a],
                    (decimal)(PointValues[a] * Fx[a]), 1, held[a], scale.Weights[a], null, (decimal)(Margins[a] * Fx[a]))).ToList();
                SizingResult sizing = new FuturesSizer().Size(ins, (decimal)equity, new FxRates("USD"),
                    new SizingOptions { CashBuffer = 0.02, MinTradeWeight = 0.01, MaxMarginUse = 0.15 }, new InstrumentLimits(defaultMaxWeight: 0.6));

                var expected = sizing.Orders.Where(o => o.OrderQuantity != 0)
                    .Select(o => (o.Symbol, o.OrderQuantity > 0 ? OrderAction.Buy : OrderAction.Sell, (int)Math.Abs(o.OrderQuantity))).OrderBy(t => t.Symbol).ToList();
                byRow.TryGetValue(row, out List<Submission> submitted);
                var actual = (submitted ?? new List<Submission>()).Select(s => (s.Instrument, s.Action == OrderAction.SellShort ? OrderAction.Sell : s.Action == OrderAction.BuyToCover ? OrderAction.Buy : s.Action, s.Quantity))
                    .OrderBy(t => t.Instrument).ToList();
                Assert.That(actual, Is.EqualTo(expected), $"rebalance on {dates[row]:yyyy-MM-dd}");
                Assert.That(sizing.MarginUsed, Is.LessThanOrEqualTo(0.15m * (decimal)equity));
                maxMarginShare = Math.Max(maxMarginShare, (double)sizing.MarginUsed / equity);
                banded += sizing.Orders.Count(o => o.Note != null && o.Note.Contains("no-trade band"));
                checkedRebalances++;
            }
            Assert.That(checkedRebalances, Is.GreaterThan(60));
            Assert.That(banded, Is.GreaterThan(0), "the band kept some positions");
            Assert.That(maxMarginShare, Is.GreaterThan(0.1), "the margin cap is near binding somewhere");
            Assert.That(strategy.Rebalancer.LastScale, Is.Not.Null);
            Assert.That(submissions, Is.Not.Empty);
        }

        [Test]
        public void FxRatesInput_WithTheWrongCount_IsRefusedNamingTheInput()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily);
            for (int a = 0; a < Assets.Length; a++) host.WithBars(Assets[a], bars[Assets[a]], PointValues[a]);
            host.WithInputs(s => { s.Instrument2 = "SMI"; s.Instrument3 = "CAC"; s.Instrument4 = "FTSE"; s.FxRates = "1.08;1.13"; });
            Assert.That(() => host.Run("DAX"), Throws.Exception.With.Message.Contains("FX rates").And.Message.Contains("2 value(s) for 4"));
        }

        [Test]
        public void Realtime_WithASliceHorizon_ChildrenAreSpacedByTimeNotBars()
        {
            // The sample's first 320 closes replayed as 1-minute bars from 08:00; realtime from the first rebalance (row 250).
            // Slice horizon 10 minutes, 5 slices: children at +0, +2, +4, +6, +8 minutes, i.e. every second 1-minute bar.
            var daily = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var start = new DateTime(2026, 12, 1, 8, 0, 0);
            var minute = daily.ToDictionary(kv => kv.Key, kv => kv.Value.Take(320).Select((b, i) => SampleBars.Bar(start.AddMinutes(i), b.Close)).ToList());
            DateTime[] times = minute["DAX"].Select(b => b.Time).ToArray();
            var submissions = new List<Submission>();
            int seen = 0;
            var host = new ScriptHost<PortfolioRebalancingStrategy>(new NinjaTrader.Data.BarsPeriod { BarsPeriodType = NinjaTrader.Data.BarsPeriodType.Minute, Value = 1 })
            {
                FillMarketOrdersAtNextOpen = true,
                RealtimeFrom = times[Lookback],
            };
            host.AfterBarUpdate = (s, series) =>
            {
                for (; seen < s.SubmittedOrders.Count; seen++)
                {
                    Order o = s.SubmittedOrders[seen];
                    submissions.Add(new Submission { Row = Array.IndexOf(times, o.Time), Order = o, Instrument = o.Instrument.FullName, Action = o.OrderAction, Quantity = o.Quantity });
                }
            };
            for (int a = 0; a < Assets.Length; a++) host.WithBars(Assets[a], minute[Assets[a]], PointValues[a]);
            host.WithInputs(s =>
            {
                s.Instrument2 = "SMI"; s.Instrument3 = "CAC"; s.Instrument4 = "FTSE";
                s.Capital = Capital; s.Lookback = Lookback; s.MaxWeight = 0.6; s.CashBuffer = 0.02; s.DriftBand = 0;
                s.Calendar = CalendarFrequency.None; s.Method = PortfolioMethod.MinimumVariance;
                s.ExecutionSlices = 5; s.SliceHorizonMinutes = 10;
                // Realtime from the first decision: trade at once (TradeOnStart) rather than wait for a scheduled rebalance.
                s.TradeOnStart = true;
                s.StorePath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ntlive-tests", Guid.NewGuid().ToString("N") + ".sqlite");
            });
            var strategy = host.Run("DAX");

            var plan = strategy.Rebalancer.LastPlan;
            Assert.That(plan, Is.Not.Null);
            int sliced = 0;
            foreach (PlannedTrade trade in plan.Trades.Where(t => t.OrderQuantity != 0))
            {
                long quantity = Math.Abs(trade.OrderQuantity);
                int n = (int)Math.Min(5, quantity);
                long[] expected = TwapSchedule.Build(quantity, 600, n).Slices.Select(x => x.Quantity).ToArray();
                var children = submissions.Where(x => x.Instrument == trade.Instrument.Symbol).ToList();
                Assert.That(children.Select(c => (long)c.Quantity), Is.EqualTo(expected), trade.Instrument.Symbol);
                // slice k starts at k x 600 / n seconds: the first 1-minute bar at or after it
                var rows = Enumerable.Range(0, n).Select(k => Lookback + (int)Math.Ceiling(k * 600.0 / n / 60 - 1e-9)).ToArray();
                Assert.That(children.Select(c => c.Row), Is.EqualTo(rows), trade.Instrument.Symbol + ": children on the clock");
                if (n == 5)
                {
                    Assert.That(children.Select(c => c.Row), Is.EqualTo(new[] { 250, 252, 254, 256, 258 }), "two minutes apart, not one bar");
                    sliced++;
                }
            }
            Assert.That(sliced, Is.GreaterThan(0), "at least one order large enough for five slices");
        }
    }
}
