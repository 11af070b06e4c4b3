using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// The rebalancing loop's one returns window: the simple returns c_t / c_(t-1) - 1 of the last <see cref="Length"/> bars,
    /// kept streaming in a ring (one return in per bar, the oldest out: O(N) per bar, no allocation, never rebuilt from the
    /// prices). A decision reads its estimate from the returns the window holds (<see cref="Estimate"/>; <see cref="Frame"/>
    /// for estimators that need the raw returns: EWMA, Ledoit-Wolf). Not thread-safe.
    /// </summary>
    public sealed class ReturnWindow
    {
        private readonly string[] _assets;
        private readonly double[] _ring;   // [slot * n + i]
        private readonly DateTime[] _dates; // [slot]: the bar time of the later close
        private readonly double[] _prev;
        private int _next, _count;
        private bool _hasPrev;

        /// <summary>Creates an empty window of <paramref name="length"/> (&gt;= 2) returns for <paramref name="assets"/> (unique names).</summary>
        public ReturnWindow(IReadOnlyList<string> assets, int length)
        {
            Guard.NotEmpty(assets, nameof(assets));
            _assets = new string[assets.Count];
            for (int i = 0; i < _assets.Length; i++) _assets[i] = Guard.NotBlank(assets[i], nameof(assets));
            if (new HashSet<string>(_assets, StringComparer.Ordinal).Count != _assets.Length) throw new InvalidInputException("instrument names must be unique: " + string.Join(", ", _assets));
            Length = Guard.InRange(length, 2, int.MaxValue, nameof(length));
            _ring = new double[checked(length * _assets.Length)];
            _dates = new DateTime[length];
            _prev = new double[_assets.Length];
        }

        /// <summary>Instrument names, in the order of every per-asset array (a futures roll renames a slot).</summary>
        public IReadOnlyList<string> Assets => _assets;

        /// <summary>Most returns kept.</summary>
        public int Length { get; }

        /// <summary>Returns in the window now (at most <see cref="Length"/>).</summary>
        public int Count => _count;

        /// <summary>Bars added so far (every bar, also those that added no return).</summary>
        public long Bars { get; private set; }

        /// <summary>Time of the last bar added (<see cref="DateTime.MinValue"/> before the first).</summary>
        public DateTime LastTime { get; private set; } = DateTime.MinValue;

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
                int off = _next * _prev.Length;
                for (int i = 0; i < _prev.Length; i++) _ring[off + i] = closes[i] / _prev[i] - 1.0;
                _dates[_next] = time;
                _next = _next + 1 == Length ? 0 : _next + 1;
                if (_count < Length) _count++;
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
        /// decision bars only. A decision therefore depends on the window's returns alone (not on a running accumulator's
        /// history: when it last resynchronised, where the run started) and equals the batch estimate on the same returns bit
        /// for bit, so a replay and the live loop agree to the last digit.
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
            int n = _assets.Length;
            int oldest = _count < Length ? 0 : _next;
            var dates = new DateTime[last];
            var cols = new double[n][];
            for (int j = 0; j < n; j++) cols[j] = new double[last];
            for (int k = 0; k < last; k++)
            {
                int slot = (oldest + _count - last + k) % Length;
                dates[k] = _dates[slot];
                for (int j = 0; j < n; j++) cols[j][k] = _ring[slot * n + j];
            }
            return new AssetFrame(dates, _assets, cols, FrameKind.SimpleReturns, $"the {last} returns up to {AssetFrame.FormatDate(LastTime)}");
        }

        private void RequireReturns(int last)
        {
            if (last < 2 || last > _count)
                throw new InvalidInputException($"the returns window holds {_count} returns up to {AssetFrame.FormatDate(LastTime)}; {last} were asked for (at least 2)");
        }
    }
}
