using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Reads two-column key/value CSV files (<c>Asset,&lt;Value&gt;</c>, separator <c>,</c> or <c>;</c>, header required)
    /// checked against the assets the caller knows. Every problem found (bad header, duplicate asset, asset unknown
    /// to the caller, asset missing from the file, non-numeric or disallowed value, ragged row) is collected and
    /// thrown as one <see cref="InvalidInputException"/> naming the file and each line.
    /// </summary>
    public static class AssetValueFileReader
    {
        private const int MaxProblemsListed = 10;

        /// <summary>
        /// Portfolio weights <c>Asset,Weight</c> as fractions of capital (0.25 = 25%; negative = short). Finite values.
        /// <paramref name="knownAssets"/>: assets the file may name (null: any); <paramref name="requireAll"/>: each known asset must appear.
        /// </summary>
        public static AssetTable<double> ReadWeights(string path, IReadOnlyList<string>? knownAssets = null, bool requireAll = true)
            => ParseNumbers(DataFileText.Read(path, "weights file"), path, "Weight", knownAssets, requireAll, NumberRule.Finite, "weights file");

        /// <summary>Sector labels <c>Asset,Sector</c> (non-empty text).</summary>
        public static AssetTable<string> ReadSectors(string path, IReadOnlyList<string>? knownAssets = null, bool requireAll = true)
            => Read(DataFileText.Read(path, "sectors file"), path, "Sector", "sectors file", knownAssets, requireAll, (string cell, out string v, out string? err) =>
            {
                v = cell;
                err = cell.Length == 0 ? "empty sector" : null;
                return err == null;
            });

        /// <summary>Risk budgets <c>Asset,Budget</c>: relative shares of risk, &gt;= 0, at least one &gt; 0 (not required to sum to 1).</summary>
        public static AssetTable<double> ReadRiskBudgets(string path, IReadOnlyList<string>? knownAssets = null, bool requireAll = true)
        {
            var t = ParseNumbers(DataFileText.Read(path, "risk budgets file"), path, "Budget", knownAssets, requireAll, NumberRule.NonNegative, "risk budgets file");
            bool anyPositive = false;
            foreach (var a in t.Assets) if (t[a] > 0) anyPositive = true;
            if (!anyPositive) throw new InvalidInputException($"risk budgets file '{path}': every budget is 0; at least one must be > 0");
            return t;
        }

        /// <summary>
        /// Expected returns <c>Asset,ExpectedReturn</c> (signals or model predictions) as fractions per period of the
        /// price data unless the caller annualises (0.001 = 0.1%). Finite values.
        /// </summary>
        public static AssetTable<double> ReadExpectedReturns(string path, IReadOnlyList<string>? knownAssets = null, bool requireAll = true)
            => ParseNumbers(DataFileText.Read(path, "expected returns file"), path, "ExpectedReturn", knownAssets, requireAll, NumberRule.Finite, "expected returns file");

        /// <summary>
        /// Any numeric <c>Asset,&lt;valueHeader&gt;</c> file; values must be finite (and &gt;= 0 when <paramref name="rule"/> says so).
        /// <paramref name="label"/> names the file in messages (default "&lt;valueHeader&gt; file").
        /// </summary>
        public static AssetTable<double> ReadNumbers(string path, string valueHeader, IReadOnlyList<string>? knownAssets = null, bool requireAll = true,
            NumberRule rule = NumberRule.Finite, string? label = null)
            => ParseNumbers(DataFileText.Read(path, label ?? valueHeader + " file"), path, valueHeader, knownAssets, requireAll, rule, label ?? valueHeader + " file");

        /// <summary>
        /// Parses numeric key/value <paramref name="text"/>; <paramref name="source"/> (the path) and <paramref name="label"/>
        /// (e.g. "weights file") name it in messages.
        /// </summary>
        public static AssetTable<double> ParseNumbers(string text, string source, string valueHeader, IReadOnlyList<string>? knownAssets = null, bool requireAll = true,
            NumberRule rule = NumberRule.Finite, string label = "values file")
            => Read(text, source, valueHeader, label, knownAssets, requireAll, (string cell, out double v, out string? err) =>
            {
                err = null;
                if (!CellParser.TryParseDouble(cell, 0, cell.Length, out v)) err = cell.Length == 0 ? "empty value" : $"'{cell}' is not a number";
                else if (double.IsNaN(v) || double.IsInfinity(v)) err = $"value '{cell}' is not finite (NaN/Infinity)";
                else if (rule == NumberRule.NonNegative && v < 0) err = $"must be >= 0, got {Guard.Format(v)}";
                return err == null;
            });

        private delegate bool CellReader<T>(string cell, out T value, out string? error);

        private static AssetTable<T> Read<T>(string text, string source, string valueHeader, string label, IReadOnlyList<string>? knownAssets, bool requireAll, CellReader<T> parse)
        {
            Guard.NotNull(text, nameof(text));
            Guard.NotBlank(valueHeader, nameof(valueHeader));
            string what = label + " '" + source + "'";
            var lines = new TextLines(text);
            bool found = false;
            while (lines.Next()) if (!lines.IsBlank) { found = true; break; }
            if (!found) throw new InvalidInputException($"{what} is empty");

            string headerText = text.Substring(lines.Start, lines.End - lines.Start);
            char sep = headerText.IndexOf(',') >= 0 ? ',' : ';';
            var header = Split(headerText, sep);
            if (header.Count != 2 || !string.Equals(header[0], "Asset", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(header[1], valueHeader, StringComparison.OrdinalIgnoreCase))
                throw new InvalidInputException($"{what} line {lines.LineNumber}: header must be 'Asset,{valueHeader}', got '{TextLines.Show(headerText, 0, headerText.Length)}'");

            HashSet<string>? known = knownAssets == null ? null : new HashSet<string>(knownAssets, StringComparer.Ordinal);
            var problems = new List<string>();
            int problemCount = 0;
            void Problem(string p) { problemCount++; if (problems.Count < MaxProblemsListed) problems.Add(p); }

            var order = new List<string>();
            var values = new Dictionary<string, T>(StringComparer.Ordinal);
            var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
            int rows = 0;
            while (lines.Next())
            {
                if (lines.IsBlank) continue;
                rows++;
                int line = lines.LineNumber;
                var cells = Split(text.Substring(lines.Start, lines.End - lines.Start), sep);
                if (cells.Count != 2) { Problem($"line {line}: {cells.Count} cells, expected 2 (Asset,{valueHeader})"); continue; }
                string asset = cells[0];
                if (asset.Length == 0) { Problem($"line {line}: empty asset name"); continue; }
                if (lineOf.TryGetValue(asset, out int first)) { Problem($"line {line}: duplicate asset '{asset}' (first on line {first})"); continue; }
                lineOf.Add(asset, line);
                if (known != null && !known.Contains(asset)) Problem($"line {line}: unknown asset '{asset}' (not in the price data)");
                if (!parse(cells[1], out T v, out string? err)) { Problem($"line {line}, asset '{asset}': {err}"); continue; }
                order.Add(asset);
                values.Add(asset, v);
            }
            if (rows == 0) throw new InvalidInputException($"{what} has a header but no rows");
            if (knownAssets != null && requireAll)
            {
                foreach (var a in knownAssets)
                    if (!lineOf.ContainsKey(a)) Problem($"missing asset '{a}' (in the price data but not in the file)");
            }
            if (problemCount > 0)
            {
                string more = problemCount > problems.Count ? $"; and {(problemCount - problems.Count).ToString(CultureInfo.InvariantCulture)} more" : "";
                throw new InvalidInputException($"{what}: {problemCount.ToString(CultureInfo.InvariantCulture)} problem(s): {string.Join("; ", problems)}{more}");
            }
            return new AssetTable<T>(source, valueHeader, order.ToArray(), values);
        }

        private static List<string> Split(string line, char sep)
        {
            var cells = new List<string>(2);
            int pos = 0;
            while (true)
            {
                int e = line.IndexOf(sep, pos);
                if (e < 0) e = line.Length;
                int s = pos, en = e;
                TextLines.Trim(line, ref s, ref en);
                cells.Add(line.Substring(s, en - s));
                if (e >= line.Length) break;
                pos = e + 1;
            }
            return cells;
        }
    }
}
