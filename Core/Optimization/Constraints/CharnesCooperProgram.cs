using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// Maximum Sharpe ratio as a convex QP by the Charnes-Cooper homogenisation (Charnes and Cooper 1962; Cornuejols
    /// and Tutuncu, Optimization Methods in Finance, 8.2). With <c>z = k x</c>, <c>k &gt; 0</c>:
    /// <c>max (mu - rf)'w / sqrt(w'Sw)</c> over the limits becomes <c>min z_w'S z_w</c> s.t. <c>(mu - rf)'z_w = s</c>,
    /// every row <c>a'x ? b</c> as <c>a'z - b k ? 0</c>, every finite non-zero bound <c>l &lt;= x_j</c> as <c>z_j - l k &gt;= 0</c>,
    /// and <c>k &gt;= 0</c>. The budget row <c>1'w = B</c> becomes <c>1'z_w = B k</c>, which we use to eliminate k:
    /// <c>k = 1'z_w / B</c> is substituted into every other row, so the QP has no k variable (and no zero pivot for it).
    /// The scale <c>s = max|mu_i - rf|</c> (any s &gt; 0 gives the same w) keeps z of order one. Box, sector, leverage and
    /// turnover limits stay exact: <c>w = z_w / k</c> satisfies each original row.
    /// </summary>
    public static class CharnesCooperProgram
    {
        /// <summary>Row name of the homogenised excess-return normalisation.</summary>
        public const string ExcessReturnRow = "excess return above the risk-free rate";

        /// <summary>
        /// Builds the homogenised QP. Requires a positive budget (Sharpe is scale-free, so the budget fixes the scale).
        /// Returns the program; recover weights with <see cref="Recover"/>.
        /// </summary>
        public static QuadraticProgram Build(PortfolioProgramLayout layout, double[,] cov, IReadOnlyList<double> mu, double riskFree)
        {
            Guard.NotNull(layout, nameof(layout));
            if (!(layout.Budget is double budget) || budget <= 0)
                throw new InvalidInputException($"max-sharpe needs a positive budget (sum of weights), got {(layout.Budget.HasValue ? Guard.Format(layout.Budget.Value) : "none")}");
            int n = layout.AssetCount, nv = layout.VariableCount;
            var rows = new List<LinearConstraint>();
            foreach (var row in layout.Rows)
            {
                if (row.Id.Kind == ConstraintKind.Budget) continue;   // 1'z_w = B k holds by definition of k
                rows.Add(Homogenise(row.Id, row.Coefficients, row.Sense, row.Bound, budget, n));
            }
            var lower = new double[nv];
            var upper = new double[nv];
            // Long-only, a cap u_j >= B is implied (y_j <= 1'y = B k <= u_j k): no dense row for it.
            bool longOnly = true;
            for (int j = 0; j < n; j++) longOnly &= layout.Lower[j] >= 0;
            for (int j = 0; j < nv; j++)
            {
                lower[j] = HomogeneousBound(layout.Lower[j], j, n, nv, budget, isLower: true, BoundId(layout, j, ConstraintSide.Lower), rows);
                upper[j] = j < n && longOnly && layout.Upper[j] >= budget ? double.PositiveInfinity
                    : HomogeneousBound(layout.Upper[j], j, n, nv, budget, isLower: false, BoundId(layout, j, ConstraintSide.Upper), rows);
            }
            double s = 0;
            var excess = new double[nv];
            for (int i = 0; i < n; i++) { excess[i] = mu[i] - riskFree; s = Math.Max(s, Math.Abs(excess[i])); }
            if (s == 0)
                throw new InfeasibleException("no portfolio beats the risk-free rate: every expected return equals it", new[] { ExcessReturnRow });
            rows.Add(new LinearConstraint(ExcessReturnRow, excess, ConstraintSense.Equal, s));
            var ones = new double[nv];
            for (int i = 0; i < n; i++) ones[i] = 1;
            rows.Add(new LinearConstraint("scale k >= 0", ones, ConstraintSense.GreaterOrEqual, 0));

            double scale = PortfolioProgramBuilder.ObjectiveScale(cov, new double[n]);
            var p = new double[nv, nv];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) p[i, j] = cov[i, j] * scale;
            return new QuadraticProgram(p, new double[nv], rows, lower, upper)
            {
                VariableNames = layout.VariableNames, LowerBoundIds = layout.LowerBoundIds, UpperBoundIds = layout.UpperBoundIds,
            };
        }

        private static ConstraintId BoundId(PortfolioProgramLayout layout, int j, ConstraintSide side)
            => (side == ConstraintSide.Lower ? layout.LowerBoundIds[j] : layout.UpperBoundIds[j]) ?? ConstraintId.Bound(layout.VariableNames[j], side);

        /// <summary>Weights <c>w = z_w / k</c> with <c>k = 1'z_w / B</c>; null when k is not positive.</summary>
        public static double[]? Recover(PortfolioProgramLayout layout, double[] z)
        {
            int n = layout.AssetCount;
            double sum = 0;
            for (int i = 0; i < n; i++) sum += z[i];
            double k = sum / layout.Budget!.Value;
            if (!(k > 0)) return null;
            var w = new double[n];
            for (int i = 0; i < n; i++) w[i] = z[i] / k;
            return w;
        }

        // a'x ? b  ->  a'z - b k ? 0  with  k = 1'z_w / B.
        private static LinearConstraint Homogenise(ConstraintId id, double[] a, ConstraintSense sense, double b, double budget, int n)
        {
            var h = (double[])a.Clone();
            double shift = b / budget;
            if (shift != 0) for (int i = 0; i < n; i++) h[i] -= shift;
            return new LinearConstraint(id, h, sense, 0);
        }

        // A bound l <= x_j stays a bound only when l is 0 or infinite; otherwise it becomes the row z_j - l k >= 0.
        private static double HomogeneousBound(double bound, int j, int n, int nv, double budget, bool isLower, ConstraintId id, List<LinearConstraint> rows)
        {
            if (double.IsInfinity(bound) || bound == 0) return bound;
            var a = new double[nv];
            a[j] = 1;
            rows.Add(Homogenise(id, a,
                isLower ? ConstraintSense.GreaterOrEqual : ConstraintSense.LessOrEqual, bound, budget, n));
            return isLower ? double.NegativeInfinity : double.PositiveInfinity;
        }
    }
}
