using System;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>
    /// Splits a whole quantity by fractional weights with rounding done once on the running total:
    /// slice k gets round(Q S_k) - round(Q S_{k-1}) where S_k is the cumulative weight share, so the slices
    /// sum exactly to Q and each differs from its ideal share by less than one unit.
    /// </summary>
    public static class CumulativeRounding
    {
        /// <summary>
        /// Splits <paramref name="total"/> (&gt;= 0) in proportion to <paramref name="weights"/> (finite, &gt;= 0, positive sum).
        /// Ties round half away from zero.
        /// </summary>
        public static long[] Split(long total, double[] weights)
        {
            if (total < 0) throw new ArgumentOutOfRangeException(nameof(total), total, $"total must be >= 0, got {total}");
            Guard.AllFinite(weights, nameof(weights));
            if (weights.Length == 0) throw new ArgumentException("weights must not be empty", nameof(weights));
            double sum = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (weights[i] < 0) throw new ArgumentException($"weights[{i}] must be >= 0, got {Guard.Format(weights[i])}", nameof(weights));
                sum += weights[i];
            }
            if (!(sum > 0)) throw new ArgumentException("weights must have a positive sum", nameof(weights));
            var result = new long[weights.Length];
            double cumulative = 0;
            long previous = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                cumulative += weights[i];
                long upTo = i == weights.Length - 1 ? total : (long)Math.Round(total * Math.Min(1.0, cumulative / sum), MidpointRounding.AwayFromZero);
                if (upTo < previous) upTo = previous;
                result[i] = upTo - previous;
                previous = upTo;
            }
            return result;
        }
    }
}
