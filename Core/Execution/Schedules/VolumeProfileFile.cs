using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>
    /// Reads a volume profile from CSV text with header <c>Bucket,Volume</c> (<c>,</c> or <c>;</c>): buckets numbered
    /// 1..N in order, volumes finite and &gt;= 0 with a positive sum (any unit: shares, contracts or fractions). Lines
    /// starting with # are comments. Errors name the source, line and value.
    /// </summary>
    public static class VolumeProfileFile
    {
        /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> (the path) names it in messages.</summary>
        public static VolumeProfile Parse(string text, string source)
        {
            Guard.NotNull(text, nameof(text));
            var volumes = new List<double>();
            bool header = false;
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            for (int ln = 0; ln < lines.Length; ln++)
            {
                string line = lines[ln].Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
                string where = $"volume profile '{source}' line {ln + 1}";
                char sep = line.IndexOf(',') >= 0 || line.IndexOf(';') < 0 ? ',' : ';';
                var cells = line.Split(sep);
                for (int c = 0; c < cells.Length; c++) cells[c] = cells[c].Trim().Trim('"').Trim();
                if (!header)
                {
                    if (cells.Length != 2 || !cells[0].Equals("Bucket", StringComparison.OrdinalIgnoreCase) || !cells[1].Equals("Volume", StringComparison.OrdinalIgnoreCase))
                        throw new InvalidInputException($"{where}: header must be 'Bucket,Volume', got '{line}'");
                    header = true;
                    continue;
                }
                if (cells.Length != 2) throw new InvalidInputException($"{where}: {cells.Length} cells, expected 2 (Bucket,Volume)");
                if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int bucket) || bucket != volumes.Count + 1)
                    throw new InvalidInputException($"{where}: bucket must be {volumes.Count + 1} (buckets are numbered 1..N in order), got '{cells[0]}'");
                if (!double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v) || v < 0)
                    throw new InvalidInputException($"{where}: volume of bucket {bucket} must be a finite number >= 0, got '{cells[1]}'");
                volumes.Add(v);
            }
            if (!header) throw new InvalidInputException($"volume profile '{source}' has no header line 'Bucket,Volume'");
            if (volumes.Count == 0) throw new InvalidInputException($"volume profile '{source}' has a header but no buckets");
            double sum = 0;
            foreach (double v in volumes) sum += v;
            if (!(sum > 0)) throw new InvalidInputException($"volume profile '{source}': the volumes sum to 0; at least one bucket needs volume");
            return new VolumeProfile(volumes.ToArray());
        }
    }
}
