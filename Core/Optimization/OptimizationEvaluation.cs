using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>Turns optimized weights into an <see cref="OptimizationResult"/> with the figures every method reports.</summary>
    public static class OptimizationEvaluation
    {
        /// <summary>
        /// Builds an <see cref="OptimizationResult"/> with expected return, volatility, Sharpe
        /// (<c>(w'mu - rf)/sigma</c>, NaN at zero volatility) and risk contributions computed from the inputs.
        /// </summary>
        public static OptimizationResult Evaluate(string method, OptimizationStatus status, IReadOnlyList<string> assets,
            double[] weights, IReadOnlyList<double> mu, double[,] cov, double riskFree, int iterations, string message)
        {
            Guard.NotNull(weights, nameof(weights));
            Guard.NotNull(mu, nameof(mu));
            if (mu.Count != weights.Length) throw new ArgumentException($"mu has {mu.Count} elements, weights {weights.Length}");
            Guard.SquareFinite(cov, weights.Length, nameof(cov));
            double er = PortfolioMath.ExpectedReturn(mu, weights);
            double var = PortfolioMath.Variance(cov, weights);
            double vol = Math.Sqrt(Math.Max(var, 0));
            double sharpe = vol > 0 ? (er - riskFree) / vol : double.NaN;
            return new OptimizationResult(method, status, assets, weights, er, vol, sharpe, PortfolioMath.RiskContributions(cov, weights), iterations, message);
        }
    }
}
