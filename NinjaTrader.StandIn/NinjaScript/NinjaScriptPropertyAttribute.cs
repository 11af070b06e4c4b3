using System;

namespace NinjaTrader.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/ninjascriptpropertyattribute : marks an input that is part of the
    // script's generated signature (and of the Strategy Analyzer's optimizable parameters).
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class NinjaScriptPropertyAttribute : Attribute
    {
    }
}
