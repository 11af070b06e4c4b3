using System;
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
        /// </summary>
        public static double[,] Covariance(AssetFrame returns)
        {
            Guard.NotNull(returns, nameof(returns));
            int t = returns.Rows, n = returns.AssetCount;
            if (t < 2) throw new InvalidInputException($"{returns.Source}: covariance needs at least 2 observations, got {t}");
            var cols = returns.Columns;
            var centred = new double[n][];
            for (int j = 0; j < n; j++)
            {
                double m = Mean(cols[j]);
                var c = new double[t];
                for (int i = 0; i < t; i++) c[i] = cols[j][i] - m;
                centred[j] = c;
            }
            var cov = new double[n, n];
            double div = t - 1;
            for (int a = 0; a < n; a++)
            {
                var xa = centred[a];
                for (int b = a; b < n; b++)
                {
                    var xb = centred[b];
                    double s = 0;
                    for (int i = 0; i < t; i++) s += xa[i] * xb[i];
                    cov[a, b] = cov[b, a] = s / div;
                }
            }
            return cov;
        }
    }
}
