using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// The bars of one NinjaTrader 8 historical-data export (one instrument): timestamps strictly increasing
    /// (end-of-bar, as exported), open/high/low/close prices (&gt; 0) and whole-contract volume.
    /// <see cref="SanityIssues"/> lists bars whose OHLC are inconsistent (high &lt; low, open or close outside
    /// [low, high]); they are kept, since only the close is used, but the caller should show them.
    /// </summary>
    public sealed class NinjaTraderBarSeries
    {
        private readonly DateTime[] _times;
        private readonly double[] _open, _high, _low, _close;
        private readonly long[] _volume;

        internal NinjaTraderBarSeries(string instrument, string source, bool intraday, DateTime[] times, double[] open, double[] high,
            double[] low, double[] close, long[] volume, IReadOnlyList<string> sanityIssues, int sanityIssueCount)
        {
            Instrument = instrument;
            Source = source;
            IsIntraday = intraday;
            _times = times; _open = open; _high = high; _low = low; _close = close; _volume = volume;
            SanityIssues = sanityIssues;
            SanityIssueCount = sanityIssueCount;
        }

        /// <summary>Instrument name taken from the file name (<c>ES 12-23.Last.txt</c> gives <c>ES 12-23</c>).</summary>
        public string Instrument { get; }

        /// <summary>The file the bars came from.</summary>
        public string Source { get; }

        /// <summary>True for minute bars (<c>yyyyMMdd HHmmss</c>), false for daily bars (<c>yyyyMMdd</c>).</summary>
        public bool IsIntraday { get; }

        /// <summary>Number of bars.</summary>
        public int Count => _times.Length;

        /// <summary>
        /// Bar timestamps as exported (end of bar; NinjaTrader exports them in UTC), strictly increasing, Kind Unspecified.
        /// Daily bars carry the session date at midnight.
        /// </summary>
        public IReadOnlyList<DateTime> Times => _times;

        /// <summary>Open prices.</summary>
        public IReadOnlyList<double> Open => _open;

        /// <summary>High prices.</summary>
        public IReadOnlyList<double> High => _high;

        /// <summary>Low prices.</summary>
        public IReadOnlyList<double> Low => _low;

        /// <summary>Close prices (what the portfolio code uses).</summary>
        public IReadOnlyList<double> Close => _close;

        /// <summary>Volume in contracts/shares.</summary>
        public IReadOnlyList<long> Volume => _volume;

        /// <summary>The first few OHLC inconsistencies, each naming file, line and date (at most 20 kept).</summary>
        public IReadOnlyList<string> SanityIssues { get; }

        /// <summary>How many bars had OHLC inconsistencies in total.</summary>
        public int SanityIssueCount { get; }

        /// <summary>The closes as a one-column price frame named after the instrument.</summary>
        public AssetFrame ToCloseFrame()
            => AssetFrame.Wrap((DateTime[])_times.Clone(), new[] { Instrument }, new[] { (double[])_close.Clone() }, FrameKind.Prices, Source);
    }
}
