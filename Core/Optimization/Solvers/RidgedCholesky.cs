using System;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// Ridge policy around the one Cholesky (<see cref="Cholesky"/>): factor <c>P + ridge*I = L L'</c> of a symmetric PSD matrix, with the inverse transpose
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

            // The positive-definiteness check of the same covariance may have factorised this very array already (FactorMemo):
            // same algorithm, so the same L, usable when every pivot clears this threshold too.
            var known = FactorMemo.Recall(p);
            var f = known != null && known.MinPivot > threshold ? known : Cholesky.Factor(p, 0.0, threshold);
            int bad = f.FailedPivot;
            double ridge = 0;
            if (bad >= 0)
            {
                if (!(ridgeLevel > 0))
                    throw new ArgumentException($"P is singular (pivot {bad}) and QpOptions.RelativeRidge is 0, so no ridge may be added", "problem");
                ridge = ridgeLevel;
                f = Cholesky.Factor(p, ridge);
                if (!f.Succeeded)
                    throw new ArgumentException($"P is not positive semidefinite: the Cholesky pivot of variable {f.FailedPivot} stays non-positive after a ridge of {Guard.Format(ridge)}", "problem");
            }
            return new RidgedCholesky(f.InverseTranspose(), ridge, bad);
        }
    }
}
