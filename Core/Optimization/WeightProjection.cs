using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// Nearest portfolio to a given point that satisfies the limits, in the Euclidean norm:
    /// <c>min 1/2 |w - p|^2</c> under the problem's limits (a QP with P = I). Feasible points come back unchanged.
    /// </summary>
    public sealed class WeightProjection
    {
        private readonly IQpSolver _solver;

        /// <summary>Creates the projection over a QP solver.</summary>
        public WeightProjection(IQpSolver solver) => _solver = Guard.NotNull(solver, nameof(solver));

        /// <summary>Projects <paramref name="point"/> (one weight per asset) onto the limits of <paramref name="problem"/>.</summary>
        public OptimizationResult Project(PortfolioProblem problem, IReadOnlyList<double> point, string method = "projection", string note = "")
        {
            Guard.NotNull(problem, nameof(problem));
            Guard.NotNull(point, nameof(point));
            int n = problem.Count;
            if (point.Count != n) throw new InvalidInputException($"{method}: {point.Count} weights for {n} assets");
            var p = new double[n, n];
            var q = new double[n];
            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(point[i]) || double.IsInfinity(point[i]))
                    throw new InvalidInputException($"{method}: weight of '{problem.Assets[i]}' must be finite, got {Guard.Format(point[i])}");
                p[i, i] = 1;
                q[i] = -point[i];
            }
            var r = QpPortfolioSolve.Run(_solver, problem, method, p, q, null, null, out _, note);
            double moved = 0;
            for (int i = 0; i < n; i++) moved = Math.Max(moved, Math.Abs(r.Weights[i] - point[i]));
            return r.WithMethod(method, $"projection onto the limits moved weights by at most {Guard.Format(moved)}");
        }
    }
}
