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
            // Blocked left-looking (Crout) order: for a panel of Block columns, first subtract the finished columns k < j0
            // row by row (row i's prefix stays in L1 while it meets the panel's rows, which stay in L2), then finish the panel
            // column by column. Same arithmetic as the textbook column loop, far less memory traffic for N in the hundreds.
            const int Block = 16;
            for (int j0 = 0; j0 < n; j0 += Block)
            {
                int j1 = Math.Min(n, j0 + Block);
                if (j0 > 0)
                {
                    for (int i = j0; i < n; i++)
                    {
                        int ri = i * n, jEnd = Math.Min(j1, i + 1);
                        for (int j = j0; j < jEnd; j++) a[ri + j] -= Dot(a, ri, j * n, j0);
                    }
                }
                for (int j = j0; j < j1; j++)
                {
                    int rj = j * n;
                    double d = a[rj + j] - Dot(a, rj + j0, rj + j0, j - j0);
                    if (!(d > 0)) return j;
                    double ljj = Math.Sqrt(d);
                    a[rj + j] = ljj;
                    double inv = 1.0 / ljj;
                    for (int i = j + 1; i < n; i++)
                    {
                        int ri = i * n;
                        a[ri + j] = (a[ri + j] - Dot(a, ri + j0, rj + j0, j - j0)) * inv;
                    }
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
