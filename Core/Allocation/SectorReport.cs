using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Sector exposures of a portfolio, their concentration, cap breaches and assets without a sector.</summary>
    public sealed class SectorReport
    {
        /// <summary>Creates the report.</summary>
        public SectorReport(IReadOnlyList<SectorExposure> exposures, double herfindahl, IReadOnlyList<string> unknownAssets, double unknownWeight)
        {
            Exposures = exposures;
            Herfindahl = herfindahl;
            UnknownAssets = unknownAssets;
            UnknownWeight = unknownWeight;
        }

        /// <summary>One entry per known sector, in the order sectors were first listed.</summary>
        public IReadOnlyList<SectorExposure> Exposures { get; }

        /// <summary>
        /// Herfindahl index of gross sector shares, <c>sum_k (G_k / sum_j G_j)^2</c>: 1/K for K equal sectors, 1 when all
        /// exposure is in one sector; NaN when there is no exposure. Unknown assets are left out.
        /// </summary>
        public double Herfindahl { get; }

        /// <summary>Assets with a weight but no sector (reported, not silently dropped).</summary>
        public IReadOnlyList<string> UnknownAssets { get; }

        /// <summary>Net weight of <see cref="UnknownAssets"/>.</summary>
        public double UnknownWeight { get; }

        /// <summary>The exposures above their caps.</summary>
        public IEnumerable<SectorExposure> Breaches
        {
            get { foreach (var e in Exposures) if (e.IsBreached) yield return e; }
        }
    }
}
