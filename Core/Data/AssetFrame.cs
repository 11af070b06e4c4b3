using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>What the values of an <see cref="AssetFrame"/> are.</summary>
    public enum FrameKind
    {
        /// <summary>Prices (or index levels), strictly positive.</summary>
        Prices,
        /// <summary>Simple returns per period, as fractions (0.01 = 1%).</summary>
        SimpleReturns,
        /// <summary>Log returns per period, ln(P_t / P_{t-1}).</summary>
        LogReturns,
    }

    /// <summary>
    /// An immutable, time-aligned table: one column per asset, one row per timestamp (strictly increasing).
    /// Values are finite. Storage is column-major (each asset's series contiguous) so covariance and
    /// per-asset statistics run over contiguous memory.
    /// </summary>
    public sealed class AssetFrame
    {
        /// <summary>Largest price accepted (currency per unit): squares of returns and money (decimal) on larger prices overflow.</summary>
        public const double MaxPrice = 1e15;

        private readonly DateTime[] _dates;
        private readonly string[] _assets;
        private readonly double[][] _columns;
        private readonly Dictionary<string, int> _index;

        /// <summary>
        /// Creates a frame. <paramref name="columns"/>[asset][row]; the arrays are copied.
        /// Throws <see cref="InvalidInputException"/> on unsorted or duplicate dates, duplicate assets,
        /// ragged columns or non-finite values.
        /// </summary>
        public AssetFrame(IReadOnlyList<DateTime> dates, IReadOnlyList<string> assets, IReadOnlyList<double[]> columns, FrameKind kind, string source = "data")
            : this(Copy(dates), Copy(assets), CopyColumns(columns), kind, source, validate: true)
        {
        }

        private AssetFrame(DateTime[] dates, string[] assets, double[][] columns, FrameKind kind, string source, bool validate)
        {
            _dates = dates;
            _assets = assets;
            _columns = columns;
            Kind = kind;
            Source = source ?? "data";
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int j = 0; j < assets.Length; j++)
            {
                if (string.IsNullOrWhiteSpace(assets[j]))
                    throw new InvalidInputException($"{Source}: asset name in column {j + 1} is empty");
                if (_index.ContainsKey(assets[j]))
                    throw new InvalidInputException($"{Source}: duplicate asset name '{assets[j]}'");
                _index.Add(assets[j], j);
            }
            if (validate) Validate();
        }

        /// <summary>Builds a frame over arrays the caller gives up (no copy). Core-internal fast path; still validated.</summary>
        internal static AssetFrame Wrap(DateTime[] dates, string[] assets, double[][] columns, FrameKind kind, string source)
            => new AssetFrame(dates, assets, columns, kind, source, validate: true);

        /// <summary>Where the data came from (file name or description), used in error messages.</summary>
        public string Source { get; }

        /// <summary>Prices or returns (and which kind).</summary>
        public FrameKind Kind { get; }

        /// <summary>Timestamps, strictly increasing.</summary>
        public IReadOnlyList<DateTime> Dates => _dates;

        /// <summary>Asset names, unique, in column order.</summary>
        public IReadOnlyList<string> Assets => _assets;

        /// <summary>Number of rows (timestamps).</summary>
        public int Rows => _dates.Length;

        /// <summary>Number of assets (columns).</summary>
        public int AssetCount => _assets.Length;

        /// <summary>Value at <paramref name="row"/> for asset column <paramref name="asset"/>.</summary>
        public double this[int row, int asset] => _columns[asset][row];

        /// <summary>Column index of <paramref name="asset"/>; throws <see cref="InvalidInputException"/> naming unknown assets.</summary>
        public int IndexOf(string asset)
        {
            if (asset != null && _index.TryGetValue(asset, out int j)) return j;
            throw new InvalidInputException($"{Source}: unknown asset '{asset}' (known: {string.Join(", ", _assets)})");
        }

        /// <summary>True when the frame has a column named <paramref name="asset"/>.</summary>
        public bool Contains(string asset) => asset != null && _index.ContainsKey(asset);

        /// <summary>A copy of one asset's series.</summary>
        public double[] CopyColumn(int asset) => (double[])_columns[asset].Clone();

        /// <summary>Direct read access to the column storage for Core's numeric kernels. Never mutate.</summary>
        internal double[][] Columns => _columns;

        /// <summary>Direct read access to the date storage. Never mutate.</summary>
        internal DateTime[] DateArray => _dates;

        /// <summary>The rows in [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
        public AssetFrame Slice(int start, int count)
        {
            if (start < 0 || count < 0 || start + count > Rows)
                throw new ArgumentOutOfRangeException(nameof(start), $"slice [{start}, {start + count}) is outside 0..{Rows}");
            var dates = new DateTime[count];
            Array.Copy(_dates, start, dates, 0, count);
            var cols = new double[_columns.Length][];
            for (int j = 0; j < cols.Length; j++)
            {
                cols[j] = new double[count];
                Array.Copy(_columns[j], start, cols[j], 0, count);
            }
            return new AssetFrame(dates, _assets, cols, Kind, Source, validate: false);
        }

        /// <summary>The named assets, in the order given.</summary>
        public AssetFrame Select(IReadOnlyList<string> assets)
        {
            Guard.NotNull(assets, nameof(assets));
            var cols = new double[assets.Count][];
            var names = new string[assets.Count];
            for (int k = 0; k < assets.Count; k++)
            {
                names[k] = assets[k];
                cols[k] = _columns[IndexOf(assets[k])];
            }
            return new AssetFrame(_dates, names, cols, Kind, Source, validate: false);
        }

        private void Validate()
        {
            if (_columns.Length != _assets.Length)
                throw new InvalidInputException($"{Source}: {_assets.Length} asset names but {_columns.Length} columns");
            for (int j = 0; j < _columns.Length; j++)
            {
                if (_columns[j] == null || _columns[j].Length != _dates.Length)
                    throw new InvalidInputException($"{Source}: column '{_assets[j]}' has {(_columns[j]?.Length ?? 0)} values but there are {_dates.Length} dates");
            }
            for (int t = 1; t < _dates.Length; t++)
            {
                if (_dates[t] == _dates[t - 1])
                    throw new InvalidInputException($"{Source}: duplicate timestamp {FormatDate(_dates[t])} at row {t + 1}");
                if (_dates[t] < _dates[t - 1])
                    throw new InvalidInputException($"{Source}: timestamps are not sorted: {FormatDate(_dates[t])} at row {t + 1} comes after {FormatDate(_dates[t - 1])}");
            }
            for (int j = 0; j < _columns.Length; j++)
            {
                var c = _columns[j];
                for (int t = 0; t < c.Length; t++)
                {
                    double v = c[t];
                    if (double.IsNaN(v) || double.IsInfinity(v))
                        throw new InvalidInputException($"{Source}: value for asset '{_assets[j]}' is {Guard.Format(v)} at row {t + 1} ({FormatDate(_dates[t])})");
                    if (Kind == FrameKind.Prices && v <= 0)
                        throw new InvalidInputException($"{Source}: price for asset '{_assets[j]}' must be > 0, got {Guard.Format(v)} at row {t + 1} ({FormatDate(_dates[t])})");
                    if (Kind == FrameKind.SimpleReturns && v <= -1)
                        throw new InvalidInputException($"{Source}: return of asset '{_assets[j]}' is {Guard.Format(v)} at row {t + 1} ({FormatDate(_dates[t])}), a loss of 100% or more; simple returns must be > -1");
                    if (Kind == FrameKind.Prices && v > MaxPrice)
                        throw new InvalidInputException($"{Source}: price for asset '{_assets[j]}' is {Guard.Format(v)} at row {t + 1} ({FormatDate(_dates[t])}), above {Guard.Format(MaxPrice)}; statistics and money on it would overflow");
                }
            }
        }

        /// <summary>ISO date, with time when it is not midnight.</summary>
        public static string FormatDate(DateTime d)
            => d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static DateTime[] Copy(IReadOnlyList<DateTime> src)
        {
            Guard.NotNull(src, "dates");
            var a = new DateTime[src.Count];
            for (int i = 0; i < a.Length; i++) a[i] = src[i];
            return a;
        }

        private static string[] Copy(IReadOnlyList<string> src)
        {
            Guard.NotNull(src, "assets");
            var a = new string[src.Count];
            for (int i = 0; i < a.Length; i++) a[i] = src[i];
            return a;
        }

        private static double[][] CopyColumns(IReadOnlyList<double[]> src)
        {
            Guard.NotNull(src, "columns");
            var a = new double[src.Count][];
            for (int i = 0; i < a.Length; i++) a[i] = src[i] == null ? null! : (double[])src[i].Clone();
            return a;
        }
    }
}
