#region Using declarations
using System;
using System.Windows.Controls;
using System.Xml.Linq;
using NinjaTrader.Gui.Tools;
#endregion

namespace NinjaTrader.Gui.NinjaScript
{
    /// <summary>
    /// The Portfolio Manager window: one NTTabPage per portfolio (the tab control can add more), saved and restored with the
    /// workspace through IWorkspacePersistence. Must stay a top-level class with a default constructor (workspace restore).
    /// </summary>
    public class PortfolioManagerWindow : NTWindow, IWorkspacePersistence
    {
        public PortfolioManagerWindow()
        {
            Caption = "Portfolio Manager";
            Width = 1100;
            Height = 720;
            TabControl tc = new TabControl();
            TabControlManager.SetIsMovable(tc, true);
            TabControlManager.SetCanAddTabs(tc, true);
            TabControlManager.SetCanRemoveTabs(tc, true);
            TabControlManager.SetFactory(tc, new PortfolioManagerWindowFactory());
            Content = tc;
            tc.AddNTTabPage(new PortfolioManagerTab());
            Loaded += (o, e) =>
            {
                if (WorkspaceOptions == null)
                    WorkspaceOptions = new WorkspaceOptions("PortfolioManager-" + Guid.NewGuid().ToString("N"), this);
            };
        }

        public void Restore(XDocument document, XElement element)
        {
            if (MainTabControl != null)
                MainTabControl.RestoreFromXElement(element);
        }

        public void Save(XDocument document, XElement element)
        {
            if (MainTabControl != null)
                MainTabControl.SaveToXElement(element);
        }

        public WorkspaceOptions WorkspaceOptions { get; set; }
    }

    /// <summary>Creates Portfolio Manager windows and tabs for NinjaTrader's tab control (new tab, tab dragged out).</summary>
    public class PortfolioManagerWindowFactory : INTTabFactory
    {
        public NTWindow CreateParentWindow() => new PortfolioManagerWindow();

        public NTTabPage CreateTabPage(string typeName, bool isNewWindow = false) => new PortfolioManagerTab();
    }
}
