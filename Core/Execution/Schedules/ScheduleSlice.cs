using System;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>
    /// One child order of a schedule: its position in the schedule, when it starts (in the schedule's time unit,
    /// measured from the start of the horizon) and how many whole shares/contracts it trades (always &gt;= 0).
    /// </summary>
    public sealed record ScheduleSlice
    {
        /// <summary>Creates a slice; time must be finite and &gt;= 0, quantity &gt;= 0.</summary>
        public ScheduleSlice(int index, double time, long quantity)
        {
            Index = Guard.NonNegative(index, nameof(index));
            Time = Guard.NonNegative(time, nameof(time));
            if (quantity < 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be >= 0, got {quantity}");
            Quantity = quantity;
        }

        /// <summary>0-based position in the schedule.</summary>
        public int Index { get; }

        /// <summary>Start time of the slice in the horizon's unit (e.g. days or minutes) from the start of trading.</summary>
        public double Time { get; }

        /// <summary>Whole shares/contracts to trade in this slice (unsigned; the side belongs to the parent order).</summary>
        public long Quantity { get; }

        /// <inheritdoc />
        public override string ToString() => $"#{Index} t={Time:G6} q={Quantity}";
    }
}
