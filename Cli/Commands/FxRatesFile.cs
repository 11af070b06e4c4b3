using System;
using System.Collections.Generic;
using System.Globalization;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// Reads <c>--fx FILE</c>: CSV (<c>,</c> or <c>;</c>) with header <c>Currency,Rate</c>, one 3-letter code per line and
    /// its rate in account-currency units per unit (EUR,1.08 for a USD account). Lines starting with # are comments.
    /// </summary>
    internal static class FxRatesFile
    {
        public static FxRates Read(string? path, string accountCurrency)
        {
            var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            if (path == null) return new FxRates(accountCurrency, rates);
            string text = DataFileText.Read(path, "FX file");
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            bool header = false;
            for (int ln = 0; ln < lines.Length; ln++)
            {
                string line = lines[ln].Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                string where = $"FX file '{path}' line {ln + 1}";
                char sep = line.IndexOf(',') >= 0 || line.IndexOf(';') < 0 ? ',' : ';';
                var cells = line.Split(sep);
                for (int c = 0; c < cells.Length; c++) cells[c] = cells[c].Trim().Trim('"').Trim();
                if (!header)
                {
                    if (cells.Length != 2 || !cells[0].Equals("Currency", StringComparison.OrdinalIgnoreCase) || !cells[1].Equals("Rate", StringComparison.OrdinalIgnoreCase))
                        throw new InvalidInputException($"{where}: header must be 'Currency,Rate', got '{line}'");
                    header = true;
                    continue;
                }
                if (cells.Length != 2) throw new InvalidInputException($"{where}: {cells.Length} cells, expected 2 (Currency,Rate)");
                string code = cells[0].ToUpperInvariant();
                if (code.Length != 3) throw new InvalidInputException($"{where}: currency must be a 3-letter code, got '{cells[0]}'");
                if (rates.ContainsKey(code)) throw new InvalidInputException($"{where}: currency {code} is listed twice");
                if (!decimal.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out decimal rate) || rate <= 0)
                    throw new InvalidInputException($"{where}: rate of {code} must be a number > 0, got '{cells[1]}'");
                rates[code] = rate;
            }
            if (!header) throw new InvalidInputException($"FX file '{path}' has no header line 'Currency,Rate'");
            try { return new FxRates(accountCurrency, rates); }
            catch (InvalidInputException ex) { throw new InvalidInputException($"FX file '{path}': {ex.Message}"); }
        }
    }
}
