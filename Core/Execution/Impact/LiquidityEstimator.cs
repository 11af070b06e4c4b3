using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Impact
{
    /// <summary>
    /// Estimates impact-model inputs from bar data: volatility of log returns per bar, average volume per bar and the
    /// Corwin-Schultz (2012) high-low bid-ask spread estimator. Scale per-bar figures to daily yourself (daily bars need none).
    /// </summary>
    public static class LiquidityEstimator
    {
        /// <summary>Sample standard deviation (n - 1) of log returns ln(c_t / c_{t-1}), per bar, as a fraction. Needs &gt;= 3 positive closes.</summary>
        public static double Volatility(IReadOnlyList<double> closes)
        {
            Guard.NotNull(closes, nameof(closes));
            if (closes.Count < 3) throw new InvalidInputException($"volatility needs at least 3 closes, got {closes.Count}");
            CheckPositive(closes, "close");
            int n = closes.Count - 1;
            double mean = 0, m2 = 0;
            for (int i = 1; i <= n; i++)
            {
                double r = Math.Log(closes[i] / closes[i - 1]);
                double d = r - mean;
                mean += d / i;
                m2 += d * (r - mean);
            }
            return Math.Sqrt(m2 / (n - 1));
        }

        /// <summary>Mean volume of the last <paramref name="lookback"/> bars (all bars when larger than the history).</summary>
        public static double AverageVolume(IReadOnlyList<double> volumes, int lookback)
        {
            Guard.NotNull(volumes, nameof(volumes));
            Guard.Positive(lookback, nameof(lookback));
            if (volumes.Count == 0) throw new InvalidInputException("average volume needs at least one bar");
            int start = Math.Max(0, volumes.Count - lookback);
            double sum = 0;
            for (int i = start; i < volumes.Count; i++)
            {
                if (double.IsNaN(volumes[i]) || volumes[i] < 0 || double.IsInfinity(volumes[i]))
                    throw new InvalidInputException($"volume at bar {i + 1} must be a finite number >= 0, got {Guard.Format(volumes[i])}");
                sum += volumes[i];
            }
            return sum / (volumes.Count - start);
        }

        /// <summary>
        /// Corwin and Schultz (2012), "A simple way to estimate bid-ask spreads from daily high and low prices", J. Finance:
        /// for each pair of consecutive bars beta = ln(H_t/L_t)^2 + ln(H_t+1/L_t+1)^2, gamma = ln(max H / min L)^2,
        /// alpha = (sqrt(2 beta) - sqrt(beta)) / (3 - 2 sqrt 2) - sqrt(gamma / (3 - 2 sqrt 2)), S = 2 (e^alpha - 1) / (1 + e^alpha);
        /// negative pair estimates are set to 0 (as in the paper) and the mean is returned (fraction of price).
        /// </summary>
        public static double CorwinSchultzSpread(IReadOnlyList<double> highs, IReadOnlyList<double> lows)
        {
            Guard.NotNull(highs, nameof(highs));
            Guard.NotNull(lows, nameof(lows));
            if (highs.Count != lows.Count) throw new ArgumentException($"highs ({highs.Count}) and lows ({lows.Count}) differ in length");
            if (highs.Count < 2) throw new InvalidInputException($"the Corwin-Schultz spread needs at least 2 bars, got {highs.Count}");
            CheckPositive(highs, "high");
            CheckPositive(lows, "low");
            double k = 3 - 2 * Math.Sqrt(2), sum = 0;
            for (int t = 0; t + 1 < highs.Count; t++)
            {
                if (lows[t] > highs[t]) throw new InvalidInputException($"bar {t + 1}: low {Guard.Format(lows[t])} is above high {Guard.Format(highs[t])}");
                double b1 = Math.Log(highs[t] / lows[t]), b2 = Math.Log(highs[t + 1] / lows[t + 1]);
                double beta = b1 * b1 + b2 * b2;
                double g = Math.Log(Math.Max(highs[t], highs[t + 1]) / Math.Min(lows[t], lows[t + 1]));
                double alpha = (Math.Sqrt(2 * beta) - Math.Sqrt(beta)) / k - Math.Sqrt(g * g / k);
                double s = 2 * (Math.Exp(alpha) - 1) / (1 + Math.Exp(alpha));
                sum += Math.Max(0, s);
            }
            return sum / (highs.Count - 1);
        }

        private static void CheckPositive(IReadOnlyList<double> values, string what)
        {
            for (int i = 0; i < values.Count; i++)
                if (!(values[i] > 0) || double.IsInfinity(values[i]))
                    throw new InvalidInputException($"{what} at bar {i + 1} must be a finite price > 0, got {Guard.Format(values[i])}");
        }
    }
}
