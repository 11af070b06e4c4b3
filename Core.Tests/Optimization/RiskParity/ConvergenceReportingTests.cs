using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    /// <summary>Iteration caps are reported (status NotConverged with the residual), and the method choice is visible.</summary>
    public class ConvergenceReportingTests
    {
        private static double[,] CorrelatedCovariance() => RiskParityTestData.RandomCovariance(40, 5);

        [TestCase(RiskParityMethod.Newton)]
        [TestCase(RiskParityMethod.CoordinateDescent)]
        public void Optimize_WhenIterationCapIsHit_ReportsNotConvergedWithResidual(RiskParityMethod method)
        {
            var optimizer = new RiskParityOptimizer(new RiskParityOptions(method, tolerance: 1e-12, maxIterations: 1));
            var result = optimizer.Optimize(RiskParityTestData.Names(40), CorrelatedCovariance());
            Assert.That(result.Status, Is.EqualTo(OptimizationStatus.NotConverged));
            Assert.That(result.Iterations, Is.EqualTo(1));
            Assert.That(result.Message, Does.Contain("did not converge in 1").And.Contain("max |RC_i - b_i| =").And.Contain("> tolerance 1E-12"));
            if (method == RiskParityMethod.CoordinateDescent) Assert.That(result.Message, Does.Contain("method Newton"));
        }

        [TestCase(RiskParityMethod.Newton)]
        [TestCase(RiskParityMethod.CoordinateDescent)]
        public void Solve_WhenIterationCapIsHit_ResidualIsTheTrueBudgetGap(RiskParityMethod method)
        {
            var cov = CorrelatedCovariance();
            var solution = new RiskParityOptimizer(new RiskParityOptions(method, maxIterations: 1)).Solve(cov);
            Assert.That(solution.Converged, Is.False);
            Assert.That(solution.Residual, Is.GreaterThan(solution.Tolerance));
            Assert.That(solution.Residual, Is.EqualTo(RiskParityTestData.MaxBudgetGap(cov, solution.Weights, RiskBudgets.Equal(40).Values)).Within(1e-15));
        }

        [Test]
        public void Optimize_WhenConverged_ReportsIterationsAndResidual()
        {
            var result = new RiskParityOptimizer().Optimize(RiskParityTestData.Names(40), CorrelatedCovariance());
            Assert.That(result.Status, Is.EqualTo(OptimizationStatus.Optimal));
            Assert.That(result.Iterations, Is.GreaterThan(0).And.LessThan(RiskParityOptions.DefaultNewtonMaxIterations));
            Assert.That(result.Message, Does.StartWith("Spinu damped Newton: converged in"));
            Assert.That(double.IsNaN(result.ExpectedReturn), Is.True, "no expected returns given");
            Assert.That(double.IsNaN(result.Sharpe), Is.True);
        }

        [Test]
        public void Auto_UsesNewtonUpToTheThresholdAndCoordinateDescentAbove()
        {
            var cov = CorrelatedCovariance();
            Assert.That(new RiskParityOptimizer().Solve(cov).Method, Is.EqualTo(RiskParityMethod.Newton));
            var small = new RiskParityOptimizer(new RiskParityOptions(newtonMaxAssets: 39)).Solve(cov);
            Assert.That(small.Method, Is.EqualTo(RiskParityMethod.CoordinateDescent));
            Assert.That(small.Converged, Is.True);
            Assert.That(new RiskParityOptimizer(new RiskParityOptions(newtonMaxAssets: 40)).Solve(cov).Method, Is.EqualTo(RiskParityMethod.Newton));
        }

        [Test]
        public void Options_ResolveDefaultCapsPerMethod()
        {
            var o = new RiskParityOptions();
            Assert.That(o.IterationCapFor(RiskParityMethod.Newton), Is.EqualTo(RiskParityOptions.DefaultNewtonMaxIterations));
            Assert.That(o.IterationCapFor(RiskParityMethod.CoordinateDescent), Is.EqualTo(RiskParityOptions.DefaultCoordinateDescentMaxIterations));
            Assert.That(new RiskParityOptions(maxIterations: 7).IterationCapFor(RiskParityMethod.Newton), Is.EqualTo(7));
            Assert.That(o.ResolveMethod(RiskParityOptions.DefaultNewtonMaxAssets + 1), Is.EqualTo(RiskParityMethod.CoordinateDescent));
        }
    }
}
