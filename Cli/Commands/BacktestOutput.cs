using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Analytics.Performance;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// Writes a <see cref="BacktestResult"/>: one JSON object (full-precision numbers, NaN as null), a table, or report files.
    /// Everything is invariant-culture and ordered by date and asset column, so the same input gives the same bytes.
    /// </summary>
    internal static class BacktestOutput
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static string Json(BacktestResult r, RebalancePolicy policy)
        {
            var p = r.Performance;
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("targets", r.Description);
                w.WriteString("rebalance", policy.Name);
                w.WriteNumber("initialCapital", r.InitialCapital);
                w.WriteNumber("finalEquity", r.FinalEquity);
                Number(w, "totalReturn", r.TotalReturn);
                Number(w, "annualizedReturn", p?.AnnualizedReturn ?? double.NaN);
                Number(w, "volatility", p?.Volatility ?? double.NaN);
                Number(w, "sharpe", p?.Sharpe ?? double.NaN);
                Number(w, "sortino", p?.Sortino ?? double.NaN);
                Number(w, "maxDrawdown", p?.MaxDrawdown ?? 0.0);
                Number(w, "turnover", r.Turnover);
                w.WriteNumber("trades", r.Trades);
                w.WriteNumber("rebalances", r.Rebalances.Count(x => !x.Initial));
                w.WriteNumber("commissions", r.Commissions);
                w.WriteNumber("impactCosts", r.ImpactCosts);
                if (Sliced(r))
                {
                    w.WriteString("execution", r.Execution);
                    w.WriteNumber("delayCosts", r.DelayCosts);
                    w.WriteNumber("slicingCosts", r.DelayCosts + r.Commissions + r.ImpactCosts);
                }
                w.WriteStartArray("equityCurve");
                foreach (var e in r.EquityCurve)
                {
                    w.WriteStartObject();
                    w.WriteString("date", AssetFrame.FormatDate(e.Date));
                    w.WriteNumber("equity", e.Equity);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
        }

        public static void WriteTable(TextWriter o, BacktestResult r, RebalancePolicy policy)
        {
            var p = r.Performance;
            var first = r.EquityCurve[0].Date;
            var last = r.EquityCurve[r.EquityCurve.Count - 1].Date;
            o.WriteLine($"backtest {AssetFrame.FormatDate(first)} .. {AssetFrame.FormatDate(last)}: {r.Description}, rebalance {policy.Name}");
            Row(o, "initial capital", Money(r.InitialCapital));
            Row(o, "final equity", Money(r.FinalEquity));
            Row(o, "total return", Pct(r.TotalReturn));
            Row(o, "annualized return", Pct(p?.AnnualizedReturn ?? double.NaN));
            Row(o, "volatility (annual)", Pct(p?.Volatility ?? double.NaN));
            Row(o, "sharpe (annual)", Num(p?.Sharpe ?? double.NaN));
            Row(o, "max drawdown", Pct(p?.MaxDrawdown ?? 0));
            Row(o, "turnover", Pct(r.Turnover));
            Row(o, "trades (fills)", r.Trades.ToString(Inv));
            Row(o, "rebalances", r.Rebalances.Count(x => !x.Initial).ToString(Inv));
            Row(o, "commissions", Money(r.Commissions));
            Row(o, "impact costs", Money(r.ImpactCosts));
            if (Sliced(r))
            {
                Row(o, "execution", r.Execution);
                Row(o, "delay vs decision close", Money(r.DelayCosts));
                Row(o, "slicing cost (all three)", Money(r.DelayCosts + r.Commissions + r.ImpactCosts));
            }
        }

        // Market-on-close output stays as it was (the golden files); sliced runs add the execution and its costs.
        private static bool Sliced(BacktestResult r) => r.Execution != "market-on-close";

        public static void WriteReport(string dir, BacktestResult r, string json)
        {
            Directory.CreateDirectory(dir);
            var eq = r.EquityCurve.Select(e => e.Equity).ToList();
            var dd = PerformanceCalculator.DrawdownSeries(eq);
            var sb = new StringBuilder("Date,Equity,Drawdown\n");
            for (int i = 0; i < eq.Count; i++)
                sb.Append(AssetFrame.FormatDate(r.EquityCurve[i].Date)).Append(',').Append(eq[i].ToString(Inv)).Append(',').Append(dd[i].ToString("R", Inv)).Append('\n');
            Write(dir, "equity.csv", sb);

            sb = new StringBuilder("Date," + string.Join(",", r.Assets) + "\n");
            for (int i = 0; i < r.Weights.Count; i++)
                sb.Append(AssetFrame.FormatDate(r.EquityCurve[i].Date)).Append(',').Append(string.Join(",", r.Weights[i].Select(x => x.ToString("R", Inv)))).Append('\n');
            Write(dir, "weights.csv", sb);

            sb = new StringBuilder("Date,Asset,Quantity,Price,Commission,ImpactCost" + (Sliced(r) ? ",DecisionDate,DecisionPrice,DelayCost" : "") + "\n");
            foreach (var f in r.Fills)
            {
                sb.Append(AssetFrame.FormatDate(f.Date)).Append(',').Append(f.Symbol).Append(',').Append(f.Quantity.ToString(Inv)).Append(',')
                  .Append(f.Price.ToString(Inv)).Append(',').Append(f.Commission.ToString(Inv)).Append(',').Append(f.ImpactCost.ToString(Inv));
                if (Sliced(r))
                    sb.Append(',').Append(AssetFrame.FormatDate(f.DecisionDate)).Append(',').Append(f.DecisionPrice.ToString(Inv)).Append(',').Append(f.DelayCost.ToString(Inv));
                sb.Append('\n');
            }
            Write(dir, "fills.csv", sb);

            sb = new StringBuilder("Date,Reasons,EquityBefore,TradedNotional," + string.Join(",", r.Assets.Select(a => "Target_" + a)) + "\n");
            foreach (var x in r.Rebalances)
                sb.Append(AssetFrame.FormatDate(x.Date)).Append(',').Append(x.Initial ? "Initial" : x.Reasons.ToString().Replace(", ", "|")).Append(',')
                  .Append(x.EquityBefore.ToString(Inv)).Append(',').Append(x.TradedNotional.ToString(Inv)).Append(',')
                  .Append(string.Join(",", x.Targets.Select(v => v.ToString("R", Inv)))).Append('\n');
            Write(dir, "rebalances.csv", sb);
            File.WriteAllText(Path.Combine(dir, "summary.json"), json, new UTF8Encoding(false));
        }

        /// <summary>The report's charts: equity with drawdown, and weights over time (long-only portfolios read best).</summary>
        public static void WriteCharts(string dir, BacktestResult r, RebalancePolicy policy)
        {
            Directory.CreateDirectory(dir);
            Charts.EquityChart.Save(Path.Combine(dir, "equity-drawdown.png"), r, $"Backtest: {r.Description}, rebalance {policy.Name}");
            Charts.WeightsChart.Save(Path.Combine(dir, "weights.png"), r, $"Weights held: {r.Description}, rebalance {policy.Name}");
        }

        private static void Write(string dir, string name, StringBuilder sb) => File.WriteAllText(Path.Combine(dir, name), sb.ToString(), new UTF8Encoding(false));

        private static void Number(Utf8JsonWriter w, string name, double v)
        {
            if (double.IsNaN(v) || double.IsInfinity(v)) w.WriteNull(name);
            else w.WriteNumber(name, v);
        }

        private static void Row(TextWriter o, string label, string value) => o.WriteLine($"  {label,-22}{value,18}");
        private static string Money(decimal v) => v.ToString("#,##0.00", Inv);
        private static string Pct(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("F2", Inv) + "%";
        private static string Num(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F3", Inv);
    }
}
