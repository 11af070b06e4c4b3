using System;
using System.Runtime.CompilerServices;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// Arithmetic mean and unbiased sample covariance (divisor n-1) of a return frame, per period of the input.
    /// </summary>
    public static class SampleMoments
    {
        /// <summary>Per-asset arithmetic mean of each column, per period. Requires at least one row.</summary>
        public static double[] Mean(AssetFrame returns)
        {
            Guard.NotNull(returns, nameof(returns));
            if (returns.Rows < 1) throw new InvalidInputException($"{returns.Source}: no observations to average");
            var cols = returns.Columns;
            var mean = new double[cols.Length];
            for (int j = 0; j < cols.Length; j++) mean[j] = Mean(cols[j]);
            return mean;
        }

        /// <summary>Arithmetic mean of a series (two-pass compensated).</summary>
        public static double Mean(double[] x)
        {
            double s = 0;
            for (int i = 0; i < x.Length; i++) s += x[i];
            double m = s / x.Length;
            double c = 0;
            for (int i = 0; i < x.Length; i++) c += x[i] - m;
            return m + c / x.Length;
        }

        /// <summary>
        /// Unbiased sample covariance, N x N, divisor (T - 1), per period. Requires at least two rows.
        /// Centred two-pass algorithm: numerically stable for prices-scale and returns-scale data alike.
        /// The cross products run through a cache-blocked SIMD kernel (O(N^2 T / 2)); they agree with a plain
        /// dot product to rounding (about 1e-15 relative to sqrt(cov_aa cov_bb)).
        /// </summary>
        public static double[,] Covariance(AssetFrame returns)
        {
            Guard.NotNull(returns, nameof(returns));
            int t = returns.Rows, n = returns.AssetCount;
            if (t < 2) throw new InvalidInputException($"{returns.Source}: covariance needs at least 2 observations, got {t}");
            double[,] cov;
            if (Numerics.DotKernels.Wide)
            {
                // Centred one row chunk at a time into a reused row-major buffer (RowChunk x padded N, 1 MB at N = 500) that
                // the vector kernel reads: the same sums as over a whole centred copy, without allocating one (T x N).
                var cols = returns.Columns;
                int m = CrossProductKernel.PaddedWidth(n);
                var means = new double[n];
                for (int j = 0; j < n; j++) means[j] = Mean(cols[j]);
                var chunk = new double[CrossProductKernel.RowChunk * m];
                cov = new double[n, n];
                bool parallel = (double)n * n * t >= CrossProductKernel.ParallelThreshold && Environment.ProcessorCount > 1;
                for (int r0 = 0; r0 < t; r0 += CrossProductKernel.RowChunk)
                {
                    int rows = Math.Min(CrossProductKernel.RowChunk, t - r0);
                    for (int j = 0; j < n; j++)
                    {
                        var col = cols[j];
                        double mean = means[j];
                        for (int r = 0; r < rows; r++) chunk[r * m + j] = col[r0 + r] - mean;
                    }
                    CrossProductKernel.AccumulateRows(chunk, n, cov, 0, rows, parallel);
                }
                CrossProductKernel.MirrorUpper(cov);
            }
            else cov = CrossProductKernel.Gram(Centre(returns.Columns));
            double div = t - 1;
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) cov[a, b] /= div;
            return cov;
        }

        /// <summary>
        /// <see cref="Covariance"/> computed once per frame object: a frame is immutable, so the risk figures and the
        /// covariance stress scenarios of one run share one O(N^2 T) pass, each caller getting its own O(N^2) copy.
        /// Weakly keyed: nothing outlives its frame.
        /// </summary>
        internal static double[,] SharedCovariance(AssetFrame returns)
        {
            Guard.NotNull(returns, nameof(returns));
            lock (Computed)
                if (Computed.TryGetValue(returns, out var known)) return (double[,])known.Clone();
            var cov = Covariance(returns);
            lock (Computed)
            {
                Computed.Remove(returns);
                Computed.Add(returns, (double[,])cov.Clone());
            }
            return cov;
        }

        private static readonly ConditionalWeakTable<AssetFrame, double[,]> Computed = new ConditionalWeakTable<AssetFrame, double[,]>();

        /// <summary>Centred copies of the columns (each minus its mean).</summary>
        internal static double[][] Centre(double[][] cols)
        {
            var centred = new double[cols.Length][];
            for (int j = 0; j < cols.Length; j++)
            {
                double m = Mean(cols[j]);
                var x = cols[j];
                var c = new double[x.Length];
                for (int i = 0; i < c.Length; i++) c[i] = x[i] - m;
                centred[j] = c;
            }
            return centred;
        }

        /// <summary>The straightforward pairwise dot-product covariance (divisor T - 1), kept as the reference for the fast path.</summary>
        internal static double[,] CovarianceNaive(AssetFrame returns)
        {
            int t = returns.Rows;
            var c = CrossProductKernel.Naive(Centre(returns.Columns), Centre(returns.Columns));
            int n = returns.AssetCount;
            for (int a = 0; a < n; a++)
                for (int b = 0; b < n; b++) c[a, b] /= t - 1;
            return c;
        }
    }
}
