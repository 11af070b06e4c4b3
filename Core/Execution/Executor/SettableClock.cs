using System;

namespace NinjaTraderPortfolio.Core.Execution.Executor
{
    /// <summary>
    /// An <see cref="IClock"/> the script advances itself: the strategy's decision loop sets it to a bar-count clock
    /// (schedules are measured in bars, not wall time); the AddOn sets it to the UTC time on a timer.
    /// The value only has to be consistent within one executor; it is not converted between time zones.
    /// </summary>
    public sealed class SettableClock : IClock
    {
        private DateTime now;

        /// <summary>The time last set.</summary>
        public DateTime UtcNow
        {
            get { lock (this) return now; }
        }

        /// <summary>Moves the clock (never backwards: an earlier time is ignored).</summary>
        public void Set(DateTime time)
        {
            lock (this)
                if (time > now) now = time;
        }
    }
}
