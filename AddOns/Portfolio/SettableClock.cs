using System;
using NinjaTraderPortfolio.Core.Execution;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// An <see cref="IClock"/> the script advances itself: a strategy sets it to each bar's time (historical and realtime
    /// alike, so schedules are measured in bars, not wall time); the AddOn sets it from NinjaTrader's clock on a timer.
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
