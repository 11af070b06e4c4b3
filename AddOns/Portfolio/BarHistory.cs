using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Data;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Impact;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// Daily bars of one instrument as the Portfolio Manager received them from a BarsRequest, turned into Core inputs:
    /// price frames inner-joined on dates (Core's TimestampAligner) and liquidity estimates for the router.
    /// </summary>
    public sealed class BarHistory
    {
        /// <summary>Creates the history (arrays of equal length, oldest first).</summary>
        public BarHistory(string instrument, IReadOnlyList<DateTime> times, IReadOnlyList<double> highs, IReadOnlyList<double> lows,
            IReadOnlyList<double> closes, IReadOnlyList<double> volumes)
        {
            Instrument = instrument ?? throw new ArgumentNullException(nameof(instrument));
            int n = times.Count;
            if (highs.Count != n || lows.Count != n || closes.Count != n || volumes.Count != n)
                throw new ArgumentException("times, highs, lows, closes and volumes of '" + instrument + "' must have the same length");
            Times = times.ToArray();
            Highs = highs.ToArray();
            Lows = lows.ToArray();
            Closes = closes.ToArray();
            Volumes = volumes.ToArray();
        }

        /// <summary>Instrument full name.</summary>
        public string Instrument { get; }
        /// <summary>Bar times.</summary>
        public IReadOnlyList<DateTime> Times { get; }
        /// <summary>Highs.</summary>
        public IReadOnlyList<double> Highs { get; }
        /// <summary>Lows.</summary>
        public IReadOnlyList<double> Lows { get; }
        /// <summary>Closes.</summary>
        public IReadOnlyList<double> Closes { get; }
        /// <summary>Volumes.</summary>
        public IReadOnlyList<double> Volumes { get; }

        /// <summary>Copies NinjaTrader's bars (index 0 = oldest).</summary>
        public static BarHistory FromBars(string instrument, Bars bars) => FromBars(instrument, bars, DateTime.MaxValue.AddDays(-1));

        /// <summary>
        /// Copies NinjaTrader's daily bars that are complete at <paramref name="now"/> (index 0 = oldest): the Help Guide's
        /// BarsRequest page warns that the last returned bar may still be in progress. A bar stamped after
        /// <paramref name="now"/> (bars are stamped with their end) or dated today is left out.
        /// </summary>
        public static BarHistory FromBars(string instrument, Bars bars, DateTime now)
        {
            if (bars == null) throw new ArgumentNullException(nameof(bars));
            int n = bars.Count;
            while (n > 0 && (bars.GetTime(n - 1) > now || bars.GetTime(n - 1).Date >= now.Date)) n--;
            var t = new DateTime[n];
            var h = new double[n];
            var l = new double[n];
            var c = new double[n];
            var v = new double[n];
            for (int i = 0; i < n; i++)
            {
                t[i] = bars.GetTime(i);
                h[i] = bars.GetHigh(i);
                l[i] = bars.GetLow(i);
                c[i] = bars.GetClose(i);
                v[i] = bars.GetVolume(i);
            }
            return new BarHistory(instrument, t, h, l, c, v);
        }

        /// <summary>Closes of every instrument on the dates they all share (inner join; Core reports what was dropped).</summary>
        public static AssetFrame JoinCloses(IReadOnlyList<BarHistory> histories, out AlignmentReport report)
        {
            if (histories == null || histories.Count == 0) throw new ArgumentException("no instrument history to join", nameof(histories));
            var frames = histories.Select(h => new AssetFrame(h.Times, new[] { h.Instrument }, new[] { h.Closes.ToArray() }, FrameKind.Prices, h.Instrument)).ToList();
            return TimestampAligner.InnerJoin(frames, out report);
        }

        /// <summary>
        /// Liquidity for the router from the last <paramref name="lookback"/> bars: daily volatility (Core LiquidityEstimator,
        /// log returns), average volume and the Corwin-Schultz spread; null when there are fewer than 3 bars or no volume
        /// (then the order is worked as a plain TWAP and its cost is not estimated).
        /// </summary>
        public InstrumentLiquidity Liquidity(int lookback)
        {
            int n = Closes.Count;
            if (n < 3) return null;
            int from = Math.Max(0, n - lookback);
            double adv = LiquidityEstimator.AverageVolume(Volumes.Skip(from).ToList(), lookback);
            if (!(adv > 0)) return null;
            double vol = LiquidityEstimator.Volatility(Closes.Skip(from).ToList());
            double spread = LiquidityEstimator.CorwinSchultzSpread(Highs.Skip(from).ToList(), Lows.Skip(from).ToList());
            return new InstrumentLiquidity(vol, adv, spread);
        }
    }
}
