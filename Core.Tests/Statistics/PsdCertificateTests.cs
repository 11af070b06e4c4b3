using System;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    /// <summary>
    /// The Cholesky certificate that a covariance is positive definite with condition number at most bound/2 must never
    /// certify a matrix whose eigenvalues (the reference) say otherwise, must certify clearly well-conditioned ones, and the
    /// estimator must give the same warnings and condition number with it as with the eigenvalues.
    /// </summary>
    public class PsdCertificateTests
    {
        // Q diag(lambda) Q' with Q from Gram-Schmidt on a seeded random matrix: symmetric with exactly that spectrum.
        private static double[,] WithSpectrum(double[] lambda, int seed)
        {
            int n = lambda.Length;
            var rng = new Random(seed);
            var q = new double[n][];
            for (int k = 0; k < n; k++)
            {
                var v = new double[n];
                for (int i = 0; i < n; i++) v[i] = rng.NextDouble() - 0.5;
                for (int pass = 0; pass < 2; pass++)
                    for (int p = 0; p < k; p++)
                    {
                        double dot = 0;
                        for (int i = 0; i < n; i++) dot += v[i] * q[p][i];
                        for (int i = 0; i < n; i++) v[i] -= dot * q[p][i];
                    }
                double norm = 0;
                for (int i = 0; i < n; i++) norm += v[i] * v[i];
                norm = Math.Sqrt(norm);
                for (int i = 0; i < n; i++) v[i] /= norm;
                q[k] = v;
            }
            var a = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += q[k][i] * lambda[k] * q[k][j];
                    a[i, j] = a[j, i] = s;
                }
            return a;
        }

        [Test]
        public void Certificate_DiagonalMatrix_HoldsExactlyBelowAQuarterOfTheBound()
        {
            // diag(1, 1/c): U = 1, delta = 2/B, the shifted factorisation needs 1/c > 4/B.
            const double bound = 1e6;
            Assert.That(PsdCheck.CertifiesConditionAtMost(new[,] { { 1.0, 0 }, { 0, 1 / 2.4e5 } }, bound), Is.True);
            Assert.That(PsdCheck.CertifiesConditionAtMost(new[,] { { 1.0, 0 }, { 0, 1 / 2.6e5 } }, bound), Is.False);
        }

        [Test]
        public void Certificate_IndefiniteOrSingular_IsRefused()
        {
            Assert.That(PsdCheck.CertifiesConditionAtMost(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }, 1e10), Is.False);
            Assert.That(PsdCheck.CertifiesConditionAtMost(new[,] { { 1.0, 1.0 }, { 1.0, 1.0 } }, 1e10), Is.False);
        }

        [Test]
        public void Certificate_NotSymmetric_ThrowsTheAnalyseError()
        {
            var m = new[,] { { 1.0, 0.5 }, { 0.4, 1.0 } };
            var ex = Assert.Throws<InvalidInputException>(() => PsdCheck.CertifiesConditionAtMost(m, 1e10));
            Assert.That(ex!.Message, Does.Contain("not symmetric at [0,1]"));
        }

        [TestCase(1), TestCase(2), TestCase(3), TestCase(4)]
        public void Certificate_SeededSpectra_NeverCertifiesWhatTheEigenvaluesRefute(int seed)
        {
            var rng = new Random(seed);
            const double bound = 1e8;
            int certified = 0;
            for (int k = 0; k < 40; k++)
            {
                int n = rng.Next(2, 40);
                double cond = Math.Pow(10, rng.NextDouble() * 10); // 1 .. 1e10, around the bound's range
                var lambda = new double[n];
                for (int i = 0; i < n; i++) lambda[i] = Math.Pow(cond, -rng.NextDouble());
                lambda[0] = 1;
                lambda[n - 1] = 1 / cond;
                if (rng.Next(5) == 0) lambda[n / 2] = -1e-3; // some indefinite ones
                var a = WithSpectrum(lambda, seed * 100 + k);
                var report = PsdCheck.Analyse(a);
                if (PsdCheck.CertifiesConditionAtMost(a, bound))
                {
                    certified++;
                    Assert.That(report.IsPositiveDefinite, Is.True, $"case {k}");
                    Assert.That(report.ConditionNumber, Is.LessThanOrEqualTo(bound / 2), $"case {k}");
                }
                else if (report.IsPositiveDefinite)
                {
                    // Refusal is allowed only near the bound: U <= sqrt(n) lambda_max, so cond < bound / (4 sqrt(n)) must pass.
                    Assert.That(report.ConditionNumber, Is.GreaterThanOrEqualTo(bound / (4.5 * Math.Sqrt(n))), $"case {k}: cond {report.ConditionNumber}");
                }
            }
            Assert.That(certified, Is.GreaterThan(5));
        }

        [Test]
        public void Estimator_CertifiedMatrix_ReportsTheEigenvalueConditionNumberAndNoWarning()
        {
            var a = WithSpectrum(new[] { 4.0, 2.0, 1.0, 0.5 }, 9);
            var est = CovarianceEstimator.FromMatrix(new[] { "A", "B", "C", "D" }, a, new CovarianceOptions(CovarianceMethod.Sample));
            Assert.That(est.Warnings, Is.Empty);
            Assert.That(est.ConditionNumber, Is.EqualTo(8.0).Within(1e-12));
            var annual = CovarianceEstimator.FromMatrix(new[] { "A", "B", "C", "D" }, a, new CovarianceOptions(CovarianceMethod.Sample, periodsPerYear: 252));
            Assert.That(annual.ConditionNumber, Is.EqualTo(8.0).Within(1e-12));
            Assert.That(annual[1, 2], Is.EqualTo(a[1, 2] * 252));
        }

        [Test]
        public void Estimator_ConditionAboveTheWarning_StillWarnsWithTheEigenvalueFigure()
        {
            var a = WithSpectrum(new[] { 1.0, 0.5, 1e-7 }, 10);
            var est = CovarianceEstimator.FromMatrix(new[] { "A", "B", "C" }, a, new CovarianceOptions(CovarianceMethod.Sample, conditionWarning: 1e6));
            Assert.That(est.Warnings, Has.Count.EqualTo(1));
            Assert.That(est.Warnings[0], Does.Contain("ill-conditioned"));
            Assert.That(est.ConditionNumber, Is.EqualTo(1e7).Within(1e7 * 1e-6));
        }
    }
}
