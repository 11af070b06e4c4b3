using System;
using System.Collections.Generic;
using System.IO;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Reads NinjaTrader 8 historical-data text exports (Tools &gt; Historical Data &gt; Export), one instrument per
    /// file named <c>&lt;instrument&gt;.Last.txt</c>. Lines are <c>yyyyMMdd;open;high;low;close;volume</c> (daily) or
    /// <c>yyyyMMdd HHmmss;open;high;low;close;volume</c> (minute), separated by <c>;</c> or <c>,</c> (one per file),
    /// no header. Tick exports are rejected. Prices must be finite and &gt; 0, volume a whole number &gt;= 0.
    /// </summary>
    public static class NinjaTraderExportLoader
    {
        private const string What = "NinjaTrader export";
        private const int MaxIssuesKept = 20;

        /// <summary>Reads <paramref name="path"/>; the instrument is named after the file.</summary>
        public static NinjaTraderBarSeries Load(string path)
            => Parse(DataFileText.Read(path, What), path, InstrumentFromFileName(path));

        /// <summary>
        /// Instrument name from an export file name: <c>ES 12-23.Last.txt</c> gives <c>ES 12-23</c>
        /// (also strips <c>.Bid.txt</c>/<c>.Ask.txt</c>, else just the extension).
        /// </summary>
        public static string InstrumentFromFileName(string path)
        {
            Guard.NotBlank(path, nameof(path));
            string name = Path.GetFileName(path);
            foreach (var suffix in new[] { ".Last.txt", ".Bid.txt", ".Ask.txt" })
            {
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
                    return name.Substring(0, name.Length - suffix.Length);
            }
            string stem = Path.GetFileNameWithoutExtension(name);
            if (string.IsNullOrWhiteSpace(stem)) throw new InvalidInputException($"{What} '{path}': cannot take an instrument name from the file name");
            return stem;
        }

        /// <summary>True when <paramref name="text"/>'s first non-blank line looks like an export bar (8-digit date then a separator or space).</summary>
        public static bool LooksLikeExport(string text)
        {
            Guard.NotNull(text, nameof(text));
            var lines = new TextLines(text);
            while (lines.Next())
            {
                if (lines.IsBlank) continue;
                int s = lines.Start;
                while (s < lines.End && (text[s] == ' ' || text[s] == '\t')) s++;
                if (lines.End - s < 9) return false;
                for (int k = 0; k < 8; k++) if ((uint)(text[s + k] - '0') > 9) return false;
                char c = text[s + 8];
                return c == ';' || c == ',' || c == ' ';
            }
            return false;
        }

        /// <summary>Parses export <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
        public static NinjaTraderBarSeries Parse(string text, string source, string instrument)
        {
            Guard.NotNull(text, nameof(text));
            Guard.NotNull(source, nameof(source));
            Guard.NotBlank(instrument, nameof(instrument));
            var lines = new TextLines(text);
            int capacity = lines.CountRemaining();
            var times = new DateTime[capacity];
            var open = new double[capacity];
            var high = new double[capacity];
            var low = new double[capacity];
            var close = new double[capacity];
            var volume = new long[capacity];
            var issues = new List<string>();
            int issueCount = 0;
            int rows = 0;
            char sep = '\0', other = '\0';
            bool intraday = false;
            var field = new int[12];

            while (lines.Next())
            {
                if (lines.IsBlank) continue;
                int line = lines.LineNumber, ls = lines.Start, le = lines.End;
                if (sep == '\0')
                {
                    bool semi = text.IndexOf(';', ls, le - ls) >= 0;
                    bool comma = text.IndexOf(',', ls, le - ls) >= 0;
                    if (semi && comma) throw new InvalidInputException($"{source} line {line}: mixed separators ';' and ','");
                    if (!semi && !comma)
                        throw new InvalidInputException($"{source} line {line}: no ';' or ',' separator (expected yyyyMMdd;open;high;low;close;volume)");
                    sep = semi ? ';' : ',';
                    other = semi ? ',' : ';';
                }
                else if (text.IndexOf(other, ls, le - ls) >= 0)
                {
                    throw new InvalidInputException($"{source} line {line}: mixed separators: found '{other}' but the file uses '{sep}'");
                }

                int count = 0, pos = ls;
                while (true)
                {
                    int e = text.IndexOf(sep, pos, le - pos);
                    if (e < 0) e = le;
                    if (count < 6) { field[2 * count] = pos; field[2 * count + 1] = e; }
                    count++;
                    if (e >= le) break;
                    pos = e + 1;
                }
                int ts = field[0], te = field[1];
                TextLines.Trim(text, ref ts, ref te);
                if (count == 3 && te - ts > 15)
                    throw new InvalidInputException($"{source} line {line}: tick data (yyyyMMdd HHmmss fffffff;price;volume) is not supported; export minute or daily bars");
                if (count != 6)
                    throw new InvalidInputException($"{source} line {line}: ragged row: {count} fields, expected 6 (timestamp;open;high;low;close;volume)");
                if (!CellParser.TryParseNinjaTraderTimestamp(text, ts, te, out DateTime time))
                    throw new InvalidInputException($"{source} line {line}, column 'timestamp': cannot read '{TextLines.Show(text, ts, te)}' (expected yyyyMMdd or yyyyMMdd HHmmss)");
                bool thisIntraday = te - ts == 15;
                if (rows == 0) intraday = thisIntraday;
                else if (thisIntraday != intraday)
                    throw new InvalidInputException($"{source} line {line}: mixes daily (yyyyMMdd) and minute (yyyyMMdd HHmmss) timestamps");
                string when = AssetFrame.FormatDate(time);
                if (rows > 0)
                {
                    DateTime prev = times[rows - 1];
                    if (time == prev) throw new InvalidInputException($"{source} line {line}: duplicate timestamp {when}");
                    if (time < prev) throw new InvalidInputException($"{source} line {line}: timestamps are not sorted: {when} comes after {AssetFrame.FormatDate(prev)}");
                }
                double o = Price(text, field[2], field[3], source, line, when, "open");
                double h = Price(text, field[4], field[5], source, line, when, "high");
                double l = Price(text, field[6], field[7], source, line, when, "low");
                double c = Price(text, field[8], field[9], source, line, when, "close");
                long v = Volume(text, field[10], field[11], source, line, when);

                string? issue = null;
                if (h < l) issue = $"high {Guard.Format(h)} < low {Guard.Format(l)}";
                else if (o > h || o < l) issue = $"open {Guard.Format(o)} outside [low {Guard.Format(l)}, high {Guard.Format(h)}]";
                else if (c > h || c < l) issue = $"close {Guard.Format(c)} outside [low {Guard.Format(l)}, high {Guard.Format(h)}]";
                if (issue != null)
                {
                    issueCount++;
                    if (issues.Count < MaxIssuesKept) issues.Add($"{source} line {line} ({when}): {issue}");
                }
                times[rows] = time; open[rows] = o; high[rows] = h; low[rows] = l; close[rows] = c; volume[rows] = v;
                rows++;
            }
            if (rows == 0) throw new InvalidInputException($"{What} '{source}' is empty");
            if (rows < 2) throw new InvalidInputException($"{What} '{source}' has {rows} bar; at least 2 are needed");
            Array.Resize(ref times, rows);
            Array.Resize(ref open, rows);
            Array.Resize(ref high, rows);
            Array.Resize(ref low, rows);
            Array.Resize(ref close, rows);
            Array.Resize(ref volume, rows);
            return new NinjaTraderBarSeries(instrument, source, intraday, times, open, high, low, close, volume, issues.AsReadOnly(), issueCount);
        }

        private static double Price(string text, int s, int e, string source, int line, string when, string column)
        {
            TextLines.Trim(text, ref s, ref e);
            if (s == e) throw new InvalidInputException($"{source} line {line} ({when}), column '{column}': empty cell");
            if (!CellParser.TryParseDouble(text, s, e, out double v))
                throw new InvalidInputException($"{source} line {line} ({when}), column '{column}': '{TextLines.Show(text, s, e)}' is not a number");
            if (double.IsNaN(v) || double.IsInfinity(v))
                throw new InvalidInputException($"{source} line {line} ({when}), column '{column}': value '{TextLines.Show(text, s, e)}' is not finite (NaN/Infinity)");
            if (v <= 0) throw new InvalidInputException($"{source} line {line} ({when}), column '{column}': price must be > 0, got {Guard.Format(v)}");
            if (v > AssetFrame.MaxPrice) throw new InvalidInputException($"{source} line {line} ({when}), column '{column}': price {Guard.Format(v)} is above {Guard.Format(AssetFrame.MaxPrice)}; statistics and money on it would overflow");
            return v;
        }

        private static long Volume(string text, int s, int e, string source, int line, string when)
        {
            TextLines.Trim(text, ref s, ref e);
            if (s == e) throw new InvalidInputException($"{source} line {line} ({when}), column 'volume': empty cell");
            long v = 0;
            for (int i = s; i < e; i++)
            {
                int d = text[i] - '0';
                if ((uint)d > 9 || v > (long.MaxValue - 9) / 10)
                    throw new InvalidInputException($"{source} line {line} ({when}), column 'volume': '{TextLines.Show(text, s, e)}' is not a whole number >= 0");
                v = v * 10 + d;
            }
            return v;
        }
    }
}
