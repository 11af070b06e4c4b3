using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTrader.Data
{
    // https://developer.ninjatrader.com/docs/desktop/tradinghours : Get(string) ("Returns the Trading Hours object for the
    // specified Trading Hours template name", used as TradingHours.Get("Default 24 x 7") on .../barsrequest) and Name
    // (.../tradinghours_name, Bars.TradingHours.Name). Sessions, Holidays, PartialHolidays, TimeZoneInfo and
    // GetPreviousTradingDayEnd are not mirrored. The stand-in keeps a template as dated open intervals (local time)
    // given by the host, not NinjaTrader's weekly session definitions.
    public class TradingHours
    {
        /// <summary>The template NinjaTrader ships for round-the-clock data (always open here).</summary>
        internal const string Default24x7 = "Default 24 x 7";

        private static readonly Dictionary<string, TradingHours> templates = new Dictionary<string, TradingHours>(StringComparer.Ordinal);
        private readonly List<(DateTime Begin, DateTime End)> sessions;

        private TradingHours(string name, IEnumerable<(DateTime Begin, DateTime End)> sessions)
        {
            Name = name;
            this.sessions = sessions.OrderBy(s => s.Begin).ToList();
            for (int i = 0; i < this.sessions.Count; i++)
            {
                if (this.sessions[i].End <= this.sessions[i].Begin)
                    throw new ArgumentException($"trading hours '{name}': session {i} ends ({this.sessions[i].End:O}) at or before it begins ({this.sessions[i].Begin:O})");
                if (i > 0 && this.sessions[i].Begin < this.sessions[i - 1].End)
                    throw new ArgumentException($"trading hours '{name}': session beginning {this.sessions[i].Begin:O} overlaps the previous one");
            }
        }

        public string Name { get; }

        // Unknown names give null (the Help Guide does not say; NinjaTrader has no template of that name).
        public static TradingHours Get(string name)
        {
            if (name == null) return null;
            lock (templates)
            {
                if (templates.TryGetValue(name, out TradingHours found)) return found;
                return name == Default24x7 ? AlwaysOpen() : null;
            }
        }

        public override string ToString() => Name;

        // ---- host-only ----

        internal IReadOnlyList<(DateTime Begin, DateTime End)> Sessions => sessions;

        internal static TradingHours AlwaysOpen() => new TradingHours(Default24x7, new[] { (DateTime.MinValue, DateTime.MaxValue) });

        internal static TradingHours Define(string name, IEnumerable<(DateTime Begin, DateTime End)> sessions)
        {
            var hours = new TradingHours(name, sessions);
            lock (templates) templates[name] = hours;
            return hours;
        }

        internal static void ClearDefinitions()
        {
            lock (templates) templates.Clear();
        }

        /// <summary>Host-only: the same template with the market closed from <paramref name="from"/> to <paramref name="to"/>.</summary>
        internal TradingHours WithClosed(DateTime from, DateTime to)
        {
            if (to <= from) throw new ArgumentException($"closing of '{Name}' from {from:O} to {to:O}: the end is not after the start");
            var open = new List<(DateTime, DateTime)>();
            foreach ((DateTime begin, DateTime end) in sessions)
            {
                if (end <= from || begin >= to) { open.Add((begin, end)); continue; }
                if (begin < from) open.Add((begin, from));
                if (end > to) open.Add((to, end));
            }
            return new TradingHours(Name, open);
        }

        /// <summary>Host-only: the session containing <paramref name="time"/> or else the next one; null if none.</summary>
        internal (DateTime Begin, DateTime End)? SessionAtOrAfter(DateTime time, bool includesEndTimeStamp)
        {
            foreach ((DateTime begin, DateTime end) in sessions)
                if (Contains(begin, end, time, includesEndTimeStamp) || begin > time)
                    return (begin, end);
            return null;
        }

        /// <summary>Host-only: true when <paramref name="time"/> lies in a session (bars are stamped at their end, so the end counts).</summary>
        internal bool IsOpen(DateTime time) => sessions.Any(s => Contains(s.Begin, s.End, time, true));

        internal static bool Contains(DateTime begin, DateTime end, DateTime time, bool includesEndTimeStamp) =>
            includesEndTimeStamp ? time > begin && time <= end : time >= begin && time < end;
    }

    // https://developer.ninjatrader.com/docs/desktop/sessioniterator : new SessionIterator(Bars) in State.DataLoaded or
    // later; mirrored: GetNextSession(DateTime, bool) (.../getnextsession), IsInSession(DateTime, bool, bool)
    // (.../isinsession: "will internally trigger a GetNextSession() call"), ActualSessionBegin/ActualSessionEnd
    // (.../actualsessionbegin, .../actualsessionend). The other members are not mirrored.
    public class SessionIterator
    {
        private readonly Bars bars;

        public SessionIterator(Bars bars)
        {
            this.bars = bars ?? throw new ArgumentNullException(nameof(bars));
        }

        public DateTime ActualSessionBegin { get; private set; }

        public DateTime ActualSessionEnd { get; private set; }

        public bool GetNextSession(DateTime timeLocal, bool includesEndTimeStamp)
        {
            var session = bars.TradingHours.SessionAtOrAfter(timeLocal, includesEndTimeStamp);
            if (session == null) return false;
            ActualSessionBegin = session.Value.Begin;
            ActualSessionEnd = session.Value.End;
            return true;
        }

        public bool IsInSession(DateTime timeLocal, bool includesEndTimeStamp, bool isIntraDay)
        {
            if (!GetNextSession(timeLocal, includesEndTimeStamp)) return false;
            return isIntraDay
                ? TradingHours.Contains(ActualSessionBegin, ActualSessionEnd, timeLocal, includesEndTimeStamp)
                : timeLocal.Date >= ActualSessionBegin.Date && timeLocal.Date <= ActualSessionEnd.Date;
        }
    }
}
