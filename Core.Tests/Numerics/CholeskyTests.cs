using System;
using NinjaTraderPortfolio.Core.Numerics;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Numerics
{
    public class CholeskyTests
    {
        // A = B B' + n I with B standard normal (seeded): symmetric positive definite.
        internal static double[,] RandomSpd(int n, int seed)
        {
            var rng = new Random(seed);
            var b = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) b[i, j] = rng.NextDouble() * 2 - 1;
            var a = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = i == j ? n : 0;
                    for (int k = 0; k < n; k++) s += b[i, k] * b[j, k];
                    a[i, j] = s;
                }
            return a;
        }

        private static double L(CholeskyFactor f, int i, int j) => j <= i ? f.Lower[i][j] : 0;

        [Test]
        public void Factor_OfTheTextbook3x3_IsTheHandWorkedFactor()
        {
            // [[4,12,-16],[12,37,-43],[-16,-43,98]] = L L' with L = [[2,0,0],[6,1,0],[-8,5,3]] (worked by hand).
            var f = Cholesky.Factor(new[,] { { 4.0, 12, -16 }, { 12, 37, -43 }, { -16, -43, 98 } });
            Assert.That(f.Succeeded, Is.True);
            var expected = new[,] { { 2.0, 0, 0 }, { 6, 1, 0 }, { -8, 5, 3 } };
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) Assert.That(L(f, i, j), Is.EqualTo(expected[i, j]).Within(1e-14), $"L[{i},{j}]");
            Assert.That(f.MinPivot, Is.EqualTo(1).Within(1e-14));
        }

        [TestCase(1, 1), TestCase(2, 2), TestCase(7, 3), TestCase(16, 4), TestCase(33, 5), TestCase(60, 6)]
        public void Factor_OfSeededRandomSpdMatrices_ReproducesTheMatrix_AndTheFlatFormGivesTheSameFactor(int n, int seed)
        {
            var a = RandomSpd(n, seed);
            var f = Cholesky.Factor(a);
            Assert.That(f.Succeeded, Is.True);
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int k = 0; k <= j; k++) s += L(f, i, k) * L(f, j, k);
                    Assert.That(s, Is.EqualTo(a[i, j]).Within(1e-12 * n * n), $"(L L')[{i},{j}]");
                }
            var flat = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) flat[i * n + j] = a[i, j];
            var g = Cholesky.Factor(flat, n);
            for (int i = 0; i < n; i++) Assert.That(g.Lower[i], Is.EqualTo(f.Lower[i]), $"row {i}");
        }

        [TestCase(5, 11), TestCase(40, 12)]
        public void Solve_AndInverseTranspose_InvertTheMatrix(int n, int seed)
        {
            var a = RandomSpd(n, seed);
            var f = Cholesky.Factor(a);
            var x = new double[n];
            for (int i = 0; i < n; i++) x[i] = i - n / 2.0;
            var b = new double[n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) b[i] += a[i, j] * x[j];
            f.Solve(b);
            for (int i = 0; i < n; i++) Assert.That(b[i], Is.EqualTo(x[i]).Within(1e-10), $"x[{i}]");
            // J = L^-T: J' L' ... L' J = I, i.e. row k of J dotted with row i of L (over columns) is delta_ik.
            var j0 = f.InverseTranspose();
            for (int k = 0; k < n; k++)
                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int c = 0; c <= i; c++) s += j0[k][c] * f.Lower[i][c];
                    Assert.That(s, Is.EqualTo(i == k ? 1.0 : 0.0).Within(1e-12), $"(L^-1 L)[{k},{i}]");
                }
        }

        [Test]
        public void Factor_WhereAnAssetDuplicatesAnother_StopsAtItAndTheReportNamesIt()
        {
            // C = A + B exactly: the pivot of C has no residual variance.
            var cov = new[,] { { 2.0, 0.5, 2.5 }, { 0.5, 1.0, 1.5 }, { 2.5, 1.5, 4.0 } };
            var f = Cholesky.Factor(cov, relativeFloor: 1e-12);
            Assert.That(f.Succeeded, Is.False);
            Assert.That(f.FailedPivot, Is.EqualTo(2));
            Assert.That(f.PivotReport(new[] { "A", "B", "C" }), Does.Contain("asset 'C' is (almost) a linear combination"));
        }

        [Test]
        public void Factor_WithAZeroVariance_ReportsThatVariance()
        {
            var f = Cholesky.Factor(new[,] { { 1.0, 0 }, { 0, 0.0 } }, relativeFloor: 1e-12);
            Assert.That(f.FailedPivot, Is.EqualTo(1));
            Assert.That(f.PivotReport(new[] { "A", "B" }), Does.Contain("asset 'B' has variance 0"));
        }

        [Test]
        public void Factor_WithARidge_FactorsTheShiftedMatrix()
        {
            // [[1,1],[1,1]] is singular; + 0.5 I = [[1.5,1],[1,1.5]]: L = [[sqrt 1.5, 0],[1/sqrt 1.5, sqrt(1.5 - 1/1.5)]].
            var f = Cholesky.Factor(new[,] { { 1.0, 1 }, { 1, 1.0 } }, ridge: 0.5);
            Assert.That(f.Succeeded, Is.True);
            Assert.That(f.Lower[0][0], Is.EqualTo(Math.Sqrt(1.5)).Within(1e-15));
            Assert.That(f.Lower[1][0], Is.EqualTo(1 / Math.Sqrt(1.5)).Within(1e-15));
            Assert.That(f.Lower[1][1], Is.EqualTo(Math.Sqrt(1.5 - 1 / 1.5)).Within(1e-15));
        }

        [TestCase(9, 21, 0.37), TestCase(30, 22, 1234.5)]
        public void Scaled_IsTheFactorOfTheScaledMatrix(int n, int seed, double scale)
        {
            var a = RandomSpd(n, seed);
            var scaled = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) scaled[i, j] = a[i, j] * scale;
            var direct = Cholesky.Factor(scaled);
            var derived = Cholesky.Factor(a).Scaled(scale);
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                    Assert.That(derived.Lower[i][j], Is.EqualTo(direct.Lower[i][j]).Within(1e-13 * Math.Sqrt(scale * n)), $"L[{i},{j}]");
            Assert.That(derived.MinPivot, Is.EqualTo(direct.MinPivot).Within(1e-12 * direct.MinPivot));
        }

        [Test]
        public void QpStartFactor_FromARememberedFactor_IsTheSameAsAFreshOne()
        {
            var a = RandomSpd(25, 31);
            var fresh = RidgedCholesky.Factor((double[,])a.Clone(), 1e-12);
            FactorMemo.Remember(a, Cholesky.Factor(a, relativeFloor: 1e-12));
            var shared = RidgedCholesky.Factor(a, 1e-12);
            Assert.That(shared.Ridge, Is.EqualTo(0));
            for (int i = 0; i < 25; i++) Assert.That(shared.InverseTranspose[i], Is.EqualTo(fresh.InverseTranspose[i]), $"row {i} of J0");
        }
    }
}
