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
                double d = a[rj + j];
                for (int k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
                if (!(d > 0)) return j;
                double ljj = Math.Sqrt(d);
                a[rj + j] = ljj;
                double inv = 1.0 / ljj;
                for (int i = j + 1; i < n; i++)
                {
                    int ri = i * n;
                    double s = a[ri + j];
                    for (int k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
                    a[ri + j] = s * inv;
                }
            }
            return -1;
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
