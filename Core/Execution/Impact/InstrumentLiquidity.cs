namespace NinjaTraderPortfolio.Core.Execution.Impact
{
    /// <summary>
    /// Per-instrument liquidity inputs of the impact models. <see cref="DailyVolatility"/> is the standard deviation of
    /// daily returns as a fraction (0.0157 = 1.57%); <see cref="AverageDailyVolume"/> in shares/contracts per day;
    /// <see cref="Spread"/> the full bid-ask spread as a fraction of price; <see cref="SharesOutstanding"/> (optional,
    /// for Almgren et al. 2005) and <see cref="VisibleDepth"/> (shares/contracts at the touch, optional) may be NaN.
    /// </summary>
    public sealed record InstrumentLiquidity
    {
        /// <summary>Creates the inputs; volatility and spread &gt;= 0, volume &gt; 0; optional figures NaN or &gt; 0.</summary>
        public InstrumentLiquidity(double dailyVolatility, double averageDailyVolume, double spread,
            double sharesOutstanding = double.NaN, double visibleDepth = double.NaN)
        {
            DailyVolatility = Guard.NonNegative(dailyVolatility, nameof(dailyVolatility));
            AverageDailyVolume = Guard.Positive(averageDailyVolume, nameof(averageDailyVolume));
            Spread = Guard.NonNegative(spread, nameof(spread));
            if (!double.IsNaN(sharesOutstanding)) Guard.Positive(sharesOutstanding, nameof(sharesOutstanding));
            if (!double.IsNaN(visibleDepth)) Guard.NonNegative(visibleDepth, nameof(visibleDepth));
            SharesOutstanding = sharesOutstanding;
            VisibleDepth = visibleDepth;
        }

        /// <summary>Daily return volatility, fraction.</summary>
        public double DailyVolatility { get; }

        /// <summary>Average daily volume, shares/contracts.</summary>
        public double AverageDailyVolume { get; }

        /// <summary>Full bid-ask spread, fraction of price.</summary>
        public double Spread { get; }

        /// <summary>Shares outstanding (NaN when unknown).</summary>
        public double SharesOutstanding { get; }

        /// <summary>Visible depth at the touch, shares/contracts (NaN when unknown).</summary>
        public double VisibleDepth { get; }
    }
}
