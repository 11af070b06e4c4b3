namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>Which trading guard refused an order.</summary>
    public enum GuardKind
    {
        /// <summary>The account is not a simulation account and live trading was not enabled.</summary>
        LiveAccount,
        /// <summary>The order is malformed (non-positive quantity or price, blank instrument).</summary>
        InvalidOrder,
        /// <summary>Quantity above the per-order maximum.</summary>
        OrderQuantity,
        /// <summary>Notional above the per-order maximum.</summary>
        OrderNotional,
        /// <summary>The day's traded quantity would exceed the daily maximum.</summary>
        DailyQuantity,
        /// <summary>The day's traded notional would exceed the daily maximum.</summary>
        DailyNotional,
        /// <summary>The order is too large a fraction of market volume, or no volume is known to check it.</summary>
        Participation,
        /// <summary>The price is older than the allowed age (or from the future).</summary>
        StalePrice,
        /// <summary>A risk limit is breached.</summary>
        RiskLimit,
        /// <summary>The kill switch is tripped.</summary>
        KillSwitch,
    }
}
