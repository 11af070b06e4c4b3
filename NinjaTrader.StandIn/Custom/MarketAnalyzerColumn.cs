// Stand-in for the partial MarketAnalyzerColumn class NinjaTrader compiles together with every script
// (indicator generated regions add methods to it). Written for this project.
namespace NinjaTrader.NinjaScript.MarketAnalyzerColumns
{
    public partial class MarketAnalyzerColumn : MarketAnalyzerColumnBase
    {
        private readonly Indicators.Indicator indicator;

        public MarketAnalyzerColumn()
        {
            indicator = new Indicators.Indicator();
        }
    }
}
