using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Risk;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk
{
    public class VaRDecompositionTests
    {
        private const double Z95 = -1.6448536269514722;
        private const double Tail95 = 2.0627128075074257; // phi(Z95) / 0.05

        // Two assets by hand: sigma = (0.1, 0.2), rho = 0.5 -> Sigma = [[0.01, 0.01], [0.01, 0.04]], w = (0.5, 0.5).
        // w'Sigma w = 0.0025 + 2 * 0.0025 + 0.01 = 0.0175; Sigma w = (0.01, 0.025); mu_p = 0.015.
        private static readonly double[] Mu = { 0.01, 0.02 };
        private static readonly double[,] Cov = { { 0.01, 0.01 }, { 0.01, 0.04 } };
        private static readonly double[] W = { 0.5, 0.5 };

        [Test]
        public void TwoAssets_MatchClosedForms()
        {
            double s = Math.Sqrt(0.0175);
            var d = VaRDecomposition.Compute(Mu, Cov, W, 0.95);
            Assert.That(d.ParametricVaR, Is.EqualTo(-(0.015 + Z95 * s)).Within(1e-15));
            Assert.That(d.ParametricCVaR, Is.EqualTo(-(0.015 - s * Tail95)).Within(1e-14));
            Assert.That(d.MarginalVaR[0], Is.EqualTo(-0.01 - Z95 * 0.01 / s).Within(1e-15));
            Assert.That(d.MarginalVaR[1], Is.EqualTo(-0.02 - Z95 * 0.025 / s).Within(1e-15));
            Assert.That(d.ComponentVaR[0], Is.EqualTo(0.5 * (-0.01 - Z95 * 0.01 / s)).Within(1e-15));
            Assert.That(d.ComponentVaR[1], Is.EqualTo(0.5 * (-0.02 - Z95 * 0.025 / s)).Within(1e-15));
            Assert.That(d.ComponentCVaR[0], Is.EqualTo(0.5 * (-0.01 + Tail95 * 0.01 / s)).Within(1e-14));
            Assert.That(d.ComponentCVaR[1], Is.EqualTo(0.5 * (-0.02 + Tail95 * 0.025 / s)).Within(1e-14));
            // Without asset 1: w = (0, 0.5), variance 0.25 * 0.04 = 0.01, mean 0.01. Without asset 2: (0.5, 0), variance 0.0025, mean 0.005.
            Assert.That(d.IncrementalVaR[0], Is.EqualTo(d.ParametricVaR - (-(0.01 + Z95 * 0.1))).Within(1e-15));
            Assert.That(d.IncrementalVaR[1], Is.EqualTo(d.ParametricVaR - (-(0.005 + Z95 * 0.05))).Within(1e-15));
        }

        [Test]
        public void Components_SumToTotal_OnSeededRandomPortfolios()
        {
            var rng = new Random(20261125);
            for (int trial = 0; trial < 50; trial++)
            {
                int n = 2 + rng.Next(15);
                var a = new double[n, n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i, j] = rng.NextDouble() - 0.5;
                var cov = new double[n, n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { double s = 0; for (int k = 0; k < n; k++) s += a[i, k] * a[j, k]; cov[i, j] = 0.001 * s; }
                for (int i = 0; i < n; i++) cov[i, i] += 1e-5;
                var mu = Enumerable.Range(0, n).Select(_ => 0.002 * (rng.NextDouble() - 0.4)).ToArray();
                var w = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 0.5).ToArray();
                double c = 0.9 + 0.099 * rng.NextDouble();
                var d = VaRDecomposition.Compute(mu, cov, w, c);
                Assert.That(d.ComponentVaR.Sum(), Is.EqualTo(d.ParametricVaR).Within(1e-12 * Math.Abs(d.ParametricVaR) + 1e-16), $"trial {trial}");
                Assert.That(d.ComponentCVaR.Sum(), Is.EqualTo(d.ParametricCVaR).Within(1e-12 * Math.Abs(d.ParametricCVaR) + 1e-16), $"trial {trial}");
                // Marginal VaR is the gradient: check against a central finite difference on one coordinate.
                int m = rng.Next(n);
                double h = 1e-6;
                var wp = (double[])w.Clone(); wp[m] += h;
                var wm = (double[])w.Clone(); wm[m] -= h;
                double fd = (VaRDecomposition.Compute(mu, cov, wp, c).ParametricVaR - VaRDecomposition.Compute(mu, cov, wm, c).ParametricVaR) / (2 * h);
                Assert.That(d.MarginalVaR[m], Is.EqualTo(fd).Within(1e-6 * Math.Max(1, Math.Abs(fd))), $"trial {trial}");
            }
        }

        [Test]
        public void ZeroVariancePortfolio_IsRejected()
        {
            var ex = Assert.Throws<InvalidInputException>(() => VaRDecomposition.Compute(Mu, Cov, new[] { 0.0, 0.0 }, 0.95));
            Assert.That(ex!.Message, Does.Contain("variance"));
        }

        [Test]
        public void MismatchedSizes_AreRejected()
        {
            Assert.Throws<ArgumentException>(() => VaRDecomposition.Compute(new[] { 0.0 }, Cov, W, 0.95));
            Assert.Throws<ArgumentException>(() => VaRDecomposition.Compute(Mu, new double[3, 3], W, 0.95));
            var ex = Assert.Throws<ArgumentException>(() => VaRDecomposition.Compute(Mu, Cov, new[] { 0.5, double.NaN }, 0.95));
            Assert.That(ex!.Message, Does.Contain("weights[1]"));
        }

        [Test]
        public void AsymmetricCovariance_IsRejected()
        {
            var bad = new double[,] { { 0.01, 0.01 }, { 0.02, 0.04 } };
            var ex = Assert.Throws<InvalidInputException>(() => VaRDecomposition.Compute(Mu, bad, W, 0.95));
            Assert.That(ex!.Message, Does.Contain("not symmetric"));
        }
    }
}
