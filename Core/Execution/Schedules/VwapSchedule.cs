using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>
    /// Volume-weighted schedule: slice k follows the profile's share of volume in bucket k (cumulative rounding), and
    /// with a participation cap no slice exceeds cap x expected bucket volume; what a capped bucket cannot take is
    /// carried forward to the next buckets.
    /// </summary>
    public static class VwapSchedule
    {
        /// <summary>
        /// Builds the schedule over <paramref name="horizon"/> (one bucket per profile bucket, equal length).
        /// <paramref name="participationCap"/> (fraction of market volume in (0, 1]) needs <paramref name="bucketVolumes"/>,
        /// the expected market volume in each bucket (shares; e.g. today's volume forecast, which may differ from the
        /// profile the schedule follows). Throws <see cref="InfeasibleException"/> when the cap leaves part of the order
        /// unscheduled at the end of the horizon.
        /// </summary>
        public static ExecutionSchedule Build(long quantity, double horizon, VolumeProfile profile,
            double? participationCap = null, IReadOnlyList<double>? bucketVolumes = null, AlmgrenChrissParameters? cost = null)
        {
            if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be > 0, got {quantity}");
            Guard.Positive(horizon, nameof(horizon));
            Guard.NotNull(profile, nameof(profile));
            int n = profile.Buckets;
            var fractions = new double[n];
            for (int i = 0; i < n; i++) fractions[i] = profile.Fractions[i];
            long[] target = CumulativeRounding.Split(quantity, fractions);
            if (participationCap.HasValue)
            {
                Guard.InOpenRange(participationCap.Value, 0, 1.0000001, "participationCap");
                if (bucketVolumes == null) throw new ArgumentException("a participation cap needs the expected volume of each bucket", nameof(bucketVolumes));
                if (bucketVolumes.Count != n) throw new ArgumentException($"bucketVolumes has {bucketVolumes.Count} entries for {n} buckets", nameof(bucketVolumes));
                long carry = 0;
                double total = 0;
                for (int i = 0; i < n; i++)
                {
                    total += Guard.NonNegative(bucketVolumes[i], $"bucketVolumes[{i}]");
                    long cap = (long)Math.Floor(participationCap.Value * bucketVolumes[i] + 1e-9);
                    long want = target[i] + carry;
                    target[i] = Math.Min(want, cap);
                    carry = want - target[i];
                }
                if (carry > 0)
                    throw new InfeasibleException(
                        $"VWAP of {quantity} cannot finish within the horizon at participation cap {Guard.Format(participationCap.Value)} of an expected volume of {Guard.Format(total)}: {carry} left over",
                        new[] { "participationCap", "horizon" });
            }
            double tau = horizon / n;
            var list = new List<ScheduleSlice>(n);
            for (int i = 0; i < n; i++) list.Add(new ScheduleSlice(i, i * tau, target[i]));
            var schedule = new ExecutionSchedule("vwap", quantity, horizon, list);
            if (cost == null) return schedule;
            var c = LinearImpactCost.Evaluate(schedule, cost);
            return new ExecutionSchedule("vwap", quantity, horizon, list, c.Expected, c.Variance);
        }
    }
}
