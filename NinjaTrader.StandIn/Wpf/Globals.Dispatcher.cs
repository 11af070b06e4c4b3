using System.Windows.Threading;

namespace NinjaTrader.Core
{
    public static partial class Globals
    {
        // https://developer.ninjatrader.com/docs/desktop/creating_your_own_addon_window
        // (Core.Globals.RandomDispatcher.BeginInvoke(new Action(() => new MyWindow().Show())))
        public static Dispatcher RandomDispatcher => Dispatcher.CurrentDispatcher;
    }
}
