using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Maps assets to sectors and measures sector exposure, concentration and cap breaches.</summary>
    public sealed class SectorManager
    {
        private readonly Dictionary<string, string> _sectorOf;
        private readonly List<string> _sectors = new List<string>();
        private readonly Dictionary<string, double> _caps;

        /// <summary>
        /// Creates the manager from an asset -&gt; sector map and optional caps on |net sector weight| (fractions, &gt; 0).
        /// A cap for a sector no asset belongs to is an error.
        /// </summary>
        public SectorManager(IReadOnlyDictionary<string, string> sectorOf, IReadOnlyDictionary<string, double>? caps = null)
        {
            Guard.NotNull(sectorOf, nameof(sectorOf));
            _sectorOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in sectorOf)
            {
                Guard.NotBlank(kv.Key, "asset");
                string s = Guard.NotBlank(kv.Value, $"sector of '{kv.Key}'");
                _sectorOf[kv.Key] = s;
                if (!_sectors.Contains(s)) _sectors.Add(s);
            }
            _caps = new Dictionary<string, double>(StringComparer.Ordinal);
            if (caps != null)
            {
                foreach (var kv in caps)
                {
                    if (!_sectors.Contains(kv.Key))
                        throw new InvalidInputException($"sector cap for '{kv.Key}', but no asset belongs to that sector (known: {string.Join(", ", _sectors)})");
                    _caps[kv.Key] = Guard.Positive(kv.Value, $"cap of sector '{kv.Key}'");
                }
            }
        }

        /// <summary>Sector names, first-seen order.</summary>
        public IReadOnlyList<string> Sectors => _sectors;

        /// <summary>The sector of <paramref name="asset"/>, or null when unknown.</summary>
        public string? SectorOf(string asset) => asset != null && _sectorOf.TryGetValue(asset, out var s) ? s : null;

        /// <summary>
        /// Exposures of <paramref name="weights"/> (fractions, one per asset in <paramref name="assets"/>). Assets with no
        /// sector and a nonzero weight are listed in <see cref="SectorReport.UnknownAssets"/>.
        /// </summary>
        public SectorReport Analyze(IReadOnlyList<string> assets, IReadOnlyList<double> weights)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.Length(weights, assets.Count, nameof(weights));
            var net = new double[_sectors.Count];
            var gross = new double[_sectors.Count];
            var unknown = new List<string>();
            double unknownWeight = 0;
            for (int i = 0; i < assets.Count; i++)
            {
                double w = Guard.Finite(weights[i], $"weight of '{assets[i]}'");
                var s = SectorOf(assets[i]);
                if (s == null)
                {
                    if (w != 0) { unknown.Add(assets[i]); unknownWeight += w; }
                    continue;
                }
                int k = _sectors.IndexOf(s);
                net[k] += w;
                gross[k] += Math.Abs(w);
            }
            double total = 0;
            foreach (var g in gross) total += g;
            double hhi = 0;
            for (int k = 0; k < gross.Length; k++) hhi += (gross[k] / total) * (gross[k] / total);
            var list = new List<SectorExposure>();
            for (int k = 0; k < _sectors.Count; k++)
                list.Add(new SectorExposure(_sectors[k], net[k], gross[k], _caps.TryGetValue(_sectors[k], out var c) ? c : (double?)null));
            return new SectorReport(list, total > 0 ? hhi : double.NaN, unknown, unknownWeight);
        }
    }
}
