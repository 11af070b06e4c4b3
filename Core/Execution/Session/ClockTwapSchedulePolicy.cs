using NinjaTraderPortfolio.Core.Execution.Schedules;
using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Session
{
    /// <summary>
    /// TWAP on the clock over a fixed <see cref="Horizon"/> (time-based realtime slicing): an order of Q units gets
    /// n = min(<see cref="MaxSlices"/>, Q, whole seconds of the horizon) equal children, child k starting at
    /// start + k x horizon / n (at least one second apart). When fewer than two children fit (a 1-lot, one slice, or a
    /// horizon under two seconds or not positive, e.g. the session ends now) the whole order is one child that has
    /// <see cref="SingleSliceWindow"/> to be done.
    /// </summary>
    public sealed class ClockTwapSchedulePolicy : ISchedulePolicy
    {
        /// <summary>
        /// Creates the policy; <paramref name="horizon"/> may be zero or negative (then every order goes at once),
        /// <paramref name="maxSlices"/> in [1, <see cref="FixedSchedulePolicy.MaxSlices"/>], <paramref name="singleSliceWindow"/> &gt; 0.
        /// </summary>
        public ClockTwapSchedulePolicy(TimeSpan horizon, int maxSlices, TimeSpan singleSliceWindow)
        {
            if (maxSlices < 1 || maxSlices > FixedSchedulePolicy.MaxSlices)
                throw new InvalidInputException($"slices must be in [1, {FixedSchedulePolicy.MaxSlices}], got {maxSlices}");
            if (singleSliceWindow <= TimeSpan.Zero) throw new InvalidInputException($"single slice window must be > 0, got {singleSliceWindow}");
            Horizon = horizon; MaxSlices = maxSlices; SingleSliceWindow = singleSliceWindow;
        }

        /// <summary>Time over which the children are spread (wall-clock time from the start).</summary>
        public TimeSpan Horizon { get; }
        /// <summary>Most children of one order.</summary>
        public int MaxSlices { get; }
        /// <summary>Time a single child (the whole order at once) has to be done.</summary>
        public TimeSpan SingleSliceWindow { get; }

        /// <inheritdoc />
        public IReadOnlyList<TimedSlice> Slices(SessionOrder order, DateTime startUtc)
        {
            Guard.NotNull(order, nameof(order));
            double seconds = Math.Floor(Horizon.TotalSeconds);
            int n = (int)Math.Min(MaxSlices, Math.Min(order.Quantity, Math.Max(1.0, seconds)));
            if (n <= 1 || Horizon <= TimeSpan.Zero)
                return new[] { new TimedSlice(0, startUtc, startUtc + SingleSliceWindow, order.Quantity) };
            return TwapSchedule.Build(order.Quantity, Horizon.TotalSeconds, n).ToTimedSlices(startUtc, TimeSpan.FromSeconds(1));
        }
    }
}
