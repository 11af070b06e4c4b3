namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>What an EWMA covariance subtracts from the returns before weighting their outer products.</summary>
    public enum EwmaMean
    {
        /// <summary>Nothing (RiskMetrics 1996: daily mean returns are taken as zero).</summary>
        Zero,
        /// <summary>The exponentially weighted mean with the same normalised weights.</summary>
        Weighted,
    }
}
