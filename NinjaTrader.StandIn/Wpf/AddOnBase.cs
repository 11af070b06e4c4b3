using System.Windows;

namespace NinjaTrader.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/creating_your_own_addon_window , .../onwindowcreated ,
    // .../onwindowdestroyed : AddOns derive from AddOnBase and override these two (called on each window's thread).
    public abstract class AddOnBase : NinjaScript
    {
        protected virtual void OnWindowCreated(Window window)
        {
        }

        protected virtual void OnWindowDestroyed(Window window)
        {
        }

        // Host-only: the platform announces windows.
        internal void RaiseWindowCreated(Window window) => OnWindowCreated(window);

        internal void RaiseWindowDestroyed(Window window) => OnWindowDestroyed(window);
    }
}
