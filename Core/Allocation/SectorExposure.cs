namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>One sector's exposure (fractions of portfolio value).</summary>
    public sealed class SectorExposure
    {
        /// <summary>Creates the record.</summary>
        public SectorExposure(string sector, double net, double gross, double? cap)
        {
            Sector = sector;
            Net = net;
            Gross = gross;
            Cap = cap;
        }

        /// <summary>Sector name.</summary>
        public string Sector { get; }

        /// <summary>Sum of the sector's weights.</summary>
        public double Net { get; }

        /// <summary>Sum of the sector's absolute weights.</summary>
        public double Gross { get; }

        /// <summary>Cap on |Net|, or null when uncapped.</summary>
        public double? Cap { get; }

        /// <summary>True when |Net| exceeds the cap (beyond a 1e-9 relative tolerance).</summary>
        public bool IsBreached => Cap.HasValue && System.Math.Abs(Net) > Cap.Value * (1 + 1e-9);
    }
}
