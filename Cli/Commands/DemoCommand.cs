using System;
using System.Collections.Generic;
using System.IO;
using NinjaTraderPortfolio.Cli.Charts;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;
using Spectre.Console;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// <c>ntportfolio demo</c>: the quick-start tour on the bundled sample data. Optimizes with every method, shows the risk of
    /// the configured portfolio, plans and routes a rebalance of a sample account through the portfolio manager, backtests the
    /// configured monthly policy, stores everything in SQLite and draws four PNG charts, all under <c>--out</c>.
    /// Progress goes to stderr; the tables to stdout.
    /// </summary>
    public sealed class DemoCommand : ICliCommand
    {
        /// <inheritdoc />
        public string Name => "demo";

        /// <inheritdoc />
        public string Summary => "tour on the sample data: optimizers, risk, rebalance plan, backtest, SQLite store, PNG charts";

        /// <inheritdoc />
        public string Usage => string.Join("\n",
            "ntportfolio demo [--out DIR] [--prices FILE] [--config FILE]",
            "  --out DIR      output folder (default ./demo-output): portfolio.db, frontier.png, equity-drawdown.png, weights.png,",
            "                 risk-contributions.png, backtest/ (CSV report); an earlier demo database there is replaced",
            "  --prices FILE  price file (default: the bundled samples/eustockmarkets-prices.csv)",
            "  --config FILE  portfolio config (default: the bundled samples/portfolio-config.json; its first portfolio is used)");

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var a = CliArgs.Parse(args, new[] { "out", "prices", "config" });
            string outDir = Path.GetFullPath(a.Get("out") ?? "demo-output");
            string prices = a.Get("prices") ?? Bundled("eustockmarkets-prices.csv");
            string configPath = a.Get("config") ?? Bundled("portfolio-config.json");
            DemoOutputFolder.Claim(outDir); // replaces only files it recognises as its own

            var analysis = new DemoAnalysis();
            string db = "";
            var charts = new List<string>();
            var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
            progress.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("demo", maxValue: 7);
                    void Step(string what, Action act)
                    {
                        task.Description = what;
                        act();
                        task.Increment(1);
                    }
                    Step("loading sample data", () => analysis.Load(prices, configPath));
                    Step("optimizing with every method", analysis.Optimize);
                    Step("planning a rebalance", analysis.PlanRebalance);
                    Step("backtesting the monthly policy", analysis.RunBacktest);
                    Step("storing in SQLite", () => db = DemoStore.Write(outDir, analysis, File.ReadAllText(configPath)));
                    Step("drawing charts", () => DrawCharts(outDir, analysis, charts));
                    Step("writing the backtest report", () => BacktestOutput.WriteReport(Path.Combine(outDir, "backtest"), analysis.Backtest,
                        BacktestOutput.Json(analysis.Backtest, Core.Backtesting.RebalancePolicy.Parse(analysis.Portfolio.Rebalance))));
                    task.Description = "done";
                });

            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(stdout),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            console.Profile.Width = 140;
            DemoTables.Write(console, analysis, outDir, db, charts.ToArray());
            return 0;
        }

        private static void DrawCharts(string outDir, DemoAnalysis a, List<string> charts)
        {
            string P(string name) { var p = Path.Combine(outDir, name); charts.Add(p); return p; }
            string data = $"{Path.GetFileName(a.Prices.Source)}, {a.Prices.Dates[0]:yyyy-MM-dd} .. {a.Prices.Dates[a.Prices.Rows - 1]:yyyy-MM-dd}";
            FrontierChart.Save(P("frontier.png"), a.Frontier, a.Methods, DemoAnalysis.PeriodsPerYear, data);
            string title = $"Backtest of '{a.Portfolio.Name}': {a.Backtest.Description}, {a.Portfolio.Rebalance}, costs included";
            EquityChart.Save(P("equity-drawdown.png"), a.Backtest, title);
            WeightsChart.Save(P("weights.png"), a.Backtest, $"Weights held in the backtest of '{a.Portfolio.Name}' ({a.Portfolio.Rebalance} rebalancing, whole contracts)");
            RiskContributionChart.Save(P("risk-contributions.png"), a.Methods);
        }

        // The samples folder next to the executable (copied by the build), else ./samples (running from the repository).
        private static string Bundled(string name)
        {
            var candidates = new[] { Path.Combine(AppContext.BaseDirectory, "samples", name), Path.Combine("samples", name) };
            foreach (var c in candidates) if (File.Exists(c)) return c;
            throw new InvalidInputException($"bundled sample '{name}' not found (looked in {string.Join(", ", candidates)}); give it with --prices/--config");
        }
    }
}
