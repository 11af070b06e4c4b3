using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk.Stress
{
    /// <summary>One position's part of a stress loss.</summary>
    public sealed class PositionStress
    {
        /// <summary>Creates the record.</summary>
        public PositionStress(string asset, double weight, double assetReturn, double lossFraction, decimal loss)
        {
            Asset = asset;
            Weight = weight;
            AssetReturn = assetReturn;
            LossFraction = lossFraction;
            Loss = loss;
        }

        /// <summary>Asset name.</summary>
        public string Asset { get; }
        /// <summary>Weight (fraction of portfolio value).</summary>
        public double Weight { get; }
        /// <summary>The asset's scenario return (fraction); NaN for covariance stress, where there is no single return.</summary>
        public double AssetReturn { get; }
        /// <summary>Contribution to the portfolio loss, fraction of portfolio value (positive = loss).</summary>
        public double LossFraction { get; }
        /// <summary>Contribution in currency (positive = loss).</summary>
        public decimal Loss { get; }
    }

    /// <summary>Outcome of one stress scenario: portfolio loss in percent of value and in currency, and each position's share.</summary>
    public sealed class StressResult
    {
        /// <summary>Creates the result.</summary>
        public StressResult(string scenario, string kind, string description, double lossFraction, decimal loss, IReadOnlyList<PositionStress> positions)
        {
            Scenario = scenario;
            Kind = kind;
            Description = description;
            LossFraction = lossFraction;
            Loss = loss;
            Positions = positions;
        }

        /// <summary>Scenario name.</summary>
        public string Scenario { get; }
        /// <summary>"shock", "history", "worst-window" or "covariance".</summary>
        public string Kind { get; }
        /// <summary>What was applied (dates of a window, the stressed VaR's confidence...).</summary>
        public string Description { get; }
        /// <summary>Portfolio loss as a fraction of value (positive = loss). For covariance stress: the stressed Gaussian VaR.</summary>
        public double LossFraction { get; }
        /// <summary>Portfolio loss in currency.</summary>
        public decimal Loss { get; }
        /// <summary>Per-position contributions; they sum to the portfolio loss.</summary>
        public IReadOnlyList<PositionStress> Positions { get; }
    }
}
