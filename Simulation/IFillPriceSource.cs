using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core;

namespace NinjaTraderPortfolio.Simulation
{
    /// <summary>Where the simulated broker takes execution prices from.</summary>
    public interface IFillPriceSource
    {
        /// <summary>The price (currency per unit, &gt; 0) at which <paramref name="instrument"/> trades at <paramref name="utc"/>, or null when there is none.</summary>
        decimal? PriceAt(string instrument, DateTime utc);
    }

    /// <summary>Fills every order of an instrument at a given price (one price for all instruments, or one per instrument).</summary>
    public sealed class FixedPriceSource : IFillPriceSource
    {
        private readonly decimal? _all;
        private readonly Dictionary<string, decimal> _prices = new Dictionary<string, decimal>(StringComparer.Ordinal);

        /// <summary>One price for every instrument.</summary>
        public FixedPriceSource(decimal price) => _all = Guard.Positive(price, nameof(price));

        /// <summary>A price per instrument; instruments not listed have no price (orders are rejected).</summary>
        public FixedPriceSource(IReadOnlyDictionary<string, decimal> prices)
        {
            Guard.NotNull(prices, nameof(prices));
            foreach (var kv in prices) _prices[kv.Key] = Guard.Positive(kv.Value, "price of " + kv.Key);
        }

        /// <inheritdoc />
        public decimal? PriceAt(string instrument, DateTime utc) => _all ?? (_prices.TryGetValue(instrument, out var p) ? p : (decimal?)null);
    }

    /// <summary>Fills at the close of the last bar that ended at or before the order time (no look-ahead).</summary>
    public sealed class BarPriceSource : IFillPriceSource
    {
        private readonly Dictionary<string, KeyValuePair<DateTime[], decimal[]>> _bars = new Dictionary<string, KeyValuePair<DateTime[], decimal[]>>(StringComparer.Ordinal);

        /// <summary>Adds the bars of one instrument: end-of-bar times (UTC, strictly increasing) and closes (&gt; 0).</summary>
        public BarPriceSource Add(string instrument, IReadOnlyList<DateTime> barEndTimes, IReadOnlyList<decimal> closes)
        {
            Guard.NotBlank(instrument, nameof(instrument));
            Guard.NotNull(barEndTimes, nameof(barEndTimes));
            Guard.NotNull(closes, nameof(closes));
            if (barEndTimes.Count != closes.Count) throw new ArgumentException($"{barEndTimes.Count} times but {closes.Count} closes for '{instrument}'");
            for (int i = 0; i < closes.Count; i++)
            {
                if (closes[i] <= 0) throw new InvalidInputException($"close of '{instrument}' at {barEndTimes[i]:O} must be > 0, got {closes[i]}");
                if (i > 0 && barEndTimes[i] <= barEndTimes[i - 1]) throw new InvalidInputException($"bar times of '{instrument}' must increase: {barEndTimes[i]:O} after {barEndTimes[i - 1]:O}");
            }
            _bars[instrument] = new KeyValuePair<DateTime[], decimal[]>(barEndTimes.ToArray(), closes.ToArray());
            return this;
        }

        /// <inheritdoc />
        public decimal? PriceAt(string instrument, DateTime utc)
        {
            if (!_bars.TryGetValue(instrument, out var b)) return null;
            int k = Array.BinarySearch(b.Key, utc);
            if (k < 0) k = ~k - 1;
            return k >= 0 ? b.Value[k] : (decimal?)null;
        }
    }
}
