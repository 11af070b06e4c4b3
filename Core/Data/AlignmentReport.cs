using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>What the inner join on timestamps did to one source (file).</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    public sealed record SourceAlignment
    {
        /// <summary>Creates the entry; the list is copied.</summary>
        public SourceAlignment(string source, IReadOnlyList<string> assets, int rows, int droppedRows, IReadOnlyList<DateTime> firstDropped)
        {
            Source = Guard.NotNull(source, nameof(source));
            Assets = new List<string>(Guard.NotNull(assets, nameof(assets))).AsReadOnly();
            Rows = Guard.NonNegative(rows, nameof(rows));
            DroppedRows = Guard.NonNegative(droppedRows, nameof(droppedRows));
            FirstDropped = new List<DateTime>(Guard.NotNull(firstDropped, nameof(firstDropped))).AsReadOnly();
        }

        /// <summary>The file (or description) the rows came from.</summary>
        public string Source { get; }

        /// <summary>The asset columns this source contributed.</summary>
        public IReadOnlyList<string> Assets { get; }

        /// <summary>Rows in the source before alignment.</summary>
        public int Rows { get; }

        /// <summary>Rows dropped because some other source has no row at that timestamp.</summary>
        public int DroppedRows { get; }

        /// <summary>The first few dropped timestamps (at most <see cref="AlignmentReport.MaxDatesListed"/>).</summary>
        public IReadOnlyList<DateTime> FirstDropped { get; }
    }

    /// <summary>The result of aligning several sources on common timestamps (inner join).</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    public sealed record AlignmentReport
    {
        /// <summary>How many dropped timestamps are listed per source.</summary>
        public const int MaxDatesListed = 5;

        /// <summary>Creates the report; the list is copied.</summary>
        public AlignmentReport(IReadOnlyList<SourceAlignment> sources, int alignedRows)
        {
            Sources = new List<SourceAlignment>(Guard.NotNull(sources, nameof(sources))).AsReadOnly();
            AlignedRows = Guard.NonNegative(alignedRows, nameof(alignedRows));
        }

        /// <summary>One entry per source, in input order.</summary>
        public IReadOnlyList<SourceAlignment> Sources { get; }

        /// <summary>Rows kept: timestamps present in every source.</summary>
        public int AlignedRows { get; }

        /// <summary>True when some source lost rows.</summary>
        public bool AnyDropped
        {
            get
            {
                foreach (var s in Sources) if (s.DroppedRows > 0) return true;
                return false;
            }
        }

        /// <summary>One line per source that lost rows, e.g. <c>NQ 12-23.Last.txt: dropped 2 of 250 rows (2023-07-04, 2023-11-23)</c>.</summary>
        public IReadOnlyList<string> Describe()
        {
            var lines = new List<string>();
            foreach (var s in Sources)
            {
                if (s.DroppedRows == 0) continue;
                var sb = new StringBuilder();
                sb.Append(s.Source).Append(": dropped ").Append(s.DroppedRows.ToString(CultureInfo.InvariantCulture))
                  .Append(" of ").Append(s.Rows.ToString(CultureInfo.InvariantCulture)).Append(" rows (");
                for (int i = 0; i < s.FirstDropped.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(AssetFrame.FormatDate(s.FirstDropped[i]));
                }
                if (s.DroppedRows > s.FirstDropped.Count) sb.Append(", ...");
                sb.Append(") with no matching timestamp in the other sources");
                lines.Add(sb.ToString());
            }
            return lines;
        }
    }
}
