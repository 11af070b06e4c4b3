using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// What <see cref="TradingGuard"/>s allowed today: the account-wide totals and one tally per instrument (quantity in whole
    /// units, notional in currency), reset when the UTC date of its clock changes. A guard owns one unless it
    /// is given one; guards given the same object count together (the strategy's sessions, one per rebalance, share the
    /// day's usage on the bar-time clock). Thread-safe: the guards sharing it judge and count under its lock.
    /// </summary>
    public sealed class DailyUsage
    {
        private readonly IClock _clock;
        private readonly Dictionary<string, (long Quantity, decimal Notional)> _byInstrument = new Dictionary<string, (long, decimal)>(StringComparer.Ordinal);
        private DateTime _day;

        /// <summary>Creates an empty tally for the current UTC day of <paramref name="clock"/> (the day boundary's clock).</summary>
        public DailyUsage(IClock clock)
        {
            _clock = Guard.NotNull(clock, nameof(clock));
            _day = _clock.UtcNow.Date;
        }

        internal object Gate { get; } = new object();

        internal long Quantity { get; private set; }

        internal decimal Notional { get; private set; }

        /// <summary>Quantity allowed so far today (UTC), all instruments, whole units.</summary>
        public long QuantityToday { get { lock (Gate) { Roll(); return Quantity; } } }

        /// <summary>Notional allowed so far today (UTC), all instruments, currency.</summary>
        public decimal NotionalToday { get { lock (Gate) { Roll(); return Notional; } } }

        /// <summary>Quantity of <paramref name="instrument"/> allowed so far today (UTC), whole units.</summary>
        public long QuantityTodayOf(string instrument) { lock (Gate) { Roll(); return Of(instrument).Quantity; } }

        /// <summary>Notional of <paramref name="instrument"/> allowed so far today (UTC), currency.</summary>
        public decimal NotionalTodayOf(string instrument) { lock (Gate) { Roll(); return Of(instrument).Notional; } }

        // Callers hold Gate.
        internal void Roll()
        {
            DateTime today = _clock.UtcNow.Date;
            if (today == _day) return;
            _day = today;
            Quantity = 0;
            Notional = 0;
            _byInstrument.Clear();
        }

        internal (long Quantity, decimal Notional) Of(string instrument)
            => _byInstrument.TryGetValue(instrument, out var used) ? used : (0L, 0m);

        internal void Add(string? instrument, long quantity, decimal notional)
        {
            Quantity += quantity;
            Notional += notional;
            if (instrument == null) return;
            var used = Of(instrument);
            _byInstrument[instrument] = (used.Quantity + quantity, used.Notional + notional);
        }
    }
}
