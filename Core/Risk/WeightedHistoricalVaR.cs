using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Age-weighted historical simulation (Boudoukh, Richardson and Whitelaw 1998, "The Best of Both Worlds", Risk 11(5)):
    /// each return carries a probability weight (e.g. exponential, newest largest). The (1 - c) quantile is the smallest
    /// return whose cumulative weight, returns sorted ascending, reaches 1 - c (the weighted inverse empirical CDF, no
    /// interpolation; with equal weights this is R's type 1, not type 7). Fractions of portfolio value, positive = loss.
    /// </summary>
    public static class WeightedHistoricalVaR
    {
        /// <summary>Weighted historical VaR <c>-q</c>. Weights: non-negative, finite, summing to 1 (within 1e-9).</summary>
        public static double ValueAtRisk(double[] returns, double[] weights, double confidence)
            => -Quantile(returns, weights, confidence, out _, out _);

        /// <summary>Weighted historical CVaR: minus the weight-averaged return over the returns at or below the weighted quantile.</summary>
        public static double ConditionalValueAtRisk(double[] returns, double[] weights, double confidence)
        {
            Quantile(returns, weights, confidence, out var order, out int last);
            double s = 0, m = 0;
            for (int k = 0; k <= last; k++) { s += weights[order[k]] * returns[order[k]]; m += weights[order[k]]; }
            return -s / m;
        }

        private static double Quantile(double[] r, double[] a, double confidence, out int[] order, out int last)
        {
            RiskInputChecks.Series(r, 2, "returns");
            Guard.AllFinite(a, nameof(a));
            if (a.Length != r.Length) throw new InvalidInputException($"weights has {a.Length} elements but there are {r.Length} returns");
            double total = 0;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] < 0) throw new InvalidInputException($"weight {i} is negative ({Guard.Format(a[i])})");
                total += a[i];
            }
            if (Math.Abs(total - 1) > 1e-9) throw new InvalidInputException($"weights must sum to 1, got {Guard.Format(total)}");
            double p = 1 - RiskInputChecks.Confidence(confidence);
            var idx = new int[r.Length];
            for (int i = 0; i < idx.Length; i++) idx[i] = i;
            var keys = (double[])r.Clone();
            Array.Sort(keys, idx);
            double cum = 0;
            // Stop at the first cumulative weight >= p (a 1e-12 slack absorbs rounding in the running sum).
            for (int k = 0; k < idx.Length; k++)
            {
                cum += a[idx[k]];
                if (cum >= p - 1e-12)
                {
                    // Ties: include every observation equal to the quantile.
                    while (k + 1 < idx.Length && r[idx[k + 1]] == r[idx[k]]) k++;
                    order = idx;
                    last = k;
                    return r[idx[k]];
                }
            }
            order = idx;
            last = idx.Length - 1;
            return r[idx[last]];
        }
    }
}
