using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// Turns <see cref="PortfolioConstraints"/> into named linear rows and bounds, and those plus an objective into a
    /// <see cref="QuadraticProgram"/>.
    /// <para>
    /// Absolute values use auxiliary variables (Boyd and Vandenberghe, Convex Optimization, 4.1.3): gross leverage
    /// <c>sum |w_i| &lt;= L</c> becomes <c>t_i - w_i &gt;= 0, t_i + w_i &gt;= 0, t_i &gt;= 0, sum t_i &lt;= L</c>
    /// (only when shorts are allowed; long-only it is the single row <c>sum w_i &lt;= L</c>, dropped when the budget
    /// already implies it), and turnover <c>sum |w_i - w0_i| &lt;= T</c> becomes
    /// <c>d_i - w_i &gt;= -w0_i, d_i + w_i &gt;= w0_i, d_i &gt;= 0, sum d_i &lt;= T</c>. At any feasible point the
    /// auxiliaries are at least the absolute values, so the caps are exact. Auxiliaries carry no objective term.
    /// </para>
    /// </summary>
    public static class PortfolioProgramBuilder
    {
        /// <summary>Row name of the budget constraint.</summary>
        public static readonly string BudgetRow = ConstraintId.Budget.Text;

        /// <summary>
        /// Checks the limits (<see cref="ConstraintFeasibilityCheck.Check"/>) and lays them out as rows and bounds.
        /// Row names: "budget", "sector S max", "sector S min", "max leverage", "|w X| >= w X", "|w X| >= -w X",
        /// "max turnover", "turnover X up", "turnover X down"; weight bounds are named by asset ("min weight X"/"max weight X"
        /// in the pre-check, the asset name in solver conflict reports).
        /// </summary>
        public static PortfolioProgramLayout Limits(IReadOnlyList<string> assets, PortfolioConstraints constraints)
        {
            ConstraintFeasibilityCheck.Check(assets, constraints);
            var c = constraints;
            int n = assets.Count;
            bool absAux = c.MaxLeverage.HasValue && c.AllowsShorts;
            bool turnAux = c.MaxTurnover.HasValue;
            int absOffset = absAux ? n : -1;
            int turnOffset = turnAux ? (absAux ? 2 * n : n) : -1;
            int nv = n + (absAux ? n : 0) + (turnAux ? n : 0);

            var lower = new double[nv];
            var upper = new double[nv];
            var names = new string[nv];
            for (int i = 0; i < n; i++)
            {
                var r = c.RangeOf(assets[i]);
                lower[i] = r.Min; upper[i] = r.Max; names[i] = assets[i];
            }
            for (int j = n; j < nv; j++) { lower[j] = 0; upper[j] = double.PositiveInfinity; }

            var rows = new List<LinearConstraint>();
            if (c.Budget is double budget)
                rows.Add(new LinearConstraint(ConstraintId.Budget, Ones(nv, 0, n), ConstraintSense.Equal, budget));

            foreach (var s in c.LimitedSectors())
            {
                var a = new double[nv];
                for (int i = 0; i < n; i++) if (c.SectorOf(assets[i]) == s) a[i] = 1;
                if (c.SectorMax.TryGetValue(s, out double cap)) rows.Add(new LinearConstraint(ConstraintId.Sector(s, ConstraintSide.Upper), a, ConstraintSense.LessOrEqual, cap));
                if (c.SectorMin.TryGetValue(s, out double floor)) rows.Add(new LinearConstraint(ConstraintId.Sector(s, ConstraintSide.Lower), a, ConstraintSense.GreaterOrEqual, floor));
            }

            if (c.MaxLeverage is double lev)
            {
                if (absAux)
                {
                    for (int i = 0; i < n; i++)
                    {
                        names[absOffset + i] = $"|w| aux {assets[i]}";
                        var up = new double[nv]; up[absOffset + i] = 1; up[i] = -1;
                        rows.Add(new LinearConstraint($"|w {assets[i]}| >= w {assets[i]}", up, ConstraintSense.GreaterOrEqual, 0));
                        var dn = new double[nv]; dn[absOffset + i] = 1; dn[i] = 1;
                        rows.Add(new LinearConstraint($"|w {assets[i]}| >= -w {assets[i]}", dn, ConstraintSense.GreaterOrEqual, 0));
                    }
                    rows.Add(new LinearConstraint(ConstraintId.Leverage, Ones(nv, absOffset, n), ConstraintSense.LessOrEqual, lev));
                }
                else if (!(c.Budget is double b && b <= lev))
                {
                    // Long-only: sum |w| = sum w. Implied (and left out, to avoid a duplicate row) when budget <= L.
                    rows.Add(new LinearConstraint(ConstraintId.Leverage, Ones(nv, 0, n), ConstraintSense.LessOrEqual, lev));
                }
            }

            if (c.MaxTurnover is double turnover)
            {
                for (int i = 0; i < n; i++)
                {
                    double w0 = c.CurrentWeightOf(assets[i]);
                    names[turnOffset + i] = $"turnover aux {assets[i]}";
                    var up = new double[nv]; up[turnOffset + i] = 1; up[i] = -1;
                    rows.Add(new LinearConstraint($"turnover {assets[i]} up", up, ConstraintSense.GreaterOrEqual, -w0));
                    var dn = new double[nv]; dn[turnOffset + i] = 1; dn[i] = 1;
                    rows.Add(new LinearConstraint($"turnover {assets[i]} down", dn, ConstraintSense.GreaterOrEqual, w0));
                }
                rows.Add(new LinearConstraint(ConstraintId.Turnover, Ones(nv, turnOffset, n), ConstraintSense.LessOrEqual, turnover));
            }
            var current = new double[n];
            for (int i = 0; i < n; i++) current[i] = c.CurrentWeightOf(assets[i]);
            return new PortfolioProgramLayout(assets, nv, absOffset, turnOffset, rows.AsReadOnly(), lower, upper, names, c.Budget, current);
        }

        /// <summary>
        /// The QP <c>min 1/2 w'Pw + q'w</c> over the layout's limits plus <paramref name="extraRows"/> (each over the n weights
        /// only; padded with zeros for auxiliaries). The objective is scaled by one positive constant so that its largest
        /// coefficient is 1 (the minimiser is unchanged; the solver's absolute tolerance becomes meaningful).
        /// </summary>
        public static QuadraticProgram ToProgram(PortfolioProgramLayout layout, double[,] p, double[] q, IEnumerable<LinearConstraint>? extraRows = null)
        {
            Guard.NotNull(layout, nameof(layout));
            int n = layout.AssetCount, nv = layout.VariableCount;
            Guard.SquareFinite(p, n, nameof(p));
            Guard.AllFinite(q, nameof(q));
            if (q.Length != n) throw new ArgumentException($"q must have {n} elements, got {q.Length}", nameof(q));
            double scale = ObjectiveScale(p, q);
            var pp = new double[nv, nv];
            var qq = new double[nv];
            for (int i = 0; i < n; i++)
            {
                qq[i] = q[i] * scale;
                for (int j = 0; j < n; j++) pp[i, j] = p[i, j] * scale;
            }
            var rows = new List<LinearConstraint>(layout.Rows);
            if (extraRows != null)
                foreach (var r in extraRows) rows.Add(Pad(r, nv));
            return new QuadraticProgram(pp, qq, rows, (double[])layout.Lower.Clone(), (double[])layout.Upper.Clone())
            {
                VariableNames = layout.VariableNames,
                LowerBoundIds = layout.LowerBoundIds,
                UpperBoundIds = layout.UpperBoundIds,
            };
        }

        /// <summary>A row over the n weights widened to <paramref name="nv"/> variables (zeros for auxiliaries).</summary>
        public static LinearConstraint Pad(LinearConstraint row, int nv)
        {
            Guard.NotNull(row, nameof(row));
            if (row.Coefficients.Length == nv) return row;
            if (row.Coefficients.Length > nv) throw new ArgumentException($"row '{row.Name}' has {row.Coefficients.Length} coefficients, more than {nv} variables");
            var a = new double[nv];
            Array.Copy(row.Coefficients, a, row.Coefficients.Length);
            return new LinearConstraint(row.Id, a, row.Sense, row.Bound);
        }

        /// <summary>1 / (largest |coefficient| of P and q), or 1 when both are zero.</summary>
        internal static double ObjectiveScale(double[,] p, double[] q)
        {
            double m = 0;
            for (int i = 0; i < q.Length; i++)
            {
                m = Math.Max(m, Math.Abs(q[i]));
                for (int j = 0; j < q.Length; j++) m = Math.Max(m, Math.Abs(p[i, j]));
            }
            return m > 0 ? 1.0 / m : 1.0;
        }

        private static double[] Ones(int length, int start, int count)
        {
            var a = new double[length];
            for (int i = start; i < start + count; i++) a[i] = 1;
            return a;
        }
    }
}
