using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;

namespace NinjaTrader.Data
{
    // https://developer.ninjatrader.com/docs/desktop/barsrequest and .../request
    // Mirrored: both constructors, Bars, BarsBack, BarsPeriod, FromLocal, ToLocal, Instrument,
    // IsDividendAdjusted, IsResetOnNewTradingDay, IsSplitAdjusted, Request(callback), Update, Dispose().
    // TradingHours: the Help Guide's example sets barsRequest.TradingHours before Request (TradingHours.Get(...));
    // NinjaTrader's own scripts pass the instrument's (Instrument.MasterInstrument.TradingHours). Stored only.
    // Not mirrored (types not documented enough here): LookupPolicy, MergePolicy.
    public class BarsRequest : IDisposable
    {
        public BarsRequest(Instrument instrument, int barsBack)
        {
            Instrument = instrument;
            BarsBack = barsBack;
        }

        public BarsRequest(Instrument instrument, DateTime fromLocal, DateTime toLocal)
        {
            Instrument = instrument;
            FromLocal = fromLocal;
            ToLocal = toLocal;
        }

        public Bars Bars { get; private set; }
        public int BarsBack { get; }
        public BarsPeriod BarsPeriod { get; set; }
        public DateTime FromLocal { get; }
        public DateTime ToLocal { get; }
        public Instrument Instrument { get; }
        public bool IsDividendAdjusted { get; set; }
        public bool IsResetOnNewTradingDay { get; set; }
        public bool IsSplitAdjusted { get; set; }
        public TradingHours TradingHours { get; set; }

        // "A BarsUpdateEvent handler for subscribing/unsubscribing to bar update events"
        public event EventHandler<BarsUpdateEventArgs> Update;

        public void Request(Action<BarsRequest, ErrorCode, string> callback)
        {
            Func<BarsRequest, IReadOnlyList<BarRecord>> provider = HistoryProvider
                ?? throw new InvalidOperationException("stand-in host: no BarsRequest.HistoryProvider set");
            IReadOnlyList<BarRecord> records = provider(this);
            Bars = new Bars(Instrument, BarsPeriod, records);
            callback(this, ErrorCode.NoError, string.Empty);
        }

        public void Dispose()
        {
            Update = null;
            IsDisposed = true;
        }

        // Host-only: where history comes from (NinjaTrader asks its repository/provider).
        internal static Func<BarsRequest, IReadOnlyList<BarRecord>> HistoryProvider { get; set; }

        internal bool IsDisposed { get; private set; }

        internal bool HasSubscribers => Update != null;
    }

    // https://developer.ninjatrader.com/docs/desktop/barsrequest (e.MinIndex, e.MaxIndex in the Update handler).
    // BarsSeries is not mirrored (its type is not documented).
    public class BarsUpdateEventArgs : EventArgs
    {
        internal BarsUpdateEventArgs(int minIndex, int maxIndex)
        {
            MinIndex = minIndex;
            MaxIndex = maxIndex;
        }

        public int MinIndex { get; }
        public int MaxIndex { get; }
    }
}
