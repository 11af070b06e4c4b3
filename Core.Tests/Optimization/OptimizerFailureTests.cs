using System;
using System.Collections.Generic;
using System.Linq;
using Moq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>Every bad-input, infeasible and not-converged path: a clear error or status, never a default portfolio.</summary>
    public sealed class OptimizerFailureTests
    {
        private static OptimizationSamples.Moments Eu => OptimizationSamples.FromSample("eustockmarkets-prices.csv");

        [Test]
        public void TargetVolatility_BelowMinimumVariance_IsInfeasibleWithRange()
        {
            var p = OptimizationSamples.Problem(Eu);
            var ex = Assert.Throws<InfeasibleException>(() => new TargetVolatilityOptimizer(TestSolver.Create(), 0.001).Optimize(p));
            Assert.That(ex!.Message, Does.Contain("target volatility 0.001 per period is outside ["));
            Assert.That(ex.Conflicts, Is.EqualTo(new[] { "target volatility" }));
        }

        [Test]
        public void TargetVolatility_AboveMaximumReturnPortfolio_IsInfeasible()
            => Assert.That(() => new TargetVolatilityOptimizer(TestSolver.Create(), 0.5).Optimize(OptimizationSamples.Problem(Eu)),
                Throws.InstanceOf<InfeasibleException>().With.Message.Contains("outside"));

        [Test]
        public void TargetVolatility_NonPositive_IsBadInput()
            => Assert.That(() => new TargetVolatilityOptimizer(TestSolver.Create(), 0), Throws.InstanceOf<ArgumentException>());

        [Test]
        public void MaxSharpe_NothingBeatsRiskFree_IsInfeasibleSayingSo()
        {
            var p = OptimizationSamples.Problem(Eu, null, 0.01);   // 1% a day: above every asset's mean
            var ex = Assert.Throws<InfeasibleException>(() => new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(p));
            Assert.That(ex!.Message, Does.Contain("no feasible portfolio has an expected return above the risk-free rate 0.01"));
            Assert.That(ex.Conflicts, Does.Contain(CharnesCooperProgram.ExcessReturnRow));
        }

        [Test]
        public void MaxSharpe_OnlyShortsCouldBeatRiskFree_IsInfeasibleWhenLongOnly()
        {
            // Every mean below rf: a short portfolio would beat it, a long-only one cannot.
            var m = Eu;
            var mu = m.Mu.Select(x => x - 0.002).ToArray();
            var p = new PortfolioProblem(m.Assets, mu, m.Cov, 0, PortfolioConstraints.LongOnly);
            Assert.That(() => new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(p), Throws.InstanceOf<InfeasibleException>());
        }

        [Test]
        public void TargetReturn_AboveHighestAttainable_IsInfeasibleNamingTheTarget()
        {
            var ex = Assert.Throws<InfeasibleException>(() => new TargetReturnOptimizer(TestSolver.Create(), 0.01).Optimize(OptimizationSamples.Problem(Eu)));
            Assert.That(ex!.Conflicts, Does.Contain("target return"));
        }

        [Test]
        public void MinVariance_ImpossibleLimits_IsInfeasibleBeforeSolving()
        {
            var solver = new Mock<IQpSolver>(MockBehavior.Strict);
            var p = OptimizationSamples.Problem(Eu, PortfolioConstraints.LongOnly.WithWeightRange(0, 0.2));
            var ex = Assert.Throws<InfeasibleException>(() => new MinimumVarianceOptimizer(solver.Object).Optimize(p));
            Assert.That(ex!.Conflicts, Is.EqualTo(new[] { "max weight 0.2 x 4 assets = 0.8 < 1 (budget)" }));
            solver.Verify(s => s.Solve(It.IsAny<QuadraticProgram>(), It.IsAny<QpOptions>()), Times.Never);
        }

        [Test]
        public void MinVariance_ConflictOnlyTheSolverSees_IsInfeasibleNamingTheLimits()
        {
            // DAX must rise to 0.5 (its sector floor) from 0, and the others fall by as much: turnover 1.0 > 0.6.
            // Each limit alone is satisfiable and the pre-check's necessary conditions pass; the solver finds the conflict.
            var w0 = new Dictionary<string, double> { ["SMI"] = 0.4, ["CAC"] = 0.3, ["FTSE"] = 0.3 };
            var sectors = new Dictionary<string, string> { ["DAX"] = "Germany", ["SMI"] = "Other", ["CAC"] = "Other", ["FTSE"] = "Other" };
            var c = PortfolioConstraints.LongOnly.WithSectors(sectors).WithSectorMin("Germany", 0.5).WithMaxTurnover(0.6, w0);
            Assert.That(ConstraintFeasibilityCheck.Conflicts(Eu.Assets, c), Is.Empty);
            var ex = Assert.Throws<InfeasibleException>(() => new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(Eu, c)));
            Assert.That(ex!.Conflicts, Does.Contain("max turnover").Or.Contain("sector Germany min"), string.Join("; ", ex.Conflicts));
            Assert.That(ex.Message, Does.StartWith("min-variance: no portfolio satisfies the limits"));
        }

        [Test]
        public void MaxSharpe_SolverSideBoundConflict_IsReportedAsWeightLimits()
        {
            // Same kind of conflict through the homogenised program: the messages name user-facing limits.
            var w0 = new Dictionary<string, double> { ["SMI"] = 0.4, ["CAC"] = 0.3, ["FTSE"] = 0.3 };
            var c = PortfolioConstraints.LongOnly.WithAssetRange("DAX", 0.5, 1).WithMaxTurnover(0.6, w0);
            var ex = Assert.Throws<InfeasibleException>(() => new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(Eu, c)));
            Assert.That(ex!.Conflicts.Any(n => n.StartsWith("upper bound of") || n.StartsWith("lower bound of DAX")), Is.False, string.Join("; ", ex.Conflicts));
        }

        [Test]
        public void MinVariance_WithoutBudget_IsBadInput()
            => Assert.That(() => new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(Eu, PortfolioConstraints.LongOnly.WithBudget(null))),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("needs a budget"));

        [Test]
        public void MinVariance_UnknownAssetInLimits_IsBadInput()
            => Assert.That(() => new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(Eu, PortfolioConstraints.LongOnly.WithAssetRange("SPX", 0, 1))),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'SPX'"));

        [Test]
        public void SolverHitsIterationLimit_ResultSaysNotConverged_WithLastIterateNotEqualWeights()
        {
            var x = new[] { 0.4, 0.3, 0.2, 0.1 };
            var solver = new Mock<IQpSolver>();
            solver.Setup(s => s.Solve(It.IsAny<QuadraticProgram>(), It.IsAny<QpOptions>()))
                .Returns(new QpResult(QpStatus.MaxIterations, x, 0, 77, new double[1], new double[4], new double[4], new int[0], new string[0], 0, "iteration limit 77"));
            var r = new MinimumVarianceOptimizer(solver.Object).Optimize(OptimizationSamples.Problem(Eu));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.NotConverged));
            Assert.That(r.Message, Does.Contain("MaxIterations").And.Contain("77"));
            Assert.That(r.Iterations, Is.EqualTo(77));
            Assert.That(r.CopyWeights(), Is.EqualTo(x));
        }

        [Test]
        public void SolverClaimsOptimalButViolatesLimit_ResultSaysNotConverged()
        {
            var x = new[] { 0.7, 0.1, 0.1, 0.1 };   // breaks max weight 0.5
            var solver = new Mock<IQpSolver>();
            solver.Setup(s => s.Solve(It.IsAny<QuadraticProgram>(), It.IsAny<QpOptions>()))
                .Returns(new QpResult(QpStatus.Optimal, x, 0, 3, new double[1], new double[4], new double[4], new int[0], new string[0], 0, "ok"));
            var r = new MinimumVarianceOptimizer(solver.Object).Optimize(OptimizationSamples.Problem(Eu, PortfolioConstraints.LongOnly.WithWeightRange(0, 0.5)));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.NotConverged));
            Assert.That(r.Message, Does.Contain("max weight DAX"), "the program names the weight bound once, as the user's limit");
        }

        [Test]
        public void SolverReportsInfeasible_ThrowsWithItsConflicts()
        {
            var solver = new Mock<IQpSolver>();
            solver.Setup(s => s.Solve(It.IsAny<QuadraticProgram>(), It.IsAny<QpOptions>()))
                .Returns(new QpResult(QpStatus.Infeasible, new double[4], 0, 3, new double[1], new double[4], new double[4], new int[0], new[] { "budget", "max weight DAX" }, 0, "infeasible",
                    new[] { ConstraintId.Budget, ConstraintId.Weight("DAX", ConstraintSide.Upper) }));
            var ex = Assert.Throws<InfeasibleException>(() => new MinimumVarianceOptimizer(solver.Object).Optimize(OptimizationSamples.Problem(Eu)));
            // The solver's typed identities reach the user unchanged (no renaming on the way).
            Assert.That(ex!.Conflicts, Is.EqualTo(new[] { "budget", "max weight DAX" }));
            Assert.That(ex.ConflictIds[1].Kind, Is.EqualTo(ConstraintKind.Weight));
            Assert.That(ex.ConflictIds[1].Subject, Is.EqualTo("DAX"));
            Assert.That(ex.ConflictIds[1].Side, Is.EqualTo(ConstraintSide.Upper));
            Assert.That(ex.Message, Does.Contain("budget; max weight DAX"));
        }

        [Test]
        public void SolverNumericalFailure_ResultSaysNotConverged()
        {
            var solver = new Mock<IQpSolver>();
            solver.Setup(s => s.Solve(It.IsAny<QuadraticProgram>(), It.IsAny<QpOptions>()))
                .Returns(new QpResult(QpStatus.NumericalFailure, new[] { 0.25, 0.25, 0.25, 0.25 }, 0, 5, new double[1], new double[4], new double[4], new int[0], new string[0], 0, "lost definiteness"));
            var r = new KellyOptimizer(solver.Object).Optimize(OptimizationSamples.Problem(Eu, KellyOptimizer.DefaultConstraints));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.NotConverged));
            Assert.That(r.Message, Does.Contain("NumericalFailure").And.Contain("lost definiteness"));
        }

        [Test]
        public void MaxSharpe_SolverReturnsZeroScale_ThrowsNotConvergedInsteadOfInventingWeights()
        {
            var solver = new Mock<IQpSolver>();
            solver.Setup(s => s.Solve(It.IsAny<QuadraticProgram>(), It.IsAny<QpOptions>()))
                .Returns(new QpResult(QpStatus.MaxIterations, new double[4], 0, 12, new double[2], new double[4], new double[4], new int[0], new string[0], 0, "stopped"));
            var ex = Assert.Throws<NotConvergedException>(() => new MaximumSharpeOptimizer(solver.Object).Optimize(OptimizationSamples.Problem(Eu)));
            Assert.That(ex!.Message, Does.Contain("scale k <= 0"));
            Assert.That(ex.Iterations, Is.EqualTo(12));
        }

        [Test]
        public void MaxReturn_SolverNeverSettles_SaysNotConverged()
        {
            // A solver whose answers keep moving between rounds (alternating corners) never passes the agreement test.
            int calls = 0;
            var solver = new Mock<IQpSolver>();
            solver.Setup(s => s.Solve(It.IsAny<QuadraticProgram>(), It.IsAny<QpOptions>()))
                .Returns(() => new QpResult(QpStatus.Optimal, (calls++ % 2 == 0) ? new[] { 1.0, 0, 0, 0 } : new[] { 0, 1.0, 0, 0 }, 0, 1,
                    new double[1], new double[4], new double[4], new int[0], new string[0], 0, "ok"));
            var r = new MaximumReturnOptimizer(solver.Object).Optimize(OptimizationSamples.Problem(Eu));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.NotConverged));
            Assert.That(r.Message, Does.Contain("still moved"));
        }

        [TestCase(0.0)]
        [TestCase(-0.5)]
        [TestCase(1.5)]
        [TestCase(double.NaN)]
        public void Kelly_FractionOutsideZeroOne_IsBadInput(double c)
            => Assert.That(() => new KellyOptimizer(TestSolver.Create(), c), Throws.InstanceOf<ArgumentException>());

        [Test]
        public void Mixed_BadBlendWeights_AreBadInput()
        {
            var s = TestSolver.Create();
            IPortfolioOptimizer a = new MinimumVarianceOptimizer(s), b = new MaximumSharpeOptimizer(s);
            KeyValuePair<IPortfolioOptimizer, double> P(IPortfolioOptimizer o, double w) => new KeyValuePair<IPortfolioOptimizer, double>(o, w);
            Assert.That(() => new MixedOptimizer(s, new[] { P(a, 0.7), P(b, 0.7) }), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("sum to 1, got 1.4"));
            Assert.That(() => new MixedOptimizer(s, new[] { P(a, 1.5), P(b, -0.5) }), Throws.InstanceOf<InvalidInputException>().With.Message.Contains(">= 0"));
            Assert.That(() => new MixedOptimizer(s, new[] { P(a, double.NaN), P(b, 1) }), Throws.InstanceOf<InvalidInputException>());
            Assert.That(() => new MixedOptimizer(s, new KeyValuePair<IPortfolioOptimizer, double>[0]), Throws.InstanceOf<InvalidInputException>());
        }

        [Test]
        public void Mixed_ComponentNotConverged_BlendSaysNotConvergedNamingIt()
        {
            var bad = new Mock<IPortfolioOptimizer>();
            bad.Setup(o => o.Method).Returns("stubborn");
            bad.Setup(o => o.Optimize(It.IsAny<PortfolioProblem>())).Returns((PortfolioProblem p) =>
                p.Evaluate("stubborn", OptimizationStatus.NotConverged, new[] { 0.25, 0.25, 0.25, 0.25 }, 9, "gave up"));
            var s = TestSolver.Create();
            var r = new MixedOptimizer(s, new[] { new KeyValuePair<IPortfolioOptimizer, double>(bad.Object, 1.0) }).Optimize(OptimizationSamples.Problem(Eu));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.NotConverged));
            Assert.That(r.Message, Does.Contain("stubborn").And.Contain("gave up"));
        }

        [Test]
        public void Frontier_FewerThanTwoPoints_IsBadInput()
            => Assert.That(() => new EfficientFrontier(TestSolver.Create()).Compute(OptimizationSamples.Problem(Eu), 1), Throws.InstanceOf<InvalidInputException>());

        [Test]
        public void Projection_WrongLengthOrNaN_IsBadInput()
        {
            var p = OptimizationSamples.Problem(Eu);
            Assert.That(() => new WeightProjection(TestSolver.Create()).Project(p, new[] { 0.5, 0.5 }), Throws.InstanceOf<InvalidInputException>());
            Assert.That(() => new WeightProjection(TestSolver.Create()).Project(p, new[] { 0.5, double.NaN, 0, 0.5 }), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'SMI'"));
        }

        [Test]
        public void Problem_DuplicateAsset_IsBadInputNamingIt()
            => Assert.That(() => new PortfolioProblem(new[] { "A", "A" }, new[] { 0.1, 0.1 }, new[,] { { 1.0, 0 }, { 0, 1 } }),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'A'"));

        [Test]
        public void Problem_SingularCovariance_NamesTheDependentAsset()
        {
            var cov = new[,] { { 1.0, 0.5, 1.5 }, { 0.5, 2.0, 2.5 }, { 1.5, 2.5, 4.0 } };   // third = first + second
            Assert.That(() => new PortfolioProblem(new[] { "X", "Y", "Z" }, new[] { 0.1, 0.1, 0.1 }, cov),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'Z'").And.Message.Contains("linear combination"));
        }

        [Test]
        public void Problem_AsymmetricOrZeroVarianceCovariance_IsBadInput()
        {
            Assert.That(() => new PortfolioProblem(new[] { "X", "Y" }, new[] { 0.1, 0.1 }, new[,] { { 1.0, 0.2 }, { 0.3, 1 } }),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("not symmetric"));
            Assert.That(() => new PortfolioProblem(new[] { "X", "Y" }, new[] { 0.1, 0.1 }, new[,] { { 1.0, 0 }, { 0, 0 } }),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'Y' has variance 0"));
        }
    }
}
