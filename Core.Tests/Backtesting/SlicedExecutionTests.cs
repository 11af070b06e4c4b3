using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Session;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Impact;

namespace NinjaTraderPortfolio.Core.Tests.Backtesting
{
    /// <summary>The backtester working each parent with the live schedules (TWAP/VWAP/IS children over the next bars).</summary>
    public sealed class SlicedExecutionTests
    {
        private static AssetFrame Frame(string[] dates, string[] assets, params double[][] columns)
            => new AssetFrame(dates.Select(d => DateTime.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList(), assets, columns, FrameKind.Prices, "test");

        // Worked by hand. Capital 10,000, targets A 0.61 / B 0.39, no rebalance after, commission 1 per unit, square-root impact
        // (Y = 1), TWAP in 2 slices. A: ADV 400, spread 0.002; B: ADV 1000, spread 0.01; point value 1, lot 1.
        //   bar 0 (01-02) A=100 B=20: decision. Parents: A 6100/100 = 61, B 3900/20 = 195. Nothing fills; E = 10,000.
        //   TWAP by cumulative rounding: A round(30.5) = 31 then 30; B round(97.5) = 98 then 97.
        //   bar 1 (01-03) A=110 B=20: children A 31 @ 110, B 98 @ 20. Two closes so far -> sigma 0, impact = spread/2 only:
        //         A 0.001 x 31 x 110 = 3.41; B 0.005 x 98 x 20 = 9.8; commission 129; delay A 31 x (110 - 100) = 310, B 0.
        //         cash = 10,000 - 3,410 - 1,960 - 129 - 3.41 - 9.8 = 4,487.79; E = 4,487.79 + 3,410 + 1,960 = 9,857.79
        //   bar 2 (01-04) A=99 B=20: children A 30 @ 99, B 97 @ 20. A's sigma from 100, 110, 99 = |ln 1.1 - ln 0.9| / sqrt 2
        //         = 0.1418956; impact A = (0.001 + 0.1418956 sqrt(30/400)) x 30 x 99 = 118.38335; B 0.005 x 97 x 20 = 9.7 (sigma 0);
        //         commission 127; delay A 30 x (99 - 100) = -30.
        //         cash = 4,487.79 - 2,970 - 1,940 - 127 - 9.7 - 118.38335 = -677.29335; E = cash + 61 x 99 + 195 x 20 = 9,261.70665
        //   bar 3 (01-05) A=105: E = -677.29335 + 6,405 + 3,900 = 9,627.70665
        //   totals: commissions 256, impact 141.29335, delay 280.
        [Test]
        public void TwoAssets_TwapInTwoSlices_ChildQuantitiesPricesAndCostsEqualTheHandResult()
        {
            var f = Frame(new[] { "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05" }, new[] { "A", "B" },
                new[] { 100.0, 110, 99, 105 }, new[] { 20.0, 20, 20, 20 });
            var ins = new List<BacktestInstrument> { new BacktestInstrument("A", 1m, 1, 400, 0.002), new BacktestInstrument("B", 1m, 1, 1000, 0.01) };
            var r = new Backtester().Run(f, ins, new FixedWeightSource(new[] { 0.61, 0.39 }), new BacktestOptions
            {
                InitialCapital = 10_000m,
                Policy = RebalancePolicy.None,
                Costs = BacktestCosts.WithImpact(1m, new SquareRootImpactModel()),
                Execution = new BacktestExecution(SliceStrategy.Twap, 2),
            });
            var fills = r.Fills.Select(x => (x.Date.Day, x.Symbol, x.Quantity, x.Price, x.Commission, x.DecisionPrice, x.DelayCost)).ToList();
            Assert.That(fills, Is.EqualTo(new[]
            {
                (3, "A", 31m, 110m, 31m, 100m, 310m), (3, "B", 98m, 20m, 98m, 20m, 0m),
                (4, "A", 30m, 99m, 30m, 100m, -30m), (4, "B", 97m, 20m, 97m, 20m, 0m),
            }));
            double sigma = Math.Abs(Math.Log(1.1) - Math.Log(0.9)) / Math.Sqrt(2);
            double impactA2 = (0.001 + sigma * Math.Sqrt(30.0 / 400)) * 30 * 99;
            Assert.That(impactA2, Is.EqualTo(118.38335).Within(1e-5));
            Assert.That(r.Fills.Select(x => (double)x.ImpactCost), Is.EqualTo(new[] { 3.41, 9.8, impactA2, 9.7 }).Within(1e-9));
            Assert.That(r.Commissions, Is.EqualTo(256m));
            Assert.That(r.DelayCosts, Is.EqualTo(280m));
            Assert.That((double)r.ImpactCosts, Is.EqualTo(3.41 + 9.8 + 9.7 + impactA2).Within(1e-9));
            var eq = r.EquityCurve.Select(e => (double)e.Equity).ToArray();
            Assert.That(eq, Is.EqualTo(new[] { 10_000.0, 9_857.79, 9_380.09 - impactA2, 9_746.09 - impactA2 }).Within(1e-9));
            Assert.That(r.Execution, Is.EqualTo("twap x 2"));
            Assert.That(r.Rebalances.Single().TradedNotional, Is.EqualTo(61m * 100 + 195m * 20));
        }

        // Property on seeded random paths: every parent's children add up to the planned trade (the rebalance's traded notional
        // at the decision closes), lie on the bars right after the decision, share its side, and number at most N.
        [Test]
        public void RandomPaths_ChildrenOfEveryParentAddUpToThePlannedTrade([Values(SliceStrategy.Twap, SliceStrategy.Vwap, SliceStrategy.ImplementationShortfall)] SliceStrategy strategy)
        {
            for (int seed = 1; seed <= 5; seed++)
            {
                var f = RandomPaths(seed, 150, 3, constant: false);
                var rng = new Random(seed * 7);
                var ins = f.Assets.Select(a => new BacktestInstrument(a, 1m + rng.Next(0, 3), 1 + rng.Next(0, 3), 5_000, 0.001)).ToList();
                int slices = 1 + seed;
                var r = new Backtester().Run(f, ins, new FixedWeightSource(new[] { 0.5, 0.3, -0.2 }), new BacktestOptions
                {
                    InitialCapital = 1_000_000m,
                    Policy = RebalancePolicy.Parse("drift:0.02"),
                    Costs = BacktestCosts.WithImpact(0.5m, new SquareRootImpactModel()),
                    Execution = new BacktestExecution(strategy, slices, sigma: 0.5, eta: 0.1, riskAversion: 1e-3),
                });
                Assert.That(r.Rebalances.Count, Is.GreaterThan(2), $"seed {seed}: the drift band should fire");
                foreach (var reb in r.Rebalances)
                {
                    var children = r.Fills.Where(x => x.DecisionDate == reb.Date).ToList();
                    decimal filled = 0m;
                    foreach (var g in children.GroupBy(x => x.Symbol))
                    {
                        int j = f.IndexOf(g.Key);
                        Assert.That(g.Count(), Is.LessThanOrEqualTo(slices), $"seed {seed} {g.Key}");
                        Assert.That(g.Select(x => Math.Sign(x.Quantity)).Distinct().Count(), Is.EqualTo(1), $"seed {seed} {g.Key}: one side");
                        foreach (var c in g)
                        {
                            int bar = f.Dates.ToList().IndexOf(c.Date);
                            if (reb.Bar == f.Rows - 1) Assert.That(bar, Is.EqualTo(reb.Bar), "a signal on the last bar fills at its close");
                            else Assert.That(bar, Is.InRange(reb.Bar + 1, reb.Bar + slices), $"seed {seed} {g.Key}");
                            Assert.That(c.DecisionPrice, Is.EqualTo((decimal)f[reb.Bar, j]));
                            Assert.That(c.Quantity % ins[j].LotSize, Is.EqualTo(0m), "whole lots");
                        }
                        filled += Math.Abs(g.Sum(x => x.Quantity)) * (decimal)f[reb.Bar, j] * ins[j].PointValue;
                    }
                    Assert.That(filled, Is.EqualTo(reb.TradedNotional), $"seed {seed} rebalance at bar {reb.Bar}");
                }
                // The account ends holding exactly what the fills add up to, and cash reconciles to the final equity.
                decimal cash = 1_000_000m - r.Fills.Sum(x => x.Quantity * x.Price * ins[f.IndexOf(x.Symbol)].PointValue + x.Commission + x.ImpactCost);
                int last = f.Rows - 1;
                decimal marked = f.Assets.Select((a, j) => r.Fills.Where(x => x.Symbol == a).Sum(x => x.Quantity) * (decimal)f[last, j] * ins[j].PointValue).Sum();
                Assert.That(r.FinalEquity, Is.EqualTo(cash + marked), $"seed {seed}");
            }
        }

        // With constant prices and no impact, filling up to N bars later at the same closes changes nothing: without costs the
        // whole equity curve equals market-on-close; with a commission per unit (paid by each child as it fills) the final
        // equity and the total commission do. Seeded random weights, lots and point values.
        [Test]
        public void ConstantPrices_NoImpact_EqualMarketOnClose([Values(SliceStrategy.Twap, SliceStrategy.Vwap, SliceStrategy.ImplementationShortfall)] SliceStrategy strategy)
        {
            for (int seed = 1; seed <= 5; seed++)
            {
                var f = RandomPaths(seed, 60, 3, constant: true);
                var rng = new Random(seed * 11);
                var ins = f.Assets.Select(a => new BacktestInstrument(a, 1m + rng.Next(0, 50), 1 + rng.Next(0, 4))).ToList();
                var w = new[] { rng.NextDouble() * 0.6, rng.NextDouble() * 0.4, -rng.NextDouble() * 0.3 };
                BacktestResult Run(BacktestExecution? e, BacktestCosts costs) => new Backtester().Run(f, ins, new FixedWeightSource(w), new BacktestOptions
                {
                    InitialCapital = 2_000_000m,
                    Policy = RebalancePolicy.Parse("monthly"),
                    Costs = costs,
                    Execution = e,
                });
                var execution = new BacktestExecution(strategy, 1 + seed, sigma: 0.3, eta: 0.05, riskAversion: 1e-4);
                var moc = Run(null, BacktestCosts.None);
                var sliced = Run(execution, BacktestCosts.None);
                Assert.That(sliced.EquityCurve.Select(x => x.Equity), Is.EqualTo(moc.EquityCurve.Select(x => x.Equity)), $"seed {seed}");
                Assert.That(sliced.Weights[sliced.Weights.Count - 1], Is.EqualTo(moc.Weights[moc.Weights.Count - 1]), $"seed {seed}: same holdings at the end");
                Assert.That(sliced.DelayCosts, Is.EqualTo(0m));
                Assert.That(sliced.Trades, Is.GreaterThan(moc.Trades), $"seed {seed}: parents were split");

                var mocC = Run(null, BacktestCosts.Commission(1.25m));
                var slicedC = Run(execution, BacktestCosts.Commission(1.25m));
                Assert.That(slicedC.Commissions, Is.EqualTo(mocC.Commissions), $"seed {seed}");
                Assert.That(slicedC.FinalEquity, Is.EqualTo(mocC.FinalEquity), $"seed {seed}");
            }
        }

        [Test]
        public void SlicedExecution_WithFractionalUnits_IsRejectedNamingBoth()
        {
            var f = RandomPaths(1, 5, 3, constant: true);
            var ex = Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, f.Assets.Select(a => new BacktestInstrument(a)).ToList(),
                new FixedWeightSource(new[] { 0.3, 0.3, 0.3 }), new BacktestOptions { FractionalUnits = true, Execution = new BacktestExecution(SliceStrategy.Twap, 3) }));
            Assert.That(ex!.Message, Does.Contain("twap x 3").And.Contain("fractional"));
        }

