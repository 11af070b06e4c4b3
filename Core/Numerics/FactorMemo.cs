using System.Runtime.CompilerServices;

namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>
    /// Lets one Cholesky factorisation of a covariance serve every later consumer of the same matrix object: the
    /// positive-definiteness check of <c>PortfolioProblem</c> remembers its factor, and the QP solver, handed the same
    /// array as P, starts from it instead of factorising again. Keyed by reference (weakly, so nothing is kept alive);
    /// only owners that never mutate the array may remember a factor for it.
    /// </summary>
    internal static class FactorMemo
    {
        private static readonly ConditionalWeakTable<double[,], CholeskyFactor> Table = new ConditionalWeakTable<double[,], CholeskyFactor>();

        /// <summary>Remembers the successful, ridge-free factor of <paramref name="matrix"/> (which its owner never mutates).</summary>
        public static void Remember(double[,] matrix, CholeskyFactor factor)
        {
            if (!factor.Succeeded || factor.Ridge != 0) return;
            lock (Table)
            {
                Table.Remove(matrix);
                Table.Add(matrix, factor);
            }
        }

        /// <summary>
        /// When <paramref name="source"/> has a remembered factor L, remembers <c>sqrt(scale) L</c> for
        /// <paramref name="scaled"/> = <paramref name="scale"/> x source (scale &gt; 0; O(n^2) instead of a new O(n^3/3)).
        /// </summary>
        public static void RememberScaled(double[,] scaled, double[,] source, double scale)
        {
            var f = Recall(source);
            if (f == null || !(scale > 0)) return;
            Remember(scaled, f.Scaled(scale));
        }

        /// <summary>The factor remembered for this very array, or null.</summary>
        public static CholeskyFactor? Recall(double[,] matrix)
        {
            lock (Table) return Table.TryGetValue(matrix, out var f) ? f : null;
        }
    }
}
