using System;

namespace NinjaTraderPortfolio.Core.Optimization.Kelly
{
    /// <summary>
    /// Closed-form growth-optimal (Kelly 1956) fractions, as derived in Thorp, "The Kelly criterion in blackjack,
    /// sports betting and the stock market" (2006): a single bet won with probability p at net odds b:1,
    /// <c>f* = p - q/b</c> (q = 1 - p), growth <c>g(f) = p ln(1 + b f) + q ln(1 - f)</c>; a continuous (lognormal)
    /// asset with drift mu and volatility sigma against a risk-free rate r, <c>f* = (mu - r)/sigma^2</c>,
    /// growth <c>g(f) = r + f (mu - r) - f^2 sigma^2 / 2</c>. All per period, fractions of capital.
    /// </summary>
    public static class KellyCriterion
    {
        /// <summary>Kelly stake <c>p - (1 - p)/b</c> for win probability p in [0, 1] and net odds b &gt; 0 (negative = do not bet).</summary>
        public static double SingleBet(double winProbability, double netOdds)
        {
            Guard.InRange(winProbability, 0, 1, nameof(winProbability));
            Guard.Positive(netOdds, nameof(netOdds));
            return winProbability - (1 - winProbability) / netOdds;
        }

        /// <summary>Expected log growth per bet <c>p ln(1 + b f) + q ln(1 - f)</c> of staking fraction f in [0, 1).</summary>
        public static double SingleBetGrowth(double winProbability, double netOdds, double fraction)
        {
            Guard.InRange(winProbability, 0, 1, nameof(winProbability));
            Guard.Positive(netOdds, nameof(netOdds));
            Guard.Finite(fraction, nameof(fraction));
            if (fraction < 0 || fraction >= 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"fraction must be in [0, 1), got {Guard.Format(fraction)}");
            return winProbability * Math.Log(1 + netOdds * fraction) + (1 - winProbability) * Math.Log(1 - fraction);
        }

        /// <summary>Kelly leverage <c>(mu - r) / sigma^2</c> of one continuous asset (per-period mu, r, sigma &gt; 0).</summary>
        public static double Continuous(double expectedReturn, double riskFree, double volatility)
        {
            Guard.Finite(expectedReturn, nameof(expectedReturn));
            Guard.Finite(riskFree, nameof(riskFree));
            Guard.Positive(volatility, nameof(volatility));
            return (expectedReturn - riskFree) / (volatility * volatility);
        }

        /// <summary>Growth rate <c>r + f (mu - r) - f^2 sigma^2 / 2</c> per period at leverage f.</summary>
        public static double ContinuousGrowth(double expectedReturn, double riskFree, double volatility, double fraction)
        {
            Guard.Finite(expectedReturn, nameof(expectedReturn));
            Guard.Finite(riskFree, nameof(riskFree));
            Guard.NonNegative(volatility, nameof(volatility));
            Guard.Finite(fraction, nameof(fraction));
            return riskFree + fraction * (expectedReturn - riskFree) - 0.5 * fraction * fraction * volatility * volatility;
        }
    }
}
