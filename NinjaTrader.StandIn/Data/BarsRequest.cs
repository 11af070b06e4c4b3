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

        // .../barsrequest_mergepolicy (MergePolicy is mirrored after all: futures only). The default is not documented;
        // UseDefault ("Uses the default values configured for the MasterInstrument") is assumed.
        public MergePolicy MergePolicy { get; set; } = MergePolicy.UseDefault;

        // .../barsrequest example: "Note: The last returned bar may be a currently in-progress bar". The host's forming
        // bar (FormingBarProvider) is returned last, stamped with its end time, later than Core.Globals.Now.

        public void Request(Action<BarsRequest, ErrorCode, string> callback)
        {
            Func<BarsRequest, IReadOnlyList<BarRecord>> provider = HistoryProvider
                ?? throw new InvalidOperationException("stand-in host: no BarsRequest.HistoryProvider set");
            var records = new List<BarRecord>(provider(this));
            BarRecord? forming = FormingBarProvider?.Invoke(this);
            if (forming.HasValue)
            {
                if (records.Count > 0 && forming.Value.Time <= records[records.Count - 1].Time)
                    throw new InvalidOperationException($"stand-in host: the forming bar of '{Instrument?.FullName}' ({forming.Value.Time:O}) is not after the last complete bar ({records[records.Count - 1].Time:O})");
                records.Add(forming.Value);
            }
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

        // Host-only: the bar still in progress for a request (stamped with its end time), or null when there is none.
        internal static Func<BarsRequest, BarRecord?> FormingBarProvider { get; set; }

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
