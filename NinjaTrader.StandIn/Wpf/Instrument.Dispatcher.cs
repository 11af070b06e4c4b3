using System.Windows.Threading;

namespace NinjaTrader.Cbi
{
    public partial class Instrument
    {
        private Dispatcher dispatcher;

        // https://developer.ninjatrader.com/docs/desktop/instrument ("Dispatcher: A Dispatcher used for subscribing to
        // Instrument related events") and .../marketdata (instrument.Dispatcher.InvokeAsync(() => instrument.MarketData.Update += ...)).
        // Compile-check body only; NinjaScript.Tests declares this member with its own dispatcher (Hosting/InstrumentDispatcher.cs).
        public Dispatcher Dispatcher => dispatcher ?? (dispatcher = Dispatcher.CurrentDispatcher);
    }
}
