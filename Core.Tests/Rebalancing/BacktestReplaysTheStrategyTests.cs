using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Planning;

namespace NinjaTraderPortfolio.Core.Tests.Rebalancing
{
    /// <summary>
    /// "The backtest replays the live logic", checked literally: the same seeded random bars go through the
    /// <see cref="Backtester"/> (market-on-close) and through the strategy's <see cref="PortfolioRebalancer"/> whose orders
    /// a gateway fills in full at the bar's close (the account then marks cash and positions the way the backtester does).
    /// Both must decide to rebalance on the same bars for the same reasons, to the same targets and the same whole-contract
    /// positions. The reference for the strategy side is independent of the backtester's code path: its own execution
    /// session, its own gateway fills and the test's own account arithmetic.
    /// </summary>
    [TestFixture]
    public class BacktestReplaysTheStrategyTests
    {
        private const int Lookback = 40;
        private const double MaxWeight = 0.6;
        private static readonly double[] PointValues = { 50, 20, 5, 10 };

        // Fills every child in full at the current close and books it in the test's account (cash and positions, decimal).
        private sealed class FillAtCloseGateway : IOrderGateway
        {
            private readonly string[] _names;
            internal FillAtCloseGateway(string[] names) { _names = names; Positions = new decimal[names.Length]; }
            internal double[] Closes { get; set; } = new double[0];
            internal decimal Cash { get; set; }
            internal decimal[] Positions { get; }
            public event EventHandler<OrderUpdate>? OrderUpdated;
            public void Submit(ChildOrderRequest order)
            {
                int i = Array.IndexOf(_names, order.Instrument);
                decimal q = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
                decimal price = (decimal)Closes[i];
                Positions[i] += q;
                Cash -= q * price * (decimal)PointValues[i];
                OrderUpdated?.Invoke(this, new OrderUpdate(order.ClientOrderId, OrderUpdateKind.Accepted, 0, double.NaN, DateTime.MinValue));
                OrderUpdated?.Invoke(this, new OrderUpdate(order.ClientOrderId, OrderUpdateKind.Filled, order.Quantity, Closes[i], DateTime.MinValue));
            }
            public void Cancel(string clientOrderId) =>
                OrderUpdated?.Invoke(this, new OrderUpdate(clientOrderId, OrderUpdateKind.Cancelled, 0, double.NaN, DateTime.MinValue));
            public void Change(string clientOrderId, int newQuantity) { }
            internal decimal Equity()
            {
                decimal e = Cash;
                for (int i = 0; i < Positions.Length; i++) e += Positions[i] * (decimal)Closes[i] * (decimal)PointValues[i];
                return e;
            }
        }

        private sealed class Decision
        {
            internal Decision(DateTime date, bool initial, RebalanceReason reasons, double[] targets, decimal[] positions)
            { Date = date; Initial = initial; Reasons = reasons; Targets = targets; Positions = positions; }
            internal DateTime Date { get; }
            internal bool Initial { get; }
            internal RebalanceReason Reasons { get; }
            internal double[] Targets { get; }
            internal decimal[] Positions { get; }
            public override string ToString() => $"{Date:yyyy-MM-dd} {(Initial ? "first" : Reasons.ToString())} targets [{string.Join(", ", Targets.Select(t => t.ToString("R")))}] positions [{string.Join(", ", Positions)}]";
        }

