using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Lists every breach of <see cref="AllocationLimits"/> by a weight vector, with its size.</summary>
    public static class AllocationLimitChecker
    {
        /// <summary>Relative slack below which a value on its limit is not a breach (1e-9 of the limit, at least 1e-12).</summary>
        public const double Tolerance = 1e-9;

        /// <summary>
        /// All breaches of <paramref name="limits"/> by <paramref name="weights"/> (fractions of <paramref name="portfolioValue"/>,
        /// currency, used for notional limits). Empty when compliant.
        /// </summary>
        public static IReadOnlyList<LimitBreach> Check(AllocationLimits limits, IReadOnlyList<double> weights, decimal portfolioValue)
        {
            Guard.NotNull(limits, nameof(limits));
            var buffer = new LimitBreach[limits.MaxBreaches];
            int k = CheckInto(limits, weights, (double)portfolioValue, buffer);
            var list = new List<LimitBreach>(k);
            for (int i = 0; i < k; i++) list.Add(buffer[i]);
            return list;
        }

        /// <summary>
        /// Writes the breaches into <paramref name="buffer"/> (length at least <see cref="AllocationLimits.MaxBreaches"/>)
        /// and returns how many. No allocation: this is the engine's per-bar path. O(N).
        /// </summary>
        public static int CheckInto(AllocationLimits limits, IReadOnlyList<double> weights, double portfolioValue, LimitBreach[] buffer)
        {
            int n = limits.Assets.Count;
            if (weights == null || weights.Count != n) throw new ArgumentException($"weights must have {n} elements", nameof(weights));
            if (!(portfolioValue > 0)) throw new ArgumentOutOfRangeException(nameof(portfolioValue), $"portfolioValue must be > 0, got {Guard.Format(portfolioValue)}");
            int k = 0;
            double gross = 0, net = 0;
            var min = limits.MinWeights;
            var max = limits.MaxWeights;
            var notional = limits.MaxNotional;
            for (int i = 0; i < n; i++)
            {
                double w = weights[i];
                if (double.IsNaN(w) || double.IsInfinity(w)) throw new ArgumentException($"weights[{i}] ({limits.Assets[i]}) must be finite, got {Guard.Format(w)}", nameof(weights));
                gross += Math.Abs(w);
                net += w;
                if (w < min[i] - Slack(min[i])) buffer[k++] = new LimitBreach(LimitKind.PositionMin, limits.Assets[i], i, w, min[i]);
                if (w > max[i] + Slack(max[i])) buffer[k++] = new LimitBreach(LimitKind.PositionMax, limits.Assets[i], i, w, max[i]);
                double value = Math.Abs(w) * portfolioValue;
                if (value > notional[i] + Slack(notional[i])) buffer[k++] = new LimitBreach(LimitKind.Notional, limits.Assets[i], i, value, notional[i]);
            }
            var caps = limits.SectorCaps;
            for (int s = 0; s < caps.Count; s++)
            {
                if (double.IsPositiveInfinity(caps[s])) continue;
                double e = 0;
                var members = limits.SectorMembers[s];
                for (int m = 0; m < members.Length; m++) e += weights[members[m]];
                if (Math.Abs(e) > caps[s] + Slack(caps[s])) buffer[k++] = new LimitBreach(LimitKind.SectorCap, limits.Sectors[s], s, e, caps[s]);
            }
            if (limits.MaxGrossLeverage is double g && gross > g + Slack(g)) buffer[k++] = new LimitBreach(LimitKind.GrossLeverage, "portfolio", -1, gross, g);
            if (limits.MaxNetLeverage is double hi && net > hi + Slack(hi)) buffer[k++] = new LimitBreach(LimitKind.NetLeverageMax, "portfolio", -1, net, hi);
            if (limits.MinNetLeverage is double lo && net < lo - Slack(lo)) buffer[k++] = new LimitBreach(LimitKind.NetLeverageMin, "portfolio", -1, net, lo);
            return k;
        }

        private static double Slack(double limit) => double.IsInfinity(limit) ? 0 : Math.Max(1e-12, Tolerance * Math.Abs(limit));
    }
}
