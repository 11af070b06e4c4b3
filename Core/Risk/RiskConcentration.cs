using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>How much of portfolio variance the largest k risk contributors carry, and whether that exceeds the allowed share.</summary>
    public sealed class RiskConcentration
    {
        /// <summary>Creates the result.</summary>
        public RiskConcentration(IReadOnlyList<string> topAssets, IReadOnlyList<double> topShares, double topShare, double maxShare)
        {
            TopAssets = topAssets;
            TopShares = topShares;
            TopShare = topShare;
            MaxShare = maxShare;
        }

        /// <summary>The k assets with the largest variance contributions, largest first.</summary>
        public IReadOnlyList<string> TopAssets { get; }

        /// <summary>Their shares of portfolio variance (fractions, <c>w_i (Sigma w)_i / w'Sigma w</c>).</summary>
        public IReadOnlyList<double> TopShares { get; }

        /// <summary>Sum of <see cref="TopShares"/>.</summary>
        public double TopShare { get; }

        /// <summary>The allowed share (fraction).</summary>
        public double MaxShare { get; }

        /// <summary>True when <see cref="TopShare"/> exceeds <see cref="MaxShare"/>: risk is concentrated.</summary>
        public bool IsConcentrated => TopShare > MaxShare;
    }
}
