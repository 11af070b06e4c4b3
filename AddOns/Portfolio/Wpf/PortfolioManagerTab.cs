#region Using declarations
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using System.Windows;
using System.Windows.Controls;
using System.Windows.Media;
using System.Windows.Threading;
using System.Xml.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Gui.Tools;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Views;
#endregion

namespace NinjaTrader.Gui.NinjaScript
{
    /// <summary>
    /// One portfolio: settings on top (account, instruments "name, sector" per line, history days) and the tabs Portfolio,
    /// Optimize, Risk, Rebalance, Alerts. Thin by design: every figure comes from <see cref="PortfolioSession"/> and
    /// <see cref="PortfolioAnalysis"/> (tested without WPF); this class only lays out controls, runs the optimizer with
    /// Task.Run and marshals results back with the Dispatcher, and draws the frontier and the heat map.
    /// </summary>
    public class PortfolioManagerTab : NTTabPage
    {
        private readonly ComboBox accountBox = new ComboBox { MinWidth = 140, Margin = new Thickness(4) };
        private readonly TextBox instrumentsBox = new TextBox { AcceptsReturn = true, MinWidth = 220, Height = 60, Margin = new Thickness(4), Text = "ES 12-26, Equity\nZN 12-26, Rates" };
        private readonly TextBox historyBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "500" };
        private readonly ComboBox methodBox = new ComboBox { MinWidth = 140, Margin = new Thickness(4) };
        private readonly TextBox maxWeightBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0.6" };
        private readonly TextBox kellyBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0.5" };
        private readonly TextBox confidenceBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0.99" };
        private readonly TextBox horizonBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "30" };
        private readonly TextBox slicesBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "6" };
        private readonly TextBox cashBufferBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0.02" };
        private readonly DataGrid portfolioGrid = new DataGrid { IsReadOnly = true };
        private readonly DataGrid weightsGrid = new DataGrid { IsReadOnly = true, Height = 160 };
        private readonly TextBlock optimizeText = new TextBlock { Margin = new Thickness(4) };
        private readonly Canvas frontierCanvas = new Canvas { Width = 520, Height = 300, Background = Brushes.White };
        private readonly TextBlock riskText = new TextBlock { Margin = new Thickness(4) };
        private readonly DataGrid componentsGrid = new DataGrid { IsReadOnly = true, Height = 150 };
        private readonly Grid heatMap = new Grid { Margin = new Thickness(4) };
        private readonly DataGrid stressGrid = new DataGrid { IsReadOnly = true, Height = 150 };
        private readonly DataGrid previewGrid = new DataGrid { IsReadOnly = true, Height = 220 };
        private readonly ListBox progressList = new ListBox { Height = 160 };
        private readonly ListBox alertsList = new ListBox();
        private readonly Button runButton = new Button { Content = "Run", Margin = new Thickness(4), Padding = new Thickness(8, 2, 8, 2) };
        private readonly DispatcherTimer timer = new DispatcherTimer { Interval = TimeSpan.FromSeconds(1) };
        private PortfolioSession session;
        private PortfolioAnalysisResult analysis;
        private IReadOnlyList<RebalancePreviewRow> preview;

        public PortfolioManagerTab()
        {
            foreach (PortfolioMethod m in Enum.GetValues(typeof(PortfolioMethod)))
                methodBox.Items.Add(m);
            methodBox.SelectedItem = PortfolioMethod.MinimumVariance;
            lock (Account.All)
                foreach (Account a in Account.All.OrderBy(a => a.Name.StartsWith("Sim", StringComparison.Ordinal) ? 0 : 1))
                    accountBox.Items.Add(a.Name);
            if (accountBox.Items.Count > 0)
                accountBox.SelectedIndex = 0;

            var load = Button("Load", (s, e) => Load());
            var settings = Row(Label("Account"), accountBox, Label("Instruments (name, sector per line)"), instrumentsBox, Label("History days"), historyBox, load);

            var tabs = new TabControl();
            tabs.Items.Add(new TabItem { Header = "Portfolio", Content = portfolioGrid });
            runButton.Click += (s, e) => RunOptimizer();
            tabs.Items.Add(new TabItem
            {
                Header = "Optimize",
                Content = Stack(Row(Label("Method"), methodBox, Label("Max weight"), maxWeightBox, Label("Kelly fraction"), kellyBox, Label("Confidence"), confidenceBox, runButton),
                    weightsGrid, optimizeText, new TextBlock { Text = "Efficient frontier (x: volatility per day, y: mean return per day; red: chosen portfolio)", Margin = new Thickness(4) }, frontierCanvas),
            });
            tabs.Items.Add(new TabItem { Header = "Risk", Content = new ScrollViewer { Content = Stack(riskText, componentsGrid, new TextBlock { Text = "Correlation (blue -1, white 0, red +1)", Margin = new Thickness(4) }, heatMap, stressGrid) } });
            tabs.Items.Add(new TabItem
            {
                Header = "Rebalance",
                Content = Stack(Row(Label("Horizon (minutes)"), horizonBox, Label("Slices"), slicesBox, Label("Cash buffer"), cashBufferBox,
                        Button("Preview", (s, e) => Preview()), Button("Execute...", (s, e) => Execute()), Button("Cancel all", (s, e) => CancelAll())),
                    previewGrid, new TextBlock { Text = "Progress", Margin = new Thickness(4) }, progressList),
            });
            tabs.Items.Add(new TabItem { Header = "Alerts", Content = alertsList });

            var root = new DockPanel();
            DockPanel.SetDock(settings, Dock.Top);
            root.Children.Add(settings);
            root.Children.Add(tabs);
            Content = root;

            timer.Tick += OnTimer;
            timer.Start();
        }

        private void Load()
        {
            try
            {
                DisposeSession();
                Account account;
                lock (Account.All)
                    account = Account.All.FirstOrDefault(a => a.Name == accountBox.SelectedItem as string);
                if (account == null)
                    throw new InvalidOperationException("choose an account");
                var lines = instrumentsBox.Text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.Split(',')).Where(p => p[0].Trim().Length > 0).ToList();
                session = new PortfolioSession(account, lines.Select(p => p[0].Trim()).ToList(), lines.Select(p => p.Length > 1 ? p[1].Trim() : string.Empty).ToList());
                session.RequestHistory(ParseInt(historyBox, "history days"));
                analysis = null;
                preview = null;
            }
            catch (Exception ex)
            {
                Report(ex);
            }
        }

        private void RunOptimizer()
        {
            if (session == null || !session.HasHistory)
            {
                Report(new InvalidOperationException("load the instruments and wait for their history first"));
                return;
            }
            TargetWeightCalculator targets;
            double confidence;
            decimal value;
            try
            {
                targets = new TargetWeightCalculator((PortfolioMethod)methodBox.SelectedItem, ParseDouble(maxWeightBox, "max weight"), ParseDouble(kellyBox, "Kelly fraction"), 0);
                confidence = ParseDouble(confidenceBox, "confidence");
                value = (decimal)Math.Max(1, session.AccountValue);
            }
            catch (Exception ex)
            {
                Report(ex);
                return;
            }
            PortfolioSession current = session;
            runButton.IsEnabled = false;
            // The optimizer, frontier, risk and stress run off the UI thread; results come back through the Dispatcher.
            Task.Run(() => PortfolioAnalysis.Run(current.Returns(), targets, confidence, 12, value)).ContinueWith(t => Dispatcher.InvokeAsync(() =>
            {
                runButton.IsEnabled = true;
                if (t.IsFaulted)
                {
                    Report(t.Exception.GetBaseException());
                    return;
                }
                analysis = t.Result;
                ShowAnalysis();
            }));
        }

        private void ShowAnalysis()
        {
            var o = analysis.Optimization;
            weightsGrid.ItemsSource = o.Assets.Select((a, i) => new { Instrument = a, Weight = o.Weights[i], RiskContribution = o.RiskContributions[i] }).ToList();
            optimizeText.Text = string.Format(CultureInfo.InvariantCulture, "{0}: mean {1:P4}/day, volatility {2:P4}/day, Sharpe {3:0.####}/day. {4}",
                o.Method, o.ExpectedReturn, o.Volatility, o.Sharpe, o.Message);
            PortfolioCharts.DrawFrontier(frontierCanvas, analysis);
            var r = analysis.Risk;
            riskText.Text = string.Format(CultureInfo.InvariantCulture,
                "One day at {0:P1}: parametric VaR {1:P3}, historical VaR {2:P3}, modified VaR {3:P3}, parametric CVaR {4:P3}, historical CVaR {5:P3}; diversification ratio {6:0.###}, effective bets {7:0.##}",
                r.Confidence, r.ParametricVaR, r.HistoricalVaR, r.ModifiedVaR, r.ParametricCVaR, r.HistoricalCVaR, r.DiversificationRatio, r.EffectiveNumberOfBets);
            componentsGrid.ItemsSource = PortfolioAnalysis.ComponentRows(r);
            stressGrid.ItemsSource = analysis.Stress.Select(s => new { s.Scenario, s.Kind, Loss = s.LossFraction, LossCurrency = s.Loss, s.Description }).ToList();
            PortfolioCharts.DrawHeatMap(heatMap, o.Assets, analysis.Correlation);
        }

        private void Preview()
        {
            try
            {
                if (session == null || analysis == null)
                    throw new InvalidOperationException("run the optimizer first: its weights are the rebalance targets");
                preview = session.Preview(analysis.Optimization.CopyWeights(), ParseDouble(maxWeightBox, "max weight"), ParseDouble(cashBufferBox, "cash buffer"),
                    ParseDouble(horizonBox, "horizon"), ParseInt(slicesBox, "slices"), 0);
                previewGrid.ItemsSource = preview.Select(p => new
                {
                    Instrument = p.Trade.Instrument.Symbol, Side = p.Trade.Side, Quantity = Math.Abs(p.Trade.OrderQuantity), Target = p.Trade.TargetQuantity,
                    Algorithm = p.Algorithm, ExpectedCost = p.ExpectedCost, Reason = p.Reason,
                }).ToList();
            }
            catch (Exception ex)
            {
                Report(ex);
            }
        }

        private void Execute()
        {
            if (session == null || preview == null || preview.Count == 0)
            {
                Report(new InvalidOperationException("preview a rebalance with at least one order first"));
                return;
            }
            string summary = string.Join("\n", preview.Select(p => p.Trade.Side + " " + Math.Abs(p.Trade.OrderQuantity) + " " + p.Trade.Instrument.Symbol + " (" + p.Algorithm + ")"));
            if (MessageBox.Show("Send these orders to " + session.Account.Name + "?\n\n" + summary, "Portfolio Manager", MessageBoxButton.OKCancel, MessageBoxImage.Question) != MessageBoxResult.OK)
                return;
            try
            {
                session.Execute(preview, DateTime.UtcNow);
            }
            catch (Exception ex)
            {
                Report(ex);
            }
        }

        private void CancelAll()
        {
            if (session != null)
                session.CancelAll();
        }

        private void OnTimer(object sender, EventArgs e)
        {
            if (session == null)
                return;
            try
            {
                session.Poll(DateTime.UtcNow);
                progressList.ItemsSource = session.Progress();
                alertsList.ItemsSource = session.Alerts;
                if (session.AccountValue > 0)
                    portfolioGrid.ItemsSource = session.Rows(analysis == null ? null : analysis.Optimization.Weights);
            }
            catch (Exception ex)
            {
                Report(ex);
            }
        }

        private void Report(Exception ex)
        {
            var items = alertsList.ItemsSource as IEnumerable<string> ?? Enumerable.Empty<string>();
            alertsList.ItemsSource = items.Concat(new[] { DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "  " + ex.Message }).ToList();
        }

        private void DisposeSession()
        {
            if (session != null)
                session.Dispose();
            session = null;
        }

        public override void Cleanup()
        {
            timer.Stop();
            timer.Tick -= OnTimer;
            DisposeSession();
            base.Cleanup();
        }

        protected override string GetHeaderPart(string variable) => "Portfolio";

        protected override void Restore(XElement element)
        {
            if (element == null)
                return;
            instrumentsBox.Text = (string)element.Attribute("Instruments") ?? instrumentsBox.Text;
            historyBox.Text = (string)element.Attribute("HistoryDays") ?? historyBox.Text;
            maxWeightBox.Text = (string)element.Attribute("MaxWeight") ?? maxWeightBox.Text;
            kellyBox.Text = (string)element.Attribute("KellyFraction") ?? kellyBox.Text;
            horizonBox.Text = (string)element.Attribute("HorizonMinutes") ?? horizonBox.Text;
            slicesBox.Text = (string)element.Attribute("Slices") ?? slicesBox.Text;
            cashBufferBox.Text = (string)element.Attribute("CashBuffer") ?? cashBufferBox.Text;
            PortfolioMethod method;
            if (Enum.TryParse((string)element.Attribute("Method"), out method))
                methodBox.SelectedItem = method;
            string account = (string)element.Attribute("Account");
            if (account != null && accountBox.Items.Contains(account))
                accountBox.SelectedItem = account;
        }

        protected override void Save(XElement element)
        {
            if (element == null)
                return;
            element.SetAttributeValue("Account", accountBox.SelectedItem as string ?? string.Empty);
            element.SetAttributeValue("Instruments", instrumentsBox.Text);
            element.SetAttributeValue("HistoryDays", historyBox.Text);
            element.SetAttributeValue("Method", methodBox.SelectedItem == null ? string.Empty : methodBox.SelectedItem.ToString());
            element.SetAttributeValue("MaxWeight", maxWeightBox.Text);
            element.SetAttributeValue("KellyFraction", kellyBox.Text);
            element.SetAttributeValue("HorizonMinutes", horizonBox.Text);
            element.SetAttributeValue("Slices", slicesBox.Text);
            element.SetAttributeValue("CashBuffer", cashBufferBox.Text);
        }

        private static double ParseDouble(TextBox box, string what)
        {
            double v;
            if (!double.TryParse(box.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out v) || double.IsNaN(v) || double.IsInfinity(v))
                throw new FormatException(what + " must be a number, got '" + box.Text + "'");
            return v;
        }

        private static int ParseInt(TextBox box, string what)
        {
            int v;
            if (!int.TryParse(box.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out v))
                throw new FormatException(what + " must be a whole number, got '" + box.Text + "'");
            return v;
        }

        private static TextBlock Label(string text) => new TextBlock { Text = text, Margin = new Thickness(4), VerticalAlignment = VerticalAlignment.Center };

        private static Button Button(string text, RoutedEventHandler click)
        {
            var b = new Button { Content = text, Margin = new Thickness(4), Padding = new Thickness(8, 2, 8, 2) };
            b.Click += click;
            return b;
        }

        private static WrapPanel Row(params UIElement[] children)
        {
            var p = new WrapPanel();
            foreach (UIElement c in children) p.Children.Add(c);
            return p;
        }

        private static StackPanel Stack(params UIElement[] children)
        {
            var p = new StackPanel();
            foreach (UIElement c in children) p.Children.Add(c);
            return p;
        }
    }
}
