using System;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// Exponentially weighted covariance (J.P. Morgan/Reuters, RiskMetrics Technical Document, 4th ed. 1996, §5.2):
    /// Σ = Σ_t w_t (r_t - m)(r_t - m)^T with w_t = (1-λ) λ^(T-1-t) / (1-λ^T), t = 0..T-1, so the newest row has the
    /// largest weight and the weights sum to exactly 1 (the finite-sample normalisation; the infinite-history
    /// recursion Σ_t = λ Σ_{t-1} + (1-λ) r_t r_t^T drops the 1/(1-λ^T) factor). No small-sample bias correction.
    /// m is zero (RiskMetrics) or the weighted mean Σ_t w_t r_t (<see cref="EwmaMean"/>). Per period of the input.
    /// </summary>
    public static class EwmaCovariance
    {
        /// <summary>The N x N EWMA covariance of <paramref name="returns"/> with decay <paramref name="lambda"/> in (0, 1).</summary>
        public static double[,] Compute(AssetFrame returns, double lambda, EwmaMean mean = EwmaMean.Zero)
        {
            Guard.NotNull(returns, nameof(returns));
            Guard.InOpenRange(lambda, 0, 1, nameof(lambda));
            int t = returns.Rows, n = returns.AssetCount;
            if (t < 2) throw new InvalidInputException($"{returns.Source}: EWMA covariance needs at least 2 observations, got {t}");
            var w = Weights(t, lambda);
            var sqrtW = new double[t];
            for (int k = 0; k < t; k++) sqrtW[k] = Math.Sqrt(w[k]);
            var cols = returns.Columns;
            var z = new double[n][];
            for (int j = 0; j < n; j++)
            {
                var x = cols[j];
                double m = 0;
                if (mean == EwmaMean.Weighted)
                    for (int k = 0; k < t; k++) m += w[k] * x[k];
                var c = new double[t];
                for (int k = 0; k < t; k++) c[k] = sqrtW[k] * (x[k] - m);
                z[j] = c;
            }
            return CrossProductKernel.Gram(z);
        }

        /// <summary>The normalised weights w_t = (1-λ) λ^(T-1-t) / (1-λ^T), oldest first; they sum to 1.</summary>
        public static double[] Weights(int count, double lambda)
        {
            Guard.Positive(count, nameof(count));
            Guard.InOpenRange(lambda, 0, 1, nameof(lambda));
            var w = new double[count];
            double norm = (1 - lambda) / (1 - Math.Pow(lambda, count));
            for (int k = 0; k < count; k++) w[k] = norm * Math.Pow(lambda, count - 1 - k);
            return w;
        }
    }
}
