using System;

namespace NinjaTrader.Core
{
    // https://developer.ninjatrader.com/docs/desktop/createorder ("for all other cases you can pass in Core.Globals.MaxDate")
    public static partial class Globals
    {
        public static DateTime MaxDate => new DateTime(2099, 12, 1);

        // Core.Globals.Now, the platform's current time: used as Globals.Now in the examples of
        // https://developer.ninjatrader.com/docs/desktop/gettradingdayendlocal , .../gettradingdaybeginlocal and
        // .../closestrategy (its own page has no text in the Help Guide copy). The host can fix it with NowProvider.
        public static DateTime Now => NowProvider?.Invoke() ?? DateTime.Now;

        // Host-only: the stand-in's clock (null = the machine's local time).
        internal static Func<DateTime> NowProvider { get; set; }
    }
}
