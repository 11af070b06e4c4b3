using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Sector exposures of a portfolio, their concentration, cap breaches and assets without a sector.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    /// <param name="Exposures">One entry per known sector, in the order sectors were first listed.</param>
    /// <param name="Herfindahl">Herfindahl index of gross sector shares, <c>sum_k (G_k / sum_j G_j)^2</c>: 1/K for K equal sectors, 1 when all exposure is in one sector; NaN when there is no exposure. Unknown assets are left out.</param>
    /// <param name="UnknownAssets">Assets with a weight but no sector (reported, not silently dropped).</param>
    /// <param name="UnknownWeight">Net weight of <see cref="UnknownAssets"/>.</param>
    public sealed record SectorReport(
        IReadOnlyList<SectorExposure> Exposures, double Herfindahl, IReadOnlyList<string> UnknownAssets, double UnknownWeight)
    {
        /// <summary>The exposures above their caps.</summary>
        public IEnumerable<SectorExposure> Breaches
        {
            get { foreach (var e in Exposures) if (e.IsBreached) yield return e; }
        }
    }
}
