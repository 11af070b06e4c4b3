using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Risk.Stress
{
    /// <summary>
    /// Reads stress scenarios from CSV. Format (header required, case-insensitive; blank lines and lines starting with
    /// <c>#</c> are skipped; rows of one scenario are grouped by its name, scenarios keep first-seen order):
    /// <code>
    /// Scenario,Kind,Target,Value
    /// Crash,market,,-0.20            # every asset -20% ...
    /// Crash,sector,Energy,-0.35      # ... except the Energy sector (needs a sector map) ...
    /// Crash,asset,DAX,-0.30          # ... and DAX (asset beats sector beats market)
    /// Euro1998,history,1998-07-20:1998-10-05,   # replay of the returns dated in the range (inclusive)
    /// Worst,worst,5,3                # the 3 worst non-overlapping 5-period windows in the data
    /// Panic,volatility,,2.0          # volatilities x2 ...
    /// Panic,correlation,,0.5         # ... and correlations moved halfway to 1: stressed Gaussian VaR
    /// </code>
    /// Shock values are returns as fractions (&gt;= -1). A scenario is one family: shocks (market/sector/asset), one
    /// history row, one worst row, or covariance rows (volatility and/or correlation, once each).
    /// </summary>
    public static class StressScenarioFile
    {
        private static readonly string[] Kinds = { "market", "sector", "asset", "history", "worst", "volatility", "correlation" };

        /// <summary>Reads and parses <paramref name="path"/>.</summary>
        public static IReadOnlyList<StressScenario> Load(string path) => Parse(DataFileText.Read(path, "stress file"), path);

        /// <summary>Parses CSV <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
        public static IReadOnlyList<StressScenario> Parse(string text, string source)
        {
            Guard.NotNull(text, nameof(text));
            var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            var order = new List<string>();
            var rows = new Dictionary<string, List<(int Line, string Kind, string Target, string Value)>>(StringComparer.Ordinal);
            bool header = false;
            for (int k = 0; k < lines.Length; k++)
            {
                string raw = lines[k].Trim();
                int line = k + 1;
                if (raw.Length == 0 || raw.StartsWith("#", StringComparison.Ordinal)) continue;
                int hash = raw.IndexOf('#');
                if (hash >= 0) raw = raw.Substring(0, hash).Trim();
                var f = raw.Split(',').Select(x => x.Trim()).ToArray();
                if (!header)
                {
                    if (f.Length != 4 || !f[0].Equals("Scenario", StringComparison.OrdinalIgnoreCase) || !f[1].Equals("Kind", StringComparison.OrdinalIgnoreCase)
                        || !f[2].Equals("Target", StringComparison.OrdinalIgnoreCase) || !f[3].Equals("Value", StringComparison.OrdinalIgnoreCase))
                        throw new InvalidInputException($"{source}: line {line}: header must be 'Scenario,Kind,Target,Value', got '{raw}'");
                    header = true;
                    continue;
                }
                if (f.Length != 4) throw new InvalidInputException($"{source}: line {line}: expected 4 fields (Scenario,Kind,Target,Value), got {f.Length}");
                if (f[0].Length == 0) throw new InvalidInputException($"{source}: line {line}: scenario name is empty");
                string kind = f[1].ToLowerInvariant();
                if (Array.IndexOf(Kinds, kind) < 0)
                    throw new InvalidInputException($"{source}: line {line}: unknown kind '{f[1]}' (allowed: {string.Join(", ", Kinds)})");
                if (!rows.TryGetValue(f[0], out var list)) { rows[f[0]] = list = new List<(int, string, string, string)>(); order.Add(f[0]); }
                list.Add((line, kind, f[2], f[3]));
            }
            if (!header) throw new InvalidInputException($"{source}: no header line 'Scenario,Kind,Target,Value'");
            if (order.Count == 0) throw new InvalidInputException($"{source}: no scenarios");
            return order.Select(name => Build(name, rows[name], source)).ToList();
        }

        private static StressScenario Build(string name, List<(int Line, string Kind, string Target, string Value)> rows, string source)
        {
            string Where(int line) => $"{source}: line {line} (scenario '{name}')";
            var families = rows.Select(r => Family(r.Kind)).Distinct().ToList();
            if (families.Count > 1)
                throw new InvalidInputException($"{Where(rows[0].Line)}: mixes {string.Join(" and ", families)} rows; give each its own scenario name");
            switch (families[0])
            {
                case "shock":
                {
                    double? market = null;
                    var sectors = new Dictionary<string, double>(StringComparer.Ordinal);
                    var assets = new Dictionary<string, double>(StringComparer.Ordinal);
                    foreach (var r in rows)
                    {
                        double v = Number(r.Value, Where(r.Line));
                        if (r.Kind == "market")
                        {
                            if (r.Target.Length > 0) throw new InvalidInputException($"{Where(r.Line)}: a market shock takes no target, got '{r.Target}'");
                            if (market.HasValue) throw new InvalidInputException($"{Where(r.Line)}: market shock given twice");
                            market = v;
                            continue;
                        }
                        var map = r.Kind == "sector" ? sectors : assets;
                        if (r.Target.Length == 0) throw new InvalidInputException($"{Where(r.Line)}: a {r.Kind} shock needs a target name");
                        if (map.ContainsKey(r.Target)) throw new InvalidInputException($"{Where(r.Line)}: {r.Kind} '{r.Target}' shocked twice");
                        map[r.Target] = v;
                    }
                    try { return new ShockScenario(name, market, sectors, assets); }
                    catch (Exception ex) when (ex is ArgumentException || ex is InvalidInputException)
                    {
                        throw new InvalidInputException($"{Where(rows[0].Line)}: {ex.Message}", ex);
                    }
                }
                case "history":
                {
                    var r = Single(rows, Where);
                    var parts = r.Target.Split(':');
                    if (parts.Length != 2) throw new InvalidInputException($"{Where(r.Line)}: history target must be START:END (yyyy-MM-dd:yyyy-MM-dd), got '{r.Target}'");
                    if (r.Value.Length > 0) throw new InvalidInputException($"{Where(r.Line)}: a history row takes no value, got '{r.Value}'");
                    return new HistoricalScenario(name, Date(parts[0], Where(r.Line)), Date(parts[1], Where(r.Line)));
                }
                case "worst":
                {
                    var r = Single(rows, Where);
                    if (!int.TryParse(r.Target, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k < 1)
                        throw new InvalidInputException($"{Where(r.Line)}: worst target must be a window length >= 1 (periods), got '{r.Target}'");
                    int count = 1;
                    if (r.Value.Length > 0 && (!int.TryParse(r.Value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
                        throw new InvalidInputException($"{Where(r.Line)}: worst value must be a window count >= 1, got '{r.Value}'");
                    return new WorstWindowScenario(name, k, count);
                }
                default:
                {
                    double scale = 1, shift = 0;
                    foreach (var kind in new[] { "volatility", "correlation" })
                    {
                        var these = rows.Where(r => r.Kind == kind).ToList();
                        if (these.Count > 1) throw new InvalidInputException($"{Where(these[1].Line)}: {kind} given twice");
                        if (these.Count == 0) continue;
                        var r = these[0];
                        if (r.Target.Length > 0) throw new InvalidInputException($"{Where(r.Line)}: a {kind} row takes no target, got '{r.Target}'");
                        double v = Number(r.Value, Where(r.Line));
                        if (kind == "volatility" && !(v > 0)) throw new InvalidInputException($"{Where(r.Line)}: volatility scale must be > 0, got {Guard.Format(v)}");
                        if (kind == "correlation" && (v < 0 || v > 1)) throw new InvalidInputException($"{Where(r.Line)}: correlation shift must be in [0, 1], got {Guard.Format(v)}");
                        if (kind == "volatility") scale = v; else shift = v;
                    }
                    return new CovarianceStressScenario(name, scale, shift);
                }
            }
        }

        private static string Family(string kind)
            => kind == "market" || kind == "sector" || kind == "asset" ? "shock" : kind == "volatility" || kind == "correlation" ? "covariance" : kind;

        private static (int Line, string Kind, string Target, string Value) Single(List<(int Line, string Kind, string Target, string Value)> rows, Func<int, string> where)
        {
            if (rows.Count > 1) throw new InvalidInputException($"{where(rows[1].Line)}: a {rows[0].Kind} scenario has exactly one row");
            return rows[0];
        }

        private static double Number(string s, string where)
        {
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v))
                throw new InvalidInputException($"{where}: value must be a finite number, got '{s}'");
            return v;
        }

        private static DateTime Date(string s, string where)
        {
            if (!DateTime.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new InvalidInputException($"{where}: date must be yyyy-MM-dd, got '{s}'");
            return d;
        }
    }
}
