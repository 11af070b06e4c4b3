using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    /// <summary>
    /// PSD covariances on which some long-only portfolio is riskless: no risk budgeting portfolio exists
    /// (Bruder &amp; Roncalli 2012), so the optimizer must fail loudly rather than return weights as optimal.
    /// </summary>
    [TestFixture(RiskParityMethod.Newton)]
    [TestFixture(RiskParityMethod.CoordinateDescent)]
    public class DegenerateCovarianceTests
    {
        private readonly RiskParityMethod _method;

        public DegenerateCovarianceTests(RiskParityMethod method) => _method = method;

        [Test]
        public void Optimize_WithPerfectHedgePair_IsNeverReportedOptimal()
        {
            // ES and its perfect hedge (correlation -1, same volatility) plus an independent CL.
            var corr = new[,] { { 1.0, -1.0, 0.0 }, { -1.0, 1.0, 0.0 }, { 0.0, 0.0, 1.0 } };
            var cov = RiskParityTestData.Covariance(new[] { 0.2, 0.2, 0.3 }, corr);
            // The budget-weighted start carries CL's risk, so the solver runs; its iterates pile into the riskless pair.
            var optimizer = new RiskParityOptimizer(new RiskParityOptions(_method, maxIterations: 500));
            var result = optimizer.Optimize(new[] { "ES", "ES-hedge", "CL" }, cov);
            Assert.That(result.Status, Is.EqualTo(OptimizationStatus.NotConverged), result.Message);
            Assert.That(result.Message, Does.Contain("did not converge"));
            if (_method == RiskParityMethod.Newton) Assert.That(result.Message, Does.Contain("riskless long-only portfolio"));
        }

        [Test]
        public void Optimize_WhenEqualBudgetStartIsRiskless_ThrowsNamingTheProblem()
        {
            var corr = new[,] { { 1.0, -1.0 }, { -1.0, 1.0 } };
            var cov = RiskParityTestData.Covariance(new[] { 0.2, 0.2 }, corr);
            var ex = Assert.Throws<InvalidInputException>(() => new RiskParityOptimizer(new RiskParityOptions(_method)).Optimize(new[] { "ES", "ES-hedge" }, cov));
            Assert.That(ex!.Message, Does.Contain("riskless"));
        }
    }
}
