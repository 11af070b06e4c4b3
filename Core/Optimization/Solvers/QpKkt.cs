using System;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// KKT checker for any QP solution in the <see cref="QpResult"/> sign convention:
    /// <c>Px + q + sum_i y_i a_i - mu_L + mu_U = 0</c>, y_i &gt;= 0 on &lt;= rows, &lt;= 0 on &gt;= rows, free on equalities,
    /// mu_L, mu_U &gt;= 0.
    /// </summary>
    public static class QpKkt
    {
        /// <summary>Checks a solver result (its X and multipliers) against the problem.</summary>
        public static QpKktReport Check(QuadraticProgram problem, QpResult result)
        {
            Guard.NotNull(result, nameof(result));
            return Check(problem, result.X, result.ConstraintMultipliers, result.LowerMultipliers, result.UpperMultipliers);
        }

        /// <summary>
        /// Checks point <paramref name="x"/> (length n) with multipliers <paramref name="y"/> (one per constraint),
        /// <paramref name="lowerMultipliers"/> and <paramref name="upperMultipliers"/> (length n each).
        /// </summary>
        public static QpKktReport Check(QuadraticProgram problem, double[] x, double[] y, double[] lowerMultipliers, double[] upperMultipliers)
        {
            Guard.NotNull(problem, nameof(problem));
            int n = problem.Size, m = problem.Constraints.Count;
            Guard.Length(Guard.AllFinite(x, nameof(x)), n, nameof(x));
            Guard.Length(Guard.AllFinite(y, nameof(y)), m, nameof(y));
            Guard.Length(Guard.AllFinite(lowerMultipliers, nameof(lowerMultipliers)), n, nameof(lowerMultipliers));
            Guard.Length(Guard.AllFinite(upperMultipliers, nameof(upperMultipliers)), n, nameof(upperMultipliers));

            var grad = new double[n];
            var p = problem.P;
            for (int i = 0; i < n; i++)
            {
                double s = problem.Q[i];
                for (int j = 0; j < n; j++) s += p[i, j] * x[j];
                grad[i] = s - lowerMultipliers[i] + upperMultipliers[i];
            }

            double primal = 0, sign = 0, comp = 0;
            for (int k = 0; k < m; k++)
            {
                var c = problem.Constraints[k];
                var a = c.Coefficients;
                double ax = 0;
                for (int i = 0; i < n; i++)
                {
                    ax += a[i] * x[i];
                    grad[i] += y[k] * a[i];
                }
                double r = ax - c.Bound;
                switch (c.Sense)
                {
                    case ConstraintSense.Equal:
                        primal = Math.Max(primal, Math.Abs(r));
                        break;
                    case ConstraintSense.LessOrEqual:
                        primal = Math.Max(primal, r);
                        sign = Math.Max(sign, -y[k]);
                        comp = Math.Max(comp, Math.Abs(y[k] * r));
                        break;
                    default:
                        primal = Math.Max(primal, -r);
                        sign = Math.Max(sign, y[k]);
                        comp = Math.Max(comp, Math.Abs(y[k] * r));
                        break;
                }
            }

            double stationarity = 0;
            for (int i = 0; i < n; i++)
            {
                stationarity = Math.Max(stationarity, Math.Abs(grad[i]));
                double lo = problem.Lower[i], hi = problem.Upper[i];
                sign = Math.Max(sign, Math.Max(-lowerMultipliers[i], -upperMultipliers[i]));
                if (double.IsNegativeInfinity(lo)) comp = Math.Max(comp, Math.Abs(lowerMultipliers[i]));
                else
                {
                    primal = Math.Max(primal, lo - x[i]);
                    comp = Math.Max(comp, Math.Abs(lowerMultipliers[i] * (x[i] - lo)));
                }
                if (double.IsPositiveInfinity(hi)) comp = Math.Max(comp, Math.Abs(upperMultipliers[i]));
                else
                {
                    primal = Math.Max(primal, x[i] - hi);
                    comp = Math.Max(comp, Math.Abs(upperMultipliers[i] * (hi - x[i])));
                }
            }
            return new QpKktReport(Math.Max(primal, 0), stationarity, Math.Max(sign, 0), comp);
        }
    }
}
