using System;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>Expected shortfall and its variance of one trajectory, in currency and currency squared.</summary>
    /// <param name="Expected">Expected implementation shortfall E[x], currency.</param>
    /// <param name="Variance">Variance V[x], currency squared.</param>
    public readonly record struct CostEstimate(double Expected, double Variance)
    {
        /// <summary>sqrt(V), currency.</summary>
        public double StdDev => Math.Sqrt(Variance);
    }

    /// <summary>
    /// Cost of any trajectory under the Almgren-Chriss (2000) linear model (section 1.5):
    /// E = gamma X^2 / 2 + epsilon sum|n_k| + (eta~/tau) sum n_k^2 and V = sigma^2 tau sum_{k=1..N} x_k^2,
    /// with eta~ = eta - gamma tau / 2. Used for TWAP/VWAP trajectories and to cross-check the closed forms.
    /// </summary>
    public static class LinearImpactCost
    {
        /// <summary>
        /// Evaluates a trajectory given as holdings x_0..x_N (x_0 = X, x_N = 0 for a complete schedule) over equal
        /// intervals of length <paramref name="tau"/> (time unit of the parameters).
        /// </summary>
        public static CostEstimate Evaluate(double[] holdings, double tau, AlmgrenChrissParameters p)
        {
            Guard.AllFinite(holdings, nameof(holdings));
            Guard.NotNull(p, nameof(p));
            Guard.Positive(tau, nameof(tau));
            if (holdings.Length < 2) throw new ArgumentException("holdings need at least x_0 and x_N", nameof(holdings));
            double etaTilde = p.EtaTilde(tau);
            double x0 = holdings[0];
            double e = 0.5 * p.Gamma * x0 * x0, v = 0;
            for (int k = 1; k < holdings.Length; k++)
            {
                double n = holdings[k - 1] - holdings[k];
                e += p.Epsilon * Math.Abs(n) + etaTilde / tau * n * n;
                v += holdings[k] * holdings[k];
            }
            return new CostEstimate(e, p.Sigma * p.Sigma * tau * v);
        }

        /// <summary>Evaluates an integer schedule (its holdings before each slice) over equal intervals horizon / slices.</summary>
        public static CostEstimate Evaluate(ExecutionSchedule schedule, AlmgrenChrissParameters p)
        {
            Guard.NotNull(schedule, nameof(schedule));
            long[] x = schedule.Holdings();
            var h = new double[x.Length];
            for (int i = 0; i < x.Length; i++) h[i] = x[i];
            return Evaluate(h, schedule.Horizon / schedule.Slices.Count, p);
        }
    }
}
