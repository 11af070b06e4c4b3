using System;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>A slice on the wall clock: send at <see cref="Start"/>, done (or cancelled and rolled forward) by <see cref="Deadline"/> (UTC).</summary>
    public sealed record TimedSlice
    {
        /// <summary>Creates a timed slice; <paramref name="deadline"/> must not precede <paramref name="start"/>.</summary>
        public TimedSlice(int index, DateTime start, DateTime deadline, long quantity)
        {
            if (deadline < start) throw new ArgumentException($"slice {index}: deadline {deadline:O} precedes start {start:O}", nameof(deadline));
            if (quantity < 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be >= 0, got {quantity}");
            Index = Guard.NonNegative(index, nameof(index));
            Start = start;
            Deadline = deadline;
            Quantity = quantity;
        }

        /// <summary>0-based slice index (part of the child order ids).</summary>
        public int Index { get; }

        /// <summary>When the slice's child order is sent (UTC).</summary>
        public DateTime Start { get; }

        /// <summary>When a still-working child is cancelled and its remainder rolled into the next slice (UTC).</summary>
        public DateTime Deadline { get; }

        /// <summary>Shares/contracts planned for the slice.</summary>
        public long Quantity { get; }
    }
}
