using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>One point of the Almgren-Chriss efficient frontier.</summary>
    /// <param name="RiskAversion">lambda, 1/currency.</param>
    /// <param name="Kappa">Discrete urgency kappa, 1/time unit.</param>
    /// <param name="Cost">E and V of the optimal trajectory for this lambda.</param>
    public readonly record struct FrontierPoint(double RiskAversion, double Kappa, CostEstimate Cost);

    /// <summary>
    /// Implementation Shortfall schedule: the Almgren-Chriss (2000) discrete optimal trajectory
    /// x_j = sinh(kappa (T - t_j)) / sinh(kappa T) X, with kappa from cosh(kappa tau) = 1 + kappa~^2 tau^2 / 2,
    /// kappa~^2 = lambda sigma^2 / eta~ and eta~ = eta - gamma tau / 2 (eqs. 15-19), expected cost and variance from
    /// the closed forms of eq. 20. lambda = 0 gives kappa = 0 and the linear (TWAP) trajectory.
    /// Reference: R. Almgren, N. Chriss, "Optimal execution of portfolio transactions", J. Risk 3(2), 2000.
    /// </summary>
    public sealed class ImplementationShortfallSchedule
    {
        private readonly double[] _holdings;

        private ImplementationShortfallSchedule(double kappa, double kappaTilde, double[] holdings, CostEstimate cost, ExecutionSchedule schedule)
        {
            Kappa = kappa;
            KappaTilde = kappaTilde;
            _holdings = holdings;
            Cost = cost;
            Schedule = schedule;
        }

        /// <summary>Discrete urgency kappa (1/time unit), the root of cosh(kappa tau) = 1 + kappa~^2 tau^2 / 2.</summary>
        public double Kappa { get; }

        /// <summary>Continuous-limit urgency kappa~ = sqrt(lambda sigma^2 / eta~), 1/time unit.</summary>
        public double KappaTilde { get; }

        /// <summary>Exact (fractional) optimal holdings x_0..x_N.</summary>
        public IReadOnlyList<double> ExactHoldings => _holdings;

        /// <summary>E and V of the exact optimal trajectory (closed forms, eq. 20), currency and currency squared.</summary>
        public CostEstimate Cost { get; }

        /// <summary>The integer schedule: holdings rounded to the nearest share, slices n_j = x_{j-1} - x_j.</summary>
        public ExecutionSchedule Schedule { get; }

        /// <summary>Half-life of the trade 1/kappa in time units (infinite when lambda = 0).</summary>
        public double HalfLife => 1.0 / Kappa;

        /// <summary>
        /// Builds the optimal schedule for <paramref name="quantity"/> shares over <paramref name="horizon"/> time units in
        /// <paramref name="slices"/> equal intervals. Throws <see cref="InvalidInputException"/> when eta~ &lt;= 0.
        /// </summary>
        public static ImplementationShortfallSchedule Build(long quantity, double horizon, int slices, AlmgrenChrissParameters p)
        {
            if (quantity < 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be >= 0, got {quantity}");
            Guard.Positive(horizon, nameof(horizon));
            Guard.Positive(slices, nameof(slices));
            Guard.NotNull(p, nameof(p));
            double tau = horizon / slices;
            double etaTilde = p.EtaTilde(tau);
            double kappaTilde = Math.Sqrt(p.RiskAversion * p.Sigma * p.Sigma / etaTilde);
            double kappa = DiscreteKappa(kappaTilde, tau);
            double x = quantity;
            var holdings = new double[slices + 1];
            for (int j = 0; j <= slices; j++) holdings[j] = x * SinhRatio(kappa, horizon - j * tau, horizon);
            holdings[slices] = 0;
            CostEstimate cost = ClosedForm(x, horizon, slices, kappa, etaTilde, p);

            var rounded = new long[slices + 1];
            for (int j = 0; j <= slices; j++) rounded[j] = (long)Math.Round(holdings[j], MidpointRounding.AwayFromZero);
            rounded[0] = quantity;
            rounded[slices] = 0;
            var list = new List<ScheduleSlice>(slices);
            for (int j = 0; j < slices; j++)
            {
                long n = rounded[j] - rounded[j + 1];
                if (n < 0) n = 0; // the optimal trajectory of a pure sell/buy program is monotone; guards rounding noise
                list.Add(new ScheduleSlice(j, j * tau, n));
            }
            // Monotone rounded holdings already sum exactly; the guard above cannot trigger for lambda >= 0.
            var schedule = new ExecutionSchedule("is", quantity, horizon, list, cost.Expected, cost.Variance);
            return new ImplementationShortfallSchedule(kappa, kappaTilde, holdings, cost, schedule);
        }

        /// <summary>Efficient frontier: E and V of the optimal trajectory for each lambda in <paramref name="riskAversions"/>.</summary>
        public static IReadOnlyList<FrontierPoint> Frontier(long quantity, double horizon, int slices, AlmgrenChrissParameters p, IReadOnlyList<double> riskAversions)
        {
            Guard.NotNull(riskAversions, nameof(riskAversions));
            var result = new List<FrontierPoint>(riskAversions.Count);
            foreach (double lambda in riskAversions)
            {
                var s = Build(quantity, horizon, slices, p.WithRiskAversion(lambda));
                result.Add(new FrontierPoint(lambda, s.Kappa, s.Cost));
            }
            return result;
        }

        /// <summary>kappa = arccosh(1 + kappa~^2 tau^2 / 2) / tau (eq. 19, the discrete-time urgency).</summary>
        public static double DiscreteKappa(double kappaTilde, double tau)
        {
            double a = kappaTilde * kappaTilde * tau * tau / 2.0;
            // arccosh(1 + a) = ln(1 + a + sqrt(a (a + 2))); written with log1p-style care for small a.
            double s = Math.Sqrt(a * (a + 2.0));
            double y = a + s;
            double acosh = y < 1e-8 ? y - y * y / 2.0 : Math.Log(1.0 + y);
            return acosh / tau;
        }

        // sinh(kappa r) / sinh(kappa T) without overflow; the kappa -> 0 limit is r / T.
        private static double SinhRatio(double kappa, double r, double total)
        {
            if (kappa * total < 1e-8) return r / total;
            if (kappa * total < 300) return Math.Sinh(kappa * r) / Math.Sinh(kappa * total);
            return Math.Exp(kappa * (r - total)) * (1 - Math.Exp(-2 * kappa * r)) / (1 - Math.Exp(-2 * kappa * total));
        }

        // Eq. 20: E = gamma X^2/2 + eps X + eta~ X^2 tanh(kappa tau/2)(tau sinh(2 kappa T) + 2 T sinh(kappa tau)) / (2 tau^2 sinh^2(kappa T))
        //         V = sigma^2 X^2/2 (tau sinh(kappa T) cosh(kappa(T - tau)) - T sinh(kappa tau)) / (sinh^2(kappa T) sinh(kappa tau))
        // In the linear limit (kappa T small) the trajectory is TWAP, evaluated by the exact sums instead.
        private static CostEstimate ClosedForm(double x, double T, int n, double kappa, double etaTilde, AlmgrenChrissParameters p)
        {
            double tau = T / n;
            if (kappa * T < 1e-4 || kappa * T > 300)
            {
                var h = new double[n + 1];
                for (int j = 0; j <= n; j++) h[j] = x * SinhRatio(kappa, T - j * tau, T);
                h[n] = 0;
                return LinearImpactCost.Evaluate(h, tau, p);
            }
            double sT = Math.Sinh(kappa * T), st = Math.Sinh(kappa * tau);
            double e = 0.5 * p.Gamma * x * x + p.Epsilon * x
                + etaTilde * x * x * Math.Tanh(kappa * tau / 2) * (tau * Math.Sinh(2 * kappa * T) + 2 * T * st) / (2 * tau * tau * sT * sT);
            double v = 0.5 * p.Sigma * p.Sigma * x * x * (tau * sT * Math.Cosh(kappa * (T - tau)) - T * st) / (sT * sT * st);
            return new CostEstimate(e, v);
        }
    }
}
