using System;
using NinjaTrader.Cbi;

namespace NinjaTrader.Data
{
    // https://developer.ninjatrader.com/docs/desktop/marketdata
    // Snapshot properties (MarketDataEventArgs) and the Update event; subscribe on the instrument's Dispatcher with
    // instrument.MarketData.Update += handler and unsubscribe on cleanup.
    public class MarketData
    {
        internal MarketData(Instrument instrument)
        {
            Instrument = instrument;
        }

        public MarketDataEventArgs Ask { get; private set; }
        public MarketDataEventArgs Bid { get; private set; }
        public MarketDataEventArgs DailyHigh { get; private set; }
        public MarketDataEventArgs DailyLow { get; private set; }
        public MarketDataEventArgs DailyVolume { get; private set; }
        public Instrument Instrument { get; }
        public MarketDataEventArgs Last { get; private set; }
        public MarketDataEventArgs LastClose { get; private set; }
        public MarketDataEventArgs Opening { get; private set; }
        public MarketDataEventArgs OpenInterest { get; private set; }
        public MarketDataEventArgs Settlement { get; private set; }

        private EventHandler<MarketDataEventArgs> update;

        // .../marketdata example: if (!instrument.Dispatcher.HasShutdownStarted) instrument.Dispatcher.InvokeAsync(() =>
        // instrument.MarketData.Update += OnMarketData); .../instrument: MarketData holds "Instrument thread specific
        // MarketData events". Subscribing or unsubscribing off the instrument's dispatcher breaches
        // HostRules.Platform.EnforceInstrumentDispatcher (recorded, or thrown when enforced).
        public event EventHandler<MarketDataEventArgs> Update
        {
            add
            {
                CheckDispatcher("subscribed to");
                update += value;
            }
            remove
            {
                CheckDispatcher("unsubscribed from");
                update -= value;
            }
        }

        private void CheckDispatcher(string action)
        {
            if (!Instrument.Dispatcher.CheckAccess())
                NinjaScript.HostRules.Platform.Breach(NinjaScript.HostRules.Platform.EnforceInstrumentDispatcher,
                    $"MarketData.Update of '{Instrument.FullName}' {action} off the instrument's Dispatcher (https://developer.ninjatrader.com/docs/desktop/marketdata: instrument.Dispatcher.InvokeAsync(...))",
                    m => new InvalidOperationException(m));
        }

        // Host-only: pushes one level-one update (updates the snapshot, then raises Update).
        internal void Push(MarketDataType type, double price, long volume, DateTime time, double bid, double ask)
        {
            var e = new MarketDataEventArgs(Instrument, type, price, volume, time, bid, ask);
            switch (type)
            {
                case MarketDataType.Ask: Ask = e; break;
                case MarketDataType.Bid: Bid = e; break;
                case MarketDataType.DailyHigh: DailyHigh = e; break;
                case MarketDataType.DailyLow: DailyLow = e; break;
                case MarketDataType.DailyVolume: DailyVolume = e; break;
                case MarketDataType.Last: Last = e; break;
                case MarketDataType.LastClose: LastClose = e; break;
                case MarketDataType.Opening: Opening = e; break;
                case MarketDataType.OpenInterest: OpenInterest = e; break;
                case MarketDataType.Settlement: Settlement = e; break;
            }
            update?.Invoke(this, e);
        }

        internal bool HasSubscribers => update != null;
    }

    // https://developer.ninjatrader.com/docs/desktop/marketdataeventargs
    public class MarketDataEventArgs : EventArgs
    {
        internal MarketDataEventArgs(Instrument instrument, MarketDataType marketDataType, double price, long volume,
            DateTime time, double bid, double ask)
        {
            Instrument = instrument;
            MarketDataType = marketDataType;
            Price = price;
            Volume = volume;
            Time = time;
            Bid = bid;
            Ask = ask;
        }

        public double Ask { get; }
        public double Bid { get; }
        public Instrument Instrument { get; }
        public bool IsReset { get; internal set; }
        public MarketDataType MarketDataType { get; }
        public double Price { get; }
        public DateTime Time { get; }
        public long Volume { get; }

        public override string ToString() => $"{Instrument} {MarketDataType} price={Price} volume={Volume} time={Time:O}";
    }
}
