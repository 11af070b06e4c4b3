using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>
    /// Nearest compliant weights: the Euclidean projection <c>min 1/2 ||x - w||^2</c> onto the set defined by
    /// <see cref="AllocationLimits"/>, solved as a QP (never clip-and-renormalise, which is neither nearest nor always
    /// compliant). Weight and notional limits become bounds (<c>|x_i| V &lt;= notional_i</c>), sector caps and net leverage
    /// linear rows; gross leverage <c>sum |x_i| &lt;= G</c> is linear when no weight can be negative, otherwise it uses
    /// auxiliary <c>t_i &gt;= |x_i|</c> (rows <c>t_i - x_i &gt;= 0</c>, <c>t_i + x_i &gt;= 0</c>, <c>sum t &lt;= G</c>).
    /// In that case the quadratic term is singular in t and the solver's ridge (reported in the message) perturbs the
    /// result by about 1e-10.
    /// </summary>
    public sealed class LimitEnforcer
    {
        private readonly IQpSolver _solver;

        /// <summary>Creates the enforcer over a QP solver (e.g. <see cref="GoldfarbIdnaniSolver"/>).</summary>
        public LimitEnforcer(IQpSolver solver) => _solver = Guard.NotNull(solver, nameof(solver));

        /// <summary>
        /// Returns the compliant weights nearest to <paramref name="weights"/> (fractions of <paramref name="portfolioValue"/>).
        /// Throws <see cref="InfeasibleException"/> (naming the conflicting limits) when no weights satisfy the limits, and
        /// <see cref="NotConvergedException"/> when the solver stops early.
        /// </summary>
        public LimitEnforcementResult Enforce(AllocationLimits limits, IReadOnlyList<double> weights, decimal portfolioValue)
        {
            Guard.NotNull(limits, nameof(limits));
            Guard.Positive(portfolioValue, nameof(portfolioValue));
            var before = AllocationLimitChecker.Check(limits, weights, portfolioValue);
            int n = limits.Assets.Count;
            var w = weights.ToArray();
            if (before.Count == 0) return new LimitEnforcementResult(w, before, 0, 0, "already compliant");

            double value = (double)portfolioValue;
            var lo = new double[n];
            var hi = new double[n];
            for (int i = 0; i < n; i++)
            {
                double cap = limits.MaxNotional[i] / value;
                lo[i] = Math.Max(limits.MinWeights[i], -cap);
                hi[i] = Math.Min(limits.MaxWeights[i], cap);
                if (lo[i] > hi[i])
                    throw new InfeasibleException($"limits for '{limits.Assets[i]}' leave no feasible weight: [{Guard.Format(lo[i])}, {Guard.Format(hi[i])}]",
                        new[] { $"minimum weight of {limits.Assets[i]}", $"maximum weight or notional of {limits.Assets[i]}" });
            }
            bool split = limits.MaxGrossLeverage.HasValue && lo.Any(x => x < 0);
            int m = split ? 2 * n : n;
            var p = new double[m, m];
            var q = new double[m];
            var lower = new double[m];
            var upper = new double[m];
            var names = new string[m];
            for (int i = 0; i < n; i++)
            {
                p[i, i] = 1;
                q[i] = -w[i];
                lower[i] = lo[i];
                upper[i] = hi[i];
                names[i] = limits.Assets[i];
            }
            var rows = new List<LinearConstraint>();
            for (int s = 0; s < limits.Sectors.Count; s++)
            {
                double cap = limits.SectorCaps[s];
                if (double.IsPositiveInfinity(cap)) continue;
                var a = new double[m];
                for (int i = 0; i < n; i++) if (limits.SectorOf[i] == s) a[i] = 1;
                rows.Add(new LinearConstraint($"sector {limits.Sectors[s]} cap", a, ConstraintSense.LessOrEqual, cap));
                rows.Add(new LinearConstraint($"sector {limits.Sectors[s]} cap (short side)", (double[])a.Clone(), ConstraintSense.GreaterOrEqual, -cap));
            }
            var ones = new double[m];
            for (int i = 0; i < n; i++) ones[i] = 1;
            if (limits.MaxNetLeverage is double maxNet) rows.Add(new LinearConstraint("maximum net leverage", ones, ConstraintSense.LessOrEqual, maxNet));
            if (limits.MinNetLeverage is double minNet) rows.Add(new LinearConstraint("minimum net leverage", (double[])ones.Clone(), ConstraintSense.GreaterOrEqual, minNet));
            if (limits.MaxGrossLeverage is double gross)
            {
                if (!split) rows.Add(new LinearConstraint("maximum gross leverage", (double[])ones.Clone(), ConstraintSense.LessOrEqual, gross));
                else
                {
                    var t = new double[m];
                    for (int i = 0; i < n; i++)
                    {
                        lower[n + i] = 0;
                        upper[n + i] = double.PositiveInfinity;
                        names[n + i] = "|" + limits.Assets[i] + "|";
                        t[n + i] = 1;
                        var up = new double[m]; up[n + i] = 1; up[i] = -1;
                        var dn = new double[m]; dn[n + i] = 1; dn[i] = 1;
                        rows.Add(new LinearConstraint($"|{limits.Assets[i]}| >= {limits.Assets[i]}", up, ConstraintSense.GreaterOrEqual, 0));
                        rows.Add(new LinearConstraint($"|{limits.Assets[i]}| >= -{limits.Assets[i]}", dn, ConstraintSense.GreaterOrEqual, 0));
                    }
                    rows.Add(new LinearConstraint("maximum gross leverage", t, ConstraintSense.LessOrEqual, gross));
                }
            }
            var problem = new QuadraticProgram(p, q, rows, lower, upper) { VariableNames = names };
            var r = _solver.Solve(problem);
            switch (r.Status)
            {
                case QpStatus.Optimal: break;
                case QpStatus.Infeasible:
                    throw new InfeasibleException("allocation limits cannot all be met: " + string.Join("; ", r.Conflicts), r.Conflicts);
                default:
                    throw new NotConvergedException($"limit projection did not converge: {r.Message}", r.Iterations, double.NaN);
            }
            var x = new double[n];
            double d2 = 0;
            for (int i = 0; i < n; i++)
            {
                x[i] = r.X[i];
                d2 += (x[i] - w[i]) * (x[i] - w[i]);
            }
            return new LimitEnforcementResult(x, before, Math.Sqrt(d2), r.Iterations, r.Message);
        }
    }
}
