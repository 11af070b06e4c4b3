using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// The parsed options of <c>ntportfolio optimize</c>. Figures the user types (risk-free rate, target return, target
    /// volatility, expected-returns file) are in the units of the output: per period of the input data, or annualised when
    /// <c>--periods-per-year P</c> is given; <see cref="PerPeriodReturn"/> and <see cref="PerPeriodVolatility"/> convert.
    /// </summary>
    internal sealed class OptimizeSettings
    {
        public static readonly string[] Methods = OptimizerCatalog.Names.ToArray();

        public static readonly string[] ValueOptions =
        {
            "returns", "prices", "method", "risk-free", "min-weight", "max-weight", "sectors", "sector-max", "sector-min",
            "max-leverage", "target-return", "target-volatility", "kelly-fraction", "covariance", "expected-returns", "budgets",
            "mix", "frontier", "periods-per-year", "format", "current-weights", "max-turnover",
        };

        /// <summary>Input files: one returns CSV, or one or more price files (CSV or NinjaTrader exports, inner-joined on dates).</summary>
        public IReadOnlyList<string> InputPaths { get; private set; } = Array.Empty<string>();
        public bool InputIsReturns { get; private set; }
        public string Method { get; private set; } = "";
        public double RiskFree { get; private set; }
        public double MinWeight { get; private set; } = LimitCatalog.MinWeight.Default!.Value;
        public double MaxWeight { get; private set; } = LimitCatalog.MaxWeight.Default!.Value;
        public string? SectorsPath { get; private set; }
        public IReadOnlyList<KeyValuePair<string, double>> SectorMax { get; private set; } = Array.Empty<KeyValuePair<string, double>>();
        public IReadOnlyList<KeyValuePair<string, double>> SectorMin { get; private set; } = Array.Empty<KeyValuePair<string, double>>();
        public double? MaxLeverage { get; private set; } = LimitCatalog.MaxLeverage.Default;
        public double? TargetReturn { get; private set; }
        public double? TargetVolatility { get; private set; }
        public double KellyFraction { get; private set; } = 1;
        public string Covariance { get; private set; } = "sample";
        public string? ExpectedReturnsPath { get; private set; }
        public string? BudgetsPath { get; private set; }
        public IReadOnlyList<KeyValuePair<string, double>> Mix { get; private set; } = Array.Empty<KeyValuePair<string, double>>();
        public int? FrontierPoints { get; private set; }
        public int? PeriodsPerYear { get; private set; }
        public bool Json { get; private set; }
        public string? CurrentWeightsPath { get; private set; }
        public double? MaxTurnover { get; private set; }

        /// <summary>True when any weight, sector, leverage or turnover limit was given explicitly.</summary>
        public bool HasExplicitLimits { get; private set; }

        /// <summary>A per-period return from a figure in output units.</summary>
        public double PerPeriodReturn(double x) => PeriodsPerYear is int p ? x / p : x;

        /// <summary>A per-period volatility from a figure in output units.</summary>
        public double PerPeriodVolatility(double x) => PeriodsPerYear is int p ? x / Math.Sqrt(p) : x;

        /// <summary>The optimizer of <see cref="Method"/> from the catalog, with the typed figures converted to per period.</summary>
        public IPortfolioOptimizer CreateOptimizer(IQpSolver solver, RiskBudgets? budgets)
            => OptimizerCatalog.Create(Method, new OptimizerSettings
            {
                Solver = solver,
                KellyFraction = KellyFraction,
                TargetReturn = TargetReturn is double r ? PerPeriodReturn(r) : (double?)null,
                TargetVolatility = TargetVolatility is double v ? PerPeriodVolatility(v) : (double?)null,
                Budgets = budgets,
                Mix = Mix,
            });

        public static OptimizeSettings Parse(IReadOnlyList<string> args)
        {
            var a = CliArgs.Parse(args, ValueOptions);
            var s = new OptimizeSettings();
            bool hasReturns = a.Has("returns"), hasPrices = a.Has("prices");
            if (hasReturns == hasPrices) throw new CliUsageException("give exactly one of --returns FILE or --prices FILE");
            s.InputIsReturns = hasReturns;
            s.InputPaths = hasReturns ? new[] { a.Require("returns") } : a.GetAll("prices");
            s.Method = a.GetChoice("method", null, Methods);
            s.RiskFree = a.GetDouble("risk-free", 0);
            // The limits: each value checked once, here, against its declaration in Core's LimitCatalog.
            s.MinWeight = a.GetLimit("min-weight", LimitCatalog.MinWeight)!.Value;
            s.MaxWeight = a.GetLimit("max-weight", LimitCatalog.MaxWeight)!.Value;
            s.SectorsPath = a.Get("sectors");
            s.SectorMax = CheckPairs("sector-max", a.GetPairs("sector-max"), LimitCatalog.SectorMax);
            s.SectorMin = CheckPairs("sector-min", a.GetPairs("sector-min"), LimitCatalog.SectorMin);
            string? lev = a.Get("max-leverage");
            if (lev != null)
            {
                if (lev == "none") s.MaxLeverage = null;
                else if (LimitCatalog.MaxLeverage.Problem(CliArgs.ParseNumber("max-leverage", lev)) is string problem)
                    throw new CliUsageException($"option --max-leverage: {problem} (or 'none' for no cap)");
                else s.MaxLeverage = CliArgs.ParseNumber("max-leverage", lev);
            }
            s.TargetReturn = a.GetDoubleOrNull("target-return");
            s.TargetVolatility = a.GetDoubleOrNull("target-volatility");
            if (s.TargetVolatility is double tv && tv <= 0) throw new CliUsageException($"option --target-volatility must be > 0, got {Fmt(tv)}");
            s.KellyFraction = a.GetDouble("kelly-fraction", OptimizerCatalog.KellyFraction.Default!.Value);
            if (!OptimizerCatalog.KellyFraction.IsValid(s.KellyFraction)) throw new CliUsageException($"option --kelly-fraction must be {OptimizerCatalog.KellyFraction.RangeText}, got {Fmt(s.KellyFraction)}");
            s.Covariance = a.Get("covariance") ?? "sample";
            s.ExpectedReturnsPath = a.Get("expected-returns");
            s.BudgetsPath = a.Get("budgets");
            s.Mix = a.GetPairs("mix");
            if (a.Has("frontier"))
            {
                int n = a.GetInt("frontier", 0);
                if (n < 2 || n > EfficientFrontier.MaxPoints)
                    throw new CliUsageException($"option --frontier must be a whole number from 2 to {EfficientFrontier.MaxPoints}, got {a.Get("frontier")}");
                s.FrontierPoints = n;
            }
            if (a.Has("periods-per-year"))
            {
                int p = a.GetInt("periods-per-year", 0);
                if (p <= 0) throw new CliUsageException($"option --periods-per-year must be a whole number > 0, got {p}");
                s.PeriodsPerYear = p;
            }
            s.Json = a.GetChoice("format", "table", "table", "json") == "json";
            s.CurrentWeightsPath = a.Get("current-weights");
            s.MaxTurnover = a.GetLimit("max-turnover", LimitCatalog.MaxTurnover);
            if ((s.MaxTurnover == null) != (s.CurrentWeightsPath == null))
                throw new CliUsageException("options --max-turnover and --current-weights go together");
            s.HasExplicitLimits = new[] { "min-weight", "max-weight", "sectors", "sector-max", "sector-min", "max-leverage", "max-turnover" }.Any(a.Has);
            if ((s.SectorMax.Count > 0 || s.SectorMin.Count > 0) && s.SectorsPath == null)
                throw new CliUsageException("options --sector-max/--sector-min need --sectors FILE (CSV Asset,Sector)");

            s.CheckMethodOptions(a);
            return s;
        }

        private static IReadOnlyList<KeyValuePair<string, double>> CheckPairs(string option, IReadOnlyList<KeyValuePair<string, double>> pairs, LimitSpec spec)
        {
            foreach (var kv in pairs)
                if (spec.Problem(kv.Value) is string problem) throw new CliUsageException($"option --{option} {kv.Key}: {problem}");
            return pairs;
        }

        private void CheckMethodOptions(CliArgs a)
        {
            var used = new HashSet<string>(Mix.Select(kv => kv.Key), StringComparer.Ordinal);
            if (Method == OptimizerCatalog.Mixed)
            {
                if (Mix.Count == 0) throw new CliUsageException("method mixed needs --mix METHOD=W,... (e.g. --mix min-variance=0.5,max-sharpe=0.5)");
                foreach (var kv in Mix)
                {
                    if (kv.Key == OptimizerCatalog.Mixed || Array.IndexOf(Methods, kv.Key) < 0)
                        throw new CliUsageException($"option --mix: unknown method '{kv.Key}'; use {string.Join("|", Methods.Where(m => m != OptimizerCatalog.Mixed))}");
                    if (kv.Value < 0) throw new CliUsageException($"option --mix: weight of {kv.Key} must be >= 0, got {Fmt(kv.Value)}");
                }
                if (Mix.Select(kv => kv.Key).Distinct().Count() != Mix.Count) throw new CliUsageException("option --mix names a method twice");
                double sum = Mix.Sum(kv => kv.Value);
                if (Math.Abs(sum - 1) > 1e-9) throw new CliUsageException($"option --mix: weights must sum to 1, got {Fmt(sum)}");
            }
            else if (a.Has("mix")) throw new CliUsageException("option --mix is only for --method mixed");
            else used.Add(Method);

            // Which method takes which option is the catalog's parameter list (one vocabulary): a parameter without a default
            // is needed by the methods in use that declare it; an option no method in use declares is refused.
            var given = new Dictionary<string, bool>(StringComparer.Ordinal)
            {
                [OptimizerCatalog.TargetReturn.Name] = TargetReturn != null,
                [OptimizerCatalog.TargetVolatility.Name] = TargetVolatility != null,
                [OptimizerCatalog.KellyFraction.Name] = a.Has(OptimizerCatalog.KellyFraction.Name),
            };
            foreach (var spec in OptimizerCatalog.All.Where(s => used.Contains(s.Name)))
                foreach (var p in spec.Parameters)
                    if (p.Default == null && !given[p.Name]) throw new CliUsageException($"method {spec.Name} needs --{p.Name} X");
            foreach (var option in given.Where(g => g.Value).Select(g => g.Key))
            {
                var takers = OptimizerCatalog.All.Where(s => s.Parameters.Any(p => p.Name == option)).Select(s => s.Name).ToList();
                if (!takers.Any(used.Contains)) throw new CliUsageException($"option --{option} is only for method {string.Join("|", takers)}");
            }
            if (!used.Contains(RiskParityOptimizer.MethodName) && BudgetsPath != null)
                throw new CliUsageException($"option --budgets (risk budgets) is only for method {RiskParityOptimizer.MethodName}");
            if (!OptimizerCatalog.Get(Method).UsesLimits && HasExplicitLimits)
                throw new CliUsageException($"method {Method} takes no weight, sector, leverage or turnover limits (it is long-only and fully invested); use --method mixed --mix {Method}=1 to project it onto limits");
        }

        private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
