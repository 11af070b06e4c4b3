using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// One solve of the Goldfarb-Idnani dual active-set method (Goldfarb and Idnani 1983, "A numerically stable
    /// dual method for solving strictly convex quadratic programs", Math. Programming 27, 1-33; steps 0-3 of
    /// their algorithm, as implemented in quadprog's qpgen2). Internal form: min 1/2 x'Px + q'x s.t.
    /// n_k'x &gt;= b_k with multipliers u &gt;= 0 and Px + q = sum u_k n_k. Starting from the unconstrained
    /// minimiser, each iteration adds the most violated constraint (slack scaled by |n_k|), taking partial
    /// (dual) steps that drop active constraints whose multiplier would turn negative.
    /// </summary>
    internal sealed class GoldfarbIdnaniRun
    {
        // Relative size of |d2| / |d| below which a new normal counts as a combination of the active ones.
        private const double DependenceTolerance = 1e-10;
        // Dual-ray coefficients this small relative to the largest are treated as zero.
        private const double RayTolerance = 1e-9;

        private readonly QuadraticProgram problem;
        private readonly QpConstraintRows rows;
        private readonly GoldfarbIdnaniFactors f;
        private readonly double tolerance;
        private readonly int maxIterations;
        private readonly int n;
        private readonly double[] x, d, z, rr, u, rhs;
        private readonly int[] active;      // constraint index per active position
        private readonly double[] direction; // +1, or -1 for an equality entered with its normal reversed
        private readonly bool[] isActive;
        private int iterations;
        private int redundant;
        private ConstraintId[] conflicts = Array.Empty<ConstraintId>();

        public GoldfarbIdnaniRun(QuadraticProgram problem, double[][] inverseCholeskyTranspose, double tolerance, int maxIterations)
        {
            this.problem = problem;
            rows = new QpConstraintRows(problem);
            f = new GoldfarbIdnaniFactors(inverseCholeskyTranspose);
            this.tolerance = tolerance;
            n = problem.Size;
            int finite = rows.M;
            for (int k = rows.M; k < rows.Count; k++) if (rows.Exists(k)) finite++;
            this.maxIterations = maxIterations > 0 ? maxIterations : 10 * (n + finite) + 100;
            x = new double[n];
            d = new double[n];
            z = new double[n];
            rr = new double[n];
            u = new double[n];
            rhs = new double[n];
            active = new int[n];
            direction = new double[n];
            isActive = new bool[rows.Count];
        }

        public int Iterations => iterations;

        public IReadOnlyList<string> Conflicts => ConstraintId.Texts(conflicts);

        /// <summary>Typed identities of <see cref="Conflicts"/>.</summary>
        public IReadOnlyList<ConstraintId> ConflictIds => conflicts;

        public double[] X => x;

        /// <summary>Runs the method; returns the status, with the state readable through <see cref="Fill"/>.</summary>
        public QpStatus Execute(IReadOnlyList<int>? warm, out string detail)
        {
            f.Solution(problem.Q, rhs, x, u); // unconstrained minimiser x = -P^-1 q (no active set)

            // Step 1 for the equalities, in order: each is entered from the side it is violated on.
            for (int k = 0; k < rows.Count; k++)
            {
                if (!rows.Exists(k) || !rows.IsEquality(k)) continue;
                double s = rows.Slack(k, x);
                var status = Enter(k, s > 0 ? -1.0 : 1.0, true, out detail);
                if (status != null) return status.Value;
            }

            if (warm != null && warm.Count > 0) WarmStart(warm);

            bool refined = false, polished = false;
            while (true)
            {
                int p = MostViolated();
                if (p < 0)
                {
                    if (refined) break;
                    Refine();
                    if (HasNaN()) { detail = "the iterate became NaN"; return QpStatus.NumericalFailure; }
                    refined = true;
                    // Once: rounding on an ill-conditioned P can leave a recomputed multiplier slightly negative,
                    // i.e. the last active set is not quite optimal; drop such rows and let the method continue.
                    if (!polished)
                    {
                        polished = true;
                        if (DropNegativeMultipliers()) refined = false;
                    }
                    continue;
                }
                refined = false;
                var status = Enter(p, 1.0, false, out detail);
                if (status != null) return status.Value;
            }
            detail = "";
            return QpStatus.Optimal;
        }

        // Steps 2-3: move towards satisfying constraint k (normal sign s*n_k) until it is added.
        // Returns null once added (or skipped as a redundant equality), otherwise the terminal status.
        private QpStatus? Enter(int k, double sign, bool equality, out string detail)
        {
            detail = "";
            double uPlus = 0;
            int variable = rows.Variable(k);
            while (true)
            {
                if (iterations >= maxIterations)
                {
                    detail = $"the iteration limit {maxIterations} was reached while adding '{rows.Name(k, sign)}'";
                    return QpStatus.MaxIterations;
                }
                int q = f.Count;
                double slack = sign * rows.Slack(k, x);
                rows.TransposeProduct(k, sign, f.J, d);
                double dd = 0;
                for (int c = 0; c < n; c++) dd += d[c] * d[c];
                double tail = f.TailSquaredNorm(d);
                f.DualDirection(d, rr);
                bool dependent = tail <= DependenceTolerance * DependenceTolerance * dd;

                if (dependent && equality && Math.Abs(slack) <= FeasibilityTolerance(k))
                {
                    redundant++;
                    return null; // consistent with the equalities already active
                }

                // Partial (dual) step length: the first active inequality whose multiplier reaches zero.
                double rMax = 0;
                if (dependent) for (int i = 0; i < q; i++) rMax = Math.Max(rMax, Math.Abs(rr[i]));
                double threshold = dependent ? RayTolerance * rMax : 0.0;
                double t1 = double.PositiveInfinity;
                int drop = -1;
                for (int i = 0; i < q; i++)
                {
                    if (rr[i] <= threshold || rows.IsEquality(active[i])) continue;
                    double ratio = u[i] / rr[i];
                    if (ratio < t1) { t1 = ratio; drop = i; }
                }

                if (dependent)
                {
                    if (drop < 0) { Infeasible(k, sign, slack); detail = ""; return QpStatus.Infeasible; }
                    for (int i = 0; i < q; i++) u[i] -= t1 * rr[i];
                    uPlus += t1;
                    Drop(drop);
                    continue;
                }

                double t2 = Math.Max(0.0, -slack / tail); // full step: makes constraint k active (slack <= 0 up to rounding)
                double t = Math.Min(t1, t2);
                f.PrimalDirection(d, z);
                for (int i = 0; i < n; i++) x[i] += t * z[i];
                for (int i = 0; i < q; i++) u[i] -= t * rr[i];
                uPlus += t;
                if (t2 <= t1)
                {
                    f.Add(d, variable);
                    active[q] = k;
                    direction[q] = sign;
                    u[q] = uPlus;
                    rhs[q] = sign * rows.Rhs(k);
                    isActive[k] = true;
                    if (variable >= 0) x[variable] = rows.IsLower(k) ? problem.Lower[variable] : problem.Upper[variable];
                    iterations++;
                    return null;
                }
                Drop(drop);
            }
        }

        private void Drop(int position)
        {
            int q = f.Count;
            int k = active[position];
            f.Drop(position, rows.Variable(k));
            isActive[k] = false;
            for (int i = position; i < q - 1; i++)
            {
                active[i] = active[i + 1];
                direction[i] = direction[i + 1];
                u[i] = u[i + 1];
                rhs[i] = rhs[i + 1];
            }
            iterations++;
        }

        // Inactive inequality with the largest scaled violation beyond tolerance, or -1.
        private int MostViolated()
        {
            int best = -1;
            double worst = 0;
            double sumX = QpConstraintRows.Sum(x);
            for (int k = 0; k < rows.Count; k++)
            {
                if (isActive[k] || !rows.Exists(k) || rows.IsEquality(k)) continue;
                double s = rows.Slack(k, x, sumX);
                if (s >= -FeasibilityTolerance(k)) continue;
                double v = -s / rows.Norm(k);
                if (v > worst) { worst = v; best = k; }
            }
            return best;
        }

        /// <summary>Tolerance on the slack of row k: Tolerance * |n_k| * max(1, |b_k| / |n_k|).</summary>
        private double FeasibilityTolerance(int k)
        {
            double norm = rows.Norm(k);
            return tolerance * Math.Max(norm, Math.Abs(rows.Rhs(k)));
        }

        // Recomputes x and u from the factors (removes drift accumulated by the steps) and snaps active bounds.
        private void Refine()
        {
            f.Solution(problem.Q, rhs, x, u);
            SnapBounds();
        }

        private void SnapBounds()
        {
            for (int i = 0; i < f.Count; i++)
            {
                int v = rows.Variable(active[i]);
                if (v >= 0) x[v] = rows.IsLower(active[i]) ? problem.Lower[v] : problem.Upper[v];
            }
        }

        // Drops the inequality with the most negative multiplier (beyond 1e-12 of the largest) until none is left,
        // recomputing x and u after each drop. Returns whether anything was dropped.
        private bool DropNegativeMultipliers()
        {
            bool any = false;
            while (true)
            {
                double largest = 0;
                for (int i = 0; i < f.Count; i++) largest = Math.Max(largest, Math.Abs(u[i]));
                int worst = -1;
                double most = -1e-12 * largest;
                for (int i = 0; i < f.Count; i++)
                {
                    if (rows.IsEquality(active[i])) continue;
                    if (u[i] < most) { most = u[i]; worst = i; }
                }
                if (worst < 0) return any;
                Drop(worst);
                Refine();
                any = true;
            }
        }

        // Warm start: enter the previous active set as if equalities (no line search), then drop inequalities
        // with negative multipliers, most negative first, until the pair (x, u) is dual feasible again.
        private void WarmStart(IReadOnlyList<int> warm)
        {
            foreach (int k in warm)
            {
                if (k < 0 || k >= rows.Count)
                    throw new ArgumentException($"warm active set entry {k.ToString(CultureInfo.InvariantCulture)} is outside [0, {rows.Count - 1}] (m + 2n)", nameof(QpOptions.WarmActiveSet));
            }
            foreach (int k in warm)
            {
                int v = rows.Variable(k);
                if (v >= 0 && rows.IsFixed(v)) continue; // fixed variables are equalities, already active
                if (!rows.Exists(k) || rows.IsEquality(k) || isActive[k]) continue;
                if (f.Count >= n) break;
                rows.TransposeProduct(k, 1.0, f.J, d);
                double dd = 0;
                for (int c = 0; c < n; c++) dd += d[c] * d[c];
                if (f.TailSquaredNorm(d) <= DependenceTolerance * DependenceTolerance * dd) continue;
                int q = f.Count;
                f.Add(d, v);
                active[q] = k;
                direction[q] = 1.0;
                rhs[q] = rows.Rhs(k);
                isActive[k] = true;
                iterations++;
            }
            while (true)
            {
                Refine();
                int worst = -1;
                double most = 0;
                for (int i = 0; i < f.Count; i++)
                {
                    if (rows.IsEquality(active[i])) continue;
                    if (u[i] < most) { most = u[i]; worst = i; }
                }
                if (worst < 0) break;
                Drop(worst);
            }
        }

        private void Infeasible(int k, double sign, double slack)
        {
            // Farkas: s*n_k = sum_i rr_i n_(active i) with rr_i <= 0 on inequalities, so every feasible x has
            // s*n_k'x <= sum rr_i b_i = s*n_k'x_current < s*b_k: constraint k and the rows with rr_i != 0 conflict.
            int q = f.Count;
            double scale = rows.Norm(k);
            for (int i = 0; i < q; i++) scale = Math.Max(scale, Math.Abs(rr[i]) * rows.Norm(active[i]));
            var names = new List<ConstraintId> { rows.Id(k, sign) };
            for (int i = 0; i < q; i++)
            {
                if (Math.Abs(rr[i]) * rows.Norm(active[i]) <= RayTolerance * scale) continue;
                var name = rows.Id(active[i], direction[i]);
                if (!names.Contains(name)) names.Add(name);
            }
            conflicts = names.ToArray();
            infeasibleGap = -slack;
        }

        private double infeasibleGap;

        /// <summary>Violation of the constraint that could not be added (when infeasible).</summary>
        public double InfeasibleGap => infeasibleGap;

        public int RedundantEqualities => redundant;

        private bool HasNaN()
        {
            for (int i = 0; i < n; i++) if (double.IsNaN(x[i]) || double.IsInfinity(x[i])) return true;
            return false;
        }

        /// <summary>Maps the internal multipliers to the public sign convention and the active-set encoding.</summary>
        public void Fill(double[] constraintMultipliers, double[] lowerMultipliers, double[] upperMultipliers, List<int> activeSet)
        {
            int m = rows.M;
            for (int i = 0; i < f.Count; i++)
            {
                int k = active[i];
                double w = u[i] * direction[i]; // multiplier of the base normal n_k in Px + q = sum w n_k
                activeSet.Add(rows.PublicIndex(k, w));
                if (k < m)
                {
                    // base normal is +a for = and >= rows, -a for <= rows; public: Px + q + y a = 0
                    var sense = problem.Constraints[k].Sense;
                    constraintMultipliers[k] = sense == ConstraintSense.LessOrEqual ? w : -w;
                    continue;
                }
                int v = rows.Variable(k);
                if (rows.IsLower(k))
                {
                    if (w >= 0) lowerMultipliers[v] = w; else upperMultipliers[v] = -w; // fixed variable: either side
                }
                else upperMultipliers[v] = w;
            }
        }
    }
}
