using System;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Exponentially weighted mean and covariance (RiskMetrics Technical Document, 1996, sec. 5.2.1, with finite-sample
    /// normalised weights): <c>a_t = lambda^(T-1-t) / sum_s lambda^(T-1-s)</c> (newest row weight largest),
    /// <c>m = sum a_t r_t</c>, <c>S = sum a_t (r_t - m)(r_t - m)'</c> (no small-sample correction). Per period.
    /// </summary>
    /// <remarks>A record: equality compares the arrays by reference, not element by element.</remarks>
    public sealed record ExponentiallyWeightedMoments
    {
        private ExponentiallyWeightedMoments(double lambda, double[] mean, double[,] covariance)
        {
            Lambda = lambda;
            Mean = mean;
            Covariance = covariance;
        }

        /// <summary>Decay factor in (0, 1); 0.94 is the RiskMetrics daily value.</summary>
        public double Lambda { get; }

        /// <summary>Weighted mean per asset, per period. Do not mutate.</summary>
        public double[] Mean { get; }

        /// <summary>Weighted covariance, N x N, per period. Do not mutate.</summary>
        public double[,] Covariance { get; }

        /// <summary>Computes the moments of a return frame; needs at least 2 rows and <paramref name="lambda"/> in (0, 1).</summary>
        public static ExponentiallyWeightedMoments Compute(AssetFrame returns, double lambda)
        {
            Guard.NotNull(returns, nameof(returns));
            Guard.InOpenRange(lambda, 0, 1, nameof(lambda));
            int t = returns.Rows, n = returns.AssetCount;
            if (t < 2) throw new InvalidInputException($"{returns.Source}: exponentially weighted moments need at least 2 observations, got {t}");
            var a = Weights(t, lambda);
            var cols = returns.Columns;
            var mean = new double[n];
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                var c = cols[j];
                for (int i = 0; i < t; i++) s += a[i] * c[i];
                mean[j] = s;
            }
            // Same estimator as the optimizers' EWMA covariance (Statistics.EwmaCovariance with the weighted mean).
            var cov = EwmaCovariance.Compute(returns, lambda, EwmaMean.Weighted);
            return new ExponentiallyWeightedMoments(lambda, mean, cov);
        }

        /// <summary>The normalised weights <c>a_t</c>, oldest first, summing to 1 (<see cref="EwmaCovariance.Weights"/>).</summary>
        public static double[] Weights(int rows, double lambda)
        {
            Guard.Positive(rows, nameof(rows));
            Guard.InOpenRange(lambda, 0, 1, nameof(lambda));
            return EwmaCovariance.Weights(rows, lambda);
        }
    }
}
