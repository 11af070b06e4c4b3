using System;

namespace NinjaTraderPortfolio.Core.Analytics.Performance
{
    /// <summary>
    /// Performance statistics of an equity curve. Returns and volatilities are fractions (0.05 = 5%);
    /// "annualised" figures use the periods-per-year given to <see cref="PerformanceCalculator"/>.
    /// Undefined ratios (zero volatility, no drawdown) are NaN, never 0.
    /// </summary>
    /// <param name="Periods">Number of period returns (equity points minus one).</param>
    /// <param name="TotalReturn">Cumulative return E_last / E_first - 1.</param>
    /// <param name="AnnualizedReturn">Geometric annualised return (1 + total)^(P / periods) - 1.</param>
    /// <param name="Volatility">Annualised volatility: sample standard deviation (n-1) of period returns times sqrt(P).</param>
    /// <param name="Sharpe">Annualised Sharpe ratio: mean excess period return / its sample standard deviation times sqrt(P).</param>
    /// <param name="Sortino">Annualised Sortino ratio: mean excess period return / downside deviation times sqrt(P), where the downside deviation is sqrt(mean(min(r - rf, 0)^2)) over all periods.</param>
    /// <param name="MaxDrawdown">Maximum drawdown as a positive fraction of the running peak (0.2 = a 20% fall).</param>
    /// <param name="MaxDrawdownDuration">Longest time under water, in periods: from a peak to the first point that regains it (or to the end when it never does).</param>
    /// <param name="MaxDrawdownPeakIndex">Index (equity point) of the peak before the maximum drawdown.</param>
    /// <param name="MaxDrawdownTroughIndex">Index (equity point) of the trough of the maximum drawdown.</param>
    /// <param name="Calmar">Calmar ratio: annualised return / maximum drawdown (NaN without a drawdown).</param>
    /// <param name="HitRate">Fraction of periods with a strictly positive return.</param>
    public sealed record PerformanceReport(
        int Periods, double TotalReturn, double AnnualizedReturn, double Volatility, double Sharpe, double Sortino, double MaxDrawdown,
        int MaxDrawdownDuration, int MaxDrawdownPeakIndex, int MaxDrawdownTroughIndex, double Calmar, double HitRate);
}
