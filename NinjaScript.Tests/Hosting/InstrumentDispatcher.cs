using System;

namespace System.Windows.Threading
{
    /// <summary>
    /// Test-only stand-in for WPF's Dispatcher (WPF does not run on Linux), with the members the Help Guide's examples
    /// use: InvokeAsync(Action), HasShutdownStarted, CheckAccess(). InvokeAsync runs the action at once, on "this
    /// dispatcher" (CheckAccess is true inside it and false elsewhere), so code that subscribes through the
    /// instrument's dispatcher is told apart from code that does not.
    /// </summary>
    public sealed class Dispatcher
    {
        [ThreadStatic]
        private static Dispatcher running;

        internal Dispatcher(string owner)
        {
            Owner = owner;
        }

        internal string Owner { get; }

        public bool HasShutdownStarted { get; internal set; }

        public bool CheckAccess() => ReferenceEquals(running, this);

        public DispatcherOperation InvokeAsync(Action callback)
        {
            if (callback == null) throw new ArgumentNullException(nameof(callback));
            Dispatcher outer = running;
            running = this;
            try
            {
                callback();
            }
            finally
            {
                running = outer;
            }
            return new DispatcherOperation();
        }
    }

    /// <summary>Test-only: the completed operation InvokeAsync returns.</summary>
    public sealed class DispatcherOperation
    {
        internal DispatcherOperation() { }
    }
}

namespace NinjaTrader.Cbi
{
    public partial class Instrument
    {
        private System.Windows.Threading.Dispatcher dispatcher;

        // https://developer.ninjatrader.com/docs/desktop/instrument : Dispatcher (see the net48 declaration in
        // NinjaTrader.StandIn/Wpf/Instrument.Dispatcher.cs; this is the test build's).
        public System.Windows.Threading.Dispatcher Dispatcher => dispatcher ?? (dispatcher = new System.Windows.Threading.Dispatcher(FullName));
    }
}
