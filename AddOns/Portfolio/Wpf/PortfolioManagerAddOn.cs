#region Using declarations
using System;
using System.Windows;
using System.Windows.Automation;
using System.Windows.Controls;
using System.Windows.Media;
using NinjaTrader.Gui.Tools;
using NinjaTrader.NinjaScript;
#endregion

// AddOn windows live in this namespace (as in NinjaTrader's AddOn Framework sample).
namespace NinjaTrader.Gui.NinjaScript
{
    /// <summary>
    /// Adds Control Center &gt; New &gt; "Portfolio Manager". The "New" menu is found by its automation id
    /// ("ControlCenterMenuItemNew") walking the Control Center's logical tree with plain WPF (the Help Guide's sample uses
    /// ControlCenter.FindFirst, whose declaration the Help Guide does not give, so it is not relied on here).
    /// </summary>
    public class PortfolioManagerAddOn : AddOnBase
    {
        private NTMenuItem menuItem;
        private MenuItem newMenu;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "Portfolio optimization, risk and rebalancing over NinjaTrader Portfolio's Core.";
                Name = "PortfolioManager";
            }
        }

        protected override void OnWindowCreated(Window window)
        {
            ControlCenter cc = window as ControlCenter;
            if (cc == null)
                return;
            newMenu = (FindByAutomationId(cc, "ControlCenterMenuItemNew", false) ?? FindByAutomationId(cc, "ControlCenterMenuItemNew", true)) as MenuItem;
            if (newMenu == null)
                return;
            menuItem = new NTMenuItem { Header = "Portfolio Manager" };
            menuItem.Click += OnMenuItemClick;
            newMenu.Items.Add(menuItem);
        }

        protected override void OnWindowDestroyed(Window window)
        {
            if (menuItem == null || !(window is ControlCenter))
                return;
            if (newMenu != null && newMenu.Items.Contains(menuItem))
                newMenu.Items.Remove(menuItem);
            menuItem.Click -= OnMenuItemClick;
            menuItem = null;
            newMenu = null;
        }

        private void OnMenuItemClick(object sender, RoutedEventArgs e)
        {
            NinjaTrader.Core.Globals.RandomDispatcher.BeginInvoke(new Action(() => new PortfolioManagerWindow().Show()));
        }

        /// <summary>
        /// Depth-first search for an element whose AutomationProperties.AutomationId is <paramref name="id"/>, through the
        /// logical tree, or the visual tree when <paramref name="visual"/> (menus built from templates).
        /// </summary>
        private static DependencyObject FindByAutomationId(DependencyObject root, string id, bool visual)
        {
            if (root == null)
                return null;
            if (AutomationProperties.GetAutomationId(root) == id)
                return root;
            if (visual)
            {
                if (!(root is Visual))
                    return null;
                for (int i = 0; i < VisualTreeHelper.GetChildrenCount(root); i++)
                {
                    DependencyObject found = FindByAutomationId(VisualTreeHelper.GetChild(root, i), id, true);
                    if (found != null)
                        return found;
                }
                return null;
            }
            foreach (object child in LogicalTreeHelper.GetChildren(root))
            {
                DependencyObject found = FindByAutomationId(child as DependencyObject, id, false);
                if (found != null)
                    return found;
            }
            return null;
        }
    }
}
