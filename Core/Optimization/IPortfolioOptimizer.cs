namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>An optimizer that turns a <see cref="PortfolioProblem"/> into weights (one method, e.g. "min-variance").</summary>
    public interface IPortfolioOptimizer
    {
        /// <summary>Method name as used by the CLI ("min-variance", "max-sharpe", ...).</summary>
        string Method { get; }

        /// <summary>
        /// Optimizes. Throws <see cref="InfeasibleException"/> when the limits admit no portfolio and
        /// <see cref="InvalidInputException"/> for unusable input; a solver that stops early gives
        /// <see cref="OptimizationStatus.NotConverged"/> (never a default portfolio).
        /// </summary>
        OptimizationResult Optimize(PortfolioProblem problem);
    }
}
