using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;

namespace NinjaTraderPortfolio.Core.Optimization.Catalog
{
    /// <summary>
    /// The one place optimizers are built by name. The CLI (<c>optimize</c>, <c>rebalance</c>, <c>backtest</c>), the JSON
    /// portfolio config (<c>TargetSourceFactory</c>), the NinjaTrader strategy and AddOn (<c>TargetWeightCalculator</c>,
    /// whose <c>PortfolioMethod</c> enum names the entries with a <see cref="OptimizerSpec.ChartName"/>) and the backtester
    /// all draw from it. Each entry declares its name, default limits and parameters (range, default, unit).
    /// </summary>
    public static class OptimizerCatalog
    {
        /// <summary>Name of the blend of other methods.</summary>
        public const string Mixed = "mixed";

        /// <summary>Kelly fraction: multiple of full Kelly.</summary>
        public static readonly OptimizerParameter KellyFraction =
            new OptimizerParameter("kelly-fraction", "multiple of full Kelly", 0, false, 1, true, 1, "fraction of the growth-optimal weights");

        /// <summary>Least expected return of target-return.</summary>
        public static readonly OptimizerParameter TargetReturn =
            new OptimizerParameter("target-return", "return per period", double.NegativeInfinity, false, double.PositiveInfinity, false, null, "least-variance portfolio earning at least this");

        /// <summary>Volatility of target-volatility.</summary>
        public static readonly OptimizerParameter TargetVolatility =
            new OptimizerParameter("target-volatility", "volatility per period", 0, false, double.PositiveInfinity, false, null, "highest-return portfolio at this volatility");

        private static readonly OptimizerSpec[] Specs =
        {
            new OptimizerSpec("min-variance", "MinimumVariance", "least variance under the limits", PortfolioConstraints.LongOnly, true,
                Array.Empty<OptimizerParameter>(), s => new MinimumVarianceOptimizer(s.Solver)),
            new OptimizerSpec("max-sharpe", "MaximumSharpe", "highest Sharpe ratio under the limits", PortfolioConstraints.LongOnly, true,
                Array.Empty<OptimizerParameter>(), s => new MaximumSharpeOptimizer(s.Solver)),
            new OptimizerSpec("target-return", "", "least variance earning at least the target return", PortfolioConstraints.LongOnly, true,
                new[] { TargetReturn }, s => new TargetReturnOptimizer(s.Solver, TargetReturn.Check(Required(s.TargetReturn, TargetReturn)))),
            new OptimizerSpec("target-volatility", "", "highest return at the target volatility", PortfolioConstraints.LongOnly, true,
                new[] { TargetVolatility }, s => new TargetVolatilityOptimizer(s.Solver, TargetVolatility.Check(Required(s.TargetVolatility, TargetVolatility)))),
            new OptimizerSpec(RiskParityOptimizer.MethodName, "RiskParity", "equal (or budgeted) risk contributions; long-only, fully invested, ignores the limits",
                PortfolioConstraints.LongOnly, false, Array.Empty<OptimizerParameter>(), s => new RiskParityOptimizer(budgets: s.Budgets)),
            new OptimizerSpec("kelly", "Kelly", "growth-optimal weights times the Kelly fraction; long-only, gross leverage <= 1, not forced fully invested",
                KellyOptimizer.DefaultConstraints, true, new[] { KellyFraction }, s => new BudgetFreeKelly(new KellyOptimizer(s.Solver, KellyFraction.Check(s.KellyFraction)))),
            new OptimizerSpec(Mixed, "", "blend of other methods (mix weights summing to 1), projected onto the limits", PortfolioConstraints.LongOnly, true,
                Array.Empty<OptimizerParameter>(), CreateMixed),
        };

        /// <summary>Every method, in help order.</summary>
        public static IReadOnlyList<OptimizerSpec> All => Specs;

        /// <summary>Every method name, in help order.</summary>
        public static IReadOnlyList<string> Names => Specs.Select(s => s.Name).ToList();

        /// <summary>The method called <paramref name="name"/>; throws <see cref="InvalidInputException"/> listing the names otherwise.</summary>
        public static OptimizerSpec Get(string name)
        {
            foreach (var s in Specs) if (s.Name == name) return s;
            throw new InvalidInputException($"unknown optimization method \"{name}\"; use {string.Join("|", Names)}");
        }

        /// <summary>The method whose <see cref="OptimizerSpec.ChartName"/> is <paramref name="chartName"/> (the NinjaTrader enum member).</summary>
        public static OptimizerSpec ByChartName(string chartName)
        {
            foreach (var s in Specs) if (s.ChartName.Length > 0 && s.ChartName == chartName) return s;
            throw new InvalidInputException($"no optimization method is offered on the chart as \"{chartName}\"");
        }

        /// <summary>Builds the optimizer called <paramref name="name"/> with <paramref name="settings"/>.</summary>
        public static IPortfolioOptimizer Create(string name, OptimizerSettings settings) => Get(name).Create(settings);

        private static double Required(double? value, OptimizerParameter p)
            => value ?? throw new InvalidInputException($"method {p.Name} needs {p.Name} ({p.Unit})");

        private static IPortfolioOptimizer CreateMixed(OptimizerSettings s)
        {
            if (s.Mix.Count == 0) throw new InvalidInputException("method mixed needs at least one method=weight");
            var parts = new List<KeyValuePair<IPortfolioOptimizer, double>>();
            foreach (var kv in s.Mix)
            {
                if (kv.Key == Mixed) throw new InvalidInputException("method mixed cannot blend itself");
                parts.Add(new KeyValuePair<IPortfolioOptimizer, double>(Create(kv.Key, s), kv.Value));
            }
            return new MixedOptimizer(s.Solver, parts);
        }

        /// <summary>
        /// Kelly is never forced fully invested, also inside "mixed" (whose limits carry the budget 1 for the other methods):
        /// the budget is dropped before optimizing; the blend's projection restores it.
        /// </summary>
        private sealed class BudgetFreeKelly : IPortfolioOptimizer
        {
            private readonly KellyOptimizer _kelly;

            public BudgetFreeKelly(KellyOptimizer kelly) => _kelly = kelly;

            public string Method => _kelly.Method;

            public OptimizationResult Optimize(PortfolioProblem problem)
                => _kelly.Optimize(problem.Constraints.Budget == null ? problem : problem.WithConstraints(problem.Constraints.WithBudget(null)));
        }
    }
}
