using System;
using System.Collections.Generic;
using System.Globalization;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Limits;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>One row of the <c>--instruments</c> file; NaN / null where the cell was empty.</summary>
    internal sealed class InstrumentSpec
    {
        public decimal PointValue = 1m;
        public int LotSize = 1;
        public double Adv = double.NaN;
        public double Spread = double.NaN;
        public double Depth = double.NaN;
        public double? MaxWeight;
        public decimal? MaxNotional;
        public string? Currency;
        public decimal? Margin;
        public string? Micro;
        public int MicroRatio;
        public decimal? MicroMargin;
    }

    /// <summary>
    /// Reads the instruments file of <c>ntportfolio rebalance</c>: a CSV (<c>,</c> or <c>;</c>) with header
    /// <c>Asset</c> then any of <c>PointValue</c> (currency per point per contract, default 1), <c>LotSize</c> (whole units,
    /// default 1), <c>Adv</c> (average daily volume, units), <c>Spread</c> (bid-ask spread as a fraction of price, 0.0002 = 2 bp),
    /// <c>Depth</c> (visible units at the touch), <c>MaxWeight</c> (|weight| limit, fraction of equity), <c>MaxNotional</c>
    /// (|exposure| limit, currency), <c>Currency</c> (code, default the account currency), <c>Margin</c> (initial margin per
    /// contract, instrument currency), <c>Micro</c> and <c>MicroRatio</c> (a smaller contract on the same underlying and how
    /// many of it make one contract, e.g. MES and 10), <c>MicroMargin</c> (per micro, default Margin / MicroRatio), in any
    /// order, case-insensitive; empty cells take the default. Lines starting with # are comments.
    /// </summary>
    internal static class RebalanceInstrumentsFile
    {
        private static readonly string[] Known = { "asset", "pointvalue", "lotsize", "adv", "spread", "depth", "maxweight", "maxnotional", "currency", "margin", "micro", "microratio", "micromargin" };

        private const string Columns = "Asset, PointValue, LotSize, Adv, Spread, Depth, MaxWeight, MaxNotional, Currency, Margin, Micro, MicroRatio, MicroMargin";

        public static Dictionary<string, InstrumentSpec> Read(string path, IReadOnlyCollection<string> knownAssets)
        {
            string text = DataFileText.Read(path, "instruments file");
            var result = new Dictionary<string, InstrumentSpec>(StringComparer.Ordinal);
            var known = new HashSet<string>(knownAssets, StringComparer.Ordinal);
            string[]? header = null;
            char sep = ',';
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (int ln = 0; ln < lines.Length; ln++)
            {
                string line = lines[ln].Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                string where = $"instruments file '{path}' line {ln + 1}";
                if (header == null)
                {
                    sep = line.IndexOf(',') >= 0 || line.IndexOf(';') < 0 ? ',' : ';';
                    header = Split(line, sep);
                    for (int c = 0; c < header.Length; c++)
                    {
                        header[c] = header[c].ToLowerInvariant();
                        if (Array.IndexOf(Known, header[c]) < 0)
                            throw new InvalidInputException($"{where}: unknown column '{header[c]}'; columns: {Columns}");
                        if (Array.IndexOf(header, header[c]) != c) throw new InvalidInputException($"{where}: column '{header[c]}' appears twice");
                    }
                    if (header[0] != "asset") throw new InvalidInputException($"{where}: the first column must be Asset");
                    continue;
                }
                var cells = Split(line, sep);
                if (cells.Length != header.Length) throw new InvalidInputException($"{where}: {cells.Length} cells, the header has {header.Length}");
                string asset = cells[0];
                if (asset.Length == 0) throw new InvalidInputException($"{where}: empty asset name");
                if (!known.Contains(asset)) throw new InvalidInputException($"{where}: asset '{asset}' is not in the price file");
                if (result.ContainsKey(asset)) throw new InvalidInputException($"{where}: asset '{asset}' is listed twice");
                var spec = new InstrumentSpec();
                for (int c = 1; c < cells.Length; c++)
                {
                    string cell = cells[c];
                    if (cell.Length == 0) continue;
                    string col = header[c];
                    string bad = $"{where}: {col} of '{asset}'";
                    switch (col)
                    {
                        case "pointvalue":
                            spec.PointValue = PositiveDecimal(cell, bad);
                            break;
                        case "lotsize":
                            if (!int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out int lot) || lot < 1)
                                throw new InvalidInputException($"{bad} must be a whole number >= 1, got '{cell}'");
                            spec.LotSize = lot;
                            break;
                        case "currency":
                            if (cell.Length != 3 || !IsLetters(cell)) throw new InvalidInputException($"{bad} must be a 3-letter currency code, got '{cell}'");
                            spec.Currency = cell.ToUpperInvariant();
                            break;
                        case "margin":
                            spec.Margin = PositiveDecimal(cell, bad, allowZero: true);
                            break;
                        case "micromargin":
                            spec.MicroMargin = PositiveDecimal(cell, bad, allowZero: true);
                            break;
                        case "micro":
                            spec.Micro = cell;
                            break;
                        case "microratio":
                            if (!int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out int ratio) || ratio < 2)
                                throw new InvalidInputException($"{bad} must be a whole number >= 2, got '{cell}'");
                            spec.MicroRatio = ratio;
                            break;
                        case "maxnotional":
                            decimal notional = Decimal(cell, bad);
                            if (LimitCatalog.MaxNotional.Problem(notional) is string badNotional) throw new InvalidInputException($"{bad}: {badNotional}");
                            spec.MaxNotional = notional;
                            break;
                        case "maxweight":
                            double cap = Number(cell, bad);
                            if (LimitCatalog.MaxAbsWeight.Problem(cap) is string badCap) throw new InvalidInputException($"{bad}: {badCap}");
                            spec.MaxWeight = cap;
                            break;
                        default:
                            double v = Number(cell, bad);
                            if (col == "adv") { if (!(v > 0)) throw new InvalidInputException($"{bad} must be > 0, got '{cell}'"); spec.Adv = v; }
                            else if (v < 0) throw new InvalidInputException($"{bad} must be >= 0, got '{cell}'");
                            else if (col == "spread") spec.Spread = v;
                            else spec.Depth = v;
                            break;
                    }
                }
                if ((spec.Micro == null) != (spec.MicroRatio == 0))
                    throw new InvalidInputException($"{where}: '{asset}' needs both Micro and MicroRatio (e.g. MES and 10), or neither");
                if (spec.MicroMargin.HasValue && spec.Micro == null) throw new InvalidInputException($"{where}: '{asset}' has MicroMargin but no Micro");
                if (spec.Micro != null && known.Contains(spec.Micro)) throw new InvalidInputException($"{where}: micro '{spec.Micro}' of '{asset}' is also a column of the price file; a micro is priced from its parent");
                if (spec.Micro != null && spec.LotSize != 1) throw new InvalidInputException($"{where}: '{asset}' names a micro, so its LotSize must be 1");
                foreach (var other in result)
                    if (spec.Micro != null && other.Value.Micro == spec.Micro)
                        throw new InvalidInputException($"{where}: micro '{spec.Micro}' of '{asset}' is already the micro of '{other.Key}'");
                result.Add(asset, spec);
            }
            if (header == null) throw new InvalidInputException($"instruments file '{path}' has no header line");
            return result;
        }

        private static bool IsLetters(string s)
        {
            foreach (char c in s) if (!char.IsLetter(c)) return false;
            return true;
        }

        private static string[] Split(string line, char sep)
        {
            var parts = line.Split(sep);
            for (int i = 0; i < parts.Length; i++) parts[i] = parts[i].Trim().Trim('"').Trim();
            return parts;
        }

        private static double Number(string cell, string what)
        {
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v))
                throw new InvalidInputException($"{what} must be a finite number, got '{cell}'");
            return v;
        }

        private static decimal Decimal(string cell, string what)
        {
            if (!decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v))
                throw new InvalidInputException($"{what} must be a number, got '{cell}'");
            return v;
        }

        private static decimal PositiveDecimal(string cell, string what, bool allowZero = false)
        {
            if (!decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v) || v < 0 || (!allowZero && v == 0))
                throw new InvalidInputException($"{what} must be a number {(allowZero ? ">= 0" : "> 0")}, got '{cell}'");
            return v;
        }
    }
}
