using System;
using MathNet.Numerics.Distributions;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Value at risk over one period of the input, as a fraction of portfolio value, positive = loss, at
    /// confidence c in (0, 1) (e.g. 0.99). Means are arithmetic, volatilities use the sample covariance (n - 1).
    /// </summary>
    public static class ValueAtRisk
    {
        /// <summary>The lower-tail standard normal quantile <c>z = Phi^-1(1 - c)</c> (negative for c &gt; 0.5).</summary>
        public static double TailZ(double confidence)
            => Normal.InvCDF(0, 1, 1 - RiskInputChecks.Confidence(confidence));

        /// <summary>Gaussian VaR <c>-(mu_p + z sigma_p)</c>; <paramref name="mean"/> and <paramref name="volatility"/> per period.</summary>
        public static double Parametric(double mean, double volatility, double confidence)
        {
            Guard.Finite(mean, nameof(mean));
            Guard.NonNegative(volatility, nameof(volatility));
            return -(mean + TailZ(confidence) * volatility);
        }

        /// <summary>
        /// Historical VaR <c>-quantile(r, 1 - c)</c> with the type-7 (linear) sample quantile of the per-period
        /// portfolio returns <paramref name="portfolioReturns"/>. Needs at least 2 observations.
        /// </summary>
        public static double Historical(double[] portfolioReturns, double confidence)
        {
            RiskInputChecks.Series(portfolioReturns, 2, nameof(portfolioReturns));
            RiskInputChecks.Confidence(confidence);
            return -EmpiricalQuantile.Type7(portfolioReturns, 1 - confidence);
        }

        /// <summary>
        /// Cornish-Fisher adjusted quantile (Zangari 1996, RiskMetrics Monitor Q1; Favre and Galeano 2002):
        /// <c>z_cf = z + (z^2-1)S/6 + (z^3-3z)K/24 - (2z^3-5z)S^2/36</c>, S skewness, K excess kurtosis.
        /// </summary>
        public static double CornishFisherZ(double z, double skewness, double excessKurtosis)
        {
            Guard.Finite(z, nameof(z));
            Guard.Finite(skewness, nameof(skewness));
            Guard.Finite(excessKurtosis, nameof(excessKurtosis));
            double z2 = z * z, z3 = z2 * z;
            return z + (z2 - 1) * skewness / 6 + (z3 - 3 * z) * excessKurtosis / 24 - (2 * z3 - 5 * z) * skewness * skewness / 36;
        }

        /// <summary>Modified (Cornish-Fisher) VaR <c>-(mu + z_cf sigma)</c> from moments (per period; S and K dimensionless).</summary>
        public static double Modified(double mean, double volatility, double skewness, double excessKurtosis, double confidence)
        {
            Guard.Finite(mean, nameof(mean));
            Guard.NonNegative(volatility, nameof(volatility));
            return -(mean + CornishFisherZ(TailZ(confidence), skewness, excessKurtosis) * volatility);
        }

        /// <summary>
        /// Modified VaR of a return series: arithmetic mean, sample standard deviation (n - 1), skewness and excess
        /// kurtosis with population moments (<see cref="HigherMoments"/>). Needs at least 3 observations.
        /// </summary>
        public static double Modified(double[] portfolioReturns, double confidence)
        {
            RiskInputChecks.Series(portfolioReturns, 3, nameof(portfolioReturns));
            double mean = Statistics.SampleMoments.Mean(portfolioReturns);
            double sd = SampleStandardDeviation(portfolioReturns, mean);
            return Modified(mean, sd, HigherMoments.Skewness(portfolioReturns), HigherMoments.ExcessKurtosis(portfolioReturns), confidence);
        }

        /// <summary>Sample standard deviation (divisor n - 1) of <paramref name="x"/> about <paramref name="mean"/>.</summary>
        internal static double SampleStandardDeviation(double[] x, double mean)
        {
            double s = 0;
            for (int i = 0; i < x.Length; i++) { double d = x[i] - mean; s += d * d; }
            return Math.Sqrt(s / (x.Length - 1));
        }
    }
}
