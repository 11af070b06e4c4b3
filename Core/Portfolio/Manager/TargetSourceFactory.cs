using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Portfolio.Manager
{
    /// <summary>
    /// Turns a portfolio's configuration into the target source and limits that both the manager and the backtester use,
    /// so a backtest of a configured portfolio makes the same decisions as the live manager.
    /// </summary>
    public static class TargetSourceFactory
    {
        /// <summary>
        /// Weight and sector limits of <paramref name="p"/> over its method's default limits (long-only or with the configured
        /// minimum; fully invested except Kelly; see <see cref="OptimizerSpec.DefaultLimits"/>).
        /// </summary>
        public static PortfolioConstraints Limits(PortfolioConfig p) => Guard.NotNull(p, nameof(p)).Constraints();

        /// <summary>The |weight| cap whole-lot sizing must respect, derived from <see cref="Limits"/>: max(|min weight|, |max weight|) per instrument.</summary>
        public static Execution.Planning.IAllocationLimits SizingLimits(PortfolioConfig p) => Execution.Planning.SizingCaps.From(Limits(p));

        /// <summary>The backtest settings that replay <paramref name="p"/>'s decisions (policy, commission, cash buffer, sizing caps).</summary>
        public static BacktestOptions BacktestOptions(PortfolioConfig p, decimal initialCapital, int periodsPerYear = 252)
        {
            Guard.NotNull(p, nameof(p));
            return new BacktestOptions
            {
                InitialCapital = initialCapital,
                Policy = RebalancePolicy.Parse(p.Rebalance),
                Costs = BacktestCosts.Commission(p.CommissionPerUnit),
                CashBuffer = p.CashBuffer,
                SizingLimits = SizingLimits(p),
                PeriodsPerYear = periodsPerYear,
            };
        }

        /// <summary>The backtest instruments of <paramref name="p"/> (point value in the account currency, lot, liquidity when configured).</summary>
        public static IReadOnlyList<BacktestInstrument> Instruments(PortfolioConfig p)
        {
            Guard.NotNull(p, nameof(p));
            return p.Instruments.Select(i => new BacktestInstrument(i.Symbol, p.PointValueInAccount(i), i.LotSize, i.AverageDailyVolume ?? double.NaN, i.Spread ?? double.NaN)).ToList();
        }

        /// <summary>The target source of <paramref name="p"/> over its instruments, in config order.</summary>
        public static ITargetWeightSource Create(PortfolioConfig p, IQpSolver solver)
        {
            Guard.NotNull(p, nameof(p));
            Guard.NotNull(solver, nameof(solver));
            var o = p.Optimization;
            if (o.Method == "fixed")
                return new FixedWeightSource(p.Instruments.Select(i => o.Weights.TryGetValue(i.Symbol, out double w) ? w : 0.0).ToArray());
            if (!PortfolioConfigValidator.Methods.Contains(o.Method))
                throw new InvalidInputException($"portfolio '{p.Name}': unknown optimization method \"{o.Method}\"; use {string.Join("|", PortfolioConfigValidator.Methods)}");
            var optimizer = OptimizerCatalog.Create(o.Method, new OptimizerSettings { Solver = solver });
            return new OptimizerWeightSource(optimizer, Limits(p), o.Lookback, CovarianceMethodNames.Parse(o.Covariance), o.RiskFreePerPeriod);
        }
    }
}
