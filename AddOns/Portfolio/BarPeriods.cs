using System;
using NinjaTrader.Data;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>Length of one bar, the time unit of the strategy's execution schedules.</summary>
    public static class BarPeriods
    {
        /// <summary>
        /// Second/Minute/Day/Week bars map to their nominal length; other bar types (ticks, volume, range...) have no fixed
        /// length and use <paramref name="lastInterval"/> (the time between the last two bars), at least one second.
        /// </summary>
        public static TimeSpan Length(BarsPeriod period, TimeSpan lastInterval)
        {
            if (period != null && period.Value > 0)
            {
                switch (period.BarsPeriodType)
                {
                    case BarsPeriodType.Second: return TimeSpan.FromSeconds(period.Value);
                    case BarsPeriodType.Minute: return TimeSpan.FromMinutes(period.Value);
                    case BarsPeriodType.Day: return TimeSpan.FromDays(period.Value);
                    case BarsPeriodType.Week: return TimeSpan.FromDays(7 * period.Value);
                }
            }
            return lastInterval > TimeSpan.FromSeconds(1) ? lastInterval : TimeSpan.FromSeconds(1);
        }
    }
}
