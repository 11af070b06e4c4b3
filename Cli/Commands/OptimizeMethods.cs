using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>Maps the CLI's method names to optimizers (targets already converted to per-period units).</summary>
    internal static class OptimizeMethods
    {
        /// <summary>The optimizer for <paramref name="method"/> ("mixed" blends the methods of <c>--mix</c>).</summary>
        public static IPortfolioOptimizer Create(string method, IQpSolver solver, OptimizeSettings s, RiskBudgets? budgets)
        {
            switch (method)
            {
                case "min-variance": return new MinimumVarianceOptimizer(solver);
                case "max-sharpe": return new MaximumSharpeOptimizer(solver);
                case "target-return": return new TargetReturnOptimizer(solver, s.PerPeriodReturn(s.TargetReturn!.Value));
                case "target-volatility": return new TargetVolatilityOptimizer(solver, s.PerPeriodVolatility(s.TargetVolatility!.Value));
                case "kelly": return new BudgetFreeKelly(new KellyOptimizer(solver, s.KellyFraction));
                case "risk-parity": return new RiskParityAdapter(budgets);
                case "mixed":
                    var parts = s.Mix.Select(kv => new KeyValuePair<IPortfolioOptimizer, double>(Create(kv.Key, solver, s, budgets), kv.Value)).ToList();
                    return new MixedOptimizer(solver, parts);
                default: throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method");
            }
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

        /// <summary>
        /// Risk parity (equal or file-given risk budgets) as an <see cref="IPortfolioOptimizer"/>. It is long-only and fully
        /// invested by construction and ignores the limits; inside "mixed" the blend is projected onto them.
        /// </summary>
        private sealed class RiskParityAdapter : IPortfolioOptimizer
        {
            private readonly RiskBudgets? _budgets;

            public RiskParityAdapter(RiskBudgets? budgets) => _budgets = budgets;

            public string Method => RiskParityOptimizer.MethodName;

            public OptimizationResult Optimize(PortfolioProblem problem)
                => new RiskParityOptimizer().Optimize(problem.Assets, problem.CopyCovariance(), _budgets, problem.ExpectedReturns, problem.RiskFreeRate);
        }
    }
}
