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
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Limits;
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
        private readonly TextBox maxWeightBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = LimitCatalog.ChartMaxWeightDefault.ToString(CultureInfo.InvariantCulture) };
        private readonly TextBox kellyBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0.5" };
        private readonly TextBox confidenceBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0.99" };
        private readonly TextBox horizonBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "30" };
        private readonly TextBox slicesBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "6" };
        private readonly TextBox cashBufferBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0.02" };
        // Almgren-Chriss risk aversion (1/currency): above 0 the router may choose Implementation Shortfall for urgent orders.
        private readonly TextBox riskAversionBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0" };
        private readonly TextBox volTargetBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0", ToolTip = "Annual volatility target (0.10 = 10%/year; 0 = off): targets scaled by Core's RiskScaling on the last 60 daily returns" };
        private readonly TextBox maxGrossBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0", ToolTip = "Cap on sum |weights| (multiple of equity; 0 = off)" };
        private readonly TextBox fxRatesBox = new TextBox { MinWidth = 120, Margin = new Thickness(4), Text = "", ToolTip = "Account currency per unit of each instrument's currency, comma-separated in instrument order (empty = all 1)" };
        private readonly TextBlock riskScaleText = new TextBlock { Margin = new Thickness(4) };
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
        private readonly TextBlock statusLine = new TextBlock { Margin = new Thickness(4), Foreground = Brushes.DarkRed, TextWrapping = TextWrapping.Wrap };
        private readonly DataGrid pnlGrid = new DataGrid { IsReadOnly = true, Height = 160 };
        private readonly DataGrid fillsGrid = new DataGrid { IsReadOnly = true };
        private readonly TextBox userWeightsBox = new TextBox { AcceptsReturn = true, MinWidth = 220, Height = 60, Margin = new Thickness(4), ToolTip = "Own target weights, one 'name, weight' per line (empty: the optimizer's); Load file... reads the same format" };
        private readonly TextBox storePathBox = new TextBox { MinWidth = 260, Margin = new Thickness(4), ToolTip = "SQLite execution store (empty: Documents\\NinjaTrader 8\\db\\portfolio\\PortfolioManager-<account>.sqlite)" };
        private readonly TextBox killFileBox = new TextBox { MinWidth = 160, Margin = new Thickness(4), ToolTip = "Kill file: when it exists, working orders are cancelled and nothing more is sent" };
        private readonly TextBox maxDailyBox = new TextBox { Width = 60, Margin = new Thickness(4), Text = "0", ToolTip = "Max contracts per day, all instruments (0 = no limit)" };
        private readonly CheckBox allowLiveBox = new CheckBox { Content = "Allow live account", Margin = new Thickness(4), VerticalAlignment = VerticalAlignment.Center };
        private readonly CheckBox dryRunBox = new CheckBox { Content = "Dry run", Margin = new Thickness(4), VerticalAlignment = VerticalAlignment.Center };
        private readonly List<string> orphanAlerts = new List<string>();
        private readonly TextBox sectorCapsBox = new TextBox { AcceptsReturn = true, MinWidth = 140, Height = 44, Margin = new Thickness(4), ToolTip = "Sector caps for the optimizer, one 'sector, largest total weight' per line (sectors as typed with the instruments; empty: none)" };
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
            var settings = Stack(Row(Label("Account"), accountBox, Label("Instruments (name, sector per line)"), instrumentsBox, Label("History days"), historyBox, load),
                Row(Label("Execution store"), storePathBox, Label("Kill file"), killFileBox, Label("Max daily contracts"), maxDailyBox, allowLiveBox, dryRunBox,
                    Button("Kill switch", (s, e) => Kill())),
                statusLine);

            var tabs = new TabControl();
            tabs.Items.Add(new TabItem { Header = "Portfolio", Content = portfolioGrid });
            runButton.Click += (s, e) => RunOptimizer();
            tabs.Items.Add(new TabItem
            {
                Header = "Optimize",
                Content = Stack(Row(Label("Method"), methodBox, Label("Max weight"), maxWeightBox, Label("Kelly fraction"), kellyBox, Label("Confidence"), confidenceBox, Label("Sector caps"), sectorCapsBox, runButton),
                    weightsGrid, optimizeText, new TextBlock { Text = "Efficient frontier (x: volatility per day, y: mean return per day; red: chosen portfolio)", Margin = new Thickness(4) }, frontierCanvas),
            });
            tabs.Items.Add(new TabItem { Header = "Risk", Content = new ScrollViewer { Content = Stack(riskText, componentsGrid, new TextBlock { Text = "Correlation (blue -1, white 0, red +1)", Margin = new Thickness(4) }, heatMap, stressGrid) } });
            tabs.Items.Add(new TabItem
            {
                Header = "Rebalance",
                Content = Stack(Row(Label("Horizon (minutes)"), horizonBox, Label("Slices"), slicesBox, Label("Cash buffer"), cashBufferBox,
                        Label("Risk aversion"), riskAversionBox, Button("Preview", (s, e) => Preview()), Button("Execute...", (s, e) => Execute()), Button("Cancel all", (s, e) => CancelAll())),
                    Row(Label("Vol target"), volTargetBox, Label("Max gross leverage"), maxGrossBox, Label("FX rates"), fxRatesBox, riskScaleText),
                    Row(Label("Own target weights"), userWeightsBox, Button("Load file...", (s, e) => LoadWeightsFile())),
                    previewGrid, new TextBlock { Text = "Progress", Margin = new Thickness(4) }, progressList),
            });
            tabs.Items.Add(new TabItem { Header = "P&L", Content = pnlGrid });
            tabs.Items.Add(new TabItem { Header = "Fills", Content = fillsGrid });
            tabs.Items.Add(new TabItem { Header = "Alerts", Content = Stack(Row(Button("Dismiss selected", (s, e) => Dismiss(false)), Button("Dismiss all", (s, e) => Dismiss(true))), alertsList) });

            var root = new DockPanel();
            DockPanel.SetDock(settings, Dock.Top);
            root.Children.Add(settings);
            root.Children.Add(tabs);
            Content = root;

            // A preview expires when its settings change (Execute also re-plans it against current positions and prices).
            foreach (TextBox box in new[] { maxWeightBox, cashBufferBox, horizonBox, slicesBox, userWeightsBox, volTargetBox, maxGrossBox, fxRatesBox })
                box.TextChanged += (s, e) => { preview = null; previewGrid.ItemsSource = null; };

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
                int maxDaily = ParseInt(maxDailyBox, "max daily contracts");
                string store = storePathBox.Text.Trim().Length > 0 ? storePathBox.Text.Trim()
                    : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "NinjaTrader 8", "db", "portfolio", "PortfolioManager-" + account.Name + ".sqlite");
                var executionSettings = new PortfolioExecutionSettings
                {
                    StorePath = store,
                    KillFile = killFileBox.Text.Trim(),
                    DryRun = dryRunBox.IsChecked == true,
                    StartUtc = DateTime.UtcNow,
                    Limits = PortfolioExecutionSettings.LimitsOf(allowLiveBox.IsChecked == true, maxDaily),
                };
                session = new PortfolioSession(account, lines.Select(p => p[0].Trim()).ToList(), lines.Select(p => p.Length > 1 ? p[1].Trim() : string.Empty).ToList(), executionSettings);
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
            IReadOnlyDictionary<string, double> caps;
            decimal value;
            try
            {
                targets = new TargetWeightCalculator((PortfolioMethod)methodBox.SelectedItem, ParseLimit(maxWeightBox, LimitCatalog.MaxWeight), ParseDouble(kellyBox, "Kelly fraction"), 0);
                confidence = ParseDouble(confidenceBox, "confidence");
                caps = SectorLimits.ParseCaps(sectorCapsBox.Text);
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
            Task.Run(() => current.Analyze(targets, caps, confidence, 12, value)).ContinueWith(t => Dispatcher.InvokeAsync(() =>
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
                if (session == null)
                    throw new InvalidOperationException("load the instruments first");
                double[] targets = UserWeights();
                if (targets == null && analysis == null)
                    throw new InvalidOperationException("run the optimizer first, or type your own target weights: they are the rebalance targets");
                preview = session.Preview(targets ?? analysis.Optimization.CopyWeights(), ParseLimit(maxWeightBox, LimitCatalog.MaxAbsWeight), ParseDouble(cashBufferBox, "cash buffer"),
                    ParseDouble(horizonBox, "horizon"), ParseInt(slicesBox, "slices"), ParseDouble(riskAversionBox, "risk aversion"), RiskOptions());
                RiskScale scale = session.LastRiskScale;
                riskScaleText.Text = scale == null ? string.Empty : string.Format(CultureInfo.InvariantCulture,
                    "scale {0:0.###} ({1}): predicted volatility {2:P1}/year, gross leverage {3:0.###}", scale.Scale, scale.Binding, scale.PredictedVolatility, scale.GrossLeverage);
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
                ExecuteResult result = session.Execute(preview, DateTime.UtcNow);
                if (result.Outcome == ExecuteOutcome.Expired)
                {
                    // The re-planned orders are shown; the operator confirms them with another Execute.
                    preview = result.Rows;
                    previewGrid.ItemsSource = preview.Select(p => new { Instrument = p.Trade.Instrument.Symbol, Side = p.Trade.Side, Quantity = Math.Abs(p.Trade.OrderQuantity), Target = p.Trade.TargetQuantity, Algorithm = p.Algorithm, ExpectedCost = p.ExpectedCost, Reason = p.Reason }).ToList();
                }
                else if (result.Outcome == ExecuteOutcome.Sent)
                    preview = null;
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
                ShowAlerts();
                pnlGrid.ItemsSource = session.Pnl();
                // List<T>.Reverse, not the LINQ extension: with System.Memory shipped, extension lookup would also weigh
                // MemoryExtensions.Reverse(Span<T>), whose struct needs the netstandard facade NinjaTrader does not reference.
                var fills = new List<BlotterRow>(session.Fills);
                fills.Reverse();
                fillsGrid.ItemsSource = fills;
                if (session.AccountValue > 0)
                    portfolioGrid.ItemsSource = session.Rows(analysis == null ? null : analysis.Optimization.Weights);
            }
            catch (Exception ex)
            {
                Report(ex);
            }
        }

        // Errors stay in the alerts until dismissed (the session's list, or the tab's own before a session exists), and the
        // latest shows on the status line above every tab.
        private void Report(Exception ex)
        {
            if (session != null) session.Alert(ex.Message, false);
            else orphanAlerts.Add(DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "  " + ex.Message);
            ShowAlerts();
        }

        private void ShowAlerts()
        {
            var lines = orphanAlerts.Concat(session == null ? Enumerable.Empty<string>() : session.Alerts.Select(a => a.ToString())).ToList();
            alertsList.ItemsSource = lines;
            statusLine.Text = lines.Count == 0 ? string.Empty : "Latest alert: " + lines[lines.Count - 1] + (lines.Count > 1 ? "  (" + lines.Count + " on the Alerts tab)" : string.Empty);
        }

        private void Dismiss(bool all)
        {
            if (all)
            {
                orphanAlerts.Clear();
                if (session != null) session.DismissAll();
            }
            else
            {
                string selected = alertsList.SelectedItem as string;
                if (selected == null) return;
                if (!orphanAlerts.Remove(selected) && session != null)
                {
                    SessionAlert alert = session.Alerts.FirstOrDefault(a => a.ToString() == selected);
                    if (alert != null) session.Dismiss(alert.Id);
                }
            }
            ShowAlerts();
        }

        private void Kill()
        {
            if (session != null) session.KillSwitch.Trip("kill switch pressed in the Portfolio Manager");
            ShowAlerts();
        }

        // "name, weight" per line, one per loaded instrument in any order; null when the box is empty.
        private double[] UserWeights()
        {
            var lines = userWeightsBox.Text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count == 0) return null;
            var weights = new double[session.Instruments.Count];
            var seen = new bool[weights.Length];
            for (int i = 0; i < lines.Count; i++)
            {
                string[] cells = lines[i].Split(',');
                int k = cells.Length == 2 ? session.Instruments.ToList().IndexOf(cells[0].Trim()) : -1;
                double w;
                if (k < 0)
                    throw new FormatException("own target weights, line " + (i + 1) + " '" + lines[i] + "': expected 'name, weight' with a loaded instrument name");
                if (!double.TryParse(cells[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out w) || double.IsNaN(w) || double.IsInfinity(w))
                    throw new FormatException("own target weights, line " + (i + 1) + ": weight of '" + cells[0].Trim() + "' must be a number, got '" + cells[1].Trim() + "'");
                if (seen[k])
                    throw new FormatException("own target weights, line " + (i + 1) + ": '" + cells[0].Trim() + "' is given twice");
                weights[k] = w;
                seen[k] = true;
            }
            for (int k = 0; k < seen.Length; k++)
                if (!seen[k]) throw new FormatException("own target weights: no weight for '" + session.Instruments[k] + "'");
            return weights;
        }

        private void LoadWeightsFile()
        {
            var dialog = new Microsoft.Win32.OpenFileDialog { Filter = "Weights (name, weight per line)|*.csv;*.txt|All files|*.*" };
            if (dialog.ShowDialog() != true) return;
            try
            {
                userWeightsBox.Text = System.IO.File.ReadAllText(dialog.FileName);
            }
            catch (Exception ex)
            {
                Report(new InvalidOperationException("weights file '" + dialog.FileName + "': " + ex.Message));
            }
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
            riskAversionBox.Text = (string)element.Attribute("RiskAversion") ?? riskAversionBox.Text;
            cashBufferBox.Text = (string)element.Attribute("CashBuffer") ?? cashBufferBox.Text;
            storePathBox.Text = (string)element.Attribute("StorePath") ?? storePathBox.Text;
            killFileBox.Text = (string)element.Attribute("KillFile") ?? killFileBox.Text;
            maxDailyBox.Text = (string)element.Attribute("MaxDailyContracts") ?? maxDailyBox.Text;
            userWeightsBox.Text = (string)element.Attribute("OwnWeights") ?? userWeightsBox.Text;
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
            element.SetAttributeValue("RiskAversion", riskAversionBox.Text);
            element.SetAttributeValue("CashBuffer", cashBufferBox.Text);
            element.SetAttributeValue("StorePath", storePathBox.Text);
            element.SetAttributeValue("KillFile", killFileBox.Text);
            element.SetAttributeValue("MaxDailyContracts", maxDailyBox.Text);
            element.SetAttributeValue("OwnWeights", userWeightsBox.Text);
        }

        // The Rebalance tab's risk settings, as the strategy's VolatilityTarget, MaxGrossLeverage and FxRates properties.
        private PreviewRiskOptions RiskOptions()
        {
            double[] fx = null;
            string text = fxRatesBox.Text.Trim();
            if (text.Length > 0)
            {
                string[] cells = text.Split(',');
                fx = new double[cells.Length];
                for (int i = 0; i < cells.Length; i++)
                    if (!double.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out fx[i]))
                        throw new FormatException("FX rates: entry " + (i + 1) + " must be a number, got '" + cells[i].Trim() + "'");
            }
            return new PreviewRiskOptions { VolatilityTarget = ParseDouble(volTargetBox, "vol target"), MaxGrossLeverage = ParseDouble(maxGrossBox, "max gross leverage"), FxRates = fx };
        }

        private static double ParseDouble(TextBox box, string what)
        {
            double v;
            if (!double.TryParse(box.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out v) || double.IsNaN(v) || double.IsInfinity(v))
                throw new FormatException(what + " must be a number, got '" + box.Text + "'");
            return v;
        }

        // The one check of a limit typed into a box: the number, then its declaration in Core's LimitCatalog.
        private static double ParseLimit(TextBox box, LimitSpec spec)
        {
            return spec.Check(ParseDouble(box, spec.Name), "box " + spec.Name);
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
