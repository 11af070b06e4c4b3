using System;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// Remembers the factorisation of the last P (and ridge setting) so that re-solves with the same P, e.g. the
    /// points of an efficient frontier, skip the O(n^3) work (from the third solve of an instance on: the first keeps
    /// nothing, so a single solve allocates no copies). P is compared element by element against a private
    /// copy (O(n^2)), so mutating a matrix in place between solves is safe. Thread-safe.
    /// </summary>
    internal sealed class RidgedCholeskyCache
    {
        private readonly object sync = new object();
        private double[,]? matrix;
        private double relativeRidge;
        private RidgedCholesky? factor;
        private bool solvedBefore;

        /// <summary>A factor of P whose J0 the caller may overwrite (a private copy).</summary>
        public RidgedCholesky Get(double[,] p, double ridgeSetting)
        {
            lock (sync)
            {
                if (factor != null && matrix != null && relativeRidge.Equals(ridgeSetting) && SameMatrix(matrix, p))
                    return factor.Copy();
            }
            var fresh = RidgedCholesky.Factor(p, ridgeSetting);
            lock (sync)
            {
                // The first solve of an instance keeps nothing (a one-shot solve, the CLI's case, then copies no n x n arrays);
                // from the second on, the last P and its factor are kept for the next re-solve with the same P.
                if (!solvedBefore)
                {
                    solvedBefore = true;
                    return fresh;
                }
            }
            var copy = (double[,])p.Clone();
            var kept = fresh.Copy();
            lock (sync)
            {
                matrix = copy;
                relativeRidge = ridgeSetting;
                factor = kept;
            }
            return fresh;
        }

        private static bool SameMatrix(double[,] a, double[,] b)
        {
            int n = a.GetLength(0);
            if (b.GetLength(0) != n || b.GetLength(1) != a.GetLength(1)) return false;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (!a[i, j].Equals(b[i, j])) return false;
            return true;
        }
    }
}
