using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// Efficient portfolio for a required return: <c>min w'Sigma w</c> s.t. <c>mu'w &gt;= target</c> and the limits
    /// (Markowitz 1952). The target is per period, in the units of mu. A target below the minimum-variance portfolio's
    /// return gives that portfolio (its return exceeds the target); a target above the highest attainable return is infeasible.
    /// </summary>
    public sealed class TargetReturnOptimizer : IPortfolioOptimizer
    {
        private readonly IQpSolver _solver;

        /// <summary>Creates the optimizer for <paramref name="targetReturn"/> (per period, fraction).</summary>
        public TargetReturnOptimizer(IQpSolver solver, double targetReturn)
        {
            _solver = Guard.NotNull(solver, nameof(solver));
            TargetReturn = Guard.Finite(targetReturn, nameof(targetReturn));
        }

        /// <summary>Required expected return per period.</summary>
        public double TargetReturn { get; }

        /// <inheritdoc />
        public string Method => "target-return";

        /// <inheritdoc />
        public OptimizationResult Optimize(PortfolioProblem problem) => Solve(_solver, problem, TargetReturn, null, out _);

        /// <summary>One efficient portfolio for <paramref name="target"/>, with solver options (warm start) and the raw outcome.</summary>
        public static OptimizationResult Solve(IQpSolver solver, PortfolioProblem problem, double target, QpOptions? options, out QpOutcome outcome, string method = "target-return")
        {
            Guard.NotNull(problem, nameof(problem));
            return new TargetReturnFamily(solver, problem, method).Solve(target, options, out outcome);
        }
    }
}
