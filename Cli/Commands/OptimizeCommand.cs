using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// <c>ntportfolio optimize</c>: loads prices or returns, estimates mean and covariance (per period), optimizes with one
    /// method under the limits and prints the weights (table or one JSON object). Optimization runs on per-period figures;
    /// <c>--periods-per-year</c> only annualises what is reported (return x P, volatility x sqrt(P), Sharpe x sqrt(P)) and the
    /// units of the figures typed in (risk-free rate, targets, expected-returns file). Exit 2 bad input, 3 infeasible or not converged.
    /// </summary>
    public sealed class OptimizeCommand : ICliCommand
    {
        private readonly Func<IQpSolver> _solverFactory;

        /// <summary>Creates the command over the project's Goldfarb-Idnani QP solver.</summary>
        public OptimizeCommand() : this(() => new GoldfarbIdnaniSolver()) { }

        /// <summary>Creates the command over another QP solver (tests).</summary>
        internal OptimizeCommand(Func<IQpSolver> solverFactory) => _solverFactory = solverFactory;

        /// <inheritdoc />
        public string Name => "optimize";

        /// <inheritdoc />
        public string Summary => "portfolio weights: min-variance, max-sharpe, target return/volatility, risk parity, Kelly, blends";

        /// <inheritdoc />
        public string Usage => string.Join("\n", new[]
        {
            "ntportfolio optimize (--returns FILE | --prices FILE [--prices FILE ...]) --method min-variance|max-sharpe|target-return|target-volatility|risk-parity|kelly|mixed [options]",
            "  --prices may repeat (e.g. one NinjaTrader export per instrument); files are inner-joined on dates",
            "  --risk-free R            risk-free rate per period (annual with --periods-per-year), default 0",
            "  --min-weight X           lowest weight per asset, default 0 (negative allows shorts)",
            "  --max-weight X           highest weight per asset, default 1",
            "  --sectors FILE           CSV Asset,Sector; with --sector-max NAME=X / --sector-min NAME=X (repeatable)",
            "  --max-leverage X|none    cap on sum of |weights|, default 1",
            "  --max-turnover T --current-weights FILE   cap on sum |w - w0| against CSV Asset,Weight",
            "  --target-return X        for target-return: least-variance portfolio earning at least X (same units as the output)",
            "  --target-volatility X    for target-volatility (same units as the output)",
            "  --kelly-fraction C       Kelly fraction in (0, 1], default 1; kelly is long-only up to the leverage cap, not forced fully invested",
            "  --covariance " + CovarianceMethodNames.Choices + "   default sample",
            "  --expected-returns FILE  CSV Asset,ExpectedReturn instead of the sample mean (same units as the output)",
            "  --budgets FILE           CSV Asset,Budget risk budgets for risk-parity (default equal)",
            "  --mix METHOD=W,...       for mixed: blend weights >= 0 summing to 1; the blend is projected onto the limits",
            "  --frontier N             also report N efficient portfolios (fully invested) from min-variance to max-return",
            "  --periods-per-year N     annualise reported figures (optimization itself is per period)",
            "  --format table|json      default table",
            "Every method except kelly is fully invested (weights sum to 1). Exit codes: 0 ok, 2 bad input, 3 infeasible or not converged.",
        });

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var s = OptimizeSettings.Parse(args);
            IQpSolver solver = _solverFactory();
            var (problem, result) = Solve(s, solver, stderr);
            IReadOnlyList<OptimizationResult>? frontier = null;
            try
            {
                if (s.FrontierPoints is int points)
                {
                    var invested = problem.Constraints.Budget == null ? problem.WithConstraints(problem.Constraints.WithBudget(1.0)) : problem;
                    frontier = new EfficientFrontier(solver).Compute(invested, points);
                    foreach (var p in frontier) p.RequireOptimal("frontier");
                }
            }
            catch (InfeasibleException ex) when (s.PeriodsPerYear.HasValue)
            {
                throw new InfeasibleException(ex.Message + PerPeriodNote(s.PeriodsPerYear.Value), ex.Conflicts);
            }

            if (s.Json) OptimizeOutput.WriteJson(stdout, result, frontier, s.PeriodsPerYear);
            else OptimizeOutput.WriteTable(stdout, result, frontier, s.PeriodsPerYear);
            return 0;
        }

        /// <summary>
        /// The optimization of <paramref name="s"/>: loads the returns, estimates mean and covariance, builds the limits and
        /// runs the catalog's optimizer; throws unless the result is optimal. <c>optimize</c> prints it, <c>rebalance</c>
        /// plans orders towards its weights.
        /// </summary>
        internal static (PortfolioProblem Problem, OptimizationResult Result) Solve(OptimizeSettings s, IQpSolver solver, TextWriter stderr)
        {
            var returns = LoadReturns(s, stderr);
            var assets = returns.Assets;

            var estimate = CovarianceEstimator.Estimate(returns, CovarianceMethodNames.Parse(s.Covariance));
            foreach (var warning in estimate.Warnings) stderr.WriteLine("warning: " + warning);
            double[] mu = s.ExpectedReturnsPath != null
                ? AssetValueFileReader.ReadExpectedReturns(s.ExpectedReturnsPath, assets, requireAll: true).Align(assets).Select(s.PerPeriodReturn).ToArray()
                : SampleMoments.Mean(returns);

            var problem = new PortfolioProblem(assets, mu, estimate.ToArray(), s.PerPeriodReturn(s.RiskFree), BuildLimits(s, assets));
            RiskBudgets? budgets = s.BudgetsPath == null ? null
                : RiskBudgets.FromMap(assets, ToDictionary(AssetValueFileReader.ReadRiskBudgets(s.BudgetsPath, assets, requireAll: true), assets));
            try
            {
                return (problem, s.CreateOptimizer(solver, budgets).Optimize(problem).RequireOptimal(s.Method));
            }
            catch (InfeasibleException ex) when (s.PeriodsPerYear.HasValue)
            {
                throw new InfeasibleException(ex.Message + PerPeriodNote(s.PeriodsPerYear.Value), ex.Conflicts);
            }
        }

        // Core reports per-period figures; say so when the user works in annual units.
        private static string PerPeriodNote(int p)
        {
            string n = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $" [figures in this message are per period; with --periods-per-year {n} returns are x{n} and volatilities x sqrt({n})]";
        }

        private static AssetFrame LoadReturns(OptimizeSettings s, TextWriter stderr)
        {
            var loaded = PriceFileLoader.Load(s.InputPaths, s.InputIsReturns ? FrameKind.SimpleReturns : FrameKind.Prices);
            foreach (var warning in loaded.Warnings) stderr.WriteLine("warning: " + warning);
            var frame = s.InputIsReturns ? loaded.Frame : ReturnCalculator.Simple(loaded.Frame);
            if (frame.Rows < 2) throw new InvalidInputException($"{string.Join(", ", s.InputPaths)}: need at least 2 return observations, got {frame.Rows}");
            return frame;
        }

        internal static PortfolioConstraints BuildLimits(OptimizeSettings s, IReadOnlyList<string> assets)
        {
            var c = OptimizerCatalog.Get(s.Method).DefaultLimits.WithWeightRange(s.MinWeight, s.MaxWeight).WithMaxLeverage(s.MaxLeverage);
            if (s.SectorsPath != null)
            {
                var table = AssetValueFileReader.ReadSectors(s.SectorsPath, assets, requireAll: false);
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var a in table.Assets) map[a] = table[a];
                c = c.WithSectors(map);
            }
            foreach (var kv in s.SectorMax) c = c.WithSectorMax(kv.Key, kv.Value);
            foreach (var kv in s.SectorMin) c = c.WithSectorMin(kv.Key, kv.Value);
            if (s.MaxTurnover is double t)
            {
                var w0 = AssetValueFileReader.ReadWeights(s.CurrentWeightsPath!, assets, requireAll: false);
                c = c.WithMaxTurnover(t, ToDictionary(w0, w0.Assets));
            }
            return c;
        }

        internal static Dictionary<string, double> ToDictionary(AssetTable<double> table, IReadOnlyList<string> assets)
        {
            var d = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var a in assets) if (table.TryGetValue(a, out double v)) d[a] = v;
            return d;
        }
    }
}
