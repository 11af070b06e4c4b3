using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>Optional seeded randomisation of a TWAP so its footprint is less regular; the total is always preserved.</summary>
    public sealed class TwapJitter
    {
        /// <summary>
        /// Creates jitter settings. <paramref name="timeFraction"/> in [0, 0.5): each slice start moves by up to that
        /// fraction of the slice interval (the first slice stays at 0); <paramref name="sizeFraction"/> in [0, 0.5]:
        /// each slice's weight is scaled by 1 + u, |u| &lt;= sizeFraction, before integer rounding.
        /// </summary>
        public TwapJitter(int seed, double timeFraction, double sizeFraction)
        {
            Seed = seed;
            TimeFraction = Guard.InRange(timeFraction, 0, 0.499999, nameof(timeFraction));
            SizeFraction = Guard.InRange(sizeFraction, 0, 0.5, nameof(sizeFraction));
        }

        /// <summary>Seed of the random generator (same seed, same schedule).</summary>
        public int Seed { get; }

        /// <summary>Maximum time shift as a fraction of the slice interval.</summary>
        public double TimeFraction { get; }

        /// <summary>Maximum relative size perturbation.</summary>
        public double SizeFraction { get; }
    }

    /// <summary>
    /// Time-weighted schedule: the parent split into equal slices over the horizon by cumulative rounding (the
    /// remainder spread one unit at a time), with slices merged so none is below the minimum slice size.
    /// </summary>
    public static class TwapSchedule
    {
        /// <summary>
        /// Builds a TWAP of <paramref name="quantity"/> over <paramref name="horizon"/> in at most <paramref name="slices"/> slices,
        /// each at least <paramref name="minSliceSize"/> (fewer, larger slices when the order is small). With
        /// <paramref name="cost"/> the schedule carries E and V of its trajectory under the linear model.
        /// </summary>
        public static ExecutionSchedule Build(long quantity, double horizon, int slices, long minSliceSize = 1,
            TwapJitter? jitter = null, AlmgrenChrissParameters? cost = null)
        {
            if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be > 0, got {quantity}");
            Guard.Positive(horizon, nameof(horizon));
            Guard.Positive(slices, nameof(slices));
            if (minSliceSize < 1) throw new ArgumentOutOfRangeException(nameof(minSliceSize), minSliceSize, $"minSliceSize must be >= 1, got {minSliceSize}");
            int n = (int)Math.Max(1, Math.Min(slices, quantity / minSliceSize));
            double tau = horizon / n;
            var weights = new double[n];
            var times = new double[n];
            Random? rng = jitter == null ? null : new Random(jitter.Seed);
            for (int j = 0; j < n; j++)
            {
                weights[j] = 1.0;
                times[j] = j * tau;
                if (rng != null)
                {
                    weights[j] = 1.0 + (2 * rng.NextDouble() - 1) * jitter!.SizeFraction;
                    if (j > 0) times[j] += (2 * rng.NextDouble() - 1) * jitter.TimeFraction * tau;
                }
            }
            long[] q = CumulativeRounding.Split(quantity, weights);
            if (rng != null) RepairMinimum(q, minSliceSize);
            var list = new List<ScheduleSlice>(n);
            for (int j = 0; j < n; j++) list.Add(new ScheduleSlice(j, times[j], q[j]));
            var schedule = new ExecutionSchedule("twap", quantity, horizon, list);
            if (cost == null) return schedule;
            var c = LinearImpactCost.Evaluate(schedule, cost);
            return new ExecutionSchedule("twap", quantity, horizon, list, c.Expected, c.Variance);
        }

        // Size jitter can push a slice below the minimum; move units from the largest slice (the mean is >= the minimum).
        private static void RepairMinimum(long[] q, long min)
        {
            if (q.Length == 1) return; // an order smaller than the minimum goes in one slice
            for (int j = 0; j < q.Length; j++)
            {
                long need = min - q[j];
                while (need > 0)
                {
                    int high = 0;
                    for (int k = 1; k < q.Length; k++) if (q[k] > q[high]) high = k;
                    long take = Math.Min(need, q[high] - min);
                    if (take <= 0) throw new InvalidOperationException("TWAP jitter repair failed to restore the minimum slice size");
                    q[high] -= take;
                    q[j] += take;
                    need -= take;
                }
            }
        }
    }
}
