using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>Shared path of the QP-based optimizers: limits, program, solve, judge, evaluate.</summary>
    internal static class QpPortfolioSolve
    {
        private const double SnapTolerance = 1e-12;

        /// <summary>
        /// Solves <c>min 1/2 w'Pw + q'w</c> under the problem's limits plus <paramref name="extraRows"/> and evaluates the
        /// weights. <paramref name="outcome"/> exposes the raw QP result (active set for warm starts).
        /// </summary>
        public static OptimizationResult Run(IQpSolver solver, PortfolioProblem problem, string method, double[,] p, double[] q,
            IEnumerable<LinearConstraint>? extraRows, QpOptions? options, out QpOutcome outcome, string note = "")
        {
            var layout = PortfolioProgramBuilder.Limits(problem.Assets, problem.Constraints);
            var qp = PortfolioProgramBuilder.ToProgram(layout, p, q, extraRows);
            outcome = QpOutcome.Solve(solver, qp, method, options);
            var w = new double[problem.Count];
            System.Array.Copy(outcome.X, w, w.Length);
            return Finish(problem, layout, method, w, outcome.Status, outcome.Result.Iterations, QpOutcome.Join(note, outcome.Message));
        }

        /// <summary>Checks <paramref name="w"/> against the limits once more (status NotConverged if violated) and evaluates it.</summary>
        public static OptimizationResult Finish(PortfolioProblem problem, PortfolioProgramLayout layout, string method, double[] w,
            OptimizationStatus status, int iterations, string message)
        {
            // Round-off of the order of 1e-16 outside a bound (e.g. -1.4e-17 for a long-only weight) is snapped onto it.
            for (int i = 0; i < w.Length; i++)
            {
                if (w[i] < layout.Lower[i] && layout.Lower[i] - w[i] <= SnapTolerance) w[i] = layout.Lower[i];
                else if (w[i] > layout.Upper[i] && w[i] - layout.Upper[i] <= SnapTolerance) w[i] = layout.Upper[i];
            }
            ConstraintId? violated = layout.WorstViolation(w, out double amount);
            if (violated != null && amount > QpOutcome.FeasibilityTolerance && status == OptimizationStatus.Optimal)
            {
                status = OptimizationStatus.NotConverged;
                message = QpOutcome.Join(message, $"{method}: weights violate '{violated}' by {amount.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}");
            }
            return problem.Evaluate(method, status, w, iterations, message);
        }

        /// <summary>A zero vector of length n.</summary>
        public static double[] Zeros(int n) => new double[n];

        /// <summary>Throws when the limits have no budget (the method needs a fixed sum of weights).</summary>
        public static void RequireBudget(PortfolioProblem problem, string method)
        {
            if (problem.Constraints.Budget == null)
                throw new InvalidInputException($"{method} needs a budget (sum of weights, e.g. 1 for fully invested); the limits have none");
        }
    }
}
