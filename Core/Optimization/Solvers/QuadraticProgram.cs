using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>Sense of a linear constraint <c>a'x ? b</c>.</summary>
    public enum ConstraintSense
    {
        /// <summary><c>a'x = b</c>.</summary>
        Equal,
        /// <summary><c>a'x &lt;= b</c>.</summary>
        LessOrEqual,
        /// <summary><c>a'x &gt;= b</c>.</summary>
        GreaterOrEqual,
    }

    /// <summary>One named linear constraint <c>a'x (=, &lt;=, &gt;=) b</c>. The name appears in infeasibility reports.</summary>
    public sealed class LinearConstraint
    {
        /// <summary>Creates a constraint; the coefficient array is copied and must be finite.</summary>
        public LinearConstraint(string name, double[] coefficients, ConstraintSense sense, double bound)
            : this(ConstraintId.Row(name, sense == ConstraintSense.Equal ? ConstraintSide.Equal : sense == ConstraintSense.LessOrEqual ? ConstraintSide.Upper : ConstraintSide.Lower),
                coefficients, sense, bound)
        {
        }

        /// <summary>Creates a constraint with a typed identity (<see cref="Name"/> is its text); the coefficient array is copied.</summary>
        public LinearConstraint(ConstraintId id, double[] coefficients, ConstraintSense sense, double bound)
        {
            Id = Guard.NotNull(id, nameof(id));
            Name = id.Text;
            Coefficients = (double[])Guard.AllFinite(coefficients, nameof(coefficients)).Clone();
            Sense = sense;
            Bound = Guard.Finite(bound, nameof(bound));
        }

        /// <summary>Human-readable name, e.g. "budget", "sector Energy max" (the text of <see cref="Id"/>).</summary>
        public string Name { get; }

        /// <summary>The typed identity (kind, subject, side).</summary>
        public ConstraintId Id { get; }

        /// <summary>Row <c>a</c>, one coefficient per variable. Do not mutate.</summary>
        public double[] Coefficients { get; }

        /// <summary>Equality or inequality direction.</summary>
        public ConstraintSense Sense { get; }

        /// <summary>Right-hand side <c>b</c>.</summary>
        public double Bound { get; }
    }

    /// <summary>
    /// A convex quadratic program: minimise <c>1/2 x'Px + q'x</c> subject to named linear constraints and
    /// per-variable bounds <c>lower &lt;= x &lt;= upper</c> (use infinities for "no bound").
    /// P must be symmetric positive semidefinite, n x n.
    /// </summary>
    public sealed class QuadraticProgram
    {
        /// <summary>Creates the problem; inputs are validated (finite, square, consistent sizes, lower &lt;= upper) but not copied.</summary>
        public QuadraticProgram(double[,] p, double[] q, IReadOnlyList<LinearConstraint>? constraints = null, double[]? lower = null, double[]? upper = null)
        {
            Guard.NotNull(q, nameof(q));
            int n = q.Length;
            if (n == 0) throw new ArgumentException("a quadratic program needs at least one variable", nameof(q));
            P = Guard.SquareFinite(p, n, nameof(p));
            Q = Guard.AllFinite(q, nameof(q));
            Constraints = constraints ?? Array.Empty<LinearConstraint>();
            foreach (var c in Constraints)
            {
                Guard.NotNull(c, nameof(constraints));
                if (c.Coefficients.Length != n)
                    throw new ArgumentException($"constraint '{c.Name}' has {c.Coefficients.Length} coefficients, expected {n}", nameof(constraints));
            }
            Lower = lower ?? Fill(n, double.NegativeInfinity);
            Upper = upper ?? Fill(n, double.PositiveInfinity);
            if (Lower.Length != n || Upper.Length != n)
                throw new ArgumentException($"bounds must have {n} elements", lower == null ? nameof(upper) : nameof(lower));
            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(Lower[i]) || double.IsNaN(Upper[i]) || double.IsPositiveInfinity(Lower[i]) || double.IsNegativeInfinity(Upper[i]))
                    throw new ArgumentException($"bounds of variable {i} are invalid: [{Guard.Format(Lower[i])}, {Guard.Format(Upper[i])}]");
                if (Lower[i] > Upper[i])
                    throw new ArgumentException($"lower bound {Guard.Format(Lower[i])} exceeds upper bound {Guard.Format(Upper[i])} for variable {i}");
            }
            VariableNames = null;
        }

        /// <summary>Number of variables.</summary>
        public int Size => Q.Length;

        /// <summary>Quadratic term, symmetric PSD, n x n.</summary>
        public double[,] P { get; }

        /// <summary>Linear term, length n.</summary>
        public double[] Q { get; }

        /// <summary>General linear constraints.</summary>
        public IReadOnlyList<LinearConstraint> Constraints { get; }

        /// <summary>Lower bounds (may be -infinity).</summary>
        public double[] Lower { get; }

        /// <summary>Upper bounds (may be +infinity).</summary>
        public double[] Upper { get; }

        /// <summary>Optional variable names (e.g. asset names) used in bound-conflict reports.</summary>
        public IReadOnlyList<string>? VariableNames { get; set; }

        /// <summary>
        /// Optional typed identities of the bounds, index = variable (null entries or a null list: "lower/upper bound of
        /// NAME"). The portfolio builder names the weight bounds "min weight X" / "max weight X" here, once.
        /// </summary>
        public IReadOnlyList<ConstraintId?>? LowerBoundIds { get; set; }

        /// <summary>Optional typed identities of the upper bounds (see <see cref="LowerBoundIds"/>).</summary>
        public IReadOnlyList<ConstraintId?>? UpperBoundIds { get; set; }

        /// <summary>The identity of the lower or upper bound of variable <paramref name="i"/>.</summary>
        public ConstraintId BoundId(int i, ConstraintSide side)
        {
            var ids = side == ConstraintSide.Lower ? LowerBoundIds : UpperBoundIds;
            if (ids != null && i < ids.Count && ids[i] is ConstraintId id) return id;
            return ConstraintId.Bound(QpActiveSet.VariableName(this, i), side);
        }

        private static double[] Fill(int n, double v)
        {
            var a = new double[n];
            for (int i = 0; i < n; i++) a[i] = v;
            return a;
        }
    }

    /// <summary>How a QP solve ended.</summary>
    public enum QpStatus
    {
        /// <summary>Optimal to tolerance; <see cref="QpResult.X"/> is the minimiser.</summary>
        Optimal,
        /// <summary>No point satisfies the constraints; <see cref="QpResult.Conflicts"/> names them.</summary>
        Infeasible,
        /// <summary>The iteration limit was reached before optimality.</summary>
        MaxIterations,
        /// <summary>Numerical breakdown (e.g. a factorisation lost definiteness).</summary>
        NumericalFailure,
        /// <summary>
        /// The objective is unbounded below on the feasible set (P singular along a feasible direction in which q'x
        /// decreases). <see cref="QpResult.X"/> is the minimiser of the ridged problem, far out along that direction.
        /// </summary>
        Unbounded,
    }

    /// <summary>Solver options.</summary>
    public sealed class QpOptions
    {
        /// <summary>
        /// Feasibility tolerance, absolute for rows of unit scale: a row <c>a'x &gt;= b</c> counts as violated when
        /// <c>a'x - b &lt; -Tolerance * max(|a|, |b|)</c> (bounds: |a| = 1). Default 1e-10.
        /// </summary>
        public double Tolerance { get; set; } = 1e-10;

        /// <summary>Iteration limit (active-set changes); 0 means the default 10 * (n + rows + finite bounds) + 100.</summary>
        public int MaxIterations { get; set; }

        /// <summary>
        /// Ridge added to P's diagonal when P is only semidefinite (singular), as a fraction of its mean
        /// diagonal (RelativeRidge itself when the diagonal is all zero). Default 1e-10. Reported in <see cref="QpResult.RidgeAdded"/>.
        /// </summary>
        public double RelativeRidge { get; set; } = 1e-10;

        /// <summary>
        /// Optional warm start: indices of constraints/bounds expected active, from a previous <see cref="QpResult.ActiveSet"/>
        /// of a problem with the same rows and variables (encoding in <see cref="QpActiveSet"/>: k &lt; m constraint k,
        /// m + i lower bound of x_i, m + n + i upper bound of x_i). Only a hint: a wrong set costs time, not accuracy;
        /// entries outside [0, m + 2n) are rejected with <see cref="ArgumentException"/>.
        /// </summary>
        public IReadOnlyList<int>? WarmActiveSet { get; set; }
    }

    /// <summary>Result of a QP solve. Always check <see cref="Status"/>.</summary>
    public sealed class QpResult
    {
        /// <summary>Creates a result.</summary>
        public QpResult(QpStatus status, double[] x, double objective, int iterations,
            double[] constraintMultipliers, double[] lowerMultipliers, double[] upperMultipliers,
            IReadOnlyList<int> activeSet, IReadOnlyList<string> conflicts, double ridgeAdded, string message,
            IReadOnlyList<ConstraintId>? conflictIds = null)
        {
            ConflictIds = conflictIds ?? RowIds(conflicts);
            Status = status;
            X = x;
            Objective = objective;
            Iterations = iterations;
            ConstraintMultipliers = constraintMultipliers;
            LowerMultipliers = lowerMultipliers;
            UpperMultipliers = upperMultipliers;
            ActiveSet = activeSet;
            Conflicts = conflicts;
            RidgeAdded = ridgeAdded;
            Message = message;
        }

        /// <summary>How the solve ended.</summary>
        public QpStatus Status { get; }

        /// <summary>Solution (the last iterate when not optimal).</summary>
        public double[] X { get; }

        /// <summary><c>1/2 x'Px + q'x</c> at <see cref="X"/>.</summary>
        public double Objective { get; }

        /// <summary>Iterations (active-set changes) performed.</summary>
        public int Iterations { get; }

        /// <summary>
        /// Lagrange multipliers of <see cref="QuadraticProgram.Constraints"/>, same order, sign convention:
        /// stationarity is <c>Px + q + sum_i y_i a_i - mu_L + mu_U = 0</c>, with y_i &gt;= 0 for &lt;= rows,
        /// y_i &lt;= 0 for &gt;= rows, free for equalities.
        /// </summary>
        public double[] ConstraintMultipliers { get; }

        /// <summary>Multipliers of the lower bounds (&gt;= 0).</summary>
        public double[] LowerMultipliers { get; }

        /// <summary>Multipliers of the upper bounds (&gt;= 0).</summary>
        public double[] UpperMultipliers { get; }

        /// <summary>
        /// Active constraints at the solution (equalities first), for warm starts. Encoding (<see cref="QpActiveSet"/>):
        /// k &lt; m is <c>Constraints[k]</c>, m + i the lower bound of x_i, m + n + i the upper bound of x_i.
        /// </summary>
        public IReadOnlyList<int> ActiveSet { get; }

        /// <summary>When infeasible: names of the constraints/bounds that conflict.</summary>
        public IReadOnlyList<string> Conflicts { get; }

        /// <summary>When infeasible: the typed identities of the conflicting constraints/bounds (same order as <see cref="Conflicts"/>).</summary>
        public IReadOnlyList<ConstraintId> ConflictIds { get; }

        private static IReadOnlyList<ConstraintId> RowIds(IReadOnlyList<string>? names)
        {
            var ids = new List<ConstraintId>();
            if (names != null) foreach (var n in names) ids.Add(ConstraintId.Row(n));
            return ids;
        }

        /// <summary>Absolute ridge added to P's diagonal (0 when P was positive definite).</summary>
        public double RidgeAdded { get; }

        /// <summary>Human-readable summary of how the solve ended.</summary>
        public string Message { get; }
    }

    /// <summary>A convex QP solver.</summary>
    public interface IQpSolver
    {
        /// <summary>Solves <paramref name="problem"/>. Never throws for infeasibility or non-convergence: see <see cref="QpResult.Status"/>.</summary>
        QpResult Solve(QuadraticProgram problem, QpOptions? options = null);
    }
}
