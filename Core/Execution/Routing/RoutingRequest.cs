using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Execution.Routing
{
    /// <summary>
    /// What the router needs to know about one order. <see cref="Quantity"/> unsigned shares/contracts; prices in currency per
    /// unit of price; <see cref="HorizonDays"/> the time allowed (days); <see cref="Slices"/> the number of child orders a
    /// scheduled algorithm uses; <see cref="RiskAversion"/> lambda in 1/currency (0 = not urgent).
    /// </summary>
    public sealed record RoutingRequest
    {
        /// <summary>Creates the request.</summary>
        public RoutingRequest(long quantity, double price, double pointValue, InstrumentLiquidity liquidity,
            double horizonDays, int slices, double riskAversion, VolumeProfile? volumeProfile = null)
        {
            VolumeProfile = volumeProfile;
            if (quantity <= 0) throw new System.ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be > 0, got {quantity}");
            Quantity = quantity;
            Price = Guard.Positive(price, nameof(price));
            PointValue = Guard.Positive(pointValue, nameof(pointValue));
            Liquidity = Guard.NotNull(liquidity, nameof(liquidity));
            HorizonDays = Guard.Positive(horizonDays, nameof(horizonDays));
            Slices = Guard.Positive(slices, nameof(slices));
            RiskAversion = Guard.NonNegative(riskAversion, nameof(riskAversion));
        }

        /// <summary>Shares/contracts to trade (unsigned).</summary>
        public long Quantity { get; }
        /// <summary>Current price.</summary>
        public double Price { get; }
        /// <summary>Currency per point per contract (1 for shares).</summary>
        public double PointValue { get; }
        /// <summary>Liquidity inputs.</summary>
        public InstrumentLiquidity Liquidity { get; }
        /// <summary>Time allowed, days.</summary>
        public double HorizonDays { get; }
        /// <summary>Child orders of a scheduled algorithm.</summary>
        public int Slices { get; }
        /// <summary>Risk aversion lambda, 1/currency.</summary>
        public double RiskAversion { get; }
        /// <summary>Intraday volume profile over the horizon for VWAP (its bucket count sets the VWAP slices); null = the uniform default.</summary>
        public VolumeProfile? VolumeProfile { get; }
    }
}
