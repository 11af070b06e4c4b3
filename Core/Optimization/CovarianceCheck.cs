using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>Checks that a covariance matrix is finite, symmetric and positive definite, naming the culprit asset.</summary>
    public static class CovarianceCheck
    {
        /// <summary>
        /// Throws <see cref="InvalidInputException"/> when <paramref name="cov"/> has a non-finite entry, is not symmetric
        /// (relative 1e-10), or is singular/indefinite. The test is a Cholesky factorisation: pivot j at or below
        /// 1e-12 of Sigma_jj means asset j's returns are (almost) a combination of assets 0..j-1, or constant.
        /// O(n^3/3).
        /// </summary>
        public static void RequirePositiveDefinite(double[,] cov, IReadOnlyList<string> assets)
        {
            int n = assets.Count;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (double.IsNaN(cov[i, j]) || double.IsInfinity(cov[i, j]))
                        throw new InvalidInputException($"covariance of '{assets[i]}' and '{assets[j]}' must be a finite number, got {Guard.Format(cov[i, j])}");
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double scale = Math.Max(Math.Sqrt(Math.Abs(cov[i, i] * cov[j, j])), double.Epsilon);
                    if (Math.Abs(cov[i, j] - cov[j, i]) > 1e-10 * scale)
                        throw new InvalidInputException($"covariance is not symmetric at '{assets[i]}', '{assets[j]}': {Guard.Format(cov[i, j])} vs {Guard.Format(cov[j, i])}");
                }
            // Row-oriented Cholesky (Banachiewicz) on jagged rows, two rows at a time: both rows' inner products with an
            // earlier row k share its loads (half the memory traffic); the pivots are still checked in asset order.
            var l = new double[n][];
            for (int j = 0; j < n; j += 2)
            {
                var lj = new double[j + 1];
                l[j] = lj;
                double[]? lj1 = j + 1 < n ? new double[j + 2] : null;
                for (int k = 0; k < j; k++)
                {
                    var lk = l[k];
                    double inv = 1.0 / lk[k];
                    if (lj1 == null)
                    {
                        lj[k] = (cov[j, k] - Solvers.RidgedCholesky.Dot(lj, lk, 0, k)) * inv;
                        continue;
                    }
                    Dot2(lj, lj1, lk, k, out double s0, out double s1);
                    lj[k] = (cov[j, k] - s0) * inv;
                    lj1[k] = (cov[j + 1, k] - s1) * inv;
                }
                lj[j] = Pivot(cov, assets, j, lj);
                if (lj1 == null) break;
                l[j + 1] = lj1;
                lj1[j] = (cov[j + 1, j] - Solvers.RidgedCholesky.Dot(lj1, lj, 0, j)) / lj[j];
                lj1[j + 1] = Pivot(cov, assets, j + 1, lj1);
            }
        }

        // The diagonal of row j of L, or the error naming asset j.
        private static double Pivot(double[,] cov, IReadOnlyList<string> assets, int j, double[] lj)
        {
            double d = cov[j, j];
            if (d <= 0) throw new InvalidInputException($"covariance is singular: asset '{assets[j]}' has variance {Guard.Format(d)} (must be > 0)");
            d -= Solvers.RidgedCholesky.Dot(lj, lj, 0, j);
            if (d <= 1e-12 * cov[j, j])
                throw new InvalidInputException($"covariance is singular or not positive definite: asset '{assets[j]}' is (almost) a linear combination of the assets before it (residual variance {Guard.Format(d)} of {Guard.Format(cov[j, j])})");
            return Math.Sqrt(d);
        }

        // s0 = a[0..len) . c[0..len), s1 = b[0..len) . c[0..len), two accumulators each.
        private static void Dot2(double[] a, double[] b, double[] c, int len, out double s0, out double s1)
        {
            double a0 = 0, a1 = 0, b0 = 0, b1 = 0;
            int k = 0;
            for (; k + 1 < len; k += 2)
            {
                double c0 = c[k], c1 = c[k + 1];
                a0 += a[k] * c0; a1 += a[k + 1] * c1;
                b0 += b[k] * c0; b1 += b[k + 1] * c1;
            }
            if (k < len) { a0 += a[k] * c[k]; b0 += b[k] * c[k]; }
            s0 = a0 + a1;
            s1 = b0 + b1;
        }
    }
}
