using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Loads a wide CSV <c>Date,&lt;asset&gt;,...</c> (one row per timestamp, one column per asset) into an
    /// <see cref="AssetFrame"/>. Dates are ISO (<c>yyyy-MM-dd</c>, optionally <c>yyyy-MM-dd HH:mm:ss</c> or with a
    /// <c>T</c>), numbers use the invariant culture. The separator is <c>,</c> (or <c>;</c> when the header uses it).
    /// The caller says whether the values are prices or returns. Every rejection is an
    /// <see cref="InvalidInputException"/> naming the file, line (and date) and column.
    /// </summary>
    public static class CsvFrameLoader
    {
        private const string What = "price file";

        /// <summary>Reads and parses <paramref name="path"/>; <paramref name="kind"/> says what the values are.</summary>
        public static AssetFrame Load(string path, FrameKind kind = FrameKind.Prices)
            => AsciiCsvReader.TryLoad(path, kind) ?? Parse(DataFileText.Read(path, What), path, kind);

        /// <summary>Parses CSV <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
        public static AssetFrame Parse(string text, string source, FrameKind kind = FrameKind.Prices)
        {
            Guard.NotNull(text, nameof(text));
            Guard.NotNull(source, nameof(source));
            var lines = new TextLines(text);
            bool found = false;
            while (lines.Next()) if (!lines.IsBlank) { found = true; break; }
            if (!found) throw new InvalidInputException($"{What} '{source}' is empty");

            int headerLine = lines.LineNumber;
            char sep = DetectSeparator(text, lines.Start, lines.End, source, headerLine);
            char other = sep == ',' ? ';' : ',';
            string[] assets = ReadHeader(text, lines.Start, lines.End, sep, source, headerLine);
            int n = assets.Length;

            int capacity = lines.CountRemaining();
            var dates = new DateTime[capacity];
            var cols = new double[n][];
            for (int j = 0; j < n; j++) cols[j] = new double[capacity];
            int rows = 0;
            bool prices = kind == FrameKind.Prices;

            // Pass 1 (sequential): line extents, dates and their order. The first date error is held back, because in
            // file order a bad cell on an earlier line comes first.
            var lineNo = new int[capacity];
            var cellStart = new int[capacity];
            var lineEnd = new int[capacity];
            InvalidInputException? dateError = null;
            while (lines.Next())
            {
                if (lines.IsBlank) continue;
                int line = lines.LineNumber, ls = lines.Start, le = lines.End;
                int cellEnd = text.IndexOf(sep, ls, le - ls);
                if (cellEnd < 0) cellEnd = le;
                int cs = ls, ce = cellEnd;
                TextLines.Trim(text, ref cs, ref ce);
                dateError = DateError(text, cs, ce, other, sep, source, line, rows > 0 ? dates[rows - 1] : (DateTime?)null, out DateTime date);
                if (dateError != null) break;
                lineNo[rows] = line;
                cellStart[rows] = cellEnd;
                lineEnd[rows] = le;
                dates[rows++] = date;
            }

            // Pass 2: the value cells, rows independent (each writes only its own row of every column); large files use
            // both cores. The earliest failing line's error is thrown, so messages are those of a sequential read.
            var errors = new InvalidInputException?[rows];
            void ReadRow(int r)
            {
                try { ReadCells(text, cellStart[r], lineEnd[r], sep, other, assets, cols, r, dates[r], prices, source, lineNo[r]); }
                catch (InvalidInputException ex) { errors[r] = ex; }
            }
            if ((long)rows * n >= ParallelCells && Environment.ProcessorCount > 1)
                System.Threading.Tasks.Parallel.For(0, rows, ReadRow);
            else
                for (int r = 0; r < rows; r++) ReadRow(r);
            for (int r = 0; r < rows; r++) if (errors[r] != null) throw errors[r]!;
            if (dateError != null) throw dateError;

            if (rows == 0) throw new InvalidInputException($"{What} '{source}' has a header but no data rows");
            if (rows < 2) throw new InvalidInputException($"{What} '{source}' has {rows} observation; at least 2 are needed");
            if (rows < capacity)
            {
                Array.Resize(ref dates, rows);
                for (int k = 0; k < n; k++) Array.Resize(ref cols[k], rows);
            }
            return AssetFrame.Wrap(dates, assets, cols, kind, source);
        }

        // Cells (rows x assets) from which the value cells are parsed on two threads.
        private const long ParallelCells = 100_000;

        // The date cell of a line: null and the date, or the error a sequential read would throw for it.
        private static InvalidInputException? DateError(string text, int cs, int ce, char other, char sep, string source, int line, DateTime? prev, out DateTime date)
        {
            if (!CellParser.TryParseIsoTimestamp(text, cs, ce, out date))
            {
                try { RejectMixed(text, cs, ce, other, sep, source, line); }
                catch (InvalidInputException ex) { return ex; }
                return new InvalidInputException($"{source} line {line}, column 'Date': cannot read '{TextLines.Show(text, cs, ce)}' as a date (expected yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss)");
            }
            if (prev is DateTime p)
            {
                if (date == p)
                    return new InvalidInputException($"{source} line {line}: duplicate date {AssetFrame.FormatDate(date)}");
                if (date < p)
                    return new InvalidInputException($"{source} line {line}: dates are not sorted: {AssetFrame.FormatDate(date)} comes after {AssetFrame.FormatDate(p)}");
            }
            return null;
        }

        // Reads the value cells of one line (after the date cell ending at pos) into row `row` of cols.
        private static void ReadCells(string text, int pos, int le, char sep, char other, string[] assets, double[][] cols, int row,
            DateTime date, bool prices, string source, int line)
        {
            int n = assets.Length;
            int j = 0;
            while (pos < le)
            {
                int start = pos + 1;
                if (j >= n)
                {
                    RejectMixed(text, start, le, other, sep, source, line);
                    throw new InvalidInputException($"{source} line {line} ({AssetFrame.FormatDate(date)}): ragged row: more than the {n + 1} cells of the header");
                }
                int p = start;
                double v;
                if (CellParser.TryParseSimpleCell(text, ref p, le, sep, out v))
                {
                    pos = p;
                }
                else
                {
                    int end = text.IndexOf(sep, start, le - start);
                    if (end < 0) end = le;
                    pos = end;
                    int cs = start, ce = end;
                    TextLines.Trim(text, ref cs, ref ce);
                    RejectMixed(text, cs, ce, other, sep, source, line);
                    if (cs == ce)
                        throw new InvalidInputException($"{source} line {line} ({AssetFrame.FormatDate(date)}), column '{assets[j]}': empty cell");
                    if (!CellParser.TryParseDouble(text, cs, ce, out v))
                        throw new InvalidInputException($"{source} line {line} ({AssetFrame.FormatDate(date)}), column '{assets[j]}': '{TextLines.Show(text, cs, ce)}' is not a number");
                    if (double.IsNaN(v) || double.IsInfinity(v))
                        throw new InvalidInputException($"{source} line {line} ({AssetFrame.FormatDate(date)}), column '{assets[j]}': value '{TextLines.Show(text, cs, ce)}' is not finite (NaN/Infinity)");
                }
                if (prices && v <= 0)
                    throw new InvalidInputException($"{source} line {line} ({AssetFrame.FormatDate(date)}), column '{assets[j]}': price must be > 0, got {Guard.Format(v)}");
                if (prices && v > AssetFrame.MaxPrice)
                    throw new InvalidInputException($"{source} line {line} ({AssetFrame.FormatDate(date)}), column '{assets[j]}': price {Guard.Format(v)} is above {Guard.Format(AssetFrame.MaxPrice)}; statistics and money on it would overflow");
                cols[j][row] = v;
                j++;
            }
            if (j != n)
                throw new InvalidInputException($"{source} line {line} ({AssetFrame.FormatDate(date)}): ragged row: {j + 1} cells but the header has {n + 1}");
        }

        private static void RejectMixed(string text, int start, int end, char other, char sep, string source, int line)
        {
            if (end > start && text.IndexOf(other, start, end - start) >= 0)
                throw new InvalidInputException($"{source} line {line}: mixed separators: found '{other}' but the header uses '{sep}'");
        }

        internal static char DetectSeparator(string text, int start, int end, string source, int line)
        {
            bool comma = text.IndexOf(',', start, end - start) >= 0;
            bool semi = text.IndexOf(';', start, end - start) >= 0;
            if (comma && semi) throw new InvalidInputException($"{source} line {line}: mixed separators ',' and ';' in the header");
            if (!comma && !semi)
                throw new InvalidInputException($"{source} line {line}: header '{TextLines.Show(text, start, end)}' has no asset columns (expected Date,<asset>,...)");
            return comma ? ',' : ';';
        }

        internal static string[] ReadHeader(string text, int start, int end, char sep, string source, int line)
        {
            var cells = new List<string>();
            int pos = start;
            while (true)
            {
                int e = text.IndexOf(sep, pos, end - pos);
                if (e < 0) e = end;
                int cs = pos, ce = e;
                TextLines.Trim(text, ref cs, ref ce);
                cells.Add(text.Substring(cs, ce - cs));
                if (e >= end) break;
                pos = e + 1;
            }
            string first = cells[0];
            if (!IsDateHeader(first))
                throw new InvalidInputException($"{source} line {line}: first header column must be 'Date', got '{first}' (expected Date,<asset>,...)");
            var assets = new string[cells.Count - 1];
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int j = 1; j < cells.Count; j++)
            {
                string name = cells[j];
                if (name.Length == 0)
                    throw new InvalidInputException($"{source} line {line}: asset name in column {j + 1} is empty");
                if (seen.TryGetValue(name, out int earlier))
                    throw new InvalidInputException($"{source} line {line}: duplicate asset name '{name}' in columns {earlier + 1} and {j + 1}");
                seen.Add(name, j);
                assets[j - 1] = name;
            }
            return assets;
        }

        private static bool IsDateHeader(string s)
            => string.Equals(s, "Date", StringComparison.OrdinalIgnoreCase)
               || string.Equals(s, "DateTime", StringComparison.OrdinalIgnoreCase)
               || string.Equals(s, "Timestamp", StringComparison.OrdinalIgnoreCase)
               || string.Equals(s, "Time", StringComparison.OrdinalIgnoreCase);
    }
}
