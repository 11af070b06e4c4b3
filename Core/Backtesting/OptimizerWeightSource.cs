using System;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// Re-optimizes at every decision bar on the trailing window: the last <see cref="Lookback"/> simple returns ending at the
    /// decision bar's close (rows bar-lookback..bar of the prices), sample mean and the chosen covariance estimator (per period),
    /// then the optimizer under the limits. A result that is not optimal stops the backtest (<see cref="NotConvergedException"/>
    /// naming the date; <see cref="InfeasibleException"/> gains the date too): no silent fallback weights.
    /// </summary>
    public sealed class OptimizerWeightSource : ITargetWeightSource
    {
        private readonly IPortfolioOptimizer _optimizer;
        private readonly PortfolioConstraints _limits;
        private readonly CovarianceMethod _covariance;
        private readonly double _riskFree;

        /// <summary>
        /// Creates the source. <paramref name="lookback"/>: returns per estimate (&gt;= 2); <paramref name="riskFreePerPeriod"/>:
        /// per-period risk-free rate as a fraction.
        /// </summary>
        public OptimizerWeightSource(IPortfolioOptimizer optimizer, PortfolioConstraints limits, int lookback,
            CovarianceMethod covariance = CovarianceMethod.Sample, double riskFreePerPeriod = 0)
        {
            _optimizer = Guard.NotNull(optimizer, nameof(optimizer));
            _limits = Guard.NotNull(limits, nameof(limits));
            Lookback = Guard.InRange(lookback, 2, int.MaxValue, nameof(lookback));
            _covariance = covariance;
            _riskFree = Guard.Finite(riskFreePerPeriod, nameof(riskFreePerPeriod));
        }

        /// <summary>Returns per estimation window.</summary>
        public int Lookback { get; }

        /// <inheritdoc />
        public string Description => $"{_optimizer.Method}, lookback {Lookback}";

        /// <inheritdoc />
        public int FirstBar => Lookback;

        /// <inheritdoc />
        public bool IsFixed => false;

        /// <inheritdoc />
        public double[] TargetsAt(AssetFrame prices, int bar)
        {
            Guard.NotNull(prices, nameof(prices));
            if (bar < Lookback || bar >= prices.Rows)
                throw new ArgumentOutOfRangeException(nameof(bar), bar, $"bar must be in [{Lookback}, {prices.Rows - 1}], got {bar}");
            var returns = ReturnCalculator.Simple(prices.Slice(bar - Lookback, Lookback + 1));
            var estimate = CovarianceEstimator.Estimate(returns, _covariance);
            var problem = new PortfolioProblem(prices.Assets, SampleMoments.Mean(returns), estimate.ToArray(), _riskFree, _limits);
            OptimizationResult result;
            try { result = _optimizer.Optimize(problem); }
            catch (InfeasibleException ex)
            {
                throw new InfeasibleException($"at {AssetFrame.FormatDate(prices.Dates[bar])} (window of {Lookback} returns): {ex.Message}", ex.Conflicts);
            }
            return result.RequireOptimal($"{_optimizer.Method} on the {Lookback} returns up to {AssetFrame.FormatDate(prices.Dates[bar])}").CopyWeights();
        }
    }
}
