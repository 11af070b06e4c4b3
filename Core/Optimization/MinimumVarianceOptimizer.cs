using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// Global minimum-variance portfolio: <c>min w'Sigma w</c> under the limits (Markowitz 1952). Needs a budget.
    /// Unconstrained except for <c>1'w = 1</c> it is <c>Sigma^-1 1 / 1'Sigma^-1 1</c>.
    /// </summary>
    public sealed class MinimumVarianceOptimizer : IPortfolioOptimizer
    {
        private readonly IQpSolver _solver;

        /// <summary>Creates the optimizer over a QP solver.</summary>
        public MinimumVarianceOptimizer(IQpSolver solver) => _solver = Guard.NotNull(solver, nameof(solver));

        /// <inheritdoc />
        public string Method => "min-variance";

        /// <inheritdoc />
        public OptimizationResult Optimize(PortfolioProblem problem) => Optimize(problem, null, out _);

        /// <summary>Optimizes with solver options (warm start); <paramref name="outcome"/> is the raw QP outcome.</summary>
        public OptimizationResult Optimize(PortfolioProblem problem, QpOptions? options, out QpOutcome outcome)
        {
            Guard.NotNull(problem, nameof(problem));
            QpPortfolioSolve.RequireBudget(problem, Method);
            return QpPortfolioSolve.Run(_solver, problem, Method, problem.Covariance, QpPortfolioSolve.Zeros(problem.Count), null, options, out outcome);
        }
    }
}
