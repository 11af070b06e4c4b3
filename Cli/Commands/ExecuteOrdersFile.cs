using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>One row of an <c>execute --orders</c> file.</summary>
    internal sealed class ExecuteOrderRow
    {
        public ExecuteOrderRow(int line, string instrument, OrderSide side, long quantity) { Line = line; Instrument = instrument; Side = side; Quantity = quantity; }
        public int Line { get; }
        public string Instrument { get; }
        public OrderSide Side { get; }
        public long Quantity { get; }
    }

    /// <summary>
    /// Reads the <c>--orders</c> CSV: header <c>Instrument,Side,Quantity</c> (any order, case-insensitive), one parent
    /// order per row, side Buy or Sell, whole quantity &gt; 0, each instrument once. Strict UTF-8; every defect is an
    /// <see cref="InvalidInputException"/> naming the file, line and value.
    /// </summary>
    internal static class ExecuteOrdersFile
    {
        public static IReadOnlyList<ExecuteOrderRow> Read(string path)
        {
            InputFile.CheckReadable(path, "orders file");
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new InvalidInputException($"orders file '{path}' cannot be read: {ex.Message}", ex);
            }
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidInputException($"orders file '{path}' is not UTF-8 text (binary or another encoding)");
            }
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            if (text.IndexOf('\0') >= 0) throw new InvalidInputException($"orders file '{path}' contains NUL bytes (binary data)");
            var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'); // CRLF, LF and CR-only line endings
            int headerLine = -1;
            for (int i = 0; i < lines.Length; i++) if (lines[i].Trim().Length > 0) { headerLine = i; break; }
            if (headerLine < 0) throw new InvalidInputException($"orders file '{path}' is empty; expected a header Instrument,Side,Quantity and one row per order");
            string[] header = lines[headerLine].Split(',');
            int ci = Column(header, "Instrument", path), cs = Column(header, "Side", path), cq = Column(header, "Quantity", path);
            var rows = new List<ExecuteOrderRow>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = headerLine + 1; i < lines.Length; i++)
            {
                int lineNo = i + 1;
                if (lines[i].Trim().Length == 0) continue;
                string[] cells = lines[i].Split(',');
                if (cells.Length != header.Length)
                    throw new InvalidInputException($"orders file '{path}' line {lineNo} has {cells.Length} fields, the header has {header.Length} (separator must be ',')");
                string instrument = Unquote(cells[ci]);
                if (instrument.Length == 0) throw new InvalidInputException($"orders file '{path}' line {lineNo}: instrument is empty");
                string sideText = Unquote(cells[cs]);
                OrderSide side = string.Equals(sideText, "Buy", StringComparison.OrdinalIgnoreCase) ? OrderSide.Buy
                    : string.Equals(sideText, "Sell", StringComparison.OrdinalIgnoreCase) ? OrderSide.Sell
                    : throw new InvalidInputException($"orders file '{path}' line {lineNo}: side must be Buy or Sell, got '{sideText}'");
                string qText = Unquote(cells[cq]);
                if (!long.TryParse(qText, NumberStyles.None, CultureInfo.InvariantCulture, out long q) || q <= 0 || q > int.MaxValue)
                    throw new InvalidInputException($"orders file '{path}' line {lineNo}: quantity of '{instrument}' must be a whole number in [1, {int.MaxValue}], got '{qText}'");
                if (seen.TryGetValue(instrument, out int first))
                    throw new InvalidInputException($"orders file '{path}' line {lineNo}: instrument '{instrument}' already has an order on line {first}; give one net order per instrument");
                seen[instrument] = lineNo;
                rows.Add(new ExecuteOrderRow(lineNo, instrument, side, q));
            }
            if (rows.Count == 0) throw new InvalidInputException($"orders file '{path}' has a header but no orders");
            return rows;
        }

        /// <summary>
        /// The default execution id: "x" + 10 hex digits of SHA-256 over the orders (instrument, side, quantity, sorted by
        /// instrument, so blank lines, row order, spacing and quotes do not change it) + "_" + the UTC date yyyyMMdd of the
        /// run. The same orders on the same day resume (or, once complete, do nothing); the same orders on a later day are a
        /// new execution unless --execution-id names the earlier one.
        /// </summary>
        public static string ExecutionId(IReadOnlyList<ExecuteOrderRow> rows, DateTime utcNow)
        {
            var sb = new StringBuilder();
            foreach (var r in rows.OrderBy(r => r.Instrument, StringComparer.Ordinal))
                sb.Append(r.Instrument).Append('|').Append(r.Side).Append('|').Append(r.Quantity.ToString(CultureInfo.InvariantCulture)).Append('\n');
            using var sha = SHA256.Create();
            byte[] h = sha.ComputeHash(Encoding.UTF8.GetBytes(sb.ToString()));
            var id = new StringBuilder("x");
            for (int i = 0; i < 5; i++) id.Append(h[i].ToString("x2", CultureInfo.InvariantCulture));
            return id.Append('_').Append(utcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture)).ToString();
        }

        // A cell without surrounding spaces and one pair of surrounding double quotes ("ES 12-25" -> ES 12-25).
        private static string Unquote(string cell)
        {
            string t = cell.Trim();
            if (t.Length >= 2 && t[0] == '"' && t[t.Length - 1] == '"') t = t.Substring(1, t.Length - 2).Replace("\"\"", "\"").Trim();
            return t;
        }

        private static int Column(string[] header, string name, string path)
        {
            int found = -1;
            for (int i = 0; i < header.Length; i++)
            {
                if (!string.Equals(Unquote(header[i]), name, StringComparison.OrdinalIgnoreCase)) continue;
                if (found >= 0) throw new InvalidInputException($"orders file '{path}': column '{name}' appears twice in the header");
                found = i;
            }
            if (found < 0) throw new InvalidInputException($"orders file '{path}': header must have columns Instrument,Side,Quantity; '{name}' is missing (header: '{string.Join(",", header)}')");
            return found;
        }
    }
}