        [Test]
        public void SignalOnTheLastBar_FillsAtItsClose()
        {
            var f = Frame(new[] { "2024-01-02" }, new[] { "A" }, new[] { 100.0 });
            var r = new Backtester().Run(f, new List<BacktestInstrument> { new BacktestInstrument("A") }, new FixedWeightSource(new[] { 0.5 }),
                new BacktestOptions { InitialCapital = 1_000m, Policy = RebalancePolicy.None, Execution = new BacktestExecution(SliceStrategy.Twap, 4) });
            Assert.That(r.Fills.Single().Quantity, Is.EqualTo(5m));
            Assert.That(r.Fills.Single().Date, Is.EqualTo(new DateTime(2024, 1, 2)));
        }

        // As live (PortfolioRebalancer): a calendar signal while children still work cancels them and re-plans from the
        // positions filled so far. With a daily calendar every bar re-plans, so only each parent's first child ever fills,
        // on the bar after its decision; the account still reconciles.
        [Test]
        public void CalendarSignalWhileChildrenWork_CancelsThemAndReplans_AsTheStrategyDoes()
        {
            for (int seed = 1; seed <= 3; seed++)
            {
                var f = RandomPaths(seed, 40, 3, constant: false);
                var ins = f.Assets.Select(a => new BacktestInstrument(a)).ToList();
                var r = new Backtester().Run(f, ins, new FixedWeightSource(new[] { 0.4, 0.3, 0.2 }), new BacktestOptions
                {
                    InitialCapital = 1_000_000m,
                    Policy = RebalancePolicy.Parse("daily"),
                    Execution = new BacktestExecution(SliceStrategy.Twap, 4),
                });
                var dates = f.Dates.ToList();
                Assert.That(r.Rebalances.Count, Is.GreaterThan(10), $"seed {seed}");
                foreach (var fill in r.Fills.Where(x => x.Date != x.DecisionDate))
                    Assert.That(dates.IndexOf(fill.Date), Is.EqualTo(dates.IndexOf(fill.DecisionDate) + 1), $"seed {seed}: later children were cancelled by the next day's rebalance");
                decimal cash = 1_000_000m - r.Fills.Sum(x => x.Quantity * x.Price);
                int last = f.Rows - 1;
                decimal marked = f.Assets.Select((a, j) => r.Fills.Where(x => x.Symbol == a).Sum(x => x.Quantity) * (decimal)f[last, j]).Sum();
                Assert.That(r.FinalEquity, Is.EqualTo(cash + marked), $"seed {seed}");
            }
        }

        private static AssetFrame RandomPaths(int seed, int rows, int assets, bool constant)
        {
            var rng = new Random(seed);
            var dates = Enumerable.Range(0, rows).Select(i => new DateTime(2023, 1, 2).AddDays(i)).ToList();
            var cols = new double[assets][];
            for (int j = 0; j < assets; j++)
            {
                cols[j] = new double[rows];
                cols[j][0] = Math.Round(20 + 80 * rng.NextDouble(), 2);
                for (int t = 1; t < rows; t++)
                    cols[j][t] = constant ? cols[j][0] : Math.Round(cols[j][t - 1] * (1 + 0.04 * (rng.NextDouble() - 0.5)), 2);
            }
            return new AssetFrame(dates, Enumerable.Range(0, assets).Select(j => "S" + j).ToArray(), cols, FrameKind.Prices, "random");
        }
    }
}
