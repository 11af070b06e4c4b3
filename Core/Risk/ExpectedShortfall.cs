using System;
using MathNet.Numerics.Distributions;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Conditional VaR (expected shortfall) over one period, fraction of portfolio value, positive = loss.
    /// </summary>
    public static class ExpectedShortfall
    {
        /// <summary>
        /// Gaussian CVaR <c>-(mu_p - sigma_p phi(z) / (1 - c))</c> with <c>z = Phi^-1(1 - c)</c>
        /// (the mean of a normal below its (1 - c) quantile).
        /// </summary>
        public static double Parametric(double mean, double volatility, double confidence)
        {
            Guard.Finite(mean, nameof(mean));
            Guard.NonNegative(volatility, nameof(volatility));
            return -(mean - volatility * TailFactor(confidence));
        }

        /// <summary><c>phi(z) / (1 - c)</c>: the Gaussian CVaR multiplier of volatility.</summary>
        public static double TailFactor(double confidence)
        {
            double z = ValueAtRisk.TailZ(confidence);
            return Normal.PDF(0, 1, z) / (1 - confidence);
        }

        /// <summary>
        /// Historical CVaR: minus the mean of the portfolio returns at or below the type-7 (1 - c) sample quantile.
        /// At least the smallest observation is always included. Needs at least 2 observations.
        /// </summary>
        public static double Historical(double[] portfolioReturns, double confidence)
        {
            RiskInputChecks.Series(portfolioReturns, 2, nameof(portfolioReturns));
            RiskInputChecks.Confidence(confidence);
            var sorted = (double[])portfolioReturns.Clone();
            Array.Sort(sorted);
            double q = EmpiricalQuantile.Type7Sorted(sorted, 1 - confidence);
            double s = 0;
            int k = 0;
            while (k < sorted.Length && sorted[k] <= q) { s += sorted[k]; k++; }
            return -s / k;
        }
    }
}
