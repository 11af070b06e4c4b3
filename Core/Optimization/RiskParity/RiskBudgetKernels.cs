using System;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>Shared O(n^2) / O(n) kernels of the risk budgeting solvers (no allocation).</summary>
    internal static class RiskBudgetKernels
    {
        /// <summary>Variance, relative to the uncorrelated variance, below which a portfolio counts as riskless.</summary>
        internal const double RisklessRatio = 1e-12;

        /// <summary><c>s = C y</c> for a row-major n x n matrix.</summary>
        public static void Multiply(double[] c, int n, double[] y, double[] s)
        {
            for (int i = 0; i < n; i++)
            {
                int r = i * n;
                double acc = 0;
                for (int j = 0; j < n; j++) acc += c[r + j] * y[j];
                s[i] = acc;
            }
        }

        /// <summary>
        /// <c>max_i |y_i s_i / (y's) - b_i|</c> given <c>s = C y</c>: the largest gap between a risk contribution
        /// (fraction of variance) and its budget. +Infinity when the variance is not positive or not finite.
        /// </summary>
        public static double Residual(double[] y, double[] s, double[] b)
        {
            double v = 0;
            for (int i = 0; i < y.Length; i++) v += y[i] * s[i];
            if (!(v > 0) || double.IsInfinity(v)) return double.PositiveInfinity;
            double worst = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double e = Math.Abs(y[i] * s[i] / v - b[i]);
                if (!(e <= worst)) worst = e; // NaN propagates as the worst
            }
            return worst;
        }

        /// <summary>
        /// Starting point shared by both solvers: the uncorrelated solution <c>y_i = sqrt(b_i)</c>, scaled along its ray
        /// to minimise <c>1/2 y'Cy - sum b ln y</c> (optimal length gives <c>y'Cy = sum b = 1</c>). Fills <paramref name="s"/> = C y.
        /// </summary>
        public static void Start(double[] c, int n, double[] b, double[] y, double[] s)
        {
            for (int i = 0; i < n; i++) y[i] = Math.Sqrt(b[i]);
            Multiply(c, n, y, s);
            double q = 0, norm2 = 0;
            for (int i = 0; i < n; i++)
            {
                q += y[i] * s[i];
                norm2 += y[i] * y[i];
            }
            // C has a unit diagonal, so q / |y|^2 is the variance of y relative to its uncorrelated variance.
            if (!(q > RisklessRatio * norm2))
                throw new InvalidInputException(
                    "the covariance admits a riskless long-only portfolio (the risk-budget-weighted portfolio has zero variance); " +
                    "risk contributions are undefined there and no risk budgeting portfolio exists");
            double t = 1.0 / Math.Sqrt(q);
            for (int i = 0; i < n; i++)
            {
                y[i] *= t;
                s[i] *= t;
            }
        }
    }
}
