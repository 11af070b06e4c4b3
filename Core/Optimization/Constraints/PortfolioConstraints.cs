using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Limits;

namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// Immutable portfolio limits, all in fractions of portfolio value (0.1 = 10%): a global weight range with
    /// per-asset overrides, sector caps and floors over an asset-to-sector map, a budget (sum of weights, or none),
    /// a gross leverage cap <c>sum |w_i| &lt;= L</c> (or none) and a turnover cap <c>sum |w_i - w0_i| &lt;= T</c>
    /// against current weights. The single source of weight and sector limits: the planner's sizing caps
    /// (<c>Execution.Planning.SizingCaps.From</c>) and the allocation engine's breach checks are derived from it. Each <c>With...</c> returns a
    /// changed copy carrying the value as given: single values are validated once, where the user enters them, against
    /// their declaration in <see cref="LimitCatalog"/>; contradictions between limits (min &gt; max, floors above the
    /// budget, ...) and unknown asset/sector names are reported by <see cref="ConstraintFeasibilityCheck"/>.
    /// </summary>
    public sealed class PortfolioConstraints
    {
        private static readonly IReadOnlyDictionary<string, WeightRange> NoRanges = new Dictionary<string, WeightRange>();
        private static readonly IReadOnlyDictionary<string, string> NoSectors = new Dictionary<string, string>();
        private static readonly IReadOnlyDictionary<string, double> NoLimits = new Dictionary<string, double>();

        private PortfolioConstraints() { }

        /// <summary>
        /// Long-only, fully invested, the declared defaults of <see cref="LimitCatalog"/>: 0 &lt;= w &lt;= 1, sum w = 1,
        /// gross leverage &lt;= 1.
        /// </summary>
        public static PortfolioConstraints LongOnly { get; } = new PortfolioConstraints
        {
            MinWeight = LimitCatalog.MinWeight.Default!.Value,
            MaxWeight = LimitCatalog.MaxWeight.Default!.Value,
            Budget = LimitCatalog.Budget.Default,
            MaxLeverage = LimitCatalog.MaxLeverage.Default,
        };

        /// <summary>Global lowest weight for assets without an override (negative allows shorts). Default 0.</summary>
        public double MinWeight { get; private set; }

        /// <summary>Global highest weight for assets without an override. Default 1.</summary>
        public double MaxWeight { get; private set; }

        /// <summary>Per-asset weight ranges that replace the global ones, by asset name.</summary>
        public IReadOnlyDictionary<string, WeightRange> AssetRanges { get; private set; } = NoRanges;

        /// <summary>Asset name to sector name (assets not listed belong to no sector).</summary>
        public IReadOnlyDictionary<string, string> Sectors { get; private set; } = NoSectors;

        /// <summary>Sector caps: sum of the sector's weights &lt;= cap, by sector name.</summary>
        public IReadOnlyDictionary<string, double> SectorMax { get; private set; } = NoLimits;

        /// <summary>Sector floors: sum of the sector's weights &gt;= floor, by sector name.</summary>
        public IReadOnlyDictionary<string, double> SectorMin { get; private set; } = NoLimits;

        /// <summary>Required sum of weights (1 = fully invested), or null when free (Kelly). Default 1.</summary>
        public double? Budget { get; private set; }

        /// <summary>Gross leverage cap <c>sum |w_i| &lt;= L</c>, or null for none. Default 1.</summary>
        public double? MaxLeverage { get; private set; }

        /// <summary>Turnover cap <c>sum |w_i - w0_i| &lt;= T</c> against <see cref="CurrentWeights"/>, or null for none.</summary>
        public double? MaxTurnover { get; private set; }

        /// <summary>Current weights w0 for the turnover cap, by asset name (missing assets count as 0).</summary>
        public IReadOnlyDictionary<string, double> CurrentWeights { get; private set; } = NoLimits;

        /// <summary>True when some asset may be held short (a lower limit below zero).</summary>
        public bool AllowsShorts => MinWeight < 0 || AssetRanges.Values.Any(r => r.Min < 0);

        /// <summary>Copy with a global weight range [<paramref name="min"/>, <paramref name="max"/>] (fractions, as validated by the caller).</summary>
        public PortfolioConstraints WithWeightRange(double min, double max)
        {
            var c = Copy();
            c.MinWeight = min;
            c.MaxWeight = max;
            return c;
        }

        /// <summary>Copy with an override of one asset's weight range.</summary>
        public PortfolioConstraints WithAssetRange(string asset, double min, double max)
        {
            Guard.NotBlank(asset, nameof(asset));
            var c = Copy();
            c.AssetRanges = new Dictionary<string, WeightRange>(AssetRanges.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal)
            {
                [asset] = new WeightRange(min, max),
            };
            return c;
        }

        /// <summary>Copy with the asset-to-sector map replaced.</summary>
        public PortfolioConstraints WithSectors(IReadOnlyDictionary<string, string> assetToSector)
        {
            Guard.NotNull(assetToSector, nameof(assetToSector));
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in assetToSector) map[Guard.NotBlank(kv.Key, "asset")] = Guard.NotBlank(kv.Value, $"sector of asset '{kv.Key}'");
            var c = Copy();
            c.Sectors = map;
            return c;
        }

        /// <summary>Copy with a cap on the sum of <paramref name="sector"/>'s weights.</summary>
        public PortfolioConstraints WithSectorMax(string sector, double cap)
        {
            var c = Copy();
            c.SectorMax = With(SectorMax, sector, cap);
            return c;
        }

        /// <summary>Copy with a floor on the sum of <paramref name="sector"/>'s weights.</summary>
        public PortfolioConstraints WithSectorMin(string sector, double floor)
        {
            var c = Copy();
            c.SectorMin = With(SectorMin, sector, floor);
            return c;
        }

        /// <summary>Copy with a budget (sum of weights), or null for none (e.g. Kelly, which need not be fully invested).</summary>
        public PortfolioConstraints WithBudget(double? budget)
        {
            var c = Copy();
            c.Budget = budget;
            return c;
        }

        /// <summary>Copy with a gross leverage cap (&gt; 0, see <see cref="LimitCatalog.MaxLeverage"/>), or null for none.</summary>
        public PortfolioConstraints WithMaxLeverage(double? maxLeverage)
        {
            var c = Copy();
            c.MaxLeverage = maxLeverage;
            return c;
        }

        /// <summary>Copy with a turnover cap (&gt;= 0) against <paramref name="currentWeights"/> (by asset; missing = 0), or null to remove it.</summary>
        public PortfolioConstraints WithMaxTurnover(double? maxTurnover, IReadOnlyDictionary<string, double>? currentWeights)
        {
            var c = Copy();
            c.MaxTurnover = maxTurnover;
            c.CurrentWeights = NoLimits;
            if (maxTurnover == null) return c;
            Guard.NotNull(currentWeights, nameof(currentWeights));
            var map = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var kv in currentWeights!) map[Guard.NotBlank(kv.Key, "asset")] = kv.Value;
            c.CurrentWeights = map;
            return c;
        }

        /// <summary>Weight range of <paramref name="asset"/>: its override, else the global range.</summary>
        public WeightRange RangeOf(string asset)
            => AssetRanges.TryGetValue(asset, out var r) ? r : new WeightRange(MinWeight, MaxWeight);

        /// <summary>Sector of <paramref name="asset"/>, or null when it has none.</summary>
        public string? SectorOf(string asset) => Sectors.TryGetValue(asset, out var s) ? s : null;

        /// <summary>Current weight w0 of <paramref name="asset"/> (0 when not listed).</summary>
        public double CurrentWeightOf(string asset) => CurrentWeights.TryGetValue(asset, out var w) ? w : 0.0;

        /// <summary>Sector names in a stable order: those with a cap or floor, sorted ordinally.</summary>
        public IReadOnlyList<string> LimitedSectors()
            => SectorMax.Keys.Concat(SectorMin.Keys).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();

        private PortfolioConstraints Copy() => (PortfolioConstraints)MemberwiseClone();

        private static IReadOnlyDictionary<string, double> With(IReadOnlyDictionary<string, double> source, string key, double value)
        {
            Guard.NotBlank(key, "sector");
            var map = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var kv in source) map[kv.Key] = kv.Value;
            map[key] = value;
            return map;
        }
    }
}
