using System;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Sample quantiles by linear interpolation between order statistics: Hyndman and Fan (1996) type 7,
    /// the default of R's <c>quantile</c> and numpy's <c>quantile(method="linear")</c>.
    /// </summary>
    public static class EmpiricalQuantile
    {
        /// <summary>
        /// Type-7 quantile of <paramref name="values"/> at probability <paramref name="p"/> in [0, 1].
        /// With x sorted ascending and h = (n - 1) p: Q = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
        /// The input is not modified. Throws on empty or non-finite input.
        /// </summary>
        public static double Type7(double[] values, double p)
        {
            Guard.AllFinite(values, nameof(values));
            if (values.Length == 0) throw new ArgumentException("values must not be empty", nameof(values));
            var sorted = (double[])values.Clone();
            Array.Sort(sorted);
            return Type7Sorted(sorted, p);
        }

        /// <summary>Type-7 quantile of an ascending-sorted array (not checked, not copied).</summary>
        public static double Type7Sorted(double[] sorted, double p)
        {
            Guard.InRange(p, 0, 1, nameof(p));
            int n = sorted.Length;
            if (n == 0) throw new ArgumentException("values must not be empty", nameof(sorted));
            double h = (n - 1) * p;
            int lo = (int)Math.Floor(h);
            if (lo >= n - 1) return sorted[n - 1];
            double frac = h - lo;
            return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
        }
    }
}
