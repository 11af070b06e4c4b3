using System;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// Settings of <see cref="TradingGuard"/>. A null limit is not checked. Money in the account currency
    /// (notional = quantity x price x point value); quantities in whole units; a "day" is a UTC calendar day of the
    /// injected clock.
    /// </summary>
    public sealed class TradingLimits
    {
        /// <summary>Explicit opt-in to send orders to accounts that are not simulation accounts (default false).</summary>
        public bool AllowLiveAccounts { get; set; }

        /// <summary>Largest quantity of one order, whole units.</summary>
        public long? MaxOrderQuantity { get; set; }

        /// <summary>Largest notional of one order, currency.</summary>
        public decimal? MaxOrderNotional { get; set; }

        /// <summary>Largest total quantity sent per day (all instruments), whole units.</summary>
        public long? MaxDailyQuantity { get; set; }

        /// <summary>Largest total notional sent per day (all instruments), currency.</summary>
        public decimal? MaxDailyNotional { get; set; }

        /// <summary>Largest order quantity as a fraction of the market volume given with the order (0.1 = 10%); refuses orders without a volume.</summary>
        public double? MaxParticipation { get; set; }

        /// <summary>Oldest acceptable price: an order whose price is older than this (by the injected clock) is refused.</summary>
        public TimeSpan? MaxPriceAge { get; set; }

        /// <summary>Checks the settings themselves; throws <see cref="InvalidInputException"/> naming the bad one.</summary>
        public void Validate()
        {
            if (MaxOrderQuantity <= 0) throw new InvalidInputException($"maximum order quantity must be > 0, got {MaxOrderQuantity}");
            if (MaxOrderNotional <= 0) throw new InvalidInputException($"maximum order notional must be > 0, got {MaxOrderNotional}");
            if (MaxDailyQuantity <= 0) throw new InvalidInputException($"maximum daily quantity must be > 0, got {MaxDailyQuantity}");
            if (MaxDailyNotional <= 0) throw new InvalidInputException($"maximum daily notional must be > 0, got {MaxDailyNotional}");
            if (MaxParticipation.HasValue && !(MaxParticipation.Value > 0 && MaxParticipation.Value <= 1))
                throw new InvalidInputException($"maximum participation must be in (0, 1], got {Guard.Format(MaxParticipation.Value)}");
            if (MaxPriceAge < TimeSpan.Zero) throw new InvalidInputException($"maximum price age must be >= 0, got {MaxPriceAge}");
        }
    }
}
