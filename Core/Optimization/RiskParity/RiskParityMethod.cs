namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>Which algorithm solves the risk budgeting problem.</summary>
    public enum RiskParityMethod
    {
        /// <summary>
        /// Newton up to <see cref="RiskParityOptions.NewtonMaxAssets"/> assets, cyclical coordinate descent above
        /// (falling back to Newton when coordinate descent hits its iteration cap).
        /// </summary>
        Auto,

        /// <summary>Damped Newton on Spinu's (2013) convex formulation: O(N^3) per step (one Cholesky), few steps.</summary>
        Newton,

        /// <summary>Cyclical coordinate descent (Griveau-Billion, Richard &amp; Roncalli 2013): O(N^2) per sweep, more sweeps.</summary>
        CoordinateDescent,
    }
}
