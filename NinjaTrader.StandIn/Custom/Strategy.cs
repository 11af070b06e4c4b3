// Stand-in for the partial Strategy class NinjaTrader compiles together with every strategy. The generated
// regions of indicators call indicator.X(...) on the helper below. Written for this project.
namespace NinjaTrader.NinjaScript.Strategies
{
    public partial class Strategy : NinjaTrader.Gui.NinjaScript.StrategyRenderBase
    {
        private readonly Indicators.Indicator indicator;

        public Strategy()
        {
            indicator = new Indicators.Indicator();
        }
    }
}
