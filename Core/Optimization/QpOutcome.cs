using System;
using System.Collections.Generic;
using System.Globalization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// Runs a QP for an optimizer and judges the answer: infeasible programs throw <see cref="InfeasibleException"/>
    /// (with the solver's conflicts), a solver that stopped early or returned a point violating a constraint by more
    /// than <see cref="FeasibilityTolerance"/> gives <see cref="OptimizationStatus.NotConverged"/> with the reason.
    /// Never substitutes a default portfolio.
    /// </summary>
    public sealed class QpOutcome
    {
        /// <summary>Largest constraint violation (in weight units) accepted from an "optimal" solver answer.</summary>
        public const double FeasibilityTolerance = 1e-8;

        private QpOutcome(QuadraticProgram problem, QpResult result, OptimizationStatus status, string message)
        {
            Problem = problem;
            Result = result;
            Status = status;
            Message = message;
        }

        /// <summary>The program that was solved (for KKT checks).</summary>
        public QuadraticProgram Problem { get; }

        /// <summary>The solver's result.</summary>
        public QpResult Result { get; }

        /// <summary>Optimal, or NotConverged (with <see cref="Message"/> saying why).</summary>
        public OptimizationStatus Status { get; }

        /// <summary>Why the status is not optimal, the ridge the solver added, or empty.</summary>
        public string Message { get; }

        /// <summary>The solution vector.</summary>
        public double[] X => Result.X;

        /// <summary>Solves <paramref name="problem"/>; <paramref name="what"/> names the step in messages ("min-variance").</summary>
        public static QpOutcome Solve(IQpSolver solver, QuadraticProgram problem, string what, QpOptions? options = null)
        {
            Guard.NotNull(solver, nameof(solver));
            var r = solver.Solve(problem, options);
            if (r == null) throw new InvalidOperationException($"{what}: the QP solver returned no result");
            if (r.Status == QpStatus.Infeasible)
            {
                var conflicts = r.ConflictIds;
                string detail = conflicts.Count > 0 ? ": conflicting " + string.Join("; ", ConstraintId.Texts(conflicts)) : (string.IsNullOrEmpty(r.Message) ? "" : ": " + r.Message);
                throw new InfeasibleException($"{what}: no portfolio satisfies the limits{detail}", conflicts);
            }
            if (r.X == null || r.X.Length != problem.Size)
                throw new InvalidOperationException($"{what}: the QP solver returned {r.X?.Length ?? 0} values for {problem.Size} variables");
            var notes = new List<string>();
            var status = OptimizationStatus.Optimal;
            if (r.Status != QpStatus.Optimal)
            {
                status = OptimizationStatus.NotConverged;
                notes.Add($"{what}: QP solver stopped with {r.Status} after {r.Iterations} iterations{(string.IsNullOrEmpty(r.Message) ? "" : " (" + r.Message + ")")}");
            }
            else
            {
                ConstraintId? violated = WorstViolation(problem, r.X, out double amount);
                if (violated != null && amount > FeasibilityTolerance)
                {
                    status = OptimizationStatus.NotConverged;
                    notes.Add($"{what}: solver answer violates '{violated}' by {amount.ToString("G3", CultureInfo.InvariantCulture)}");
                }
                foreach (var x in r.X)
                    if (double.IsNaN(x) || double.IsInfinity(x))
                    {
                        status = OptimizationStatus.NotConverged;
                        notes.Add($"{what}: solver answer is not finite");
                        break;
                    }
            }
            if (r.RidgeAdded > 0) notes.Add($"{what}: ridge {r.RidgeAdded.ToString("G3", CultureInfo.InvariantCulture)} added to the QP diagonal");
            return new QpOutcome(problem, r, status, string.Join("; ", notes));
        }

        /// <summary>
        /// The one violation check: the row or bound of <paramref name="problem"/> that <paramref name="x"/> violates most
        /// (null when none is); <paramref name="amount"/> is the violation.
        /// </summary>
        public static ConstraintId? WorstViolation(QuadraticProgram problem, double[] x, out double amount)
        {
            Guard.NotNull(problem, nameof(problem));
            return ProgramViolation.Worst(problem.Constraints, problem.Lower, problem.Upper, problem.BoundId, x, out amount);
        }

        /// <summary>Joins non-empty messages with "; ".</summary>
        internal static string Join(params string[] parts)
        {
            var list = new List<string>();
            foreach (var p in parts) if (!string.IsNullOrEmpty(p)) list.Add(p);
            return string.Join("; ", list);
        }
    }
}
