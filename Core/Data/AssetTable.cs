using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// An immutable per-asset value read from a small key/value file (weights, sectors, budgets, expected returns):
    /// assets unique, in file order.
    /// </summary>
    public sealed class AssetTable<T>
    {
        private readonly string[] _assets;
        private readonly Dictionary<string, T> _values;

        internal AssetTable(string source, string valueName, string[] assets, Dictionary<string, T> values)
        {
            Source = source;
            ValueName = valueName;
            _assets = assets;
            _values = values;
        }

        /// <summary>The file the values came from.</summary>
        public string Source { get; }

        /// <summary>The value column's header (e.g. <c>Weight</c>).</summary>
        public string ValueName { get; }

        /// <summary>Assets in file order.</summary>
        public IReadOnlyList<string> Assets => _assets;

        /// <summary>Number of assets.</summary>
        public int Count => _assets.Length;

        /// <summary>The value for <paramref name="asset"/>; <see cref="InvalidInputException"/> naming the file when absent.</summary>
        public T this[string asset]
            => asset != null && _values.TryGetValue(asset, out T? v) ? v : throw new InvalidInputException($"{Source}: no {ValueName} for asset '{asset}'");

        /// <summary>True with the value when <paramref name="asset"/> is in the file.</summary>
        public bool TryGetValue(string asset, out T value)
        {
            if (asset != null && _values.TryGetValue(asset, out T? v)) { value = v; return true; }
            value = default!;
            return false;
        }

        /// <summary>Values in the order of <paramref name="assets"/>; throws naming the first asset the file lacks.</summary>
        public T[] Align(IReadOnlyList<string> assets)
        {
            Guard.NotNull(assets, nameof(assets));
            var r = new T[assets.Count];
            for (int i = 0; i < r.Length; i++) r[i] = this[assets[i]];
            return r;
        }

        /// <summary>Values in the order of <paramref name="assets"/>, <paramref name="missing"/> for assets the file lacks.</summary>
        public T[] Align(IReadOnlyList<string> assets, T missing)
        {
            Guard.NotNull(assets, nameof(assets));
            var r = new T[assets.Count];
            for (int i = 0; i < r.Length; i++) r[i] = TryGetValue(assets[i], out T v) ? v : missing;
            return r;
        }
    }
}
