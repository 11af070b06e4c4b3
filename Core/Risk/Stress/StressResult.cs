using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk.Stress
{
    /// <summary>One position's part of a stress loss.</summary>
    /// <param name="Asset">Asset name.</param>
    /// <param name="Weight">Weight (fraction of portfolio value).</param>
    /// <param name="AssetReturn">The asset's scenario return (fraction); NaN for covariance stress, where there is no single return.</param>
    /// <param name="LossFraction">Contribution to the portfolio loss, fraction of portfolio value (positive = loss).</param>
    /// <param name="Loss">Contribution in currency (positive = loss).</param>
    public sealed record PositionStress(string Asset, double Weight, double AssetReturn, double LossFraction, decimal Loss);

    /// <summary>Outcome of one stress scenario: portfolio loss in percent of value and in currency, and each position's share.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    /// <param name="Scenario">Scenario name.</param>
    /// <param name="Kind">"shock", "history", "worst-window" or "covariance".</param>
    /// <param name="Description">What was applied (dates of a window, the stressed VaR's confidence...).</param>
    /// <param name="LossFraction">Portfolio loss as a fraction of value (positive = loss). For covariance stress: the stressed Gaussian VaR.</param>
    /// <param name="Loss">Portfolio loss in currency.</param>
    /// <param name="Positions">Per-position contributions; they sum to the portfolio loss.</param>
    public sealed record StressResult(
        string Scenario, string Kind, string Description, double LossFraction, decimal Loss, IReadOnlyList<PositionStress> Positions);
}
