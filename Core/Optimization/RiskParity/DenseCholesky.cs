using System;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// In-place Cholesky factorisation <c>A = L L'</c> of a symmetric matrix stored row-major in a flat array,
    /// and the matching solve. No allocation: callers keep the buffers across iterations.
    /// </summary>
    internal static class DenseCholesky
    {
        /// <summary>
        /// Overwrites the lower triangle of <paramref name="a"/> (n x n, row-major) with L. Only the lower
        /// triangle is read. Returns -1 on success, else the index of the first non-positive pivot.
        /// Cost n^3/3 multiply-adds (Cholesky-Crout; inner loops run over contiguous rows).
        /// </summary>
        public static int Factor(double[] a, int n)
        {
            for (int j = 0; j < n; j++)
            {
                int rj = j * n;
                double d = a[rj + j] - Dot(a, rj, rj, j);
                if (!(d > 0)) return j;
                double ljj = Math.Sqrt(d);
                a[rj + j] = ljj;
                double inv = 1.0 / ljj;
                // Two rows at a time share the loads of row j (4 independent accumulators keep the FP units busy).
                int i = j + 1;
                for (; i + 1 < n; i += 2)
                {
                    int r0 = i * n, r1 = r0 + n;
                    double s0 = 0, s1 = 0, t0 = 0, t1 = 0;
                    int k = 0;
                    for (; k + 1 < j; k += 2)
                    {
                        double x0 = a[rj + k], x1 = a[rj + k + 1];
                        s0 += a[r0 + k] * x0; t0 += a[r0 + k + 1] * x1;
                        s1 += a[r1 + k] * x0; t1 += a[r1 + k + 1] * x1;
                    }
                    if (k < j)
                    {
                        double x0 = a[rj + k];
                        s0 += a[r0 + k] * x0;
                        s1 += a[r1 + k] * x0;
                    }
                    a[r0 + j] = (a[r0 + j] - (s0 + t0)) * inv;
                    a[r1 + j] = (a[r1 + j] - (s1 + t1)) * inv;
                }
                if (i < n)
                {
                    int ri = i * n;
                    a[ri + j] = (a[ri + j] - Dot(a, ri, rj, j)) * inv;
                }
            }
            return -1;
        }

        // sum_k a[p + k] a[q + k], k in [0, len), four accumulators.
        private static double Dot(double[] a, int p, int q, int len)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = 0;
            for (; k + 3 < len; k += 4)
            {
                s0 += a[p + k] * a[q + k];
                s1 += a[p + k + 1] * a[q + k + 1];
                s2 += a[p + k + 2] * a[q + k + 2];
                s3 += a[p + k + 3] * a[q + k + 3];
            }
            for (; k < len; k++) s0 += a[p + k] * a[q + k];
            return (s0 + s1) + (s2 + s3);
        }

        /// <summary>Solves <c>L L' x = rhs</c> in place (rhs becomes x) with the factor from <see cref="Factor"/>.</summary>
        public static void Solve(double[] l, int n, double[] rhs)
        {
            for (int i = 0; i < n; i++)
            {
                int ri = i * n;
                double s = rhs[i];
                for (int k = 0; k < i; k++) s -= l[ri + k] * rhs[k];
                rhs[i] = s / l[ri + i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = rhs[i];
                for (int k = i + 1; k < n; k++) s -= l[k * n + i] * rhs[k];
                rhs[i] = s / l[i * n + i];
            }
        }
    }
}
