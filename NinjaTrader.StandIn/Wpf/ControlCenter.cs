namespace NinjaTrader.Gui
{
    // https://developer.ninjatrader.com/docs/desktop/controlcenter and .../creating_your_own_addon_window ("ControlCenter cc = window as ControlCenter").
    // FindFirst(automationId) is not mirrored: the Help Guide does not say where it is declared nor what it returns.
    public class ControlCenter : Tools.NTWindow
    {
    }
}
