using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// Target risk budgets <c>b</c>: the fraction of portfolio variance each asset should contribute.
    /// Invariants (checked on construction): every <c>b_i</c> is finite and &gt; 0 and the budgets sum to 1
    /// within <see cref="SumTolerance"/>. Bad entries throw <see cref="InvalidInputException"/> naming the entry.
    /// </summary>
    public sealed class RiskBudgets
    {
        /// <summary>Allowed |sum(b) - 1|.</summary>
        public const double SumTolerance = 1e-8;

        private readonly double[] _values;

        private RiskBudgets(double[] values) => _values = values;

        /// <summary>Number of assets.</summary>
        public int Count => _values.Length;

        /// <summary>The budgets, fractions summing to 1, in asset order.</summary>
        public IReadOnlyList<double> Values => _values;

        /// <summary>Equal budgets <c>1/n</c> (equal risk contribution, "ERC").</summary>
        public static RiskBudgets Equal(int assetCount)
        {
            Guard.Positive(assetCount, nameof(assetCount));
            var b = new double[assetCount];
            for (int i = 0; i < b.Length; i++) b[i] = 1.0 / assetCount;
            return new RiskBudgets(b);
        }

        /// <summary>
        /// Budgets given as fractions that must already sum to 1. <paramref name="assets"/>, when given, is used
        /// to name bad entries in messages and must have the same length.
        /// </summary>
        public static RiskBudgets From(IReadOnlyList<double> budgets, IReadOnlyList<string>? assets = null)
        {
            var b = CheckEntries(budgets, assets);
            double sum = Sum(b);
            if (Math.Abs(sum - 1.0) > SumTolerance)
                throw new InvalidInputException(
                    $"risk budgets must sum to 1 (within {Guard.Format(SumTolerance)}), got {Guard.Format(sum)}; " +
                    $"use RiskBudgets.FromProportions to rescale positive proportions");
            return new RiskBudgets(b);
        }

        /// <summary>Positive proportions of any scale (e.g. 2, 1, 1), rescaled to sum to 1.</summary>
        public static RiskBudgets FromProportions(IReadOnlyList<double> proportions, IReadOnlyList<string>? assets = null)
        {
            var b = CheckEntries(proportions, assets);
            double sum = Sum(b);
            if (double.IsInfinity(sum))
                throw new InvalidInputException($"risk budget proportions overflow when summed (sum is {Guard.Format(sum)})");
            for (int i = 0; i < b.Length; i++) b[i] /= sum;
            return new RiskBudgets(b);
        }

        /// <summary>
        /// Budgets keyed by asset name (e.g. read from a budgets file), ordered like <paramref name="assets"/>.
        /// Every asset needs a budget and every key must be an asset; both failures name the assets concerned.
        /// </summary>
        public static RiskBudgets FromMap(IReadOnlyList<string> assets, IReadOnlyDictionary<string, double> budgetsByAsset)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.NotNull(budgetsByAsset, nameof(budgetsByAsset));
            var known = new HashSet<string>(assets, StringComparer.Ordinal);
            var unknown = budgetsByAsset.Keys.Where(k => !known.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                throw new InvalidInputException($"risk budgets name unknown asset(s) {Quote(unknown)} (known: {string.Join(", ", assets)})");
            var missing = assets.Where(a => !budgetsByAsset.ContainsKey(a)).ToList();
            if (missing.Count > 0)
                throw new InvalidInputException($"no risk budget given for asset(s) {Quote(missing)}");
            var values = new double[assets.Count];
            for (int i = 0; i < values.Length; i++) values[i] = budgetsByAsset[assets[i]];
            return From(values, assets);
        }

        /// <summary>A copy of the budgets.</summary>
        public double[] ToArray() => (double[])_values.Clone();

        private static double[] CheckEntries(IReadOnlyList<double> budgets, IReadOnlyList<string>? assets)
        {
            Guard.NotNull(budgets, nameof(budgets));
            if (budgets.Count == 0) throw new InvalidInputException("risk budgets are empty");
            if (assets != null && assets.Count != budgets.Count)
                throw new InvalidInputException($"{budgets.Count} risk budgets for {assets.Count} assets");
            var b = new double[budgets.Count];
            var bad = new List<string>();
            for (int i = 0; i < b.Length; i++)
            {
                double v = budgets[i];
                b[i] = v;
                if (double.IsNaN(v) || double.IsInfinity(v) || v <= 0)
                    bad.Add($"{Name(i, assets)} = {Guard.Format(v)}");
            }
            if (bad.Count > 0)
                throw new InvalidInputException($"risk budgets must be finite and > 0; bad: {string.Join("; ", bad)}");
            return b;
        }

        private static double Sum(double[] b)
        {
            double s = 0;
            for (int i = 0; i < b.Length; i++) s += b[i];
            return s;
        }

        private static string Name(int i, IReadOnlyList<string>? assets)
            => assets == null ? "budget[" + i.ToString(CultureInfo.InvariantCulture) + "]"
                : "budget[" + i.ToString(CultureInfo.InvariantCulture) + "] ('" + assets[i] + "')";

        private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));
    }
}
