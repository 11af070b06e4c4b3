namespace NinjaTrader.Gui.NinjaScript
{
    // Chain from the project's NT8 facts sheet (shared/docs/ninjatrader-api.md):
    // Indicator : NinjaTrader.Gui.NinjaScript.IndicatorRenderBase : IndicatorBase : NinjaScriptBase : NinjaScript
    // Strategy : NinjaTrader.Gui.NinjaScript.StrategyRenderBase : StrategyBase : NinjaScriptBase : NinjaScript
    // Rendering members (OnRender, ChartControl, ...) are not mirrored.
    public abstract class IndicatorRenderBase : NinjaTrader.NinjaScript.IndicatorBase
    {
    }

    public abstract class StrategyRenderBase : NinjaTrader.NinjaScript.StrategyBase
    {
    }
}
