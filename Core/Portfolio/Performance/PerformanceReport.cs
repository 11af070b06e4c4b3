using System;

namespace NinjaTraderPortfolio.Core.Portfolio.Performance
{
    /// <summary>
    /// Performance statistics of an equity curve. Returns and volatilities are fractions (0.05 = 5%);
    /// "annualised" figures use the periods-per-year given to <see cref="PerformanceCalculator"/>.
    /// Undefined ratios (zero volatility, no drawdown) are NaN, never 0.
    /// </summary>
    public sealed record PerformanceReport
    {
        internal PerformanceReport(int periods, double totalReturn, double annualizedReturn, double volatility,
            double sharpe, double sortino, double maxDrawdown, int maxDrawdownDuration, int maxDrawdownPeak,
            int maxDrawdownTrough, double calmar, double hitRate)
        {
            Periods = periods;
            TotalReturn = totalReturn;
            AnnualizedReturn = annualizedReturn;
            Volatility = volatility;
            Sharpe = sharpe;
            Sortino = sortino;
            MaxDrawdown = maxDrawdown;
            MaxDrawdownDuration = maxDrawdownDuration;
            MaxDrawdownPeakIndex = maxDrawdownPeak;
            MaxDrawdownTroughIndex = maxDrawdownTrough;
            Calmar = calmar;
            HitRate = hitRate;
        }

        /// <summary>Number of period returns (equity points minus one).</summary>
        public int Periods { get; }

        /// <summary>Cumulative return E_last / E_first - 1.</summary>
        public double TotalReturn { get; }

        /// <summary>Geometric annualised return (1 + total)^(P / periods) - 1.</summary>
        public double AnnualizedReturn { get; }

        /// <summary>Annualised volatility: sample standard deviation (n-1) of period returns times sqrt(P).</summary>
        public double Volatility { get; }

        /// <summary>Annualised Sharpe ratio: mean excess period return / its sample standard deviation times sqrt(P).</summary>
        public double Sharpe { get; }

        /// <summary>
        /// Annualised Sortino ratio: mean excess period return / downside deviation times sqrt(P), where the
        /// downside deviation is sqrt(mean(min(r - rf, 0)^2)) over all periods.
        /// </summary>
        public double Sortino { get; }

        /// <summary>Maximum drawdown as a positive fraction of the running peak (0.2 = a 20% fall).</summary>
        public double MaxDrawdown { get; }

        /// <summary>
        /// Longest time under water, in periods: from a peak to the first point that regains it (or to the end
        /// when it never does).
        /// </summary>
        public int MaxDrawdownDuration { get; }

        /// <summary>Index (equity point) of the peak before the maximum drawdown.</summary>
        public int MaxDrawdownPeakIndex { get; }

        /// <summary>Index (equity point) of the trough of the maximum drawdown.</summary>
        public int MaxDrawdownTroughIndex { get; }

        /// <summary>Calmar ratio: annualised return / maximum drawdown (NaN without a drawdown).</summary>
        public double Calmar { get; }

        /// <summary>Fraction of periods with a strictly positive return.</summary>
        public double HitRate { get; }
    }
}
