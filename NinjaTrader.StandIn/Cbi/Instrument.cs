using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Data;

namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/instrument
    // Members mirrored: FullName, MasterInstrument, MarketData, GetInstrument(string).
    public partial class Instrument
    {
        private static readonly Dictionary<string, Instrument> registry = new Dictionary<string, Instrument>(StringComparer.OrdinalIgnoreCase);
        private MarketData marketData;

        internal Instrument(string fullName, MasterInstrument masterInstrument)
        {
            FullName = fullName;
            MasterInstrument = masterInstrument;
        }

        public string FullName { get; }

        public MasterInstrument MasterInstrument { get; }

        // https://developer.ninjatrader.com/docs/desktop/marketdata (instrument.MarketData.Update += ...)
        public MarketData MarketData => marketData ?? (marketData = new MarketData(this));

        // https://developer.ninjatrader.com/docs/desktop/getinstrument : Instrument.GetInstrument(string instrumentName),
        // null for an unknown name. (Third-party notes say 8.1.8.3 declares GetInstrument(string, bool create = false);
        // the documented one-argument call compiles against both.)
        public static Instrument GetInstrument(string instrumentName)
        {
            if (instrumentName == null) return null;
            lock (registry)
                return registry.TryGetValue(instrumentName, out Instrument found) ? found : null;
        }

        public override string ToString() => FullName;

        // Host-only: the trading hours the host gave this instrument (null: "Default 24 x 7").
        internal TradingHours TradingHours { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/expiry : "the expiration month of a futures contract". Taken from
        // the "MM-yy" part of the full name ("ES 03-27" > March 2027, first day of the month); default(DateTime) for a name
        // without one (the Help Guide does not say what non-futures return).
        public DateTime Expiry
        {
            get
            {
                string[] parts = FullName.Split(' ');
                return parts.Length == 2
                    && DateTime.TryParseExact(parts[1], "MM-yy", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime month)
                    ? month : default(DateTime);
            }
        }

        // Host-only: defines an instrument the stand-in knows (NinjaTrader reads its instrument database). Contracts of
        // one master ("ES 03-27", "ES 06-27") share its MasterInstrument, whose point value and tick size must agree.
        internal static Instrument Define(string fullName, double pointValue, double tickSize)
        {
            string masterName = fullName.Split(' ')[0];
            lock (registry)
            {
                if (!masters.TryGetValue(masterName, out MasterInstrument master))
                    masters[masterName] = master = new MasterInstrument(masterName, pointValue, tickSize);
                else if (master.PointValue != pointValue || master.TickSize != tickSize)
                    throw new ArgumentException($"instrument '{fullName}': point value {pointValue}/tick size {tickSize} differ from master '{masterName}' ({master.PointValue}/{master.TickSize})");
                var instrument = new Instrument(fullName, master);
                registry[fullName] = instrument;
                return instrument;
            }
        }

        internal static void ClearDefinitions()
        {
            lock (registry)
            {
                registry.Clear();
                masters.Clear();
            }
        }

        private static readonly Dictionary<string, MasterInstrument> masters = new Dictionary<string, MasterInstrument>(StringComparer.OrdinalIgnoreCase);
    }

    // https://developer.ninjatrader.com/docs/desktop/masterinstrument
    // Members mirrored: Name, PointValue, TickSize, RoundToTickSize(double), TradingHours (the instrument's template).
    public class MasterInstrument
    {
        // Also mirrored: RolloverCollection, MergePolicy, GetNextExpiry(DateTime) (pages cited below).
        private readonly List<Rollover> rollovers = new List<Rollover>();

        // https://developer.ninjatrader.com/docs/desktop/rollovercollection : "A RolloversCollection configured for the
        // current instrument"; each entry has ContractMonth, Date (of the rollover) and Offset (points between contracts).
        public RolloversCollection RolloverCollection => new RolloversCollection(rollovers);

        // https://developer.ninjatrader.com/docs/desktop/mergepolicy (default here: UseGlobalSettings, the value the Help
        // Guide's example compares against; the platform's default is not stated)
        public MergePolicy MergePolicy { get; internal set; } = MergePolicy.UseGlobalSettings;

        // https://developer.ninjatrader.com/docs/desktop/getnextexpiry : "Returns the current futures expiry compared to
        // the time of the input value": the contract month of the latest rollover dated at or before afterDate.
        public DateTime GetNextExpiry(DateTime afterDate)
        {
            Rollover current = rollovers.Where(r => r.Date <= afterDate).OrderBy(r => r.Date).LastOrDefault();
            if (current == null)
                throw new InvalidOperationException($"master instrument '{Name}': the stand-in has no rollover dated at or before {afterDate:O} (give the host earlier rollovers)");
            return current.ContractMonth;
        }

        // Host-only: the rollovers of this master (replaces any earlier ones).
        internal void SetRollovers(IEnumerable<Rollover> entries)
        {
            rollovers.Clear();
            rollovers.AddRange(entries.OrderBy(r => r.Date));
        }

        internal MasterInstrument(string name, double pointValue, double tickSize)
        {
            Name = name;
            PointValue = pointValue;
            TickSize = tickSize;
            TradingHours = TradingHours.AlwaysOpen();
        }

        public string Name { get; }

        // The instrument's trading hours template, as NinjaTrader's own scripts pass it to a BarsRequest
        // (Instrument.MasterInstrument.TradingHours); here "Default 24 x 7" unless a test sets another.
        public TradingHours TradingHours { get; internal set; }

        public double PointValue { get; }

        public double TickSize { get; }

        // https://developer.ninjatrader.com/docs/desktop/roundtoticksize
        public double RoundToTickSize(double price) => Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;
    }

    // https://developer.ninjatrader.com/docs/desktop/rollovercollection : enumerated with foreach (var rollover in
    // ...RolloverCollection). The Help Guide names the collection type, not the element type ("Rollover" here): use var.
    public class RolloversCollection : IEnumerable<Rollover>
    {
        private readonly List<Rollover> rollovers;

        internal RolloversCollection(IEnumerable<Rollover> rollovers)
        {
            this.rollovers = rollovers.ToList();
        }

        public IEnumerator<Rollover> GetEnumerator() => rollovers.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // One entry of RolloverCollection: ContractMonth (expiry month), Date (of the rollover), Offset (points between contracts).
    public class Rollover
    {
        internal Rollover(DateTime contractMonth, DateTime date, double offset)
        {
            ContractMonth = contractMonth;
            Date = date;
            Offset = offset;
        }

        public DateTime ContractMonth { get; }
        public DateTime Date { get; }
        public double Offset { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/mergepolicy and .../barsrequest_mergepolicy (UseDefault is listed
    // for BarsRequest only). Numbers are not documented.
    public enum MergePolicy { DoNotMerge, MergeBackAdjusted, MergeNonBackAdjusted, UseGlobalSettings, UseDefault }
}
