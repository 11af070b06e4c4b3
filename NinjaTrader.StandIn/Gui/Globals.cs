using System;

namespace NinjaTrader.Core
{
    // https://developer.ninjatrader.com/docs/desktop/createorder ("for all other cases you can pass in Core.Globals.MaxDate")
    public static partial class Globals
    {
        public static DateTime MaxDate => new DateTime(2099, 12, 1);
    }
}
