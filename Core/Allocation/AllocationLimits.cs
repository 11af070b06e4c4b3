using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Tca;
using NinjaTraderPortfolio.Core.Optimization.Constraints;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>
    /// Immutable allocation limits over a fixed asset list: per-asset weight bounds (fractions of portfolio value,
    /// negative = short), sector caps on |net sector weight|, gross leverage <c>sum |w|</c>, net leverage <c>sum w</c>
    /// bounds, and a maximum absolute notional per instrument (currency). Absent limits are unbounded. Derive it from the
    /// optimizer's limits with <see cref="From"/>, so the engine's breach checks read the same model; it is also the
    /// planner's <see cref="IAllocationLimits"/> (|weight| cap = max(|min|, |max|), notional cap).
    /// </summary>
    public sealed class AllocationLimits : IAllocationLimits
    {
        private readonly double[] _min, _max, _notional, _sectorCaps;
        private readonly int[] _sectorOf;
        private readonly int[][] _members;
        private readonly string[] _sectors;

        /// <summary>
        /// Creates the limits. <paramref name="minWeights"/>/<paramref name="maxWeights"/>: per asset (null = -inf/+inf);
        /// <paramref name="sectorOf"/>: asset -&gt; sector (assets not listed belong to no sector);
        /// <paramref name="sectorCaps"/>: sector -&gt; cap on |net weight| (&gt; 0); <paramref name="maxNotional"/>: asset -&gt; currency.
        /// Throws <see cref="InvalidInputException"/> naming unknown assets/sectors or inconsistent bounds.
        /// </summary>
        public AllocationLimits(IReadOnlyList<string> assets, double[]? minWeights = null, double[]? maxWeights = null,
            IReadOnlyDictionary<string, string>? sectorOf = null, IReadOnlyDictionary<string, double>? sectorCaps = null,
            double? maxGrossLeverage = null, double? minNetLeverage = null, double? maxNetLeverage = null,
            IReadOnlyDictionary<string, decimal>? maxNotional = null)
        {
            Guard.NotEmpty(assets, nameof(assets));
            Assets = assets.ToArray();
            int n = Assets.Count;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                Guard.NotBlank(Assets[i], nameof(assets));
                if (index.ContainsKey(Assets[i])) throw new InvalidInputException($"duplicate asset '{Assets[i]}' in limits");
                index[Assets[i]] = i;
            }
            _min = Fill(minWeights, n, double.NegativeInfinity, nameof(minWeights));
            _max = Fill(maxWeights, n, double.PositiveInfinity, nameof(maxWeights));
            for (int i = 0; i < n; i++)
                if (_min[i] > _max[i])
                    throw new InvalidInputException($"limits for '{Assets[i]}': minimum weight {Guard.Format(_min[i])} exceeds maximum {Guard.Format(_max[i])}");
            _sectorOf = Enumerable.Repeat(-1, n).ToArray();
            var sectors = new List<string>();
            if (sectorOf != null)
            {
                foreach (var kv in sectorOf)
                {
                    if (!index.TryGetValue(kv.Key, out int i)) throw new InvalidInputException($"sector map names unknown asset '{kv.Key}'");
                    string s = Guard.NotBlank(kv.Value, "sector");
                    int k = sectors.IndexOf(s);
                    if (k < 0) { k = sectors.Count; sectors.Add(s); }
                    _sectorOf[i] = k;
                }
            }
            _sectors = sectors.ToArray();
            _members = new int[_sectors.Length][];
            for (int k = 0; k < _sectors.Length; k++) _members[k] = Enumerable.Range(0, n).Where(i => _sectorOf[i] == k).ToArray();
            _sectorCaps = Enumerable.Repeat(double.PositiveInfinity, _sectors.Length).ToArray();
            if (sectorCaps != null)
            {
                foreach (var kv in sectorCaps)
                {
                    int k = Array.IndexOf(_sectors, kv.Key);
                    if (k < 0) throw new InvalidInputException($"sector cap for '{kv.Key}', but no asset belongs to that sector (known: {string.Join(", ", _sectors)})");
                    _sectorCaps[k] = Guard.Positive(kv.Value, $"sector cap '{kv.Key}'");
                }
            }
            if (maxGrossLeverage.HasValue) Guard.Positive(maxGrossLeverage.Value, nameof(maxGrossLeverage));
            if (minNetLeverage.HasValue) Guard.Finite(minNetLeverage.Value, nameof(minNetLeverage));
            if (maxNetLeverage.HasValue) Guard.Finite(maxNetLeverage.Value, nameof(maxNetLeverage));
            if (minNetLeverage > maxNetLeverage)
                throw new InvalidInputException($"minimum net leverage {Guard.Format(minNetLeverage!.Value)} exceeds maximum {Guard.Format(maxNetLeverage!.Value)}");
            MaxGrossLeverage = maxGrossLeverage;
            MinNetLeverage = minNetLeverage;
            MaxNetLeverage = maxNetLeverage;
            _notional = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
            if (maxNotional != null)
            {
                foreach (var kv in maxNotional)
                {
                    if (!index.TryGetValue(kv.Key, out int i)) throw new InvalidInputException($"notional limit names unknown asset '{kv.Key}'");
                    _notional[i] = (double)Guard.Positive(kv.Value, $"max notional '{kv.Key}'");
                }
            }
        }

        /// <summary>
        /// The breach-check view of the optimizer's limits <paramref name="constraints"/> over <paramref name="assets"/>: each
        /// asset's weight range, the sector map and caps (on |net sector weight|, so a cap must be &gt; 0), the gross leverage
        /// cap, the budget as the highest net leverage, and <paramref name="maxNotional"/> (currency, by asset). Sector floors
        /// and the turnover cap compare against targets or current weights, not a weight vector alone: they are refused here
        /// rather than dropped silently. Throws <see cref="InvalidInputException"/> naming the limit.
        /// </summary>
        public static AllocationLimits From(PortfolioConstraints constraints, IReadOnlyList<string> assets, IReadOnlyDictionary<string, decimal>? maxNotional = null)
        {
            Guard.NotNull(constraints, nameof(constraints));
            Guard.NotNull(assets, nameof(assets));
            if (constraints.SectorMin.Count > 0)
                throw new InvalidInputException($"sector floor of '{constraints.SectorMin.Keys.OrderBy(k => k, StringComparer.Ordinal).First()}': allocation limits check caps only, not floors");
            if (constraints.MaxTurnover.HasValue)
                throw new InvalidInputException("max turnover: allocation limits check a weight vector, not its change from current weights");
            var ranges = assets.Select(constraints.RangeOf).ToArray();
            var sectorOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var a in assets) if (constraints.SectorOf(a) is string sector) sectorOf[a] = sector;
            return new AllocationLimits(assets, ranges.Select(r => r.Min).ToArray(), ranges.Select(r => r.Max).ToArray(), sectorOf,
                constraints.SectorMax, constraints.MaxLeverage, null, constraints.Budget, maxNotional);
        }

        /// <summary>Assets in weight order.</summary>
        public IReadOnlyList<string> Assets { get; }

        /// <summary>Per-asset minimum weight (-infinity when none).</summary>
        public IReadOnlyList<double> MinWeights => _min;

        /// <summary>Per-asset maximum weight (+infinity when none).</summary>
        public IReadOnlyList<double> MaxWeights => _max;

        /// <summary>Per-asset maximum absolute notional in currency (+infinity when none).</summary>
        public IReadOnlyList<double> MaxNotional => _notional;

        /// <summary>Sector names, in first-seen order.</summary>
        public IReadOnlyList<string> Sectors => _sectors;

        /// <summary>Per-asset sector index into <see cref="Sectors"/>, -1 for none.</summary>
        public IReadOnlyList<int> SectorOf => _sectorOf;

        /// <summary>Asset indices of each sector (read-only use): lets checks run in O(N) per bar.</summary>
        internal int[][] SectorMembers => _members;

        /// <summary>Per-sector cap on |net weight| (+infinity when none).</summary>
        public IReadOnlyList<double> SectorCaps => _sectorCaps;

        /// <summary>Maximum <c>sum |w_i|</c>, or null.</summary>
        public double? MaxGrossLeverage { get; }

        /// <summary>Minimum <c>sum w_i</c>, or null.</summary>
        public double? MinNetLeverage { get; }

        /// <summary>Maximum <c>sum w_i</c>, or null.</summary>
        public double? MaxNetLeverage { get; }

        /// <summary>Upper bound on the number of breaches one check can report (buffer size for allocation-free checks).</summary>
        public int MaxBreaches => 2 * Assets.Count + _sectors.Length + 3;

        /// <summary>The planner's |weight| cap of <paramref name="symbol"/>: max(|min|, |max|) of its weights; null when unbounded or unknown.</summary>
        double? IAllocationLimits.MaxWeight(string symbol)
        {
            int i = IndexOf(symbol);
            if (i < 0) return null;
            double cap = Math.Max(Math.Abs(_min[i]), Math.Abs(_max[i]));
            return double.IsInfinity(cap) ? (double?)null : cap;
        }

        /// <summary>The planner's notional cap of <paramref name="symbol"/> (currency); null when unbounded or unknown.</summary>
        decimal? IAllocationLimits.MaxNotional(string symbol)
        {
            int i = IndexOf(symbol);
            return i < 0 || double.IsInfinity(_notional[i]) ? (decimal?)null : (decimal)_notional[i];
        }

        private int IndexOf(string symbol)
        {
            for (int i = 0; i < Assets.Count; i++) if (string.Equals(Assets[i], symbol, StringComparison.Ordinal)) return i;
            return -1;
        }

        private static double[] Fill(double[]? v, int n, double fallback, string name)
        {
            if (v == null) return Enumerable.Repeat(fallback, n).ToArray();
            if (v.Length != n) throw new ArgumentException($"{name} must have {n} elements, got {v.Length}", name);
            for (int i = 0; i < n; i++)
                if (double.IsNaN(v[i])) throw new ArgumentException($"{name}[{i}] must not be NaN", name);
            return (double[])v.Clone();
        }
    }
}
