using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Risk.Stress;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Views
{
    /// <summary>What the Optimize and Risk tabs show for one run.</summary>
    /// <remarks>A record: equality compares the lists and the matrix by reference, not element by element.</remarks>
    /// <param name="Optimization">The optimal portfolio (weights, return, volatility, Sharpe per bar).</param>
    /// <param name="Frontier">Efficient frontier points, min-variance to max-return (empty for risk parity, which has no frontier).</param>
    /// <param name="Risk">VaR/CVaR and components of the optimal weights.</param>
    /// <param name="Correlation">Correlation matrix of the returns (heat map).</param>
    /// <param name="Stress">Stress scenario results of the optimal weights.</param>
    public sealed record PortfolioAnalysisResult(
        OptimizationResult Optimization, IReadOnlyList<OptimizationResult> Frontier, RiskReport Risk, double[,] Correlation,
        IReadOnlyList<StressResult> Stress);

    /// <summary>One line of the Risk tab's component table (fractions of portfolio value per bar, positive = loss).</summary>
    public sealed class RiskComponentRow
    {
        /// <summary>Instrument.</summary>
        public string Asset { get; set; } = string.Empty;
        /// <summary>Weight (fraction).</summary>
        public double Weight { get; set; }
        /// <summary>Marginal VaR.</summary>
        public double MarginalVaR { get; set; }
        /// <summary>Component VaR (sums to the parametric VaR).</summary>
        public double ComponentVaR { get; set; }
        /// <summary>Component CVaR (sums to the parametric CVaR).</summary>
        public double ComponentCVaR { get; set; }
    }

    /// <summary>
    /// The Portfolio Manager's analysis, one Core call per figure: <see cref="TargetWeightCalculator"/> for the weights,
    /// <see cref="EfficientFrontier"/>, <see cref="PortfolioRiskAnalyzer"/>, <see cref="CorrelationAnalyzer"/> and
    /// <see cref="StressTester"/> (market -10%/-20%, the 3 worst 5-bar windows, volatility x2 with correlations halfway to 1).
    /// Pure computation: the window runs it off the UI thread.
    /// </summary>
    public static class PortfolioAnalysis
    {
        /// <summary>The component table of a risk report, one row per asset.</summary>
        public static IReadOnlyList<RiskComponentRow> ComponentRows(RiskReport report)
        {
            if (report == null) throw new ArgumentNullException(nameof(report));
            return report.Assets.Select((a, i) => new RiskComponentRow
            {
                Asset = a, Weight = report.Weights[i], MarginalVaR = report.Decomposition.MarginalVaR[i],
                ComponentVaR = report.Decomposition.ComponentVaR[i], ComponentCVaR = report.Decomposition.ComponentCVaR[i],
            }).ToList();
        }

        // The stress scenarios of the Risk tab: market -10%/-20%, the 3 worst 5-bar windows, vol x2 with correlations halfway to 1.
        private static StressScenario[] Scenarios() => new StressScenario[]
        {
            new ShockScenario("Market -10%", -0.10),
            new ShockScenario("Market -20%", -0.20),
            new WorstWindowScenario("Worst 5 bars", 5, 3),
            new CovarianceStressScenario("Panic (vol x2, corr +50%)", 2.0, 0.5),
        };

        /// <summary>Runs everything on <paramref name="returns"/> (simple returns per bar); <paramref name="portfolioValue"/> in currency.</summary>
        public static PortfolioAnalysisResult Run(AssetFrame returns, TargetWeightCalculator targets, double confidence, int frontierPoints, decimal portfolioValue)
        {
            if (returns == null) throw new ArgumentNullException(nameof(returns));
            if (targets == null) throw new ArgumentNullException(nameof(targets));
            OptimizationResult optimal = targets.Compute(returns);
            IReadOnlyList<OptimizationResult> frontier = !targets.Spec.UsesLimits || frontierPoints < 2
                ? new OptimizationResult[0]
                : new EfficientFrontier(new GoldfarbIdnaniSolver()).Compute(targets.Problem(returns).WithConstraints(NinjaTraderPortfolio.Core.Optimization.Constraints.PortfolioConstraints.LongOnly.WithWeightRange(0, targets.MaxWeight)), frontierPoints);
            return Describe(returns, optimal, frontier, confidence, portfolioValue);
        }

        /// <summary>
        /// The result around weights already optimized: risk, correlation and the Risk tab's stress scenarios of
        /// <paramref name="optimal"/>'s weights on <paramref name="returns"/>; <paramref name="portfolioValue"/> in currency.
        /// </summary>
        internal static PortfolioAnalysisResult Describe(AssetFrame returns, OptimizationResult optimal, IReadOnlyList<OptimizationResult> frontier,
            double confidence, decimal portfolioValue)
        {
            double[] weights = optimal.CopyWeights();
            return new PortfolioAnalysisResult(
                optimal,
                frontier,
                PortfolioRiskAnalyzer.Analyze(returns, weights, confidence),
                CorrelationAnalyzer.CorrelationMatrix(SampleMoments.Covariance(returns)),
                new StressTester(returns, weights, portfolioValue, confidence).Run(Scenarios()).ToList());
        }
    }
}
