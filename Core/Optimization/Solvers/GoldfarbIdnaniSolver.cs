using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// Goldfarb-Idnani dual active-set solver for convex QPs (Goldfarb and Idnani 1983, Math. Programming 27, 1-33;
    /// the factor updates follow quadprog by Turlach and Weingessel). Exact on small and medium problems, designed
    /// for about 500 variables with box bounds and a few dozen general rows: one O(n^3) factorisation, then
    /// O(n(n-q)) work per active-set change; bounds are handled through their unit normals (no dense rows).
    /// <para>
    /// Method: P = L L' (Cholesky), J = L^-T. Starting from the unconstrained minimiser, the equalities are entered
    /// first (each from the side it is violated on), then repeatedly the inequality or bound with the largest
    /// violation |slack| / |a_k|; partial steps drop active constraints whose multiplier would become negative.
    /// The final x and multipliers are recomputed from the factors of the optimal active set.
    /// </para>
    /// <para>
    /// Singular P: when a Cholesky pivot falls to <c>RelativeRidge * mean(diag P)</c> (or below n*eps*max(diag P)),
    /// P is factored again as <c>P + ridge*I</c> with <c>ridge = RelativeRidge * mean(diag P)</c>, or
    /// <c>ridge = RelativeRidge</c> when the diagonal is all zero. The ridge is reported in
    /// <see cref="QpResult.RidgeAdded"/> and the message; among minimisers of a singular problem this selects
    /// (approximately) the one of least Euclidean norm. The reported objective uses the original P.
    /// </para>
    /// <para>
    /// Infeasibility: when the violated constraint's normal is a combination of the active ones and no active
    /// multiplier can be dropped, the dual step is unbounded. The combination is a Farkas certificate; the
    /// violated constraint and the active rows with a nonzero coefficient are returned in
    /// <see cref="QpResult.Conflicts"/> by name (bounds as "lower bound of NAME" / "upper bound of NAME").
    /// </para>
    /// <para>Warm start: <see cref="QpOptions.WarmActiveSet"/> in the <see cref="QpActiveSet"/> encoding. Those rows are
    /// entered as equalities, inequalities with negative multipliers are dropped, and the method continues from there.</para>
    /// <para>An instance remembers the factorisation of the last P it solved with (compared element by element, so
    /// changing P in place is safe): re-solves with the same P, such as frontier points, skip the O(n^3) step.
    /// Instances are thread-safe.</para>
    /// Throws <see cref="ArgumentException"/> for bad input: non-symmetric or indefinite P, invalid options or warm set.
    /// </summary>
    public sealed class GoldfarbIdnaniSolver : IQpSolver
    {
        private readonly RidgedCholeskyCache cache = new RidgedCholeskyCache();

        /// <inheritdoc />
        public QpResult Solve(QuadraticProgram problem, QpOptions? options = null)
        {
            Guard.NotNull(problem, nameof(problem));
            options ??= new QpOptions();
            Guard.Positive(options.Tolerance, nameof(options.Tolerance));
            Guard.NonNegative(options.MaxIterations, nameof(options.MaxIterations));
            Guard.NonNegative(options.RelativeRidge, nameof(options.RelativeRidge));
            CheckSymmetric(problem.P);

            var factor = cache.Get(problem.P, options.RelativeRidge);
            var run = new GoldfarbIdnaniRun(problem, factor.InverseTranspose, options.Tolerance, options.MaxIterations);
            var status = run.Execute(options.WarmActiveSet, out string detail);
            if (status == QpStatus.Optimal && factor.Ridge > 0 && LooksUnbounded(problem, run.X, out string why))
            {
                status = QpStatus.Unbounded;
                detail = why;
            }

            int n = problem.Size, m = problem.Constraints.Count;
            var x = (double[])run.X.Clone();
            var y = new double[m];
            var lower = new double[n];
            var upper = new double[n];
            var activeSet = new List<int>();
            run.Fill(y, lower, upper, activeSet);
            return new QpResult(status, x, Objective(problem, x), run.Iterations, y, lower, upper, activeSet,
                status == QpStatus.Infeasible ? run.Conflicts : Array.Empty<string>(), factor.Ridge,
                Message(problem, status, detail, run, activeSet.Count, factor),
                status == QpStatus.Infeasible ? run.ConflictIds : Array.Empty<ConstraintId>());
        }

        /// <summary><c>1/2 x'Px + q'x</c> with the problem's own P (no ridge).</summary>
        internal static double Objective(QuadraticProgram problem, double[] x)
        {
            int n = problem.Size;
            var p = problem.P;
            double quad = 0, lin = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += p[i, j] * x[j];
                quad += x[i] * s;
                lin += problem.Q[i] * x[i];
            }
            return 0.5 * quad + lin;
        }

        // With P singular, the ridged minimiser of an unbounded problem runs off to |x| ~ |q| / ridge along a direction d
        // with Pd = 0, q'd < 0 that every row and bound allows (a recession direction). So the direction of x itself is
        // tested for exactly that: descent, zero curvature and recession, each to a loose relative tolerance.
        private static bool LooksUnbounded(QuadraticProgram problem, double[] x, out string why)
        {
            why = "";
            int n = problem.Size;
            const double tol = 1e-6;
            double norm = 0, qNorm = 0, meanDiag = 0;
            for (int i = 0; i < n; i++)
            {
                norm += x[i] * x[i];
                qNorm += problem.Q[i] * problem.Q[i];
                meanDiag += problem.P[i, i] / n;
            }
            norm = Math.Sqrt(norm);
            qNorm = Math.Sqrt(qNorm);
            if (norm == 0 || qNorm == 0) return false;
            var d = new double[n];
            for (int i = 0; i < n; i++) d[i] = x[i] / norm;
            double qd = 0, dpd = 0;
            for (int i = 0; i < n; i++)
            {
                qd += problem.Q[i] * d[i];
                double s = 0;
                for (int j = 0; j < n; j++) s += problem.P[i, j] * d[j];
                dpd += d[i] * s;
            }
            if (qd >= -tol * qNorm || dpd > 1e-8 * Math.Max(meanDiag, 1e-300) && dpd > tol * -qd) return false;
            for (int i = 0; i < n; i++)
            {
                if (!double.IsNegativeInfinity(problem.Lower[i]) && d[i] < -tol) return false;
                if (!double.IsPositiveInfinity(problem.Upper[i]) && d[i] > tol) return false;
            }
            foreach (var c in problem.Constraints)
            {
                double ad = 0, an = 0;
                for (int i = 0; i < n; i++) { ad += c.Coefficients[i] * d[i]; an += c.Coefficients[i] * c.Coefficients[i]; }
                double slack = tol * Math.Sqrt(an);
                if (c.Sense == ConstraintSense.Equal ? Math.Abs(ad) > slack : c.Sense == ConstraintSense.LessOrEqual ? ad > slack : ad < -slack) return false;
            }
            why = string.Format(CultureInfo.InvariantCulture,
                "the objective is unbounded below: P is singular and q decreases along a feasible direction of zero curvature (the ridged minimiser has |x| = {0})",
                Guard.Format(norm));
            return true;
        }

        private static void CheckSymmetric(double[,] p)
        {
            int n = p.GetLength(0);
            double scale = 0;
            for (int i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(p[i, i]));
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++)
                {
                    double a = p[i, j], b = p[j, i];
                    if (Math.Abs(a - b) > 1e-12 * Math.Max(scale, Math.Max(Math.Abs(a), Math.Abs(b))))
                        throw new ArgumentException($"P must be symmetric: P[{i},{j}] = {Guard.Format(a)} but P[{j},{i}] = {Guard.Format(b)}", "problem");
                }
        }

        private static string Message(QuadraticProgram problem, QpStatus status, string detail, GoldfarbIdnaniRun run, int activeCount, RidgedCholesky factor)
        {
            var ic = CultureInfo.InvariantCulture;
            string text;
            switch (status)
            {
                case QpStatus.Optimal:
                    text = string.Format(ic, "optimal after {0} iterations with {1} active constraints", run.Iterations, activeCount);
                    break;
                case QpStatus.Infeasible:
                    text = string.Format(ic, "infeasible: '{0}' cannot be met (violated by {1}) together with: {2}",
                        run.Conflicts[0], Guard.Format(run.InfeasibleGap),
                        run.Conflicts.Count > 1 ? "'" + string.Join("', '", Skip1(run.Conflicts)) + "'" : "nothing (its row is zero)");
                    break;
                case QpStatus.MaxIterations:
                    text = "not optimal: " + detail + "; X is the last (primal infeasible) iterate";
                    break;
                case QpStatus.Unbounded:
                    text = detail;
                    break;
                default:
                    text = "numerical failure: " + detail;
                    break;
            }
            if (run.RedundantEqualities > 0)
                text += string.Format(ic, "; {0} equality constraint(s) were redundant and left inactive", run.RedundantEqualities);
            if (factor.Ridge > 0)
                text += string.Format(ic, "; P is singular (Cholesky pivot of {0}), so a ridge of {1} was added to its diagonal",
                    QpActiveSet.VariableName(problem, factor.SingularPivot), Guard.Format(factor.Ridge));
            return text;
        }

        private static IEnumerable<string> Skip1(IReadOnlyList<string> items)
        {
            for (int i = 1; i < items.Count; i++) yield return items[i];
        }
    }
}
