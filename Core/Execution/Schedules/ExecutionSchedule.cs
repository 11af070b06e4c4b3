using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>
    /// A parent order split into timed integer slices that sum exactly to the parent quantity, with the
    /// pre-trade cost of the trajectory under the Almgren-Chriss linear model when one was given
    /// (<see cref="ExpectedCost"/> in currency, <see cref="CostVariance"/> in currency squared; NaN when unknown).
    /// </summary>
    /// <remarks>A record: equality compares the slice list by reference, not element by element.</remarks>
    public sealed record ExecutionSchedule
    {
        /// <summary>Creates a schedule; the slices' quantities must sum to <paramref name="parentQuantity"/>.</summary>
        public ExecutionSchedule(string strategy, long parentQuantity, double horizon, IReadOnlyList<ScheduleSlice> slices,
            double expectedCost = double.NaN, double costVariance = double.NaN)
        {
            Strategy = Guard.NotBlank(strategy, nameof(strategy));
            Guard.NotNull(slices, nameof(slices));
            if (parentQuantity < 0) throw new ArgumentOutOfRangeException(nameof(parentQuantity), parentQuantity, $"parentQuantity must be >= 0, got {parentQuantity}");
            long sum = 0;
            for (int i = 0; i < slices.Count; i++) sum += Guard.NotNull(slices[i], nameof(slices)).Quantity;
            if (sum != parentQuantity)
                throw new ArgumentException($"slices sum to {sum} but the parent quantity is {parentQuantity}", nameof(slices));
            ParentQuantity = parentQuantity;
            Horizon = Guard.Positive(horizon, nameof(horizon));
            Slices = slices.ToList().AsReadOnly();
            ExpectedCost = expectedCost;
            CostVariance = costVariance;
        }

        /// <summary>"twap", "vwap" or "is".</summary>
        public string Strategy { get; }

        /// <summary>Total shares/contracts of the parent order.</summary>
        public long ParentQuantity { get; }

        /// <summary>Length of the trading horizon in the schedule's time unit.</summary>
        public double Horizon { get; }

        /// <summary>Slices in time order; quantities sum to <see cref="ParentQuantity"/>.</summary>
        public IReadOnlyList<ScheduleSlice> Slices { get; }

        /// <summary>Expected implementation shortfall in currency (NaN when no cost model was given).</summary>
        public double ExpectedCost { get; }

        /// <summary>Variance of the implementation shortfall in currency squared (NaN when no cost model was given).</summary>
        public double CostVariance { get; }

        /// <summary>Standard deviation of the shortfall, sqrt(<see cref="CostVariance"/>).</summary>
        public double CostStdDev => Math.Sqrt(CostVariance);

        /// <summary>Holdings still to trade before each slice and after the last: [X, X - n_1, ..., 0] (length slices + 1).</summary>
        public long[] Holdings()
        {
            var x = new long[Slices.Count + 1];
            x[0] = ParentQuantity;
            for (int i = 0; i < Slices.Count; i++) x[i + 1] = x[i] - Slices[i].Quantity;
            return x;
        }

        /// <summary>
        /// Wall-clock slices for an executor: slice k starts at <paramref name="start"/> + Time_k x <paramref name="timeUnit"/>
        /// and must be done by the next slice's start (the last by the end of the horizon).
        /// </summary>
        public IReadOnlyList<TimedSlice> ToTimedSlices(DateTime start, TimeSpan timeUnit)
        {
            if (timeUnit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeUnit), timeUnit, "timeUnit must be > 0");
            var result = new List<TimedSlice>(Slices.Count);
            for (int i = 0; i < Slices.Count; i++)
            {
                double end = i + 1 < Slices.Count ? Slices[i + 1].Time : Horizon;
                result.Add(new TimedSlice(i, start + Scale(timeUnit, Slices[i].Time), start + Scale(timeUnit, end), Slices[i].Quantity));
            }
            return result;
        }

        private static TimeSpan Scale(TimeSpan unit, double times) => TimeSpan.FromTicks((long)Math.Round(unit.Ticks * times));
    }
}
