using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// Re-optimizes at every decision bar on the trailing window: the last <see cref="Lookback"/> simple returns ending at the
    /// decision bar's close, read from the loop's streaming <see cref="ReturnWindow"/>: their mean and the chosen covariance
    /// estimator (per period), then the optimizer under the limits. A
    /// result that is not optimal stops the loop (<see cref="NotConvergedException"/> naming the date;
    /// <see cref="InfeasibleException"/> gains the date too): no silent fallback weights.
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

        /// <summary>The optimizer's method name.</summary>
        public string Method => _optimizer.Method;

        /// <inheritdoc />
        public string Description => $"{_optimizer.Method}, lookback {Lookback}";

        /// <inheritdoc />
        public int FirstBar => Lookback;

        /// <inheritdoc />
        public bool IsFixed => false;

        /// <inheritdoc />
        public double[] TargetsAt(ReturnWindow window)
        {
            Guard.NotNull(window, nameof(window));
            string at = AssetFrame.FormatDate(window.LastTime);
            var returns = window.Frame(Lookback);
            double[] mean = SampleMoments.Mean(returns);
            double[,] covariance = CovarianceEstimator.Estimate(returns, _covariance).ToArray();
            var problem = new PortfolioProblem(window.Assets, mean, covariance, _riskFree, _limits);
            OptimizationResult result;
            try { result = _optimizer.Optimize(problem); }
            catch (InfeasibleException ex)
            {
                throw new InfeasibleException($"at {at} (window of {Lookback} returns): {ex.Message}", ex.Conflicts);
            }
            return result.RequireOptimal($"{_optimizer.Method} on the {Lookback} returns up to {at}").CopyWeights();
        }
    }
}
