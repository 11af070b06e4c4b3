using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;

namespace NinjaTrader.Data
{
    // https://developer.ninjatrader.com/docs/desktop/bars
    // Mirrored: Count, Instrument, BarsPeriod, GetOpen/GetHigh/GetLow/GetClose/GetTime/GetVolume(int index)
    // (used as in .../barsrequest). Index 0 is the oldest bar.
    public class Bars
    {
        private readonly List<BarRecord> records;

        internal Bars(Instrument instrument, BarsPeriod barsPeriod, IReadOnlyList<BarRecord> records)
        {
            Instrument = instrument;
            BarsPeriod = barsPeriod;
            this.records = new List<BarRecord>(records);
            for (int i = 1; i < this.records.Count; i++)
                if (this.records[i].Time < this.records[i - 1].Time)
                    throw new ArgumentException($"bars of '{instrument?.FullName}' are not in time order at index {i} ({this.records[i].Time:O})");
            CurrentBar = -1;
        }

        public int Count => records.Count;

        public Instrument Instrument { get; }

        public BarsPeriod BarsPeriod { get; }

        // https://developer.ninjatrader.com/docs/desktop/tradinghours_name (Bars.TradingHours.Name): the instrument's
        // trading hours as the host defined them ("Default 24 x 7" unless a test gives others).
        public TradingHours TradingHours => Instrument?.TradingHours ?? Instrument?.MasterInstrument.TradingHours ?? TradingHours.AlwaysOpen();

        public double GetOpen(int index) => records[index].Open;
        public double GetHigh(int index) => records[index].High;
        public double GetLow(int index) => records[index].Low;
        public double GetClose(int index) => records[index].Close;
        public DateTime GetTime(int index) => records[index].Time;
        public long GetVolume(int index) => records[index].Volume;

        // Host-only: index of the bar being processed (-1 before the first), advanced by the host.
        internal int CurrentBar { get; set; }

        internal BarRecord this[int index] => records[index];
    }

    // Host-only record of one bar (end-of-bar timestamp, as NinjaTrader stamps bars).
    internal readonly struct BarRecord
    {
        internal BarRecord(DateTime time, double open, double high, double low, double close, long volume)
        {
            Time = time;
            Open = open;
            High = high;
            Low = low;
            Close = close;
            Volume = volume;
        }

        internal DateTime Time { get; }
        internal double Open { get; }
        internal double High { get; }
        internal double Low { get; }
        internal double Close { get; }
        internal long Volume { get; }
    }
}
