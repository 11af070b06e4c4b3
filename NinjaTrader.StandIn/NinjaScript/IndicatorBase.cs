using System;

namespace NinjaTrader.NinjaScript
{
    // Base of NinjaTrader.NinjaScript.Indicators.Indicator (through NinjaTrader.Gui.NinjaScript.IndicatorRenderBase).
    public abstract class IndicatorBase : NinjaScriptBase
    {
        // Used by the "NinjaScript generated code" region of every indicator (cache lookup by input).
        // Shape from the generated code NinjaTrader writes: cache[idx].EqualsInput(input).
        public bool EqualsInput(ISeries<double> input) => ReferenceEquals(Input, input);

        // Used by the generated region: CacheIndicator<T>(new T(){ ... }, input, ref cacheT) returns the instance
        // hosted by this script and stores it in the cache array (project facts sheet, "Indicator members").
        protected T CacheIndicator<T>(T indicator, ISeries<double> input, ref T[] cache) where T : IndicatorBase
        {
            if (indicator == null) throw new ArgumentNullException(nameof(indicator));
            indicator.SetInput(input);
            if (cache == null)
            {
                cache = new[] { indicator };
            }
            else
            {
                var grown = new T[cache.Length + 1];
                Array.Copy(cache, grown, cache.Length);
                grown[cache.Length] = indicator;
                cache = grown;
            }
            (Running ?? this).AddChildIndicator(indicator);
            return indicator;
        }

    }

    // Base of NinjaTrader.NinjaScript.MarketAnalyzerColumns.MarketAnalyzerColumn (its generated region only).
    public abstract class MarketAnalyzerColumnBase : NinjaScriptBase
    {
    }
}
