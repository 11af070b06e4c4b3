using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>How much of portfolio variance the largest k risk contributors carry, and whether that exceeds the allowed share.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    /// <param name="TopAssets">The k assets with the largest variance contributions, largest first.</param>
    /// <param name="TopShares">Their shares of portfolio variance (fractions, <c>w_i (Sigma w)_i / w'Sigma w</c>).</param>
    /// <param name="TopShare">Sum of <see cref="TopShares"/>.</param>
    /// <param name="MaxShare">The allowed share (fraction).</param>
    public sealed record RiskConcentration(IReadOnlyList<string> TopAssets, IReadOnlyList<double> TopShares, double TopShare, double MaxShare)
    {
        /// <summary>True when <see cref="TopShare"/> exceeds <see cref="MaxShare"/>: risk is concentrated.</summary>
        public bool IsConcentrated => TopShare > MaxShare;
    }
}
