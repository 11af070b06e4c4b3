using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Optimization;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// Writes an optimization result as JSON (one object) or a table. With <c>periodsPerYear</c> P the figures are annualised
    /// from the per-period optimum: return x P, volatility x sqrt(P), Sharpe x sqrt(P); weights and risk contributions are unitless.
    /// </summary>
    internal static class OptimizeOutput
    {
        private sealed class Figures
        {
            public Figures(OptimizationResult r, int? p)
            {
                double scale = p ?? 1;
                Return = r.ExpectedReturn * scale;
                Volatility = r.Volatility * Math.Sqrt(scale);
                Sharpe = r.Sharpe * Math.Sqrt(scale);
            }

            public double Return { get; }
            public double Volatility { get; }
            public double Sharpe { get; }
        }

        public static void WriteJson(TextWriter stdout, OptimizationResult r, IReadOnlyList<OptimizationResult>? frontier, int? periodsPerYear)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                var f = new Figures(r, periodsPerYear);
                w.WriteStartObject();
                w.WriteString("method", r.Method);
                w.WriteString("status", StatusName(r.Status));
                WriteMap(w, "weights", r.Assets, r.Weights);
                WriteNumber(w, "expectedReturn", f.Return);
                WriteNumber(w, "volatility", f.Volatility);
                WriteNumber(w, "sharpe", f.Sharpe);
                WriteMap(w, "riskContributions", r.Assets, r.RiskContributions);
                if (frontier != null)
                {
                    w.WriteStartArray("frontier");
                    foreach (var point in frontier)
                    {
                        var pf = new Figures(point, periodsPerYear);
                        w.WriteStartObject();
                        WriteNumber(w, "expectedReturn", pf.Return);
                        WriteNumber(w, "volatility", pf.Volatility);
                        WriteNumber(w, "sharpe", pf.Sharpe);
                        WriteMap(w, "weights", point.Assets, point.Weights);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            stdout.Write(Encoding.UTF8.GetString(stream.ToArray()));
            stdout.Write("\n");
        }

        public static void WriteTable(TextWriter stdout, OptimizationResult r, IReadOnlyList<OptimizationResult>? frontier, int? periodsPerYear)
        {
            var f = new Figures(r, periodsPerYear);
            string units = periodsPerYear is int p ? $"annualised, {p.ToString(CultureInfo.InvariantCulture)} periods per year" : "per period";
            int width = Math.Max(5, r.Assets.Max(a => a.Length));
            stdout.Write($"method: {r.Method}   status: {StatusName(r.Status)}   iterations: {r.Iterations.ToString(CultureInfo.InvariantCulture)}\n");
            stdout.Write($"{"asset".PadRight(width)}  {"weight",12}  {"risk share",12}\n");
            for (int i = 0; i < r.Assets.Count; i++)
                stdout.Write($"{r.Assets[i].PadRight(width)}  {Pct(r.Weights[i]),12}  {Pct(r.RiskContributions[i]),12}\n");
            stdout.Write($"{"total".PadRight(width)}  {Pct(r.Weights.Sum()),12}\n");
            stdout.Write($"expected return {Pct(f.Return)}, volatility {Pct(f.Volatility)}, Sharpe {Num(f.Sharpe)} ({units})\n");
            if (!string.IsNullOrEmpty(r.Message)) stdout.Write($"note: {r.Message}\n");
            if (frontier == null) return;
            stdout.Write($"efficient frontier ({units}):\n");
            stdout.Write($"{"#",3}  {"return",12}  {"volatility",12}  {"Sharpe",10}\n");
            for (int k = 0; k < frontier.Count; k++)
            {
                var pf = new Figures(frontier[k], periodsPerYear);
                stdout.Write($"{(k + 1).ToString(CultureInfo.InvariantCulture),3}  {Pct(pf.Return),12}  {Pct(pf.Volatility),12}  {Num(pf.Sharpe),10}\n");
            }
        }

        public static string StatusName(OptimizationStatus s) => s.StatusName();

        private static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyList<string> keys, IReadOnlyList<double> values)
        {
            w.WriteStartObject(name);
            for (int i = 0; i < keys.Count; i++) WriteNumber(w, keys[i], values[i]);
            w.WriteEndObject();
        }

        // Full precision ("R"); JSON has no NaN, so an undefined figure (Sharpe at zero volatility) is null.
        private static void WriteNumber(Utf8JsonWriter w, string name, double v)
        {
            if (double.IsNaN(v) || double.IsInfinity(v)) w.WriteNull(name);
            else w.WriteNumber(name, v);
        }

        private static string Pct(double v) => (v * 100).ToString("F4", CultureInfo.InvariantCulture) + "%";

        private static string Num(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F4", CultureInfo.InvariantCulture);
    }
}
