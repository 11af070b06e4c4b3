using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>Seeded random properties: limits hold to 1e-8, KKT conditions hold, optimality against random feasible portfolios.</summary>
    public sealed class OptimizerPropertyTests
    {
        private const double Tol = 1e-8;
        private static readonly int[] Seeds = Enumerable.Range(1, 12).ToArray();

        /// <summary>Random limits of every kind over a random problem: sectors, overrides, shorts with a leverage cap, turnover.</summary>
        private static PortfolioProblem RandomLimitedProblem(int seed)
        {
            var rng = new Random(seed * 7919);
            int n = 4 + seed % 7;
            var m = OptimizationSamples.Random(seed, n);
            var sectors = m.Assets.ToDictionary(a => a, a => "S" + (rng.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var c = PortfolioConstraints.LongOnly.WithSectors(sectors);
            switch (seed % 4)
            {
                case 0: c = c.WithWeightRange(0, 0.45).WithSectorMax("S0", 0.5); break;
                case 1: c = c.WithWeightRange(-0.3, 0.6).WithMaxLeverage(1.6).WithAssetRange(m.Assets[0], 0, 0.2); break;
                case 2:
                    var w0 = m.Assets.ToDictionary(a => a, a => 1.0 / n);
                    c = c.WithWeightRange(0, 0.5).WithMaxTurnover(0.3, w0); break;
                default: c = c.WithWeightRange(0.02, 0.5).WithSectorMin("S1", 0.1).WithSectorMax("S2", 0.4); break;
            }
            // Guard against an infeasible draw (e.g. a sector floor with no members): fall back to plain limits.
            bool hasS1 = sectors.Values.Contains("S1"), hasS0 = sectors.Values.Contains("S0"), hasS2 = sectors.Values.Contains("S2");
            if ((seed % 4 == 0 && !hasS0) || (seed % 4 == 3 && (!hasS1 || !hasS2))) c = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.5);
            return OptimizationSamples.Problem(m, c, -2e-4);
        }

        private static void AssertWithinLimits(PortfolioProblem p, OptimizationResult r)
        {
            var layout = PortfolioProgramBuilder.Limits(p.Assets, p.Constraints);
            ConstraintId? worst = layout.WorstViolation(r.Weights, out double amount);
            Assert.That(amount, Is.LessThanOrEqualTo(Tol), "violates " + worst);
        }

        [TestCaseSource(nameof(Seeds))]
        public void MinVariance_RandomLimits_KktAndLimitsHold(int seed)
        {
            var p = RandomLimitedProblem(seed);
            var r = new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(p, null, out var outcome);
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            AssertWithinLimits(p, r);
            var kkt = QpKkt.Check(outcome.Problem, outcome.Result);
            Assert.That(kkt.Max, Is.LessThanOrEqualTo(1e-8), kkt.ToString());
        }

        [TestCaseSource(nameof(Seeds))]
        public void MaxSharpe_RandomLimits_HomogenisedProgramMeetsKktAndGivesTheOptimizersWeights(int seed)
        {
            var p = RandomLimitedProblem(seed);
            var layout = PortfolioProgramBuilder.Limits(p.Assets, p.Constraints);
            var qp = CharnesCooperProgram.Build(layout, p.CopyCovariance(), p.ExpectedReturns, p.RiskFreeRate);
            var result = TestSolver.Create().Solve(qp);
            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            var kkt = QpKkt.Check(qp, result);
            Assert.That(kkt.Max, Is.LessThanOrEqualTo(1e-8), kkt.ToString());
            var w = CharnesCooperProgram.Recover(layout, result.X)!;
            var r = new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(p);
            Assert.That(r.CopyWeights(), Is.EqualTo(w).Within(1e-12));
        }

        [TestCaseSource(nameof(Seeds))]
        public void Kelly_RandomLimits_ProgramMeetsKkt(int seed)
        {
            var p = RandomLimitedProblem(seed);
            var kellyLimits = p.WithConstraints(p.Constraints.WithBudget(null).WithMaxLeverage(p.Constraints.MaxLeverage ?? 1.0));
            var r = new KellyOptimizer(TestSolver.Create(), 0.5).Optimize(kellyLimits);
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            AssertWithinLimits(kellyLimits, r);
            // Same program built by hand: min 1/(2c) f'Sf - (mu - r)'f.
            int n = p.Count;
            var cov = p.CopyCovariance();
            var pm = new double[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) pm[i, j] = cov[i, j] / 0.5;
            var q = p.ExpectedReturns.Select(m => -(m - p.RiskFreeRate)).ToArray();
            var qp = PortfolioProgramBuilder.ToProgram(PortfolioProgramBuilder.Limits(p.Assets, kellyLimits.Constraints), pm, q);
            var result = TestSolver.Create().Solve(qp);
            var kkt = QpKkt.Check(qp, result);
            Assert.That(kkt.Max, Is.LessThanOrEqualTo(1e-8), kkt.ToString());
            Assert.That(r.CopyWeights(), Is.EqualTo(result.X.Take(n).ToArray()).Within(1e-12));
        }

        [TestCaseSource(nameof(Seeds))]
        public void MaxSharpe_RandomLimits_LimitsHoldAndBeatsRandomFeasiblePortfolios(int seed)
        {
            var p = RandomLimitedProblem(seed);
            var r = new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(p);
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            AssertWithinLimits(p, r);
            var layout = PortfolioProgramBuilder.Limits(p.Assets, p.Constraints);
            int feasible = 0;
            foreach (var w in RandomFeasible(new Random(seed), p, r, 3000))
            {
                layout.WorstViolation(w, out double v);
                Assert.That(v, Is.LessThanOrEqualTo(Tol), "candidate is not feasible");
                feasible++;
                double sharpe = (PortfolioMath.ExpectedReturn(p.ExpectedReturns, w) - p.RiskFreeRate) / Math.Sqrt(PortfolioMath.Variance(p.CopyCovariance(), w));
                Assert.That(sharpe, Is.LessThanOrEqualTo(r.Sharpe + 1e-10), $"candidate {string.Join(", ", w)}");
            }
            Assert.That(feasible, Is.EqualTo(3000));
        }

        /// <summary>
        /// Random feasible portfolios: 40 random points projected onto the limits (anchors), then convex combinations of the
        /// optimum and up to two anchors, half of them close to the optimum. Convexity keeps every candidate feasible.
        /// </summary>
        private static IEnumerable<double[]> RandomFeasible(Random rng, PortfolioProblem p, OptimizationResult best, int count)
        {
            int n = p.Count;
            var projection = new WeightProjection(TestSolver.Create());
            var anchors = new List<double[]>();
            double budget = p.Constraints.Budget ?? 1;
            for (int k = 0; k < 40; k++)
            {
                var x = Enumerable.Range(0, n).Select(_ => budget * (2 * rng.NextDouble() - 0.5) / n * 2).ToArray();
                anchors.Add(projection.Project(p, x).CopyWeights());
            }
            for (int k = 0; k < count; k++)
            {
                var a = anchors[rng.Next(anchors.Count)];
                var b = anchors[rng.Next(anchors.Count)];
                double t = k % 2 == 0 ? 1 - 0.05 * rng.NextDouble() : rng.NextDouble();
                double u = rng.NextDouble();
                yield return Enumerable.Range(0, n).Select(i => t * best.Weights[i] + (1 - t) * (u * a[i] + (1 - u) * b[i])).ToArray();
            }
        }

        [TestCaseSource(nameof(Seeds))]
        public void Frontier_RandomLimits_ReturnsAndVolatilitiesRiseAndMatchColdSolves(int seed)
        {
            var p = RandomLimitedProblem(seed);
            var solver = TestSolver.Create();
            var frontier = new EfficientFrontier(solver).Compute(p, 8);
            Assert.That(frontier.Count, Is.EqualTo(8));
            for (int k = 0; k < frontier.Count; k++)
            {
                Assert.That(frontier[k].Status, Is.EqualTo(OptimizationStatus.Optimal), frontier[k].Message);
                AssertWithinLimits(p, frontier[k]);
                if (k == 0) continue;
                Assert.That(frontier[k].ExpectedReturn, Is.GreaterThanOrEqualTo(frontier[k - 1].ExpectedReturn - 1e-12));
                Assert.That(frontier[k].Volatility, Is.GreaterThanOrEqualTo(frontier[k - 1].Volatility - 1e-12));
            }
            // Warm-started interior points equal cold solves of the same target.
            var minVar = new MinimumVarianceOptimizer(solver).Optimize(p);
            var maxRet = new MaximumReturnOptimizer(solver).Optimize(p);
            Assert.That(frontier[0].CopyWeights(), Is.EqualTo(minVar.CopyWeights()).Within(1e-12));
            Assert.That(frontier[7].ExpectedReturn, Is.EqualTo(maxRet.ExpectedReturn).Within(1e-14));
            double target = minVar.ExpectedReturn + (maxRet.ExpectedReturn - minVar.ExpectedReturn) * 3 / 7;
            var cold = new TargetReturnOptimizer(solver, target).Optimize(p);
            Assert.That(frontier[3].CopyWeights(), Is.EqualTo(cold.CopyWeights()).Within(1e-9));
        }

        [TestCaseSource(nameof(Seeds))]
        public void MaxReturn_RandomLimits_NoRandomFeasiblePortfolioReturnsMore(int seed)
        {
            var p = RandomLimitedProblem(seed);
            var best = new MaximumReturnOptimizer(TestSolver.Create()).Optimize(p);
            Assert.That(best.Status, Is.EqualTo(OptimizationStatus.Optimal), best.Message);
            AssertWithinLimits(p, best);
            var layout = PortfolioProgramBuilder.Limits(p.Assets, p.Constraints);
            int feasible = 0;
            foreach (var w in RandomFeasible(new Random(seed + 1000), p, best, 1000))
            {
                layout.WorstViolation(w, out double v);
                Assert.That(v, Is.LessThanOrEqualTo(Tol), "candidate is not feasible");
                feasible++;
                Assert.That(PortfolioMath.ExpectedReturn(p.ExpectedReturns, w), Is.LessThanOrEqualTo(best.ExpectedReturn + 1e-12));
            }
            Assert.That(feasible, Is.EqualTo(1000));
        }

        [TestCaseSource(nameof(Seeds))]
        public void TargetVolatility_RandomLimits_HitsTargetOnTheFrontier(int seed)
        {
            var p = RandomLimitedProblem(seed);
            var solver = TestSolver.Create();
            double lo = new MinimumVarianceOptimizer(solver).Optimize(p).Volatility;
            double hi = new MaximumReturnOptimizer(solver).Optimize(p).Volatility;
            double target = lo + 0.3 * (hi - lo);
            var r = new TargetVolatilityOptimizer(solver, target).Optimize(p);
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            Assert.That(r.Volatility, Is.EqualTo(target).Within(1e-10 * target));
            AssertWithinLimits(p, r);
            // Efficient: the least-variance portfolio with at least its return has the same volatility.
            var same = new TargetReturnOptimizer(solver, r.ExpectedReturn).Optimize(p);
            Assert.That(same.Volatility, Is.EqualTo(r.Volatility).Within(1e-9 * target));
        }

        [TestCaseSource(nameof(Seeds))]
        public void Kelly_RandomProblem_GrowsFasterThanRandomFeasibleAllocations(int seed)
        {
            var m = OptimizationSamples.Random(seed, 3 + seed % 6);
            var p = OptimizationSamples.Problem(m, KellyOptimizer.DefaultConstraints.WithWeightRange(0, 0.7), 1e-4);
            var r = new KellyOptimizer(TestSolver.Create(), 1.0).Optimize(p);
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            Assert.That(r.Weights.Sum(), Is.LessThanOrEqualTo(1 + Tol));
            Assert.That(r.Weights.Min(), Is.GreaterThanOrEqualTo(-Tol));
            double Growth(IReadOnlyList<double> f) => p.RiskFreeRate + f.Select((x, i) => x * (p.ExpectedReturns[i] - p.RiskFreeRate)).Sum()
                - 0.5 * PortfolioMath.Variance(p.CopyCovariance(), f);
            double g = Growth(r.Weights);
            var rng = new Random(seed);
            for (int k = 0; k < 2000; k++)
            {
                var f = Enumerable.Range(0, p.Count).Select(_ => 0.7 * rng.NextDouble()).ToArray();
                double s = f.Sum();
                double scale = rng.NextDouble() / Math.Max(s, 1e-300);
                for (int i = 0; i < f.Length; i++) f[i] = Math.Min(0.7, f[i] * scale);
                Assert.That(Growth(f), Is.LessThanOrEqualTo(g + 1e-14));
            }
        }

        [Test]
        public void Mixed_SingleComponent_EqualsThatMethod()
        {
            var p = RandomLimitedProblem(3);
            var s = TestSolver.Create();
            var alone = new MaximumSharpeOptimizer(s).Optimize(p);
            var mixed = new MixedOptimizer(s, new[] { new KeyValuePair<IPortfolioOptimizer, double>(new MaximumSharpeOptimizer(s), 1.0) }).Optimize(p);
            Assert.That(mixed.Method, Is.EqualTo("mixed"));
            Assert.That(mixed.CopyWeights(), Is.EqualTo(alone.CopyWeights()).Within(1e-9));
        }

        [Test]
        public void Mixed_TwoMethods_IsTheBlendWhenTheBlendIsFeasible()
        {
            var p = OptimizationSamples.Problem(OptimizationSamples.FromSample("eustockmarkets-prices.csv"), PortfolioConstraints.LongOnly);
            var s = TestSolver.Create();
            var a = new MinimumVarianceOptimizer(s).Optimize(p);
            var b = new MaximumSharpeOptimizer(s).Optimize(p);
            var mixed = new MixedOptimizer(s, new[]
            {
                new KeyValuePair<IPortfolioOptimizer, double>(new MinimumVarianceOptimizer(s), 0.25),
                new KeyValuePair<IPortfolioOptimizer, double>(new MaximumSharpeOptimizer(s), 0.75),
            }).Optimize(p);
            for (int i = 0; i < p.Count; i++)
                Assert.That(mixed.Weights[i], Is.EqualTo(0.25 * a.Weights[i] + 0.75 * b.Weights[i]).Within(1e-10));
        }

        [Test]
        public void Mixed_WithKelly_IsProjectedBackToFullyInvested()
        {
            var p = OptimizationSamples.Problem(OptimizationSamples.FromSample("gccindex-prices.csv"), PortfolioConstraints.LongOnly.WithWeightRange(0, 0.4));
            var s = TestSolver.Create();
            var mixed = new MixedOptimizer(s, new[]
            {
                new KeyValuePair<IPortfolioOptimizer, double>(new MinimumVarianceOptimizer(s), 0.5),
                new KeyValuePair<IPortfolioOptimizer, double>(new KellyOptimizer(s, 0.1), 0.5),
            }).Optimize(p);
            Assert.That(mixed.Status, Is.EqualTo(OptimizationStatus.Optimal), mixed.Message);
            Assert.That(mixed.Weights.Sum(), Is.EqualTo(1).Within(Tol));
            AssertWithinLimits(p, mixed);
        }

        [Test]
        public void MinVariance_TurnoverCap_BindsAndHolds()
        {
            var m = OptimizationSamples.FromSample("eustockmarkets-prices.csv");
            var w0 = new Dictionary<string, double> { ["DAX"] = 0.7, ["SMI"] = 0.1, ["CAC"] = 0.1, ["FTSE"] = 0.1 };
            var free = new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(m));
            double freeTurnover = free.Weights.Select((w, i) => Math.Abs(w - w0[m.Assets[i]])).Sum();
            Assert.That(freeTurnover, Is.GreaterThan(0.4), "the cap below must bind");
            var capped = new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(m, PortfolioConstraints.LongOnly.WithMaxTurnover(0.4, w0)));
            Assert.That(capped.Status, Is.EqualTo(OptimizationStatus.Optimal), capped.Message);
            double turnover = capped.Weights.Select((w, i) => Math.Abs(w - w0[m.Assets[i]])).Sum();
            Assert.That(turnover, Is.EqualTo(0.4).Within(Tol));
            Assert.That(capped.Volatility, Is.GreaterThan(free.Volatility));
        }
    }
}
