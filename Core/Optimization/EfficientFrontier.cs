using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// N efficient portfolios with expected returns evenly spaced from the minimum-variance portfolio's to the highest
    /// attainable (<see cref="MaximumReturnOptimizer"/>), each <c>min w'Sigma w</c> s.t. <c>mu'w &gt;= r_k</c> under the limits.
    /// Each interior point is warm-started from the previous point's active set (<see cref="QpOptions.WarmActiveSet"/>).
    /// Returns and volatilities rise along the list.
    /// </summary>
    public sealed class EfficientFrontier
    {
        private readonly IQpSolver _solver;

        /// <summary>Creates the frontier builder over a QP solver.</summary>
        public EfficientFrontier(IQpSolver solver) => _solver = Guard.NotNull(solver, nameof(solver));

        /// <summary>
        /// Most points one call computes (1000): each interior point is one warm-started QP, so the cost and the output
        /// grow linearly with the count; a finer frontier than this adds nothing a chart or a table can show.
        /// </summary>
        public const int MaxPoints = 1000;

        /// <summary>
        /// Computes <paramref name="points"/> (2 to <see cref="MaxPoints"/>) portfolios, first the minimum-variance one, last the maximum-return one.
        /// A point whose solve did not converge keeps that status (check every <see cref="OptimizationResult.Status"/>).
        /// </summary>
        public IReadOnlyList<OptimizationResult> Compute(PortfolioProblem problem, int points)
        {
            Guard.NotNull(problem, nameof(problem));
            if (points < 2 || points > MaxPoints)
                throw new InvalidInputException($"an efficient frontier needs from 2 to {MaxPoints} points, got {points}");
            var first = new MinimumVarianceOptimizer(_solver).Optimize(problem, null, out _).WithMethod("frontier");
            var last = new MaximumReturnOptimizer(_solver).Optimize(problem).WithMethod("frontier");
            var list = new List<OptimizationResult>(points) { first };
            double r0 = first.ExpectedReturn, r1 = Math.Max(last.ExpectedReturn, r0);
            var family = new TargetReturnFamily(_solver, problem, "frontier");
            QpOptions? options = null;
            for (int k = 1; k < points - 1; k++)
            {
                double target = r0 + (r1 - r0) * k / (points - 1);
                var res = family.Solve(target, options, out var outcome);
                options = new QpOptions { WarmActiveSet = outcome.Result.ActiveSet };
                list.Add(res);
            }
            list.Add(last);
            return list.AsReadOnly();
        }
    }
}
