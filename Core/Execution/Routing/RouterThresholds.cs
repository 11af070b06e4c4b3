namespace NinjaTraderPortfolio.Core.Execution.Routing
{
    /// <summary>Configurable thresholds of <see cref="SmartOrderRouter"/>; fractions, not percent.</summary>
    public sealed class RouterThresholds
    {
        /// <summary>Largest order, as a fraction of ADV, sent as one market order (default 0.005 = 0.5% of ADV).</summary>
        public double MarketMaxAdvFraction { get; set; } = 0.005;

        /// <summary>Widest spread (fraction of price) at which a market order is acceptable (default 0.002 = 20 bp).</summary>
        public double MarketMaxSpread { get; set; } = 0.002;

        /// <summary>Urgency kappa T of the Almgren-Chriss trajectory from which IS is chosen (default 1: half-life below the horizon).</summary>
        public double IsMinKappaT { get; set; } = 1.0;

        /// <summary>Order size, as a fraction of ADV, from which VWAP is preferred to TWAP (default 0.05 = 5% of ADV).</summary>
        public double VwapMinAdvFraction { get; set; } = 0.05;

        /// <summary>Prefactor Y of the square-root law used to price market orders (default 1).</summary>
        public double SquareRootY { get; set; } = 1.0;
    }
}
