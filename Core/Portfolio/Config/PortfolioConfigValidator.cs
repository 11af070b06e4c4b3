using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Portfolio.Config
{
    /// <summary>
    /// Checks a <see cref="PortfolioManagerConfig"/>. Every problem is reported as "path: what is wrong, got value"
    /// (<c>portfolios[0].cashBuffer must be in [0, 1), got 1.5</c>; limits: <c>portfolios[0].limits: max weight 0.2 x 4 assets = 0.8 &lt; 1 (budget)</c>); <see cref="Validate"/> throws one
    /// <see cref="InvalidInputException"/> listing all of them, one per line.
    /// </summary>
    public static class PortfolioConfigValidator
    {
        /// <summary>The methods the manager supports: "fixed" weights and every catalog method that needs no parameter.</summary>
        public static readonly IReadOnlyList<string> Methods =
            new[] { "fixed" }.Concat(OptimizerCatalog.All.Where(s => s.NeedsNoParameters).Select(s => s.Name)).ToList();

        /// <summary>Throws <see cref="InvalidInputException"/> naming every bad field; returns the config when valid.</summary>
        public static PortfolioManagerConfig Validate(PortfolioManagerConfig config, string source = "config")
        {
            var errors = Check(config);
            if (errors.Count > 0) throw new InvalidInputException($"{source}: {errors.Count} problem(s):\n" + string.Join("\n", errors));
            return config;
        }

        /// <summary>All problems, in field order (empty when valid).</summary>
        public static IReadOnlyList<string> Check(PortfolioManagerConfig config)
        {
            Guard.NotNull(config, nameof(config));
            var e = new List<string>();
            if (config.Portfolios == null || config.Portfolios.Count == 0) { e.Add("portfolios: at least one portfolio is needed"); return e; }
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int p = 0; p < config.Portfolios.Count; p++)
            {
                string at = $"portfolios[{p}]";
                var pc = config.Portfolios[p];
                if (pc == null) { e.Add($"{at}: must be an object, got null"); continue; }
                if (string.IsNullOrWhiteSpace(pc.Name)) e.Add($"{at}.name must not be empty, got \"{pc.Name}\"");
                else if (!names.Add(pc.Name)) e.Add($"{at}.name must be unique, got \"{pc.Name}\" a second time");
                if (string.IsNullOrWhiteSpace(pc.Account)) e.Add($"{at}.account must name the broker account, got \"{pc.Account}\"");
                CheckInstruments(pc, at, e);
                CheckOptimization(pc, at, e);
                CheckLimits(pc, at, e);
                try { RebalancePolicy.Parse(pc.Rebalance ?? ""); }
                catch (InvalidInputException) { e.Add($"{at}.rebalance must be none|daily|weekly|monthly|quarterly|drift:X with X in (0, 1], got \"{pc.Rebalance}\""); }
                if (pc.CommissionPerUnit < 0) e.Add($"{at}.commissionPerUnit must be >= 0, got {pc.CommissionPerUnit.ToString(CultureInfo.InvariantCulture)}");
                if (!(pc.CashBuffer >= 0 && pc.CashBuffer < 1)) e.Add($"{at}.cashBuffer must be in [0, 1), got {F(pc.CashBuffer)}");
                if (!(pc.ExecutionHorizonDays > 0) || double.IsInfinity(pc.ExecutionHorizonDays)) e.Add($"{at}.executionHorizonDays must be > 0, got {F(pc.ExecutionHorizonDays)}");
                CheckCurrencies(pc, at, e);
            }
            return e;
        }

        private static void CheckInstruments(PortfolioConfig pc, string at, List<string> e)
        {
            if (pc.Instruments == null || pc.Instruments.Count == 0) { e.Add($"{at}.instruments: at least one instrument is needed"); return; }
            var symbols = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < pc.Instruments.Count; i++)
            {
                string ai = $"{at}.instruments[{i}]";
                var ic = pc.Instruments[i];
                if (ic == null) { e.Add($"{ai}: must be an object, got null"); continue; }
                if (string.IsNullOrWhiteSpace(ic.Symbol)) e.Add($"{ai}.symbol must not be empty, got \"{ic.Symbol}\"");
                else if (!symbols.Add(ic.Symbol)) e.Add($"{ai}.symbol must be unique in the portfolio, got \"{ic.Symbol}\" a second time");
                if (ic.PointValue <= 0) e.Add($"{ai}.pointValue must be > 0, got {ic.PointValue.ToString(CultureInfo.InvariantCulture)}");
                if (ic.LotSize < 1) e.Add($"{ai}.lotSize must be a whole number >= 1, got {ic.LotSize}");
                if (ic.AverageDailyVolume is double adv && !(adv > 0 && !double.IsInfinity(adv))) e.Add($"{ai}.averageDailyVolume must be > 0, got {F(adv)}");
                if (ic.Spread is double sp && !(sp >= 0 && sp < 1)) e.Add($"{ai}.spread must be a fraction of price in [0, 1), got {F(sp)}");
            }
        }

        private static void CheckCurrencies(PortfolioConfig pc, string at, List<string> e)
        {
            string account = (pc.AccountCurrency ?? "").Trim().ToUpperInvariant();
            if (account.Length != 3) { e.Add($"{at}.accountCurrency must be a 3-letter code, got \"{pc.AccountCurrency}\""); return; }
            var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            foreach (var kv in (pc.FxRates ?? new Dictionary<string, decimal>()).OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (kv.Value <= 0) e.Add($"{at}.fxRates.{kv.Key} must be > 0, got {kv.Value.ToString(CultureInfo.InvariantCulture)}");
                else if (string.Equals(kv.Key, account, StringComparison.OrdinalIgnoreCase) && kv.Value != 1m) e.Add($"{at}.fxRates.{kv.Key} is the account currency, so it must be 1, got {kv.Value.ToString(CultureInfo.InvariantCulture)}");
                rates[kv.Key] = kv.Value;
            }
            for (int i = 0; i < (pc.Instruments?.Count ?? 0); i++)
            {
                string? c = pc.Instruments![i]?.Currency;
                if (c == null || string.Equals(c, account, StringComparison.OrdinalIgnoreCase)) continue;
                if (!rates.ContainsKey(c)) e.Add($"{at}.instruments[{i}].currency \"{c}\" has no rate in {at}.fxRates (account currency {account})");
            }
        }

        private static void CheckOptimization(PortfolioConfig pc, string at, List<string> e)
        {
            var o = pc.Optimization;
            if (o == null) { e.Add($"{at}.optimization must be an object, got null"); return; }
            if (!Methods.Contains(o.Method)) { e.Add($"{at}.optimization.method must be one of {string.Join("|", Methods)}, got \"{o.Method}\""); return; }
            if (o.Method == "fixed")
            {
                var symbols = new HashSet<string>((pc.Instruments ?? new List<InstrumentConfig>()).Where(i => i != null).Select(i => i.Symbol), StringComparer.Ordinal);
                if (o.Weights == null || o.Weights.Count == 0) e.Add($"{at}.optimization.weights: method fixed needs weights by symbol");
                else
                    foreach (var kv in o.Weights.OrderBy(k => k.Key, StringComparer.Ordinal))
                    {
                        if (!symbols.Contains(kv.Key)) e.Add($"{at}.optimization.weights.{kv.Key}: unknown instrument \"{kv.Key}\" (not in instruments)");
                        if (double.IsNaN(kv.Value) || double.IsInfinity(kv.Value)) e.Add($"{at}.optimization.weights.{kv.Key} must be finite, got {F(kv.Value)}");
                    }
            }
            else
            {
                if (o.Weights != null && o.Weights.Count > 0) e.Add($"{at}.optimization.weights is only for method fixed, got {o.Weights.Count} weight(s) with method \"{o.Method}\"");
                if (o.Lookback < 2) e.Add($"{at}.optimization.lookback must be a whole number >= 2, got {o.Lookback}");
                try { CovarianceMethodNames.Parse(o.Covariance); }
                catch (InvalidInputException) { e.Add($"{at}.optimization.covariance must be {CovarianceMethodNames.Choices}, got \"{o.Covariance}\""); }
                if (double.IsNaN(o.RiskFreePerPeriod) || double.IsInfinity(o.RiskFreePerPeriod)) e.Add($"{at}.optimization.riskFreePerPeriod must be finite, got {F(o.RiskFreePerPeriod)}");
            }
        }

        // Each limit against its declaration (LimitCatalog), then, when every field it needs is sound, the limits together
        // against the instruments: ConstraintFeasibilityCheck, the optimizer's own check, not a copy of its arithmetic.
        private static void CheckLimits(PortfolioConfig pc, string at, List<string> e)
        {
            var l = pc.Limits;
            if (l == null) { e.Add($"{at}.limits must be an object, got null"); return; }
            int before = e.Count;
            Limit(e, $"{at}.limits.minWeight", LimitCatalog.MinWeight, l.MinWeight);
            Limit(e, $"{at}.limits.maxWeight", LimitCatalog.MaxWeight, l.MaxWeight);
            var sectors = new HashSet<string>((pc.Instruments ?? new List<InstrumentConfig>()).Where(i => i?.Sector != null).Select(i => i.Sector!), StringComparer.Ordinal);
            foreach (var kv in (l.SectorMax ?? new Dictionary<string, double>()).OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (!sectors.Contains(kv.Key)) e.Add($"{at}.limits.sectorMax.{kv.Key}: no instrument has sector \"{kv.Key}\"");
                Limit(e, $"{at}.limits.sectorMax.{kv.Key}", LimitCatalog.SectorMax, kv.Value);
            }
            if (e.Count > before || !Feasible(pc)) return;
            var c = pc.Constraints();
            // Fixed weights are the user's own: the limits only cap sizing, so no budget or leverage is imposed on them.
            if (pc.Optimization.Method == "fixed") c = c.WithBudget(null).WithMaxLeverage(null);
            foreach (var conflict in ConstraintFeasibilityCheck.Conflicts(pc.Instruments.Select(i => i.Symbol).ToList(), c))
                e.Add($"{at}.limits: {conflict}");
        }

        // The limits can be put together: instruments with unique symbols and a known method (else those fields are reported).
        private static bool Feasible(PortfolioConfig pc)
            => pc.Instruments != null && pc.Instruments.Count > 0 && pc.Instruments.All(i => i != null && !string.IsNullOrWhiteSpace(i.Symbol))
               && pc.Instruments.Select(i => i.Symbol).Distinct(StringComparer.Ordinal).Count() == pc.Instruments.Count
               && pc.Optimization != null && Methods.Contains(pc.Optimization.Method) && pc.Limits.SectorMax != null;

        private static void Limit(List<string> e, string path, LimitSpec spec, double value)
        {
            if (spec.Problem(value) is string problem) e.Add($"{path}: {problem}");
        }

        private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
