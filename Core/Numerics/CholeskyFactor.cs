using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>
    /// Result of <see cref="Cholesky"/>: the lower factor L when every pivot passed, else the first refused pivot with its
    /// residual, and a report that names the asset behind it.
    /// </summary>
    internal sealed class CholeskyFactor
    {
        private readonly double[][] _lower;
        private readonly double[] _diagonal;

        internal CholeskyFactor(double[][] lower, double[] diagonal, double ridge, int failedPivot, double failedResidual, double minPivot)
        {
            _lower = lower;
            _diagonal = diagonal;
            Ridge = ridge;
            FailedPivot = failedPivot;
            FailedResidual = failedResidual;
            MinPivot = minPivot;
        }

        /// <summary>Order of the matrix.</summary>
        public int Size => _lower.Length;

        /// <summary>True when every pivot passed and <see cref="Lower"/> is the whole factor.</summary>
        public bool Succeeded => FailedPivot < 0;

        /// <summary>Ridge that was added to the diagonal (absolute).</summary>
        public double Ridge { get; }

        /// <summary>Index of the first refused pivot, -1 when none.</summary>
        public int FailedPivot { get; }

        /// <summary>Residual <c>d_j</c> of the refused pivot (NaN when none).</summary>
        public double FailedResidual { get; }

        /// <summary>Smallest accepted pivot residual <c>d_j = L_jj^2</c> (+Infinity for an empty matrix).</summary>
        public double MinPivot { get; }

        /// <summary>Rows of L (row i has i + 1 entries). Only valid when <see cref="Succeeded"/>; never mutate.</summary>
        public double[][] Lower => _lower;

        /// <summary>
        /// Why the matrix is not positive definite, naming <c>names[FailedPivot]</c>: a non-positive variance, or a
        /// residual variance too small, i.e. that asset is (almost) a combination of the assets before it. Null on success.
        /// </summary>
        public string? PivotReport(IReadOnlyList<string> names)
        {
            if (Succeeded) return null;
            int j = FailedPivot;
            double v = _diagonal[j];
            if (!(v > 0)) return $"covariance is singular: asset '{names[j]}' has variance {Guard.Format(v)} (must be > 0)";
            return $"covariance is singular or not positive definite: asset '{names[j]}' is (almost) a linear combination of the assets before it " +
                   $"(residual variance {Guard.Format(FailedResidual)} of {Guard.Format(v)})";
        }

        /// <summary>The factor of <paramref name="scale"/> x A (scale &gt; 0): every entry of L times sqrt(scale). O(n^2).</summary>
        public CholeskyFactor Scaled(double scale)
        {
            RequireSucceeded();
            double r = Math.Sqrt(scale);
            var rows = new double[_lower.Length][];
            var diagonal = new double[_diagonal.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                var src = _lower[i];
                var dst = new double[src.Length];
                for (int j = 0; j < src.Length; j++) dst[j] = src[j] * r;
                rows[i] = dst;
                diagonal[i] = _diagonal[i] * scale;
            }
            return new CholeskyFactor(rows, diagonal, Ridge * scale, -1, double.NaN, MinPivot * scale);
        }

        /// <summary>Solves <c>L L' x = rhs</c> in place (rhs becomes x). O(n^2).</summary>
        public void Solve(double[] rhs)
        {
            RequireSucceeded();
            int n = _lower.Length;
            for (int i = 0; i < n; i++)
            {
                var li = _lower[i];
                rhs[i] = (rhs[i] - DotKernels.Dot(li, rhs, 0, i)) / li[i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = rhs[i];
                for (int k = i + 1; k < n; k++) s -= _lower[k][i] * rhs[k];
                rhs[i] = s / _lower[i][i];
            }
        }

        /// <summary>
        /// <c>L^-T</c> as n rows of length n (upper triangular): row k is column k of <c>L^-1</c>, by forward substitution
        /// <c>L m = e_k</c>. O(n^3/3). The Goldfarb-Idnani solver starts from it.
        /// </summary>
        public double[][] InverseTranspose()
        {
            RequireSucceeded();
            int n = _lower.Length;
            var j0 = new double[n][];
            for (int k = 0; k < n; k++)
            {
                var m = new double[n];
                m[k] = 1.0 / _lower[k][k];
                for (int i = k + 1; i < n; i++)
                {
                    var li = _lower[i];
                    m[i] = -DotKernels.Dot(li, m, k, i) / li[i];
                }
                j0[k] = m;
            }
            return j0;
        }

        private void RequireSucceeded()
        {
            if (!Succeeded) throw new InvalidOperationException($"the Cholesky factorisation stopped at pivot {FailedPivot}");
        }
    }
}
