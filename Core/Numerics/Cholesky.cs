using System;

namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>
    /// The one Cholesky factorisation <c>A + ridge I = L L'</c> of the code base (covariance checks, the QP solver's start
    /// factor, risk parity's Newton steps and PSD test). Row-oriented (Cholesky-Banachiewicz) on jagged lower rows, two
    /// rows at a time so both rows' inner products with an earlier row share its loads. Cost n^3/3 multiply-adds.
    /// A pivot is refused when its residual <c>d_j = A_jj + ridge - sum_k L_jk^2</c> is not above
    /// <c>max(absoluteFloor, relativeFloor * A_jj)</c>; the factorisation stops there and the result names that pivot.
    /// </summary>
    internal static class Cholesky
    {
        /// <summary>Factors the lower triangle of <paramref name="a"/> (n x n; the upper triangle is not read).</summary>
        public static CholeskyFactor Factor(double[,] a, double ridge = 0, double absoluteFloor = 0, double relativeFloor = 0)
        {
            int n = a.GetLength(0);
            var rows = new double[n][];
            for (int i = 0; i < n; i++)
            {
                var r = new double[i + 1];
                for (int j = 0; j <= i; j++) r[j] = a[i, j];
                rows[i] = r;
            }
            return FactorRows(rows, ridge, absoluteFloor, relativeFloor);
        }

        /// <summary>Factors the lower triangle of the row-major n x n matrix <paramref name="a"/> (not modified).</summary>
        public static CholeskyFactor Factor(double[] a, int n, double ridge = 0, double absoluteFloor = 0, double relativeFloor = 0)
        {
            var rows = new double[n][];
            for (int i = 0; i < n; i++)
            {
                var r = new double[i + 1];
                Array.Copy(a, i * n, r, 0, i + 1);
                rows[i] = r;
            }
            return FactorRows(rows, ridge, absoluteFloor, relativeFloor);
        }

        // rows hold A's lower triangle and are overwritten by L (up to the refused pivot).
        private static CholeskyFactor FactorRows(double[][] l, double ridge, double absoluteFloor, double relativeFloor)
        {
            int n = l.Length;
            var diagonal = new double[n];
            for (int i = 0; i < n; i++) diagonal[i] = l[i][i];
            double minPivot = double.PositiveInfinity;
            for (int i = 0; i < n; i += 2)
            {
                var li = l[i];
                double[]? li1 = i + 1 < n ? l[i + 1] : null;
                for (int j = 0; j < i; j++)
                {
                    var lj = l[j];
                    if (li1 == null)
                    {
                        li[j] = (li[j] - DotKernels.Dot(li, lj, 0, j)) / lj[j];
                        continue;
                    }
                    DotKernels.Dot2(li, li1, lj, j, out double s0, out double s1);
                    li[j] = (li[j] - s0) / lj[j];
                    li1[j] = (li1[j] - s1) / lj[j];
                }
                double d = diagonal[i] - DotKernels.Dot(li, li, 0, i) + ridge;
                if (Refused(d, diagonal[i], absoluteFloor, relativeFloor)) return new CholeskyFactor(l, diagonal, ridge, i, d, minPivot);
                minPivot = Math.Min(minPivot, d);
                li[i] = Math.Sqrt(d);
                if (li1 == null) break;
                li1[i] = (li1[i] - DotKernels.Dot(li1, li, 0, i)) / li[i];
                double d1 = diagonal[i + 1] - DotKernels.Dot(li1, li1, 0, i + 1) + ridge;
                if (Refused(d1, diagonal[i + 1], absoluteFloor, relativeFloor)) return new CholeskyFactor(l, diagonal, ridge, i + 1, d1, minPivot);
                minPivot = Math.Min(minPivot, d1);
                li1[i + 1] = Math.Sqrt(d1);
            }
            return new CholeskyFactor(l, diagonal, ridge, -1, double.NaN, minPivot);
        }

        private static bool Refused(double d, double ajj, double absoluteFloor, double relativeFloor)
            => !(d > absoluteFloor) || (relativeFloor > 0 && d <= relativeFloor * ajj);
    }
}
