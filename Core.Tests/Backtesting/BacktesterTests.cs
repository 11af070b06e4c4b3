using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Impact;

namespace NinjaTraderPortfolio.Core.Tests.Backtesting
{
    /// <summary>The market-on-close backtester against hand-worked cases and closed forms.</summary>
    public sealed class BacktesterTests
    {
        private static AssetFrame Frame(string[] dates, string[] assets, params double[][] columns)
            => new AssetFrame(dates.Select(d => DateTime.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList(), assets, columns, FrameKind.Prices, "test");

        private static List<BacktestInstrument> Plain(AssetFrame f) => f.Assets.Select(a => new BacktestInstrument(a)).ToList();

        private static AssetFrame EuStocks()
            => PriceFileLoader.Load(new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv") }).Frame;

        // Worked by hand. Weights 0.5/0.5, capital 10,000, commission 2 per unit, no impact, whole units, monthly.
        //   bar 0 2024-01-30 A=100 B=50: buy 5000/100 = 50 A and 5000/50 = 100 B; commission 150 x 2 = 300; cash -300; E = 9700
        //   bar 1 2024-01-31 A=102 B=48: same month, no trade; E = -300 + 50x102 + 100x48 = 9600
        //   bar 2 2024-02-01 A=105 B=45: first bar of February -> rebalance. E before = -300 + 5250 + 4500 = 9450;
        //         targets 4725 each: 4725/105 = 45 A (sell 5), 4725/45 = 105 B (buy 5); commission 10 x 2 = 20;
        //         cash = -300 + 5x105 - 5x45 - 20 = -20; E after = -20 + 4725 + 4725 = 9430
        //   bar 3 2024-02-02 A=110 B=50: E = -20 + 45x110 + 105x50 = 10180
        //   turnover = (5x105 + 5x45) / 9450 = 750 / 9450; fills: 4
        [Test]
        public void TwoAssets_OneMonthlyRebalance_EqualsHandResult()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02" }, new[] { "A", "B" },
                new[] { 100.0, 102, 105, 110 }, new[] { 50.0, 48, 45, 50 });
            var r = new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 0.5, 0.5 }), new BacktestOptions
            {
                InitialCapital = 10_000m,
                Policy = RebalancePolicy.Parse("monthly"),
                Costs = BacktestCosts.Commission(2m),
            });
            Assert.That(r.EquityCurve.Select(e => e.Equity), Is.EqualTo(new[] { 9700m, 9600m, 9430m, 10180m }));
            Assert.That(r.FinalEquity, Is.EqualTo(10180m));
            Assert.That(r.TotalReturn, Is.EqualTo(0.018).Within(1e-15));
            Assert.That(r.Commissions, Is.EqualTo(320m));
            Assert.That(r.Trades, Is.EqualTo(4));
            Assert.That(r.Turnover, Is.EqualTo(750.0 / 9450.0).Within(1e-15));
            Assert.That(r.Rebalances.Select(x => x.Bar), Is.EqualTo(new[] { 0, 2 }));
            Assert.That(r.Rebalances[1].Reasons, Is.EqualTo(RebalanceReason.Calendar));
            var fills = r.Fills.Select(x => (x.Date.Day, x.Symbol, x.Quantity)).ToList();
            Assert.That(fills, Is.EqualTo(new[] { (30, "A", 50m), (30, "B", 100m), (1, "A", -5m), (1, "B", 5m) }));
            Assert.That(r.Weights[2], Is.EqualTo(new[] { 4725.0 / 9430, 4725.0 / 9430 }).Within(1e-15));
        }

        // Fractional units make the product exact: after each rebalance q_i = w_i E / p_i holds exactly w_i of E (decimal, 28
        // digits), so E_{t+1} / E_t = sum_i w_i p_i,t+1 / p_i,t = 1 + sum_i w_i r_i,t+1. The reference product is in double.
        [Test]
        public void FixedWeights_RebalancedEveryBar_NoCosts_EqualProductOfWeightedReturns()
        {
            var rng = new Random(20241125);
            int rows = 120;
            var dates = Enumerable.Range(0, rows).Select(i => new DateTime(2023, 1, 2).AddDays(i)).ToList();
            var cols = new double[3][];
            for (int j = 0; j < 3; j++)
            {
                cols[j] = new double[rows];
                cols[j][0] = 50 + 50 * rng.NextDouble();
                for (int t = 1; t < rows; t++) cols[j][t] = cols[j][t - 1] * (1 + 0.02 * (rng.NextDouble() - 0.5));
            }
            var f = new AssetFrame(dates, new[] { "X", "Y", "Z" }, cols, FrameKind.Prices, "random");
            var w = new[] { 0.7, 0.5, -0.2 };
            var r = new Backtester().Run(f, Plain(f), new FixedWeightSource(w), new BacktestOptions
            {
                InitialCapital = 1_000_000m,
                Policy = RebalancePolicy.Parse("daily"),
                FractionalUnits = true,
            });
            double expected = 1_000_000;
            for (int t = 1; t < rows; t++)
            {
                double g = 0;
                for (int j = 0; j < 3; j++) g += w[j] * (cols[j][t] / cols[j][t - 1] - 1);
                expected *= 1 + g;
                Assert.That((double)r.EquityCurve[t].Equity, Is.EqualTo(expected).Within(1e-9).Percent, $"bar {t}");
            }
            Assert.That(r.Rebalances.Count, Is.EqualTo(rows));
        }

        // Buy and hold: capital = 100 x first DAX close buys exactly 100 units, so final equity = 100 x last close.
        [Test]
        public void BuyAndHold_OneAsset_EqualsItsPriceReturn()
        {
            var f = EuStocks().Select(new[] { "DAX" });
            decimal p0 = (decimal)f[0, 0], pT = (decimal)f[f.Rows - 1, 0];
            var r = new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 1.0 }), new BacktestOptions
            {
                InitialCapital = 100 * p0,
                Policy = RebalancePolicy.None,
            });
            Assert.That(r.FinalEquity, Is.EqualTo(100 * pT));
            Assert.That(r.TotalReturn, Is.EqualTo(f[f.Rows - 1, 0] / f[0, 0] - 1).Within(1e-14));
            Assert.That(r.Trades, Is.EqualTo(1));
            Assert.That(r.Turnover, Is.EqualTo(0));
        }

        [Test]
        public void MonthlyPolicy_RebalancesOnFirstBarOfEachMonth_AndPositionsAreWholeLots()
        {
            var f = EuStocks();
            var ins = new List<BacktestInstrument> { new BacktestInstrument("DAX", 25m), new BacktestInstrument("SMI", 10m), new BacktestInstrument("CAC", 10m, 2), new BacktestInstrument("FTSE", 10m) };
            var r = new Backtester().Run(f, ins, new FixedWeightSource(new[] { 0.25, 0.25, 0.25, 0.25 }), new BacktestOptions { InitialCapital = 5_000_000m });
            var later = r.Rebalances.Where(x => !x.Initial).ToList();
            Assert.That(later, Is.Not.Empty);
            foreach (var x in later)
            {
                Assert.That(f.Dates[x.Bar].Month, Is.Not.EqualTo(f.Dates[x.Bar - 1].Month), AssetFrame.FormatDate(x.Date));
                Assert.That(x.Reasons, Is.EqualTo(RebalanceReason.Calendar));
            }
            int months = Enumerable.Range(1, f.Rows - 1).Count(t => f.Dates[t].Month != f.Dates[t - 1].Month);
            Assert.That(later.Count, Is.EqualTo(months));
            foreach (var fill in r.Fills)
            {
                Assert.That(fill.Quantity, Is.EqualTo(decimal.Truncate(fill.Quantity)));
                if (fill.Symbol == "CAC") Assert.That(fill.Quantity % 2, Is.EqualTo(0m));
            }
        }

        [TestCase("weekly")]
        [TestCase("quarterly")]
        [TestCase("daily")]
        public void CalendarPolicy_SignalsOnTheFirstBarOfEachNewPeriod(string policy)
        {
            var f = EuStocks().Slice(0, 400);
            var r = new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 0.25, 0.25, 0.25, 0.25 }), new BacktestOptions
            {
                InitialCapital = 1_000_000m,
                Policy = RebalancePolicy.Parse(policy),
                FractionalUnits = true,
            });
            // Independent period keys: ISO week start (Monday), calendar quarter, date.
            object Key(DateTime d) => policy == "weekly" ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7)).Date
                : policy == "quarterly" ? (object)(d.Year * 4 + (d.Month - 1) / 3) : d.Date;
            // Daily: a bar whose four closes repeat the previous bar's (EuStockMarkets fills holidays that way) leaves the exact
            // fractional weights of yesterday's rebalance on target: the trigger evaluator suppresses a signal with nothing
            // to trade. (Weekly and quarterly rebalances are far enough apart that the weights have drifted.)
            bool unchanged(int t) => policy == "daily" && Enumerable.Range(0, 4).All(i => f[t, i] == f[t - 1, i]);
            var expected = Enumerable.Range(1, f.Rows - 1).Where(t => !Key(f.Dates[t]).Equals(Key(f.Dates[t - 1])) && !unchanged(t)).ToList();
            Assert.That(r.Rebalances.Where(x => !x.Initial).Select(x => x.Bar), Is.EqualTo(expected));
            Assert.That(expected, Is.Not.Empty);
        }

        [Test]
        public void DriftPolicy_TradesOnlyWhenABandIsLeft()
        {
            var f = EuStocks();
            var w = new[] { 0.4, 0.1, 0.1, 0.4 };
            const double band = 0.03;
            var r = new Backtester().Run(f, Plain(f), new FixedWeightSource(w), new BacktestOptions
            {
                InitialCapital = 10_000_000m,
                Policy = RebalancePolicy.Parse("drift:0.03"),
            });
            var rebalanceBars = new HashSet<int>(r.Rebalances.Select(x => x.Bar));
            Assert.That(rebalanceBars.Count, Is.GreaterThan(1));
            for (int k = 1; k < r.EquityCurve.Count; k++)
            {
                if (rebalanceBars.Contains(k)) continue;
                double worst = Enumerable.Range(0, 4).Max(i => Math.Abs(r.Weights[k][i] - w[i]));
                Assert.That(worst, Is.LessThanOrEqualTo(band), AssetFrame.FormatDate(r.EquityCurve[k].Date));
            }
            Assert.That(r.Rebalances.Where(x => !x.Initial).All(x => x.Reasons == RebalanceReason.AbsoluteDrift), Is.True);
        }

        // First fill with sigma = 0 (one close so far): cost = spread/2 x |q| x p = 0.001/2 x 50 x 100 = 2.5; plus commission.
        [Test]
        public void ImpactModel_FirstFill_CostsHalfTheSpreadByHand()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31" }, new[] { "A" }, new[] { 100.0, 100.0 });
            var ins = new List<BacktestInstrument> { new BacktestInstrument("A", 1m, 1, 1_000_000, 0.001) };
            var r = new Backtester().Run(f, ins, new FixedWeightSource(new[] { 0.5 }), new BacktestOptions
            {
                InitialCapital = 10_000m,
                Policy = RebalancePolicy.None,
                Costs = BacktestCosts.WithImpact(0.5m, new SquareRootImpactModel()),
            });
            Assert.That(r.Fills[0].Quantity, Is.EqualTo(50m));
            Assert.That(r.Fills[0].ImpactCost, Is.EqualTo(2.5m));
            Assert.That(r.Fills[0].Commission, Is.EqualTo(25m));
            Assert.That(r.FinalEquity, Is.EqualTo(10_000m - 27.5m));
        }

        // Impact on a later bar uses sigma of the trailing closes: ln returns of 100, 110, 99 -> sample sd by hand
        // r1 = ln 1.1 = 0.0953102, r2 = ln 0.9 = -0.1053605; mean -0.0050252; sd = |r1 - r2| / sqrt 2 = 0.1418947.
        [Test]
        public void ImpactModel_LaterFill_UsesTrailingVolatility()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31", "2024-02-01" }, new[] { "A", "B" }, new[] { 100.0, 110, 99 }, new[] { 10.0, 10, 12 });
            var ins = new List<BacktestInstrument> { new BacktestInstrument("A", 1m, 1, 400, 0), new BacktestInstrument("B", 1m, 1, 400, 0) };
            var r = new Backtester().Run(f, ins, new FixedWeightSource(new[] { 0.5, 0.5 }), new BacktestOptions
            {
                InitialCapital = 10_000m,
                Policy = RebalancePolicy.Parse("monthly"),
                Costs = BacktestCosts.WithImpact(0m, new SquareRootImpactModel()),
            });
            var fill = r.Fills.Single(x => x.Symbol == "A" && x.Date.Month == 2);
            double sigma = Math.Abs(Math.Log(1.1) - Math.Log(0.9)) / Math.Sqrt(2);
            double q = Math.Abs((double)fill.Quantity);
            double expected = sigma * Math.Sqrt(q / 400) * q * 99;
            Assert.That((double)fill.ImpactCost, Is.EqualTo(expected).Within(1e-9).Percent);
        }

        // With --method the first allocation is at bar `lookback` and each rebalance's targets are the optimizer's answer on
        // exactly the `lookback` returns ending at that bar's close (no look-ahead).
        [Test]
        public void OptimizerSource_UsesTrailingWindowEndingAtTheDecisionBar()
        {
            var f = EuStocks().Slice(0, 300);
            const int lookback = 60;
            var limits = PortfolioConstraints.LongOnly;
            var source = new OptimizerWeightSource(new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()), limits, lookback);
            var r = new Backtester().Run(f, Plain(f), source, new BacktestOptions { InitialCapital = 10_000_000m, Policy = RebalancePolicy.Parse("monthly") });
            Assert.That(r.EquityCurve[0].Date, Is.EqualTo(f.Dates[lookback]));
            Assert.That(r.EquityCurve.Count, Is.EqualTo(f.Rows - lookback));
            foreach (var x in r.Rebalances)
            {
                var returns = ReturnCalculator.Simple(f.Slice(x.Bar - lookback, lookback + 1));
                var problem = new PortfolioProblem(f.Assets, SampleMoments.Mean(returns), SampleMoments.Covariance(returns), 0, limits);
                var direct = new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()).Optimize(problem);
                Assert.That(x.Targets, Is.EqualTo(direct.Weights).Within(1e-12), AssetFrame.FormatDate(x.Date));
            }
        }

        [Test]
        public void SameInput_TwiceGivesIdenticalRecords()
        {
            var f = EuStocks();
            var ins = f.Assets.Select(a => new BacktestInstrument(a, 10m, 1, 50_000, 0.0004)).ToList();
            string Run()
            {
                var r = new Backtester().Run(f, ins, new FixedWeightSource(new[] { 0.1, 0.2, 0.3, 0.4 }), new BacktestOptions
                {
                    InitialCapital = 2_000_000m,
                    Policy = RebalancePolicy.Parse("weekly"),
                    Costs = BacktestCosts.WithImpact(1.5m, new SquareRootImpactModel()),
                });
                return string.Join("\n", r.EquityCurve.Select(e => e.Date.Ticks + ":" + e.Equity))
                    + string.Join("\n", r.Fills.Select(x => $"{x.Date.Ticks}|{x.Symbol}|{x.Quantity}|{x.Price}|{x.Commission}|{x.ImpactCost}"));
            }
            string first = Run(), second = Run();
            Assert.That(second, Is.EqualTo(first));
        }

        [Test]
        public void MissingInstrumentSettings_NamesTheAsset()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31" }, new[] { "A", "B" }, new[] { 1.0, 1 }, new[] { 1.0, 1 });
            var ex = Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, new[] { new BacktestInstrument("A") }, new FixedWeightSource(new[] { 0.5, 0.5 }), new BacktestOptions()));
            Assert.That(ex!.Message, Does.Contain("'B'"));
        }

        [Test]
        public void UnknownInstrument_NamesIt()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31" }, new[] { "A" }, new[] { 1.0, 1 });
            var ex = Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, new[] { new BacktestInstrument("A"), new BacktestInstrument("ZZZ") }, new FixedWeightSource(new[] { 1.0 }), new BacktestOptions()));
            Assert.That(ex!.Message, Does.Contain("'ZZZ'"));
        }

        [Test]
        public void ImpactWithoutLiquidity_NamesTheAsset()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31" }, new[] { "A" }, new[] { 1.0, 1 });
            var ex = Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 1.0 }),
                new BacktestOptions { Costs = BacktestCosts.WithImpact(0m, new SquareRootImpactModel()) }));
            Assert.That(ex!.Message, Does.Contain("'A'").And.Contain("spread"));
        }

        [Test]
        public void LookbackLongerThanHistory_SaysHowManyBars()
        {
            var f = EuStocks().Slice(0, 30);
            var source = new OptimizerWeightSource(new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()), PortfolioConstraints.LongOnly, 60);
            var ex = Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, Plain(f), source, new BacktestOptions()));
            Assert.That(ex!.Message, Does.Contain("30 bars").And.Contain("bar 61"));
        }

        [Test]
        public void WrongNumberOfWeights_IsRejected()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31" }, new[] { "A", "B" }, new[] { 1.0, 1 }, new[] { 1.0, 1 });
            Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 1.0 }), new BacktestOptions()));
        }

        [Test]
        public void LeveragedShortThatWipesOutTheAccount_IsReportedWithTheDate()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31", "2024-02-01" }, new[] { "A", "B" }, new[] { 100.0, 100, 100 }, new[] { 100.0, 250, 300 });
            var ex = Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 2.0, -1.0 }),
                new BacktestOptions { InitialCapital = 10_000m, Policy = RebalancePolicy.None }));
            Assert.That(ex!.Message, Does.Contain("wiped out").And.Contain("2024-01-31"));
        }

        [TestCase("yearly")]
        [TestCase("drift:")]
        [TestCase("drift:0")]
        [TestCase("drift:1.5")]
        [TestCase("drift:abc")]
        public void BadPolicyText_IsRejectedNamingIt(string text)
        {
            var ex = Assert.Throws<InvalidInputException>(() => RebalancePolicy.Parse(text));
            Assert.That(ex!.Message, Does.Contain(text.Length > 6 ? text.Substring(6) : text));
        }

        [Test]
        public void NonPositiveCapital_IsRejected()
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31" }, new[] { "A" }, new[] { 1.0, 1 });
            Assert.Throws<ArgumentOutOfRangeException>(() => new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 1.0 }), new BacktestOptions { InitialCapital = 0m }));
        }

        [TestCase(1.0)]
        [TestCase(-0.1)]
        [TestCase(double.NaN)]
        public void CashBufferOutsideZeroToOne_IsRejectedByTheLoop_WithItsMessage(double buffer)
        {
            var f = Frame(new[] { "2024-01-30", "2024-01-31" }, new[] { "A" }, new[] { 1.0, 1 });
            var ex = Assert.Throws<InvalidInputException>(() => new Backtester().Run(f, Plain(f), new FixedWeightSource(new[] { 1.0 }), new BacktestOptions { CashBuffer = buffer }));
            Assert.That(ex!.Message, Does.StartWith("cash buffer must be in [0, 1), got "));
        }
    }
}