        // Geometric random walks on business days, per-asset drift and volatility, seeded.
        private static AssetFrame RandomPrices(int seed, int rows)
        {
            var rng = new Random(seed);
            string[] assets = { "ES", "NQ", "CL", "GC" };
            var dates = new List<DateTime>();
            for (var d = new DateTime(2021, 1, 4); dates.Count < rows; d = d.AddDays(1))
                if (d.DayOfWeek != DayOfWeek.Saturday && d.DayOfWeek != DayOfWeek.Sunday) dates.Add(d);
            var cols = new double[assets.Length][];
            for (int j = 0; j < assets.Length; j++)
            {
                cols[j] = new double[rows];
                double p = 50 + 100 * rng.NextDouble(), sigma = 0.005 + 0.02 * rng.NextDouble(), mu = 0.0004 * (rng.NextDouble() - 0.3);
                for (int t = 0; t < rows; t++)
                {
                    double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    if (t > 0) p *= Math.Exp(mu + sigma * z);
                    cols[j][t] = Math.Round(p, 2);
                }
            }
            return new AssetFrame(dates, assets, cols, FrameKind.Prices, "seed " + seed);
        }

        private static List<Decision> Backtest(AssetFrame prices, RebalanceTriggerOptions triggers, TargetWeightCalculator calculator, decimal capital, double cashBuffer,
            double? volatilityTarget = null)
        {
            ITargetWeightSource source = new OptimizerWeightSource(calculator.Spec.Create(new OptimizerSettings { KellyFraction = calculator.KellyFraction }),
                calculator.Constraints, Lookback, CovarianceMethod.Sample, calculator.RiskFreeRate);
            if (volatilityTarget.HasValue) source = new ScaledWeightSource(source, Lookback, 252, volatilityTarget, 1.5);
            var ins = prices.Assets.Select((a, j) => new BacktestInstrument(a, (decimal)PointValues[j])).ToList();
            var r = new Backtester().Run(prices, ins, source, new BacktestOptions
            {
                InitialCapital = capital,
                Triggers = triggers,
                CashBuffer = cashBuffer,
                SizingLimits = new InstrumentLimits(defaultMaxWeight: MaxWeight),
                RetargetOn = RebalanceReason.Calendar, // as the strategy: drift trades back to the targets in force
            });
            var held = new decimal[prices.AssetCount];
            var decisions = new List<Decision>();
            foreach (var reb in r.Rebalances)
            {
                foreach (var f in r.Fills.Where(x => x.Date == reb.Date)) held[prices.IndexOf(f.Symbol)] += f.Quantity;
                decisions.Add(new Decision(reb.Date, reb.Initial, reb.Reasons, reb.Targets.ToArray(), (decimal[])held.Clone()));
            }
            return decisions;
        }

        private static List<Decision> Strategy(AssetFrame prices, CalendarFrequency calendar, double? band, TargetWeightCalculator calculator, decimal capital, double cashBuffer,
            double? volatilityTarget = null)
        {
            string[] names = prices.Assets.ToArray();
            var gateway = new FillAtCloseGateway(names) { Cash = capital };
            var loop = new PortfolioRebalancer(new PortfolioRebalancerOptions
            {
                Instruments = names,
                PointValues = PointValues,
                Targets = calculator,
                Lookback = Lookback,
                Calendar = calendar,
                DriftBand = band,
                CashBuffer = cashBuffer,
                VolatilityTarget = volatilityTarget,
                MaxGrossLeverage = volatilityTarget.HasValue ? 1.5 : (double?)null,
                PeriodsPerYear = 252,
                ExecutionSlices = 1,
                BarLength = TimeSpan.FromDays(1),
            }, gateway, new SettableClock(), null, null);
            var decisions = new List<Decision>();
            for (int t = 0; t < prices.Rows; t++)
            {
                var closes = Enumerable.Range(0, names.Length).Select(j => prices[t, j]).ToArray();
                gateway.Closes = closes;
                int[] positions = gateway.Positions.Select(q => (int)q).ToArray();
                var reasons = loop.OnBar(prices.Dates[t], closes, positions, gateway.Equity(), sliceOrders: false);
                if (reasons == RebalanceReason.None) continue;
                bool initial = decisions.Count == 0;
                decisions.Add(new Decision(prices.Dates[t], initial, initial ? RebalanceReason.None : reasons, loop.TargetWeights!.ToArray(), (decimal[])gateway.Positions.Clone()));
            }
            return decisions;
        }

