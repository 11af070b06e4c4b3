using System;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    /// <summary>Cases with a closed-form answer (worked by hand from RC_i = b_i), for both algorithms.</summary>
    [TestFixture(RiskParityMethod.Newton)]
    [TestFixture(RiskParityMethod.CoordinateDescent)]
    public class ClosedFormTests
    {
        private readonly RiskParityOptimizer _optimizer;

        public ClosedFormTests(RiskParityMethod method) => _optimizer = new RiskParityOptimizer(new RiskParityOptions(method));

        // Two assets, equal budgets: w1 s1 (w1 s1 + rho w2 s2) = w2 s2 (w2 s2 + rho w1 s1) <=> w1 s1 = w2 s2,
        // so w1 = s2 / (s1 + s2) whatever the correlation (MRT 2010, section 2.1).
        [TestCase(0.10, 0.30, -0.9)]
        [TestCase(0.10, 0.30, 0.0)]
        [TestCase(0.25, 0.05, 0.5)]
        [TestCase(0.02, 0.40, 0.95)]
        public void Erc_TwoAssets_IsInverseVolatilityForAnyCorrelation(double s1, double s2, double rho)
        {
            var cov = RiskParityTestData.Covariance(new[] { s1, s2 }, RiskParityTestData.ConstantCorrelation(2, rho));
            var solution = _optimizer.Solve(cov);
            Assert.That(solution.Converged, Is.True);
            Assert.That(solution.Weights[0], Is.EqualTo(s2 / (s1 + s2)).Within(1e-10));
            Assert.That(solution.Weights[1], Is.EqualTo(s1 / (s1 + s2)).Within(1e-10));
        }

        // Two assets, budgets (b, 1-b): Bruder & Roncalli (2012), section 2.2.1, positive root of the quadratic
        // w* = [(b - 1/2) rho s1 s2 - b s2^2 + s1 s2 sqrt((b - 1/2)^2 rho^2 + b(1-b))] / [(1-b) s1^2 - b s2^2 + 2(b - 1/2) rho s1 s2].
        [TestCase(0.20, 0.10, 0.5, 0.7)]
        [TestCase(0.20, 0.10, -0.6, 0.3)]
        [TestCase(0.05, 0.35, 0.9, 0.9)]
        [TestCase(0.15, 0.25, 0.0, 0.2)]
        public void RiskBudgeting_TwoAssets_MatchesBruderRoncalliClosedForm(double s1, double s2, double rho, double b)
        {
            var cov = RiskParityTestData.Covariance(new[] { s1, s2 }, RiskParityTestData.ConstantCorrelation(2, rho));
            double num = (b - 0.5) * rho * s1 * s2 - b * s2 * s2 + s1 * s2 * Math.Sqrt((b - 0.5) * (b - 0.5) * rho * rho + b * (1 - b));
            double den = (1 - b) * s1 * s1 - b * s2 * s2 + 2 * (b - 0.5) * rho * s1 * s2;
            double expected = num / den;
            var solution = _optimizer.Solve(cov, RiskBudgets.From(new[] { b, 1 - b }));
            Assert.That(solution.Converged, Is.True);
            Assert.That(solution.Weights[0], Is.EqualTo(expected).Within(1e-10));
            Assert.That(solution.Weights[1], Is.EqualTo(1 - expected).Within(1e-10));
        }

        // Uncorrelated assets: RC_i ∝ w_i^2 s_i^2 = b_i  =>  w_i ∝ sqrt(b_i) / s_i (Bruder & Roncalli 2012, section 2.2.2).
        [Test]
        public void RiskBudgeting_UncorrelatedAssets_IsSqrtBudgetOverVolatility()
        {
            var vols = new[] { 0.05, 0.12, 0.2, 0.33, 0.08, 0.5, 0.27 };
            var b = RiskParityTestData.RandomBudgets(vols.Length, seed: 7);
            var cov = RiskParityTestData.Covariance(vols, RiskParityTestData.ConstantCorrelation(vols.Length, 0.0));
            var solution = _optimizer.Solve(cov, RiskBudgets.From(b));
            double norm = 0;
            for (int i = 0; i < vols.Length; i++) norm += Math.Sqrt(b[i]) / vols[i];
            Assert.That(solution.Converged, Is.True);
            for (int i = 0; i < vols.Length; i++)
                Assert.That(solution.Weights[i], Is.EqualTo(Math.Sqrt(b[i]) / vols[i] / norm).Within(1e-12), $"asset {i}");
        }

        // Constant correlation, equal budgets: by symmetry (Sigma w)_i = s_i (rho sum_j w_j s_j + (1-rho) w_i s_i), so
        // equal RC forces equal w_i s_i: w_i ∝ 1 / s_i (MRT 2010, section 2.2).
        [TestCase(-0.1)]
        [TestCase(0.3)]
        [TestCase(0.9)]
        public void Erc_ConstantCorrelation_IsInverseVolatility(double rho)
        {
            var vols = new[] { 0.1, 0.2, 0.3, 0.4, 0.15 };
            var cov = RiskParityTestData.Covariance(vols, RiskParityTestData.ConstantCorrelation(vols.Length, rho));
            var solution = _optimizer.Solve(cov);
            double norm = 0;
            foreach (var s in vols) norm += 1 / s;
            Assert.That(solution.Converged, Is.True);
            for (int i = 0; i < vols.Length; i++)
                Assert.That(solution.Weights[i], Is.EqualTo(1 / vols[i] / norm).Within(1e-10), $"asset {i}");
        }

        [Test]
        public void RiskBudgeting_SingleAsset_IsFullyInvested()
        {
            var solution = _optimizer.Solve(new[,] { { 0.04 } });
            Assert.That(solution.Converged, Is.True);
            Assert.That(solution.Weights[0], Is.EqualTo(1.0).Within(1e-15));
        }

        // Two identical assets (correlation 1: singular but PSD covariance) plus an independent one. Symmetry gives
        // w1 = w2 = w; RC_1 ∝ w (Sigma w)_1 = w (0.04 w + 0.04 w) = 0.08 w^2 and RC_3 ∝ 0.01 w3^2, so w3 = 2 sqrt(2) w.
        [Test]
        public void Erc_PerfectlyCorrelatedTwins_SolvesSingularButSemidefiniteCovariance()
        {
            var corr = new[,] { { 1.0, 1.0, 0.0 }, { 1.0, 1.0, 0.0 }, { 0.0, 0.0, 1.0 } };
            var cov = RiskParityTestData.Covariance(new[] { 0.2, 0.2, 0.1 }, corr);
            var solution = _optimizer.Solve(cov);
            // 2 w + 2 sqrt(2) w = 1.
            double w = 1 / (2 + 2 * Math.Sqrt(2));
            Assert.That(solution.Converged, Is.True);
            Assert.That(solution.Weights[0], Is.EqualTo(w).Within(1e-9));
            Assert.That(solution.Weights[1], Is.EqualTo(w).Within(1e-9));
            Assert.That(solution.Weights[2], Is.EqualTo(2 * Math.Sqrt(2) * w).Within(1e-9));
        }
    }
}
