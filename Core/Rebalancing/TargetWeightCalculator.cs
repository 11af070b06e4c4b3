using System;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// Target weights from a window of simple returns with one of Core's optimizers (sample mean and covariance, per bar).
    /// Limits: long-only, 0 &lt;= w_i &lt;= MaxWeight (risk parity ignores the cap). A result that is not optimal is an
    /// error (<see cref="NotConvergedException"/>), never a default portfolio; impossible limits throw Core's InfeasibleException.
    /// </summary>
    public sealed class TargetWeightCalculator
    {
        /// <summary>
        /// Creates the calculator; <paramref name="maxWeight"/> (fraction) as validated by the face that took it from the user
        /// (<see cref="Limits.LimitCatalog.MaxWeight"/>; whether it fits the instruments is <see cref="ConstraintFeasibilityCheck"/>'s),
        /// <paramref name="kellyFraction"/> in (0, 1], <paramref name="riskFreeRate"/> per bar.
        /// </summary>
        public TargetWeightCalculator(PortfolioMethod method, double maxWeight, double kellyFraction, double riskFreeRate)
        {
            OptimizerCatalog.KellyFraction.Check(kellyFraction);
            if (double.IsNaN(riskFreeRate) || double.IsInfinity(riskFreeRate)) throw new InvalidInputException("risk-free rate must be finite");
            Method = method;
            Spec = OptimizerCatalog.ByChartName(method.ToString());
            MaxWeight = maxWeight;
            KellyFraction = kellyFraction;
            RiskFreeRate = riskFreeRate;
        }

        /// <summary>The optimizer.</summary>
        public PortfolioMethod Method { get; }

        /// <summary>The catalog entry of <see cref="Method"/> (name, default limits, parameters).</summary>
        public OptimizerSpec Spec { get; }

        /// <summary>Largest weight per instrument (fraction).</summary>
        public double MaxWeight { get; }

        /// <summary>Multiple of full Kelly (Kelly method only).</summary>
        public double KellyFraction { get; }

        /// <summary>Risk-free rate per bar.</summary>
        public double RiskFreeRate { get; }

        /// <summary>
        /// The NinjaTrader faces' one check of what the user entered: <paramref name="maxWeight"/> against its declaration
        /// (<see cref="Limits.LimitCatalog.MaxWeight"/>; the message names <paramref name="culprit"/>), then, for methods that use
        /// limits, the limits against the <paramref name="instruments"/> (<see cref="ConstraintFeasibilityCheck"/>, e.g. "max weight
        /// 0.2 x 3 assets = 0.6 &lt; 1 (budget)"). Returns the calculator.
        /// </summary>
        public static TargetWeightCalculator ForInstruments(PortfolioMethod method, double maxWeight, string culprit, double kellyFraction, double riskFreeRate,
            System.Collections.Generic.IReadOnlyList<string> instruments)
        {
            var calculator = new TargetWeightCalculator(method, Limits.LimitCatalog.MaxWeight.Check(maxWeight, culprit), kellyFraction, riskFreeRate);
            if (calculator.Spec.UsesLimits) ConstraintFeasibilityCheck.Check(instruments, calculator.Constraints);
            return calculator;
        }

        /// <summary>The limits the QP-based methods solve under.</summary>
        public PortfolioConstraints Constraints =>
            Spec.DefaultLimits.WithWeightRange(0, MaxWeight);

        /// <summary>The optimization problem of a return window (sample mean, sample covariance, n - 1).</summary>
        public PortfolioProblem Problem(AssetFrame returns)
        {
            if (returns == null) throw new ArgumentNullException(nameof(returns));
            return Problem(returns.Assets, SampleMoments.Mean(returns), SampleMoments.Covariance(returns));
        }

        /// <summary>The optimization problem of window moments: <paramref name="mean"/> and sample <paramref name="covariance"/> per bar.</summary>
        public PortfolioProblem Problem(System.Collections.Generic.IReadOnlyList<string> assets, double[] mean, double[,] covariance)
            => new PortfolioProblem(assets, mean, covariance, RiskFreeRate, Constraints);

        /// <summary>Optimizes on window moments (per bar, sample covariance n - 1); throws unless optimal.</summary>
        public OptimizationResult Compute(System.Collections.Generic.IReadOnlyList<string> assets, double[] mean, double[,] covariance)
            => Spec.Create(new OptimizerSettings { KellyFraction = KellyFraction }).Optimize(Problem(assets, mean, covariance)).RequireOptimal(Spec.Name);

        /// <summary>Optimizes on <paramref name="returns"/> (simple returns per bar, one column per instrument); throws unless optimal.</summary>
        public OptimizationResult Compute(AssetFrame returns)
        {
            var optimizer = Spec.Create(new OptimizerSettings { KellyFraction = KellyFraction });
            return optimizer.Optimize(Problem(returns)).RequireOptimal(Spec.Name);
        }
    }
}
