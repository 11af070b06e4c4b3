using System;
using System.Collections.Generic;
using NinjaTrader.Data;

namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/instrument
    // Members mirrored: FullName, MasterInstrument, MarketData, GetInstrument(string).
    public class Instrument
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

        // Host-only: defines an instrument the stand-in knows (NinjaTrader reads its instrument database).
        internal static Instrument Define(string fullName, double pointValue, double tickSize)
        {
            string masterName = fullName.Split(' ')[0];
            var instrument = new Instrument(fullName, new MasterInstrument(masterName, pointValue, tickSize));
            lock (registry) registry[fullName] = instrument;
            return instrument;
        }

        internal static void ClearDefinitions()
        {
            lock (registry) registry.Clear();
        }
    }

    // https://developer.ninjatrader.com/docs/desktop/masterinstrument
    // Members mirrored: Name, PointValue, TickSize, RoundToTickSize(double), TradingHours (the instrument's template).
    public class MasterInstrument
    {
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
}
