using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>One rollover of a futures master: from <see cref="Date"/> on, the front contract is the one expiring in <see cref="ContractMonth"/>.</summary>
    public sealed class RollEntry
    {
        /// <summary>Creates an entry (dates as the platform gives them; only the date part counts).</summary>
        public RollEntry(DateTime contractMonth, DateTime date)
        {
            ContractMonth = contractMonth;
            Date = date;
        }

        /// <summary>Expiry month of the contract that becomes the front contract.</summary>
        public DateTime ContractMonth { get; }

        /// <summary>Date of the rollover.</summary>
        public DateTime Date { get; }
    }

    /// <summary>When a position in an expiring futures contract moves to the next contract.</summary>
    public static class FuturesRoll
    {
        /// <summary>
        /// The roll day of the contract expiring in <paramref name="expiry"/>: the date of the earliest rollover whose
        /// contract month is later than <paramref name="expiry"/>, minus <paramref name="offsetDays"/> calendar days (0 = on
        /// the rollover date). Null when no such rollover is known.
        /// </summary>
        public static DateTime? RollDay(DateTime expiry, IEnumerable<RollEntry> rollovers, int offsetDays)
        {
            if (rollovers == null) throw new ArgumentNullException(nameof(rollovers));
            if (offsetDays < 0) throw new ArgumentException("roll offset must be 0 or more days, got " + offsetDays, nameof(offsetDays));
            RollEntry? next = rollovers.Where(r => r.ContractMonth > expiry).OrderBy(r => r.Date).FirstOrDefault();
            return next == null ? (DateTime?)null : next.Date.Date.AddDays(-offsetDays);
        }

        /// <summary>True when a bar stamped <paramref name="time"/> is on or after the roll day (calendar dates).</summary>
        public static bool IsDue(DateTime time, DateTime? rollDay) => rollDay.HasValue && time.Date >= rollDay.Value.Date;
    }
}
