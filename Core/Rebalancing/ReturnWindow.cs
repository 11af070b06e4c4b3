using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// The rebalancing loop's one returns window: the simple returns c_t / c_(t-1) - 1 of the last <see cref="Length"/> bars,
    /// kept streaming (one return in per bar, the oldest out; <see cref="RollingMoments"/> holds them with their running mean
    /// and covariance, O(N^2) per bar; never rebuilt from the prices). A decision reads its estimate from the returns the
    /// window holds (<see cref="Estimate"/>, <see cref="Frame"/> for estimators that need the raw returns: EWMA,
    /// Ledoit-Wolf). Not thread-safe.
    /// </summary>
    public sealed class ReturnWindow
    {
        private readonly string[] _assets;
        private readonly RollingMoments _moments;
        private readonly DateTime[] _dates;
        private readonly double[] _prev, _ret;
        private int _nextDate;
        private bool _hasPrev;

        /// <summary>Creates an empty window of <paramref name="length"/> (&gt;= 2) returns for <paramref name="assets"/> (unique names).</summary>
        public ReturnWindow(IReadOnlyList<string> assets, int length)
        {
            Guard.NotEmpty(assets, nameof(assets));
            _assets = new string[assets.Count];
            for (int i = 0; i < _assets.Length; i++) _assets[i] = Guard.NotBlank(assets[i], nameof(assets));
            if (new HashSet<string>(_assets, StringComparer.Ordinal).Count != _assets.Length) throw new InvalidInputException("instrument names must be unique: " + string.Join(", ", _assets));
            _moments = new RollingMoments(_assets.Length, Guard.InRange(length, 2, int.MaxValue, nameof(length)));
            _dates = new DateTime[length];
            _prev = new double[_assets.Length];
            _ret = new double[_assets.Length];
        }

        /// <summary>Instrument names, in the order of every per-asset array (a futures roll renames a slot).</summary>
        public IReadOnlyList<string> Assets => _assets;

        /// <summary>Most returns kept.</summary>
        public int Length => _moments.Window;

        /// <summary>Returns in the window now (at most <see cref="Length"/>).</summary>
        public int Count => _moments.Count;

        /// <summary>Bars added so far (every bar, also those that added no return).</summary>
        public long Bars { get; private set; }

        /// <summary>Time of the last bar added (<see cref="DateTime.MinValue"/> before the first).</summary>
        public DateTime LastTime { get; private set; } = DateTime.MinValue;

        /// <summary>The streaming moments of the whole window (read-only use).</summary>
        public RollingMoments Moments => _moments;

        /// <summary>
        /// Adds a bar: <paramref name="closes"/> (finite, &gt; 0, one per asset) at <paramref name="time"/> (strictly after the
        /// previous bar). The return from the previous close enters the window unless <see cref="SkipNextReturn"/> was called.
        /// </summary>
        public void Add(DateTime time, IReadOnlyList<double> closes)
        {
            Guard.NotNull(closes, nameof(closes));
            if (closes.Count != _assets.Length) throw new ArgumentException($"closes must have {_assets.Length} values (one per instrument), got {closes.Count}", nameof(closes));
            if (Bars > 0 && time <= LastTime)
                throw new InvalidInputException($"bar time {AssetFrame.FormatDate(time)} is not after the previous bar {AssetFrame.FormatDate(LastTime)}");
            for (int i = 0; i < _assets.Length; i++)
                if (!(closes[i] > 0) || double.IsInfinity(closes[i]))
                    throw new InvalidInputException($"price of '{_assets[i]}' must be a finite number > 0, got {Guard.Format(closes[i])} at {AssetFrame.FormatDate(time)}");
            if (_hasPrev)
            {
                for (int i = 0; i < _ret.Length; i++) _ret[i] = closes[i] / _prev[i] - 1.0;
                _moments.Add(_ret);
                _dates[_nextDate] = time;
                _nextDate = _nextDate + 1 == _dates.Length ? 0 : _nextDate + 1;
            }
            for (int i = 0; i < _prev.Length; i++) _prev[i] = closes[i];
            _hasPrev = true;
            LastTime = time;
            Bars++;
        }

        /// <summary>
        /// The next bar adds no return (its close starts a new series: the next futures contract after a roll, or the first
        /// good close after a skipped bar).
        /// </summary>
        public void SkipNextReturn() => _hasPrev = false;

        /// <summary>Renames slot <paramref name="slot"/> (a futures roll: the slot trades <paramref name="name"/> from now on).</summary>
        public void Rename(int slot, string name)
        {
            if (slot < 0 || slot >= _assets.Length) throw new ArgumentOutOfRangeException(nameof(slot), slot, "slot must be 0.." + (_assets.Length - 1));
            _assets[slot] = Guard.NotBlank(name, nameof(name));
        }

        /// <summary>
        /// Mean and sample covariance (n - 1) per bar of the last <paramref name="last"/> returns (2..<see cref="Count"/>),
        /// computed exactly (two-pass, <see cref="SampleMoments"/>) from the returns the window holds: O(last N^2), called on
        /// decision bars only. A decision therefore depends on the window's returns alone, not on the streaming
        /// accumulator's history (when it last resynchronised, where the run started), and equals the batch estimate on the
        /// same returns bit for bit; <see cref="Moments"/> stays the per-bar streaming view (equal up to rounding).
        /// </summary>
        public void Estimate(int last, out double[] mean, out double[,] covariance)
        {
            var tail = Frame(last);
            mean = SampleMoments.Mean(tail);
            covariance = SampleMoments.Covariance(tail);
        }

        /// <summary>The last <paramref name="last"/> returns (2..<see cref="Count"/>) as a frame of simple returns, oldest first, dated by the later close.</summary>
        public AssetFrame Frame(int last)
        {
            RequireReturns(last);
            int n = _assets.Length, count = _moments.Count;
            var all = new double[count, n];
            _moments.CopyWindow(all);
            int oldestDate = count < _dates.Length ? 0 : _nextDate;
            var dates = new DateTime[last];
            var cols = new double[n][];
            for (int j = 0; j < n; j++) cols[j] = new double[last];
            for (int k = 0; k < last; k++)
            {
                int row = count - last + k;
                dates[k] = _dates[(oldestDate + row) % _dates.Length];
                for (int j = 0; j < n; j++) cols[j][k] = all[row, j];
            }
            return new AssetFrame(dates, _assets, cols, FrameKind.SimpleReturns, $"the {last} returns up to {AssetFrame.FormatDate(LastTime)}");
        }

        private void RequireReturns(int last)
        {
            if (last < 2 || last > _moments.Count)
                throw new InvalidInputException($"the returns window holds {_moments.Count} returns up to {AssetFrame.FormatDate(LastTime)}; {last} were asked for (at least 2)");
        }
    }
}
