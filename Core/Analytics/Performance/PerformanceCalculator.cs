using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Analytics.Performance
{
    /// <summary>Computes <see cref="PerformanceReport"/> from an equity curve (money, one point per period).</summary>
    public static class PerformanceCalculator
    {
        /// <summary>
        /// Statistics of <paramref name="equity"/> (at least two points, all &gt; 0). <paramref name="periodsPerYear"/>
        /// annualises (252 for daily bars); <paramref name="riskFreePerPeriod"/> is a per-period fraction.
        /// </summary>
        public static PerformanceReport Compute(IReadOnlyList<decimal> equity, int periodsPerYear, double riskFreePerPeriod = 0)
        {
            Guard.NotNull(equity, nameof(equity));
            Guard.Positive(periodsPerYear, nameof(periodsPerYear));
            Guard.Finite(riskFreePerPeriod, nameof(riskFreePerPeriod));
            if (equity.Count < 2) throw new ArgumentException($"equity needs at least 2 points, got {equity.Count}", nameof(equity));
            for (int i = 0; i < equity.Count; i++)
                if (equity[i] <= 0m) throw new ArgumentException($"equity[{i}] must be > 0, got {equity[i]}", nameof(equity));

            int n = equity.Count - 1;
            var r = new double[n];
            for (int i = 0; i < n; i++) r[i] = (double)(equity[i + 1] / equity[i]) - 1.0;

            double total = (double)(equity[n] / equity[0]) - 1.0;
            double annual = Math.Pow(1.0 + total, (double)periodsPerYear / n) - 1.0;

            double meanExcess = 0;
            for (int i = 0; i < n; i++) meanExcess += r[i] - riskFreePerPeriod;
            meanExcess /= n;
            double sd = StdDev(r);
            double sqrtP = Math.Sqrt(periodsPerYear);
            double vol = sd * sqrtP;
            double sharpe = sd > 0 ? meanExcess / sd * sqrtP : double.NaN;

            double down = 0;
            for (int i = 0; i < n; i++)
            {
                double d = Math.Min(r[i] - riskFreePerPeriod, 0);
                down += d * d;
            }
            down = Math.Sqrt(down / n);
            double sortino = down > 0 ? meanExcess / down * sqrtP : double.NaN;

            Drawdown(equity, out double maxDd, out int peakIdx, out int troughIdx, out int duration);
            double calmar = maxDd > 0 ? annual / maxDd : double.NaN;

            int wins = 0;
            for (int i = 0; i < n; i++) if (r[i] > 0) wins++;

            return new PerformanceReport(n, total, annual, vol, sharpe, sortino, maxDd, duration, peakIdx, troughIdx, calmar, (double)wins / n);
        }

        /// <summary>Drawdown of each equity point from its running peak, as positive fractions.</summary>
        public static double[] DrawdownSeries(IReadOnlyList<decimal> equity)
        {
            Guard.NotNull(equity, nameof(equity));
            var dd = new double[equity.Count];
            decimal peak = decimal.MinValue;
            for (int i = 0; i < equity.Count; i++)
            {
                if (equity[i] > peak) peak = equity[i];
                dd[i] = peak > 0 ? (double)(1m - equity[i] / peak) : 0;
            }
            return dd;
        }

        private static void Drawdown(IReadOnlyList<decimal> equity, out double maxDd, out int peakIdx, out int troughIdx, out int longest)
        {
            maxDd = 0; peakIdx = 0; troughIdx = 0; longest = 0;
            decimal peak = equity[0];
            int peakAt = 0;
            bool underWater = false;
            for (int i = 1; i < equity.Count; i++)
            {
                if (equity[i] >= peak)
                {
                    // Recovered (or a new high): a spell under water lasted from the peak to here.
                    if (underWater) longest = Math.Max(longest, i - peakAt);
                    underWater = false;
                    peak = equity[i];
                    peakAt = i;
                    continue;
                }
                underWater = true;
                double dd = (double)(1m - equity[i] / peak);
                if (dd > maxDd) { maxDd = dd; peakIdx = peakAt; troughIdx = i; }
            }
            // Still under water at the end: the spell runs from the last peak to the final point.
            if (underWater) longest = Math.Max(longest, equity.Count - 1 - peakAt);
        }

        private static double StdDev(double[] x)
        {
            if (x.Length < 2) return double.NaN;
            double m = 0;
            for (int i = 0; i < x.Length; i++) m += x[i];
            m /= x.Length;
            double s = 0;
            for (int i = 0; i < x.Length; i++) s += (x[i] - m) * (x[i] - m);
            return Math.Sqrt(s / (x.Length - 1));
        }
    }
}
