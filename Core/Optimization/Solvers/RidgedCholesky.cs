using System;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// Cholesky factor <c>P + ridge*I = L L'</c> of a symmetric PSD matrix, with the inverse transpose
    /// <c>J0 = L^-T</c> (upper triangular) that the Goldfarb-Idnani method starts from.
    /// When a pivot falls to the ridge level (P singular or numerically so), the factorisation is redone with
    /// <c>ridge = relativeRidge * mean(diag P)</c> (or <c>relativeRidge</c> itself when the diagonal is all zero).
    /// </summary>
    internal sealed class RidgedCholesky
    {
        private RidgedCholesky(double[][] inverseTranspose, double ridge, int singularPivot)
        {
            InverseTranspose = inverseTranspose;
            Ridge = ridge;
            SingularPivot = singularPivot;
        }

        /// <summary><c>L^-T</c>, row-major, n rows of length n, upper triangular.</summary>
        public double[][] InverseTranspose { get; }

        /// <summary>Absolute ridge added to the diagonal (0 when P was numerically positive definite).</summary>
        public double Ridge { get; }

        /// <summary>Index of the first pivot found at or below the ridge level (-1 when none).</summary>
        public int SingularPivot { get; }

        /// <summary>A deep copy (J0 rows copied), for callers that overwrite J0 in place.</summary>
        public RidgedCholesky Copy()
        {
            var rows = new double[InverseTranspose.Length][];
            for (int i = 0; i < rows.Length; i++) rows[i] = (double[])InverseTranspose[i].Clone();
            return new RidgedCholesky(rows, Ridge, SingularPivot);
        }

        /// <summary>
        /// Factors <paramref name="p"/> (lower triangle read; symmetry checked by the caller).
        /// Throws <see cref="ArgumentException"/> when P is indefinite beyond the ridge.
        /// </summary>
        public static RidgedCholesky Factor(double[,] p, double relativeRidge)
        {
            int n = p.GetLength(0);
            double meanDiag = 0, maxDiag = 0;
            for (int i = 0; i < n; i++)
            {
                if (p[i, i] < 0)
                    throw new ArgumentException($"P is not positive semidefinite: diagonal element {i} is {Guard.Format(p[i, i])}", "problem");
                meanDiag += p[i, i];
                maxDiag = Math.Max(maxDiag, p[i, i]);
            }
            meanDiag /= n;
            // A pivot at or below this level means P is singular to working precision for our purposes.
            double ridgeLevel = relativeRidge * (meanDiag > 0 ? meanDiag : 1.0);
            double threshold = Math.Max(ridgeLevel, n * 2.220446049250313e-16 * maxDiag);

            var l = new double[n][];
            for (int i = 0; i < n; i++) l[i] = new double[i + 1];

            int bad = TryFactor(p, 0.0, threshold, l);
            double ridge = 0;
            if (bad >= 0)
            {
                if (!(ridgeLevel > 0))
                    throw new ArgumentException($"P is singular (pivot {bad}) and QpOptions.RelativeRidge is 0, so no ridge may be added", "problem");
                ridge = ridgeLevel;
                int still = TryFactor(p, ridge, 0.0, l);
                if (still >= 0)
                    throw new ArgumentException($"P is not positive semidefinite: the Cholesky pivot of variable {still} stays non-positive after a ridge of {Guard.Format(ridge)}", "problem");
            }
            return new RidgedCholesky(InvertTranspose(l), ridge, bad);
        }

        // Row-oriented (Cholesky-Banachiewicz) factorisation; returns the first pivot index <= threshold, or -1.
        private static int TryFactor(double[,] p, double ridge, double threshold, double[][] l)
        {
            int n = l.Length;
            for (int i = 0; i < n; i++)
            {
                var li = l[i];
                for (int j = 0; j <= i; j++)
                {
                    double s = p[i, j] - Dot(li, l[j], 0, j);
                    if (j == i)
                    {
                        s += ridge;
                        if (!(s > threshold)) return i;
                        li[i] = Math.Sqrt(s);
                    }
                    else
                    {
                        li[j] = s / l[j][j];
                    }
                }
            }
            return -1;
        }

        // Row k of J0 = L^-T is column k of L^-1: forward substitution L m = e_k, m_i = 0 for i < k.
        private static double[][] InvertTranspose(double[][] l)
        {
            int n = l.Length;
            var j0 = new double[n][];
            for (int k = 0; k < n; k++)
            {
                var m = new double[n];
                m[k] = 1.0 / l[k][k];
                for (int i = k + 1; i < n; i++)
                {
                    var li = l[i];
                    m[i] = -Dot(li, m, k, i) / li[i];
                }
                j0[k] = m;
            }
            return j0;
        }

        /// <summary>Dot product of elements [from, to), four accumulators.</summary>
        internal static double Dot(double[] a, double[] b, int from, int to)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = from;
            for (; k + 3 < to; k += 4)
            {
                s0 += a[k] * b[k];
                s1 += a[k + 1] * b[k + 1];
                s2 += a[k + 2] * b[k + 2];
                s3 += a[k + 3] * b[k + 3];
            }
            for (; k < to; k++) s0 += a[k] * b[k];
            return (s0 + s1) + (s2 + s3);
        }
    }
}
