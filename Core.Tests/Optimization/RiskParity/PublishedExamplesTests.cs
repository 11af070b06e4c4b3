using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    /// <summary>
    /// Published risk budgeting portfolios, each solved by both algorithms. Tolerances are half a unit of the last
    /// printed digit of the source (plus 1e-9 for the rounding of the comparison itself).
    /// </summary>
    [TestFixture(RiskParityMethod.Newton)]
    [TestFixture(RiskParityMethod.CoordinateDescent)]
    public class PublishedExamplesTests
    {
        private readonly RiskParityOptimizer _optimizer;

        public PublishedExamplesTests(RiskParityMethod method) => _optimizer = new RiskParityOptimizer(new RiskParityOptions(method));

        // Maillard, Roncalli & Teiletche (2010), "The properties of equally weighted risk contribution portfolios",
        // JPM 36(4), example p. 65: vols 10/20/30/40%, correlation 0 -> ERC = 48/24/16/12% (printed to 1%).
        [Test]
        public void Erc_MaillardRoncalliTeiletche2010UncorrelatedExample_MatchesPublishedWeights()
        {
            var cov = RiskParityTestData.Covariance(new[] { 0.1, 0.2, 0.3, 0.4 }, RiskParityTestData.ConstantCorrelation(4, 0.0));
            AssertWeights(_optimizer.Solve(cov), new[] { 0.48, 0.24, 0.16, 0.12 }, 0.005);
        }

        // Same paper, p. 65, correlation rho12 = 0.8, rho34 = -0.5, others 0 -> ERC = 38.4/19.2/24.3/18.2% (printed to 0.1%).
        [Test]
        public void Erc_MaillardRoncalliTeiletche2010CorrelatedExample_MatchesPublishedWeights()
        {
            var corr = new[,]
            {
                { 1.0, 0.8, 0.0, 0.0 },
                { 0.8, 1.0, 0.0, 0.0 },
                { 0.0, 0.0, 1.0, -0.5 },
                { 0.0, 0.0, -0.5, 1.0 },
            };
            var cov = RiskParityTestData.Covariance(new[] { 0.1, 0.2, 0.3, 0.4 }, corr);
            AssertWeights(_optimizer.Solve(cov), new[] { 0.384, 0.192, 0.243, 0.182 }, 0.0005);
        }

        // Bruder & Roncalli (2012), "Managing risk exposures using the risk budgeting approach", section 3.1.1:
        // vols 20/21/10%, constant correlation 80%, budgets 50/25/25% -> x = 39.12/19.64/41.24% (4 decimals as
        // reproduced in MathWorks' "Risk Budgeting Portfolio" example that follows that section).
        [Test]
        public void RiskBudgeting_BruderRoncalli2012Example_MatchesPublishedWeights()
        {
            var cov = RiskParityTestData.Covariance(new[] { 0.2, 0.21, 0.1 }, RiskParityTestData.ConstantCorrelation(3, 0.8));
            var solution = _optimizer.Solve(cov, RiskBudgets.From(new[] { 0.5, 0.25, 0.25 }));
            AssertWeights(solution, new[] { 0.3912, 0.1964, 0.4124 }, 0.00005);
        }

        // Richard & Roncalli (2019), "Constrained risk budgeting portfolios", Table 9, unconstrained ERC column
        // (8 assets), as printed by the co-author's pyrb notebook reproducing Table 9 (jcrichard/pyrb,
        // notebooks/ConstrainedRiskBudgeting.ipynb): x = 26.8306, 28.6769, 11.4095, 9.7985, 5.6135, 5.9029, 6.656, 5.1121 (%).
        [Test]
        public void Erc_RichardRoncalli2019Table9_MatchesPublishedWeights()
        {
            var vols = new[] { 0.05, 0.05, 0.07, 0.10, 0.15, 0.15, 0.15, 0.18 };
            var pct = new double[,]
            {
                { 100, 80, 60, -20, -10, -20, -20, -20 },
                { 80, 100, 40, -20, -20, -10, -20, -20 },
                { 60, 40, 100, 50, 30, 20, 20, 30 },
                { -20, -20, 50, 100, 60, 60, 50, 60 },
                { -10, -20, 30, 60, 100, 90, 70, 70 },
                { -20, -10, 20, 60, 90, 100, 60, 70 },
                { -20, -20, 20, 50, 70, 60, 100, 70 },
                { -20, -20, 30, 60, 70, 70, 70, 100 },
            };
            var corr = new double[8, 8];
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 8; j++)
                    corr[i, j] = pct[i, j] / 100.0;
            var expected = new[] { 0.268306, 0.286769, 0.114095, 0.097985, 0.056135, 0.059029, 0.06656, 0.051121 };
            AssertWeights(_optimizer.Solve(RiskParityTestData.Covariance(vols, corr)), expected, 0.0000005); // printed to 4 decimals in %
        }

        // Bai, Scheinberg & Tütüncü (2016), "Least-squares approach to risk parity in portfolio selection", 5-asset
        // example: ERC = 0.125, 0.047, 0.083, 0.613, 0.132 (3 decimals), as used in the test suite of
        // lequant40/portfolio_allocation_js (test/tests_allocation_dist.js), whose CCD solver gives volatility 3.0406150258.
        [Test]
        public void Erc_BaiScheinbergTutuncuExample_MatchesPublishedWeightsAndVolatility()
        {
            var cov = new[,]
            {
                { 94.868, 33.750, 12.325, -1.178, 8.778 },
                { 33.750, 445.642, 98.955, -7.901, 84.954 },
                { 12.325, 98.955, 117.265, 0.503, 45.184 },
                { -1.178, -7.901, 0.503, 5.460, 1.057 },
                { 8.778, 84.954, 45.184, 1.057, 34.126 },
            };
            var result = _optimizer.Optimize(RiskParityTestData.Names(5), cov);
            var expected = new[] { 0.125, 0.047, 0.083, 0.613, 0.132 };
            for (int i = 0; i < 5; i++) Assert.That(result.Weights[i], Is.EqualTo(expected[i]).Within(0.0005 + 1e-9), $"asset {i}");
            Assert.That(result.Volatility, Is.EqualTo(3.0406).Within(0.00005));
        }

        // MathWorks Financial Toolbox, "Risk Budgeting Portfolio" documentation example (constrained section's
        // benchmark): vols 10/15/20/30%, correlations 0.5 except rho34 = 0.75, budgets 0.3/0.3/0.195/0.205 ->
        // 0.45053, 0.30035, 0.14668, 0.10244 (5 decimals).
        [Test]
        public void RiskBudgeting_MathWorksDocumentationExample_MatchesPublishedWeights()
        {
            var corr = new[,]
            {
                { 1.00, 0.50, 0.50, 0.50 },
                { 0.50, 1.00, 0.50, 0.50 },
                { 0.50, 0.50, 1.00, 0.75 },
                { 0.50, 0.50, 0.75, 1.00 },
            };
            var cov = RiskParityTestData.Covariance(new[] { 0.1, 0.15, 0.2, 0.3 }, corr);
            var solution = _optimizer.Solve(cov, RiskBudgets.From(new[] { 0.3, 0.3, 0.195, 0.205 }));
            AssertWeights(solution, new[] { 0.45053, 0.30035, 0.14668, 0.10244 }, 0.000005);
        }

        private static void AssertWeights(RiskBudgetingSolution solution, double[] expected, double halfUnit)
        {
            Assert.That(solution.Converged, Is.True, "converged");
            Assert.That(solution.Weights, Has.Count.EqualTo(expected.Length));
            for (int i = 0; i < expected.Length; i++)
                Assert.That(solution.Weights[i], Is.EqualTo(expected[i]).Within(halfUnit + 1e-9), $"asset {i}");
        }
    }
}
