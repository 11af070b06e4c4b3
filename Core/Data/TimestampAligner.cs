using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Joins several frames of the same kind on their timestamps (inner join): the result keeps the timestamps present
    /// in every frame, columns in input order. O(total rows), since every frame is sorted.
    /// </summary>
    public static class TimestampAligner
    {
        /// <summary>
        /// Inner-joins <paramref name="frames"/>. Throws <see cref="InvalidInputException"/> for mixed kinds, an asset
        /// present in two sources, or fewer than 2 common timestamps (naming each source's date range).
        /// </summary>
        public static AssetFrame InnerJoin(IReadOnlyList<AssetFrame> frames, out AlignmentReport report)
        {
            Guard.NotNull(frames, nameof(frames));
            if (frames.Count == 0) throw new InvalidInputException("no price sources to align");
            var kind = frames[0].Kind;
            var owner = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in frames)
            {
                Guard.NotNull(f, nameof(frames));
                if (f.Kind != kind) throw new InvalidInputException($"{f.Source}: holds {f.Kind} but {frames[0].Source} holds {kind}");
                foreach (var a in f.Assets)
                {
                    if (owner.TryGetValue(a, out string? first))
                        throw new InvalidInputException($"duplicate asset name '{a}' in {first} and {f.Source}");
                    owner.Add(a, f.Source);
                }
            }

            if (frames.Count == 1)
            {
                var only = frames[0];
                report = new AlignmentReport(new[] { new SourceAlignment(only.Source, only.Assets, only.Rows, 0, Array.Empty<DateTime>()) }, only.Rows);
                if (only.Rows < 2) throw new InvalidInputException($"{only.Source}: {only.Rows} timestamp(s); at least 2 are needed");
                return only;
            }

            // Intersection of the sorted timestamp arrays, two pointers at a time.
            DateTime[] common = frames[0].DateArray;
            for (int k = 1; k < frames.Count; k++) common = Intersect(common, frames[k].DateArray);

            var sources = new List<SourceAlignment>(frames.Count);
            var names = new List<string>();
            var cols = new List<double[]>();
            foreach (var f in frames)
            {
                var d = f.DateArray;
                var keep = new int[common.Length];
                var dropped = new List<DateTime>();
                int droppedCount = 0, c = 0;
                for (int i = 0; i < d.Length; i++)
                {
                    if (c < common.Length && d[i] == common[c]) keep[c++] = i;
                    else
                    {
                        droppedCount++;
                        if (dropped.Count < AlignmentReport.MaxDatesListed) dropped.Add(d[i]);
                    }
                }
                sources.Add(new SourceAlignment(f.Source, f.Assets, d.Length, droppedCount, dropped));
                var src = f.Columns;
                for (int j = 0; j < src.Length; j++)
                {
                    var col = new double[common.Length];
                    for (int r = 0; r < col.Length; r++) col[r] = src[j][keep[r]];
                    cols.Add(col);
                    names.Add(f.Assets[j]);
                }
            }
            report = new AlignmentReport(sources, common.Length);

            if (common.Length < 2)
            {
                var ranges = new List<string>();
                foreach (var f in frames)
                    ranges.Add($"{f.Source} {AssetFrame.FormatDate(f.DateArray[0])}..{AssetFrame.FormatDate(f.DateArray[f.Rows - 1])} ({f.Rows} rows)");
                throw new InvalidInputException($"the sources share {common.Length} timestamp(s); at least 2 are needed: {string.Join("; ", ranges)}");
            }
            string source = frames.Count == 1 ? frames[0].Source : string.Join(" + ", Sources(frames));
            return AssetFrame.Wrap(common, names.ToArray(), cols.ToArray(), kind, source);
        }

        private static IEnumerable<string> Sources(IReadOnlyList<AssetFrame> frames)
        {
            foreach (var f in frames) yield return f.Source;
        }

        private static DateTime[] Intersect(DateTime[] a, DateTime[] b)
        {
            var r = new DateTime[Math.Min(a.Length, b.Length)];
            int i = 0, j = 0, n = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { r[n++] = a[i]; i++; j++; }
                else if (a[i] < b[j]) i++;
                else j++;
            }
            Array.Resize(ref r, n);
            return r;
        }
    }
}
