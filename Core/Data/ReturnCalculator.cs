using System;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Per-period returns from a price frame: row t of the result uses prices t-1 and t, so the first date is dropped
    /// and the result has one row fewer. Simple: P_t / P_{t-1} - 1 (fraction); log: ln(P_t / P_{t-1}).
    /// </summary>
    public static class ReturnCalculator
    {
        /// <summary>Simple returns (fractions, 0.01 = 1%) per period.</summary>
        public static AssetFrame Simple(AssetFrame prices) => Compute(prices, FrameKind.SimpleReturns);

        /// <summary>Log returns per period.</summary>
        public static AssetFrame Log(AssetFrame prices) => Compute(prices, FrameKind.LogReturns);

        /// <summary>Returns of the given <paramref name="kind"/> (<see cref="FrameKind.SimpleReturns"/> or <see cref="FrameKind.LogReturns"/>).</summary>
        public static AssetFrame Compute(AssetFrame prices, FrameKind kind)
        {
            Guard.NotNull(prices, nameof(prices));
            if (prices.Kind != FrameKind.Prices)
                throw new InvalidInputException($"{prices.Source}: returns need a price frame, got {prices.Kind}");
            if (kind == FrameKind.Prices) throw new ArgumentException("kind must be SimpleReturns or LogReturns", nameof(kind));
            int t = prices.Rows;
            if (t < 2) throw new InvalidInputException($"{prices.Source}: returns need at least 2 prices, got {t}");
            var src = prices.Columns;
            var cols = new double[src.Length][];
            bool log = kind == FrameKind.LogReturns;
            for (int j = 0; j < src.Length; j++)
            {
                var p = src[j];
                var r = new double[t - 1];
                if (log) for (int i = 1; i < t; i++) r[i - 1] = Math.Log(p[i] / p[i - 1]);
                else for (int i = 1; i < t; i++) r[i - 1] = p[i] / p[i - 1] - 1.0;
                cols[j] = r;
            }
            var dates = new DateTime[t - 1];
            Array.Copy(prices.DateArray, 1, dates, 0, t - 1);
            var assets = new string[prices.AssetCount];
            for (int j = 0; j < assets.Length; j++) assets[j] = prices.Assets[j];
            return AssetFrame.Wrap(dates, assets, cols, kind, prices.Source);
        }
    }
}
