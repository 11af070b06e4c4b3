using System;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// Cyclical coordinate descent for risk budgeting (Griveau-Billion, Richard &amp; Roncalli 2013, "A fast algorithm
    /// for computing high-dimensional risk parity portfolios"), on the same convex objective as Newton:
    /// <c>F(y) = 1/2 y'Cy - sum_i b_i ln y_i</c>, minimised exactly along one coordinate at a time.
    /// </summary>
    internal static class CyclicalCoordinateDescentSolver
    {
        /// <summary>Sweeps between exact recomputations of <c>Cy</c> (bounds drift of the incremental update).</summary>
        internal const int RefreshEvery = 64;

        /// <summary>
        /// Coordinate i solves <c>dF/dy_i = C_ii y_i + c_i - b_i / y_i = 0</c> with <c>c_i = (Cy)_i - C_ii y_i</c>:
        /// the positive root of <c>C_ii y^2 + c_i y - b_i = 0</c>, <c>y = (-c_i + sqrt(c_i^2 + 4 C_ii b_i)) / (2 C_ii)</c>
        /// (here C_ii = 1), evaluated without cancellation. <c>Cy</c> is kept up to date with one O(n) column update per
        /// coordinate, so a sweep costs O(n^2). Stops when <c>max_i |RC_i - b_i| &lt;= tol</c> (checked on an exact
        /// <c>Cy</c>) or after <paramref name="maxSweeps"/> sweeps.
        /// </summary>
        public static SolverOutcome Solve(double[] c, int n, double[] b, double tol, int maxSweeps)
        {
            var y = new double[n];
            var s = new double[n];
            RiskBudgetKernels.Start(c, n, b, y, s);
            int sweeps = 0;
            while (true)
            {
                double residual = RiskBudgetKernels.Residual(y, s, b);
                if (residual <= tol || sweeps >= maxSweeps)
                {
                    RiskBudgetKernels.Multiply(c, n, y, s);
                    residual = RiskBudgetKernels.Residual(y, s, b);
                    if (residual <= tol) return new SolverOutcome(y, sweeps, residual, true);
                    if (sweeps >= maxSweeps) return new SolverOutcome(y, sweeps, residual, false);
                }

                for (int i = 0; i < n; i++)
                {
                    double yi = y[i];
                    double ci = s[i] - yi; // C_ii = 1
                    double root = Math.Sqrt(ci * ci + 4 * b[i]);
                    double yNew = ci >= 0 ? 2 * b[i] / (ci + root) : 0.5 * (root - ci);
                    double delta = yNew - yi;
                    if (delta == 0) continue;
                    y[i] = yNew;
                    int r = i * n; // row i = column i (C symmetric)
                    for (int j = 0; j < n; j++) s[j] += delta * c[r + j];
                }
                sweeps++;
                if (sweeps % RefreshEvery == 0) RiskBudgetKernels.Multiply(c, n, y, s);
            }
        }
    }
}
