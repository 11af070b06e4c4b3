using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>Constant target weights (fractions of equity), e.g. from a <c>--weights</c> file.</summary>
    public sealed class FixedWeightSource : ITargetWeightSource
    {
        private readonly double[] _weights;

        /// <summary>Creates the source; weights finite, one per asset of the window the loop runs on.</summary>
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

        /// <summary>The weights, in the window's asset order.</summary>
        public IReadOnlyList<double> Weights => _weights;

        /// <inheritdoc />
        public double[] TargetsAt(ReturnWindow window)
        {
            Guard.NotNull(window, nameof(window));
            if (window.Assets.Count != _weights.Length)
                throw new InvalidInputException($"{_weights.Length} fixed weights for {window.Assets.Count} assets");
            return (double[])_weights.Clone();
        }
    }
}