        [Test]
        public void SeededRandomBars_TheBacktesterAndTheStrategyLoop_RebalanceOnTheSameBars_ToTheSameTargetsAndContracts(
            [Values("monthly", "weekly", "drift:0.03", "monthly+drift:0.03", "monthly+vol:0.25")] string policyText)
        {
            // The strategy's settings; the backtester gets the same triggers (a calendar schedule and a drift band together
            // are the strategy's usual configuration, which no single policy text names).
            var calendar = policyText.StartsWith("monthly", StringComparison.Ordinal) ? CalendarFrequency.Monthly
                : policyText == "weekly" ? CalendarFrequency.Weekly : CalendarFrequency.None;
            double? band = policyText.EndsWith("drift:0.03", StringComparison.Ordinal) ? 0.03 : (double?)null;
            var triggers = new RebalanceTriggerOptions { Calendar = calendar, AbsoluteBand = band };
            double? volatility = policyText.EndsWith("vol:0.25", StringComparison.Ordinal) ? 0.25 : (double?)null;
            int compared = 0, drifts = 0;
            for (int seed = 1; seed <= 4; seed++)
            {
                var prices = RandomPrices(seed, 260);
                var calculator = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, MaxWeight, 1, 0);
                decimal capital = 2_000_000m + 500_000m * seed;
                double buffer = 0.01 * seed;
                var backtest = Backtest(prices, triggers, calculator, capital, buffer, volatility);
                var strategy = Strategy(prices, calendar, band, calculator, capital, buffer, volatility);

                Assert.That(backtest.Count, Is.GreaterThan(2), $"seed {seed}: the policy should fire");
                Assert.That(strategy.Select(d => d.ToString()), Is.EqualTo(backtest.Select(d => d.ToString())), $"seed {seed} {policyText}");
                for (int k = 0; k < backtest.Count; k++)
                {
                    Assert.That(strategy[k].Targets, Is.EqualTo(backtest[k].Targets), $"seed {seed}: targets on {backtest[k].Date:yyyy-MM-dd}, bit for bit");
                    Assert.That(strategy[k].Positions, Is.EqualTo(backtest[k].Positions), $"seed {seed}: contracts after {backtest[k].Date:yyyy-MM-dd}");
                }
                Assert.That(backtest.Any(d => d.Positions.Any(q => q != 0)), Is.True, $"seed {seed}: the account trades");
                compared += backtest.Count;
                drifts += backtest.Count(d => (d.Reasons & RebalanceReason.AbsoluteDrift) != 0);
                if (volatility.HasValue)
                    Assert.That(backtest.Any(d => Math.Abs(d.Targets.Sum() - 1) > 1e-3), Is.True, $"seed {seed}: the volatility scaling changes the targets");
            }
            Assert.That(compared, Is.GreaterThan(12));
            if (band.HasValue) Assert.That(drifts, Is.GreaterThan(0), "the drift band fired somewhere");
        }

        [Test]
        public void StrategyTargets_EqualTheOptimizerOnTheBatchWindowOfTheSameBars()
        {
            // An independent check of the shared targets: the batch path (returns of the price rows, sample moments, the catalog's
            // optimizer) on the first allocation's window gives the strategy's first targets.
            var prices = RandomPrices(7, 120);
            var calculator = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, MaxWeight, 1, 0);
            var strategy = Strategy(prices, CalendarFrequency.Monthly, null, calculator, 3_000_000m, 0);
            var returns = ReturnCalculator.Simple(prices.Slice(0, Lookback + 1));
            double[] batch = calculator.Compute(returns).CopyWeights();

            Assert.That(strategy[0].Date, Is.EqualTo(prices.Dates[Lookback]));
            Assert.That(strategy[0].Targets, Is.EqualTo(batch).Within(1e-12));
            Assert.That(strategy[0].Targets.Max(), Is.LessThanOrEqualTo(MaxWeight + 1e-9));
        }
    }
}
