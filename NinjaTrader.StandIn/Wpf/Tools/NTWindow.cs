using System.Windows;
using System.Windows.Controls;

namespace NinjaTrader.Gui.Tools
{
    // https://developer.ninjatrader.com/docs/desktop/ntwindow and .../creating_your_own_addon_window :
    // an NTWindow is a Window with Caption (not Title) and MainTabControl; content is a TabControl of NTTabPages.
    public class NTWindow : Window
    {
        public string Caption { get; set; }

        public TabControl MainTabControl => Content as TabControl;
    }

    // https://developer.ninjatrader.com/docs/desktop/nttabpage , .../nttabpage_cleanup , .../getheaderpart :
    // Cleanup(), GetHeaderPart(string), Restore(XElement), Save(XElement). Declared on ContentControl here
    // (the sample sets Content); NinjaTrader's exact WPF base class is not documented.
    public abstract class NTTabPage : ContentControl
    {
        public virtual void Cleanup()
        {
        }

        protected abstract string GetHeaderPart(string variable);

        protected abstract void Restore(System.Xml.Linq.XElement element);

        protected abstract void Save(System.Xml.Linq.XElement element);
    }

    // https://developer.ninjatrader.com/docs/desktop/ntmenuitem and .../creating_your_own_addon_window (new NTMenuItem { Header = ..., Style = ... })
    public class NTMenuItem : MenuItem
    {
    }
}
