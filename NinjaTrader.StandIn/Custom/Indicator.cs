// Stand-in for the partial class NinjaTrader compiles together with every indicator (the "generated code"
// regions add one caching factory method per indicator to it). Written for this project; not NinjaTrader's file.
namespace NinjaTrader.NinjaScript.Indicators
{
    public partial class Indicator : NinjaTrader.Gui.NinjaScript.IndicatorRenderBase
    {
    }
}
