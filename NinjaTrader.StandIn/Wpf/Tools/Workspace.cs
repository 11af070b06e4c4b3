using System.Windows.Controls;
using System.Xml.Linq;

namespace NinjaTrader.Gui.Tools
{
    // https://developer.ninjatrader.com/docs/desktop/inttabfactory_interface and .../creating_your_own_addon_window
    public interface INTTabFactory
    {
        NTWindow CreateParentWindow();

        NTTabPage CreateTabPage(string typeName, bool isNewWindow = false);
    }

    // https://developer.ninjatrader.com/docs/desktop/iworkspacepersistence_interface
    public interface IWorkspacePersistence
    {
        void Restore(XDocument document, XElement element);

        void Save(XDocument document, XElement element);

        WorkspaceOptions WorkspaceOptions { get; set; }
    }

    // https://developer.ninjatrader.com/docs/desktop/ntwindow : new WorkspaceOptions("Name-" + Guid..., this)
    public class WorkspaceOptions
    {
        public WorkspaceOptions(string persistenceId, NTWindow window)
        {
            PersistenceId = persistenceId;
            Window = window;
        }

        internal string PersistenceId { get; }

        internal NTWindow Window { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/tabcontrolmanager and .../ntwindow : attached properties of a TabControl.
    public static class TabControlManager
    {
        public static void SetIsMovable(TabControl tabControl, bool value) => tabControl.Tag = tabControl.Tag;

        public static void SetCanAddTabs(TabControl tabControl, bool value) => tabControl.Tag = tabControl.Tag;

        public static void SetCanRemoveTabs(TabControl tabControl, bool value) => tabControl.Tag = tabControl.Tag;

        public static void SetFactory(TabControl tabControl, INTTabFactory factory) => tabControl.Tag = factory;
    }

    // https://developer.ninjatrader.com/docs/desktop/creating_your_own_addon_window : tc.AddNTTabPage(page),
    // MainTabControl.RestoreFromXElement(element), MainTabControl.SaveToXElement(element).
    // The declaring class of these extension methods is not documented; the name here is the stand-in's own.
    public static class TabControlExtensions
    {
        public static void AddNTTabPage(this TabControl tabControl, NTTabPage page) =>
            tabControl.Items.Add(new TabItem { Content = page });

        public static void RestoreFromXElement(this TabControl tabControl, XElement element)
        {
        }

        public static void SaveToXElement(this TabControl tabControl, XElement element)
        {
        }
    }
}
