namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>One sector's exposure (fractions of portfolio value).</summary>
    /// <param name="Sector">Sector name.</param>
    /// <param name="Net">Sum of the sector's weights.</param>
    /// <param name="Gross">Sum of the sector's absolute weights.</param>
    /// <param name="Cap">Cap on |Net|, or null when uncapped.</param>
    public sealed record SectorExposure(string Sector, double Net, double Gross, double? Cap)
    {
        /// <summary>True when |Net| exceeds the cap (beyond a 1e-9 relative tolerance).</summary>
        public bool IsBreached => Cap.HasValue && System.Math.Abs(Net) > Cap.Value * (1 + 1e-9);
    }
}
