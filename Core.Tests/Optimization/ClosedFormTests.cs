using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>Optimizers against closed forms worked by hand or by textbook formula (Markowitz; Merton 1972).</summary>
    public sealed class ClosedFormTests
    {
        // Limits wide enough never to bind: only the budget 1'w = 1 is active.
        private static readonly PortfolioConstraints Unconstrained =
            PortfolioConstraints.LongOnly.WithWeightRange(-10, 10).WithMaxLeverage(null);

        [Test]
        public void MinVariance_TwoAssets_MatchesHandCalculation()
        {
            // sigma1 = 0.2, sigma2 = 0.3, rho = 0.25: cov = 0.015.
            // w1 = (s2^2 - cov) / (s1^2 + s2^2 - 2 cov) = 0.075 / 0.1 = 0.75; variance = 0.0225 + 0.005625 + 0.005625 = 0.03375.
            var cov = new[,] { { 0.04, 0.015 }, { 0.015, 0.09 } };
            var p = new PortfolioProblem(new[] { "X", "Y" }, new[] { 0.1, 0.12 }, cov, 0, Unconstrained);
            var r = new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(p);
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal));
            Assert.That(r.Weights[0], Is.EqualTo(0.75).Within(1e-12));
            Assert.That(r.Weights[1], Is.EqualTo(0.25).Within(1e-12));
            Assert.That(r.Volatility * r.Volatility, Is.EqualTo(0.03375).Within(1e-14));
            Assert.That(r.ExpectedReturn, Is.EqualTo(0.105).Within(1e-14));
        }

        [Test]
        public void MaxSharpe_TwoUncorrelatedAssets_MatchesHandCalculation()
        {
            // Sigma^-1 (mu - rf) = (0.03/0.01, 0.06/0.04) = (3, 1.5) -> normalised (2/3, 1/3).
            var cov = new[,] { { 0.01, 0.0 }, { 0.0, 0.04 } };
            var p = new PortfolioProblem(new[] { "X", "Y" }, new[] { 0.05, 0.08 }, cov, 0.02, Unconstrained);
            var r = new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(p);
            Assert.That(r.Weights[0], Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(r.Weights[1], Is.EqualTo(1.0 / 3).Within(1e-12));
            // Sharpe of the tangency portfolio = sqrt((mu - rf)' Sigma^-1 (mu - rf)) = sqrt(0.09 + 0.09).
            Assert.That(r.Sharpe, Is.EqualTo(System.Math.Sqrt(0.18)).Within(1e-12));
        }

        [TestCase("eustockmarkets-prices.csv")]
        [TestCase("gccindex-prices.csv")]
        public void MinVariance_OnlyBudget_EqualsInverseCovarianceTimesOnesNormalised(string file)
        {
            var m = OptimizationSamples.FromSample(file);
            var inv = Matrix<double>.Build.DenseOfArray(m.Cov).Inverse();
            var x = inv * Vector<double>.Build.Dense(m.Assets.Length, 1.0);
            var expected = x / x.Sum();
            var r = new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(m, Unconstrained));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            for (int i = 0; i < m.Assets.Length; i++) Assert.That(r.Weights[i], Is.EqualTo(expected[i]).Within(1e-9), m.Assets[i]);
        }

        [TestCase("eustockmarkets-prices.csv", 0.0)]
        [TestCase("eustockmarkets-prices.csv", 0.0001)]
        [TestCase("gccindex-prices.csv", 0.0)]
        public void MaxSharpe_OnlyBudget_EqualsTangencyClosedForm(string file, double rf)
        {
            var m = OptimizationSamples.FromSample(file);
            var inv = Matrix<double>.Build.DenseOfArray(m.Cov).Inverse();
            var x = inv * Vector<double>.Build.DenseOfEnumerable(m.Mu.Select(v => v - rf));
            var expected = x / x.Sum();
            var r = new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(OptimizationSamples.Problem(m, Unconstrained.WithWeightRange(-100, 100), rf));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            for (int i = 0; i < m.Assets.Length; i++) Assert.That(r.Weights[i], Is.EqualTo(expected[i]).Within(1e-8), m.Assets[i]);
        }

        [Test]
        public void Kelly_OnlyCovariance_EqualsFractionTimesInverseCovarianceTimesExcess()
        {
            // Unconstrained growth-optimal f* = Sigma^-1 (mu - r); fractional Kelly c f*.
            var m = OptimizationSamples.FromSample("eustockmarkets-prices.csv");
            var inv = Matrix<double>.Build.DenseOfArray(m.Cov).Inverse();
            var full = inv * Vector<double>.Build.DenseOfEnumerable(m.Mu.Select(v => v - 0.0001));
            var c = PortfolioConstraints.LongOnly.WithBudget(null).WithMaxLeverage(null).WithWeightRange(-100, 100);
            foreach (double fraction in new[] { 1.0, 0.5 })
            {
                var r = new Core.Optimization.Kelly.KellyOptimizer(TestSolver.Create(), fraction).Optimize(OptimizationSamples.Problem(m, c, 0.0001));
                Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
                for (int i = 0; i < m.Assets.Length; i++)
                    Assert.That(r.Weights[i], Is.EqualTo(fraction * full[i]).Within(1e-8 * System.Math.Max(1, System.Math.Abs(full[i]))), m.Assets[i]);
            }
        }
    }
}
