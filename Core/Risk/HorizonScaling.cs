using System;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Multi-period scaling of one-period risk figures. APPROXIMATION: assumes returns independent and identically
    /// distributed over the horizon and additive (log-like) compounding, so the mean grows like h and the volatility
    /// like sqrt(h). Autocorrelation, volatility clustering and fat tails make the true h-period VaR differ.
    /// </summary>
    public static class HorizonScaling
    {
        /// <summary>Volatility over <paramref name="periods"/> periods: <c>sqrt(h) sigma</c>.</summary>
        public static double Volatility(double volatility, int periods)
        {
            Guard.NonNegative(volatility, nameof(volatility));
            return Math.Sqrt(Guard.Positive(periods, nameof(periods))) * volatility;
        }

        /// <summary>Gaussian VaR over h periods: <c>-(h mu + z sqrt(h) sigma)</c> (one-period inputs; result a fraction).</summary>
        public static double ParametricVaR(double mean, double volatility, double confidence, int periods)
        {
            Guard.Positive(periods, nameof(periods));
            return ValueAtRisk.Parametric(periods * Guard.Finite(mean, nameof(mean)), Volatility(volatility, periods), confidence);
        }

        /// <summary>Gaussian CVaR over h periods: <c>-(h mu - sqrt(h) sigma phi(z)/(1-c))</c>.</summary>
        public static double ParametricCVaR(double mean, double volatility, double confidence, int periods)
        {
            Guard.Positive(periods, nameof(periods));
            return ExpectedShortfall.Parametric(periods * Guard.Finite(mean, nameof(mean)), Volatility(volatility, periods), confidence);
        }

        /// <summary>Square-root-of-time rule for any one-period loss figure (e.g. historical VaR): <c>sqrt(h) x</c>.</summary>
        public static double SquareRootOfTime(double onePeriodValue, int periods)
            => Math.Sqrt(Guard.Positive(periods, nameof(periods))) * Guard.Finite(onePeriodValue, nameof(onePeriodValue));
    }
}
