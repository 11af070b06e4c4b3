using System;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// Damped Newton method for risk budgeting (Spinu 2013, "An algorithm for computing risk parity weights").
    /// Minimises <c>F(y) = 1/2 y'Cy - sum_i b_i ln y_i</c> over y &gt; 0; the minimiser satisfies
    /// <c>y_i (Cy)_i = b_i</c>, so <c>w = y / sum(y)</c> has risk contributions <c>RC_i = b_i</c>.
    /// </summary>
    internal static class SpinuNewtonSolver
    {
        /// <summary>
        /// Newton-decrement threshold below which full steps are taken: 0.95 (3 - sqrt 5) / 2, inside the region of
        /// quadratic convergence of a standard self-concordant function (Spinu 2013, Algorithm 1; Nesterov 2004, 4.1.5).
        /// </summary>
        internal static readonly double FullStepThreshold = 0.95 * (3 - Math.Sqrt(5)) / 2;

        /// <summary>
        /// Solves on the correlation matrix <paramref name="c"/> (n x n row-major, unit diagonal, PSD).
        /// Per step: gradient <c>g = Cy - b/y</c>, Hessian <c>H = C + diag(b/y^2)</c> (positive definite), direction
        /// <c>d = H^-1 g</c> by Cholesky (no inverse), decrement <c>lambda = sqrt(g'd)</c>. F / min(b) is standard
        /// self-concordant (each <c>-(b_i/b_min) ln y_i</c> is), so with <c>lambda_s = lambda / sqrt(b_min)</c> the damped
        /// step <c>y -= d / (1 + lambda_s)</c> stays feasible and decreases F; full steps once lambda_s is below the threshold.
        /// Because that guaranteed step is short when b_min is small (N large), longer steps 1, 1/2, ... are tried first
        /// and kept when they pass Armijo's sufficient-decrease test. Stops when <c>max_i |RC_i - b_i| &lt;= tol</c> or after <paramref name="maxIterations"/> steps.
        /// </summary>
        public static SolverOutcome Solve(double[] c, int n, double[] b, double tol, int maxIterations)
        {
            var y = new double[n];
            var s = new double[n];
            var g = new double[n];
            var d = new double[n];
            var h = new double[n * n];
            var yTrial = new double[n];
            var sTrial = new double[n];
            double bMin = double.PositiveInfinity;
            for (int i = 0; i < n; i++) bMin = Math.Min(bMin, b[i]);
            double sqrtBMin = Math.Sqrt(bMin);

            RiskBudgetKernels.Start(c, n, b, y, s);
            int iterations = 0;
            while (true)
            {
                double residual = RiskBudgetKernels.Residual(y, s, b);
                if (residual <= tol) return new SolverOutcome(y, iterations, residual, true);
                if (iterations >= maxIterations) return new SolverOutcome(y, iterations, residual, false);

                for (int i = 0; i < n; i++)
                {
                    g[i] = s[i] - b[i] / y[i];
                    d[i] = g[i];
                }
                Array.Copy(c, h, h.Length);
                for (int i = 0; i < n; i++) h[i * n + i] += b[i] / (y[i] * y[i]);
                var factor = Numerics.Cholesky.Factor(h, n);
                if (!factor.Succeeded)
                    return new SolverOutcome(y, iterations, residual, false,
                        "the Newton Hessian became numerically singular as the iterates diverged; the covariance most likely admits a " +
                        "riskless long-only portfolio, for which no risk budgeting portfolio exists");
                factor.Solve(d);

                double lambda2 = 0;
                for (int i = 0; i < n; i++) lambda2 += g[i] * d[i];
                double lambdaScaled = Math.Sqrt(Math.Max(lambda2, 0)) / sqrtBMin;
                double safeStep = lambdaScaled > FullStepThreshold ? 1.0 / (1.0 + lambdaScaled) : 1.0;

                // Step length: the self-concordant step is guaranteed but short while lambda_s is large (b_min small),
                // so first try longer steps 1, 1/2, ... that keep y > 0 and pass Armijo's test
                // F(y - t d) <= F(y) - t lambda^2 / 4 (Boyd & Vandenberghe 2004, 9.5.2); the guaranteed step ends the search.
                double f0 = Objective(y, s, b);
                double step = 1.0;
                while (step > safeStep)
                {
                    if (TryStep(c, n, y, d, step, yTrial, sTrial) && Objective(yTrial, sTrial, b) <= f0 - 0.25 * step * lambda2) break;
                    step *= 0.5;
                }
                if (step <= safeStep)
                {
                    // Theory keeps y - d/(1 + lambda_s) > 0; halving only guards against rounding at extreme scales.
                    bool feasible = TryStep(c, n, y, d, safeStep, yTrial, sTrial);
                    for (int halvings = 0; halvings < 60 && !feasible; halvings++)
                    {
                        safeStep *= 0.5;
                        feasible = TryStep(c, n, y, d, safeStep, yTrial, sTrial);
                    }
                    if (!feasible) return new SolverOutcome(y, iterations, residual, false, "the Newton step could not keep every weight positive (numerical breakdown)");
                }
                Swap(ref y, ref yTrial);
                Swap(ref s, ref sTrial);
                iterations++;
            }
        }

        /// <summary>yTrial = y - step d and sTrial = C yTrial; false (sTrial not computed) when yTrial leaves y &gt; 0.</summary>
        private static bool TryStep(double[] c, int n, double[] y, double[] d, double step, double[] yTrial, double[] sTrial)
        {
            for (int i = 0; i < n; i++)
            {
                double v = y[i] - step * d[i];
                if (!(v > 0)) return false;
                yTrial[i] = v;
            }
            RiskBudgetKernels.Multiply(c, n, yTrial, sTrial);
            return true;
        }

        /// <summary>F(y) = 1/2 y'Cy - sum b_i ln y_i, given s = Cy.</summary>
        private static double Objective(double[] y, double[] s, double[] b)
        {
            double f = 0;
            for (int i = 0; i < y.Length; i++) f += 0.5 * y[i] * s[i] - b[i] * Math.Log(y[i]);
            return f;
        }

        private static void Swap(ref double[] a, ref double[] b)
        {
            var t = a;
            a = b;
            b = t;
        }
    }
}
