using System;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>Time rules of the store: instants are UTC; a local time is converted, an unspecified one refused.</summary>
    internal static class StoreTime
    {
        /// <summary>Returns <paramref name="time"/> as UTC; throws when its kind is Unspecified (the zone would be a guess).</summary>
        public static DateTime RequireUtc(DateTime time, string name)
        {
            switch (time.Kind)
            {
                case DateTimeKind.Utc: return time;
                case DateTimeKind.Local: return time.ToUniversalTime();
                default:
                    throw new ArgumentException($"{name} must be a UTC time (DateTimeKind.Utc), got {time:yyyy-MM-ddTHH:mm:ss.fffffff} of kind Unspecified", name);
            }
        }
    }
}
