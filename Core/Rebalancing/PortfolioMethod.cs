namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>The Core optimizers the strategy and the Portfolio Manager offer (names shown in the property grid).</summary>
    public enum PortfolioMethod
    {
        /// <summary>Minimum variance (Core MinimumVarianceOptimizer), long-only, fully invested.</summary>
        MinimumVariance,
        /// <summary>Maximum Sharpe ratio (Core MaximumSharpeOptimizer), long-only, fully invested.</summary>
        MaximumSharpe,
        /// <summary>Equal risk contributions (Core RiskParityOptimizer); long-only, fully invested, ignores the max weight.</summary>
        RiskParity,
        /// <summary>Growth-optimal (Core KellyOptimizer) times the Kelly fraction; long-only, gross leverage at most 1, not forced fully invested.</summary>
        Kelly,
    }
}
