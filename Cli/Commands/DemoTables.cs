using System;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Executor;
using Spectre.Console;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>The demo's terminal tables (Spectre.Console), annualised with <see cref="DemoAnalysis.PeriodsPerYear"/>.</summary>
    internal static class DemoTables
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static void Write(IAnsiConsole c, DemoAnalysis a, string outDir, string dbPath, string[] charts)
        {
            int p = DemoAnalysis.PeriodsPerYear;
            c.Write(new Rule($"[bold]Optimizers side by side[/] ({Markup.Escape(System.IO.Path.GetFileName(a.Prices.Source))}, {a.Returns.Rows} daily returns, long-only, max 60% per index)").LeftJustified());
            var t = new Table().Border(TableBorder.Rounded);
            t.AddColumn("method");
            foreach (var s in a.Returns.Assets) t.AddColumn(new TableColumn(s).RightAligned());
            t.AddColumn(new TableColumn("invested").RightAligned());
            t.AddColumn(new TableColumn("return/yr").RightAligned());
            t.AddColumn(new TableColumn("vol/yr").RightAligned());
            t.AddColumn(new TableColumn("sharpe/yr").RightAligned());
            foreach (var m in a.Methods)
                t.AddRow(new[] { m.Method }.Concat(m.Weights.Select(Pct)).Concat(new[] { Pct(m.Weights.Sum()), Pct(m.ExpectedReturn * p), Pct(m.Volatility * Math.Sqrt(p)), (m.Sharpe * Math.Sqrt(p)).ToString("0.00", Inv) }).ToArray());
            c.Write(t);

            var r = a.Risk;
            c.Write(new Rule($"[bold]Risk of '{Markup.Escape(a.Portfolio.Name)}' targets[/] ({a.Portfolio.Optimization.Method}, last {a.Portfolio.Optimization.Lookback} returns, 99%, one day)").LeftJustified());
            var rt = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
            rt.AddRow("volatility / day", Pct(r.Volatility));
            rt.AddRow("parametric VaR / CVaR", Pct(r.ParametricVaR) + " / " + Pct(r.ParametricCVaR));
            rt.AddRow("historical VaR / CVaR", Pct(r.HistoricalVaR) + " / " + Pct(r.HistoricalCVaR));
            rt.AddRow("Cornish-Fisher VaR", Pct(r.ModifiedVaR));
            rt.AddRow("diversification ratio", r.DiversificationRatio.ToString("0.00", Inv));
            rt.AddRow("effective number of bets", r.EffectiveNumberOfBets.ToString("0.00", Inv));
            c.Write(rt);

            c.Write(new Rule($"[bold]Rebalance of the sample account[/] (equity {a.Plan.Equity.ToString("#,##0", Inv)} {Markup.Escape(a.Portfolio.AccountCurrency)}, {Markup.Escape(a.Portfolio.Account)})").LeftJustified());
            c.MarkupLine($"  [grey]{Markup.Escape(CurrencyNote(a.Portfolio))}[/]");
            var pt = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "instrument", "held", "target", "order", "weight", "algorithm", "exp. cost", "schedule (contracts per slice)" }) pt.AddColumn(h);
            foreach (var tr in a.Plan.Trades)
            {
                var o = a.Orders.FirstOrDefault(x => x.Trade.Instrument.Symbol == tr.Instrument.Symbol);
                string sched = o == null ? "-" : string.Join(" ", o.Decision.Schedule.Slices.Select(s => s.Quantity.ToString(Inv)));
                pt.AddRow(tr.Instrument.Symbol, tr.Instrument.CurrentQuantity.ToString(Inv), tr.TargetQuantity.ToString(Inv),
                    tr.OrderQuantity == 0 ? "-" : (tr.Side == OrderSide.Buy ? "buy " : "sell ") + Math.Abs(tr.OrderQuantity).ToString(Inv),
                    Pct(tr.AchievedWeight), o?.Decision.AlgorithmName ?? "-", o == null ? "-" : o.Decision.ExpectedCost.ToString("#,##0", Inv), sched);
            }
            c.Write(pt);
            foreach (var o in a.Orders) c.MarkupLine($"  [grey]{Markup.Escape(o.Trade.Instrument.Symbol)}: {Markup.Escape(o.Decision.Reason)}[/]");

            var b = a.Backtest;
            var perf = b.Performance!;
            c.Write(new Rule($"[bold]Backtest[/] ({Markup.Escape(b.Description)}, rebalance {Markup.Escape(a.Portfolio.Rebalance)}, whole contracts, commission + square-root impact)").LeftJustified());
            var bt = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
            bt.AddRow("period", $"{b.EquityCurve[0].Date:yyyy-MM-dd} .. {b.EquityCurve[b.EquityCurve.Count - 1].Date:yyyy-MM-dd}");
            bt.AddRow($"initial capital / final equity ({Markup.Escape(a.Portfolio.AccountCurrency)})", $"{b.InitialCapital.ToString("#,##0", Inv)} / {b.FinalEquity.ToString("#,##0", Inv)}");
            bt.AddRow("total / annualised return", $"{Pct(b.TotalReturn)} / {Pct(perf.AnnualizedReturn)}");
            bt.AddRow("volatility / Sharpe (annual)", $"{Pct(perf.Volatility)} / {perf.Sharpe.ToString("0.00", Inv)}");
            bt.AddRow("max drawdown (longest, bars)", $"{Pct(perf.MaxDrawdown)} ({perf.MaxDrawdownDuration})");
            bt.AddRow("rebalances / fills / turnover", $"{b.Rebalances.Count(x => !x.Initial)} / {b.Trades} / {Pct(b.Turnover)}");
            bt.AddRow("commissions / impact", $"{b.Commissions.ToString("#,##0", Inv)} / {b.ImpactCosts.ToString("#,##0", Inv)}");
            c.Write(bt);

            c.Write(new Rule("[bold]Written[/]").LeftJustified());
            c.MarkupLine($"  database  {Markup.Escape(dbPath)}");
            foreach (var ch in charts) c.MarkupLine($"  chart     {Markup.Escape(ch)}");
        }

        private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("0.00", Inv) + "%";

        // "all money in USD; DAX in EUR at 1.08, ..." for the portfolio's instruments.
        private static string CurrencyNote(Core.Portfolio.Config.PortfolioConfig p)
        {
            var parts = p.Instruments.Where(i => i.Currency != null && !string.Equals(i.Currency, p.AccountCurrency, StringComparison.OrdinalIgnoreCase))
                .Select(i => $"{i.Symbol} in {i.Currency} at {p.FxRate(i).ToString(Inv)}").ToList();
            return $"all money in {p.AccountCurrency}" + (parts.Count == 0 ? "" : "; " + string.Join(", ", parts));
        }
    }
}
