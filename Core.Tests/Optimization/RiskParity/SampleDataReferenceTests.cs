using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    /// <summary>
    /// The bundled sample data against scipy's answers (References/RiskParity/sample-*.csv, produced by
    /// generate_riskparity_reference.py: simple returns, sample covariance n-1, MINPACK root of Spinu's gradient).
    /// </summary>
    [TestFixture(RiskParityMethod.Newton)]
    [TestFixture(RiskParityMethod.CoordinateDescent)]
    public class SampleDataReferenceTests
    {
        private readonly RiskParityOptimizer _optimizer;

        public SampleDataReferenceTests(RiskParityMethod method) => _optimizer = new RiskParityOptimizer(new RiskParityOptions(method));

        [TestCase("eustockmarkets-prices.csv", "sample-eustockmarkets-equal.csv")]
        [TestCase("eustockmarkets-prices.csv", "sample-eustockmarkets-custom.csv")]
        [TestCase("gccindex-prices.csv", "sample-gccindex-equal.csv")]
        [TestCase("gccindex-prices.csv", "sample-gccindex-custom.csv")]
        public void RiskBudgeting_OnSampleReturns_MatchesScipyReference(string prices, string reference)
        {
            var returns = RiskParityTestData.SampleSimpleReturns(prices);
            var expected = RiskParityTestData.ReadReference(reference);
            Assert.That(returns.Assets, Is.EqualTo(expected.Assets));

            var result = _optimizer.Optimize(returns, RiskBudgets.From(expected.Budgets, expected.Assets));

            Assert.That(result.Status, Is.EqualTo(OptimizationStatus.Optimal), result.Message);
            Assert.That(result.Method, Is.EqualTo("risk-parity"));
            for (int i = 0; i < expected.Weights.Length; i++)
            {
                Assert.That(result.Weights[i], Is.EqualTo(expected.Weights[i]).Within(1e-8), expected.Assets[i]);
                Assert.That(result.RiskContributions[i], Is.EqualTo(expected.Budgets[i]).Within(1e-9), expected.Assets[i]);
            }
            Assert.That(double.IsNaN(result.ExpectedReturn), Is.False, "mean returns feed the expected return");
        }
    }
}
