using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>Constant target weights (fractions of equity), e.g. from a <c>--weights</c> file.</summary>
    public sealed class FixedWeightSource : ITargetWeightSource
    {
        private readonly double[] _weights;

        /// <summary>Creates the source; weights finite, one per asset of the frame the backtest runs on.</summary>
        public FixedWeightSource(IReadOnlyList<double> weights)
        {
            Guard.NotNull(weights, nameof(weights));
            _weights = new double[weights.Count];
            for (int i = 0; i < _weights.Length; i++) _weights[i] = weights[i];
            Guard.AllFinite(_weights, nameof(weights));
        }

        /// <inheritdoc />
        public string Description => "fixed weights";

        /// <inheritdoc />
        public int FirstBar => 0;

        /// <inheritdoc />
        public bool IsFixed => true;

        /// <summary>The weights, in frame column order.</summary>
        public IReadOnlyList<double> Weights => _weights;

        /// <inheritdoc />
        public double[] TargetsAt(AssetFrame prices, int bar)
        {
            Guard.NotNull(prices, nameof(prices));
            if (prices.AssetCount != _weights.Length)
                throw new InvalidInputException($"{_weights.Length} fixed weights for {prices.AssetCount} assets");
            return (double[])_weights.Clone();
        }
    }
}
