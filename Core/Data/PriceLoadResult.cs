using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>What <see cref="PriceFileLoader.Load"/> returns: the aligned frame and what was done to get it.</summary>
    /// <remarks>A record: equality compares the frame by reference, not element by element.</remarks>
    public sealed record PriceLoadResult
    {
        /// <summary>Creates the result; the list is copied.</summary>
        public PriceLoadResult(AssetFrame frame, AlignmentReport alignment, IReadOnlyList<string> sanityIssues)
        {
            Frame = Guard.NotNull(frame, nameof(frame));
            Alignment = Guard.NotNull(alignment, nameof(alignment));
            SanityIssues = new List<string>(Guard.NotNull(sanityIssues, nameof(sanityIssues))).AsReadOnly();
        }

        /// <summary>The aligned frame (prices or returns, as the caller asked), one column per asset.</summary>
        public AssetFrame Frame { get; }

        /// <summary>Rows dropped per source by the inner join on timestamps.</summary>
        public AlignmentReport Alignment { get; }

        /// <summary>OHLC inconsistencies found in NinjaTrader exports (bars kept; only closes are used).</summary>
        public IReadOnlyList<string> SanityIssues { get; }

        /// <summary>Every note worth showing the user: alignment drops first, then sanity issues.</summary>
        public IReadOnlyList<string> Warnings
        {
            get
            {
                var w = new List<string>(Alignment.Describe());
                w.AddRange(SanityIssues);
                return w;
            }
        }
    }
}
