using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// The CLI's entry point for price files: each path is a wide CSV (<c>Date,&lt;asset&gt;,...</c>) or a NinjaTrader 8
    /// historical-data export (<c>&lt;instrument&gt;.Last.txt</c>), told apart by content (an export line starts with an
    /// 8-digit <c>yyyyMMdd</c> date; a <c>.txt</c> file without a <c>Date</c> header is read as an export too, so its
    /// errors speak the export format). Several files are inner-joined on timestamps; the report says what was dropped.
    /// </summary>
    public static class PriceFileLoader
    {
        /// <summary>
        /// Loads and aligns <paramref name="paths"/>. CSV values are read as <paramref name="csvKind"/> (prices by default);
        /// exports are always prices (their closes), so mixing an export with a returns CSV is rejected.
        /// </summary>
        public static PriceLoadResult Load(IReadOnlyList<string> paths, FrameKind csvKind = FrameKind.Prices)
        {
            Guard.NotNull(paths, nameof(paths));
            if (paths.Count == 0) throw new InvalidInputException("no price file given");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var frames = new List<AssetFrame>(paths.Count);
            var issues = new List<string>();
            foreach (var path in paths)
            {
                if (string.IsNullOrWhiteSpace(path)) throw new InvalidInputException("a price file path is empty");
                if (!seen.Add(path)) throw new InvalidInputException($"price file '{path}' is given twice");
                var fast = AsciiCsvReader.TryLoad(path, csvKind); // plain CSV files: streamed and parsed from bytes
                if (fast != null)
                {
                    frames.Add(fast);
                    continue;
                }
                string text = DataFileText.Read(path, "price file");
                if (IsExport(path, text))
                {
                    var series = NinjaTraderExportLoader.Parse(text, path, NinjaTraderExportLoader.InstrumentFromFileName(path));
                    if (csvKind != FrameKind.Prices)
                        throw new InvalidInputException($"{path}: NinjaTrader exports hold prices but {csvKind} was requested");
                    issues.AddRange(series.SanityIssues);
                    if (series.SanityIssueCount > series.SanityIssues.Count)
                        issues.Add($"{path}: {(series.SanityIssueCount - series.SanityIssues.Count).ToString(CultureInfo.InvariantCulture)} more OHLC inconsistencies not listed");
                    frames.Add(series.ToCloseFrame());
                }
                else
                {
                    frames.Add(CsvFrameLoader.Parse(text, path, csvKind));
                }
            }
            var frame = TimestampAligner.InnerJoin(frames, out var report);
            return new PriceLoadResult(frame, report, issues);
        }

        private static bool IsExport(string path, string text)
        {
            if (NinjaTraderExportLoader.LooksLikeExport(text)) return true;
            if (!path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return false;
            string first = text.TrimStart().TrimStart('"');
            return !(first.StartsWith("Date", StringComparison.OrdinalIgnoreCase) || first.StartsWith("Time", StringComparison.OrdinalIgnoreCase));
        }
    }
}
