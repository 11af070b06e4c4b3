using System;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// Tangency (maximum Sharpe ratio) portfolio: <c>max (mu'w - rf) / sqrt(w'Sigma w)</c> under the limits, solved exactly
    /// as one convex QP by the Charnes-Cooper homogenisation (<see cref="CharnesCooperProgram"/>). Needs a positive budget.
    /// Unconstrained except for <c>1'w = 1</c> it is <c>Sigma^-1 (mu - rf) / 1'Sigma^-1 (mu - rf)</c>.
    /// Throws <see cref="InfeasibleException"/> when no feasible portfolio has an expected return above the risk-free rate.
    /// </summary>
    public sealed class MaximumSharpeOptimizer : IPortfolioOptimizer
    {
        private readonly IQpSolver _solver;

        /// <summary>Creates the optimizer over a QP solver.</summary>
        public MaximumSharpeOptimizer(IQpSolver solver) => _solver = Guard.NotNull(solver, nameof(solver));

        /// <inheritdoc />
        public string Method => "max-sharpe";

        /// <inheritdoc />
        public OptimizationResult Optimize(PortfolioProblem problem)
        {
            Guard.NotNull(problem, nameof(problem));
            QpPortfolioSolve.RequireBudget(problem, Method);
            var layout = PortfolioProgramBuilder.Limits(problem.Assets, problem.Constraints);
            var qp = CharnesCooperProgram.Build(layout, problem.Covariance, problem.ExpectedReturns, problem.RiskFreeRate);
            QpOutcome outcome;
            try
            {
                outcome = QpOutcome.Solve(_solver, qp, Method, null);
            }
            catch (InfeasibleException ex)
            {
                // The limits alone passed the pre-check; what fails is a positive excess return (or a limit the check cannot see).
                throw new InfeasibleException(
                    $"max-sharpe: no feasible portfolio has an expected return above the risk-free rate {Guard.Format(problem.RiskFreeRate)} per period " +
                    $"(or the limits conflict; solver: {ex.Message})",
                    Append(ex.ConflictIds, ConstraintId.Row(CharnesCooperProgram.ExcessReturnRow)));
            }
            var w = CharnesCooperProgram.Recover(layout, outcome.X);
            if (w == null)
                throw new NotConvergedException(
                    QpOutcome.Join("max-sharpe: the homogenised solution has scale k <= 0, so no weights can be recovered", outcome.Message),
                    outcome.Result.Iterations, double.NaN);
            double excess = PortfolioMath.ExpectedReturn(problem.ExpectedReturns, w) - problem.RiskFreeRate;
            if (!(excess > 0))
                throw new InfeasibleException($"max-sharpe: no feasible portfolio has an expected return above the risk-free rate {Guard.Format(problem.RiskFreeRate)} per period",
                    new[] { CharnesCooperProgram.ExcessReturnRow });
            return QpPortfolioSolve.Finish(problem, layout, Method, w, outcome.Status, outcome.Result.Iterations, outcome.Message);
        }

        private static ConstraintId[] Append(System.Collections.Generic.IReadOnlyList<ConstraintId> a, ConstraintId b)
        {
            var list = new System.Collections.Generic.List<ConstraintId>(a);
            if (!list.Contains(b)) list.Add(b);
            return list.ToArray();
        }
    }
}
