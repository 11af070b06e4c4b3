using System;
using NinjaTraderPortfolio.Core.Limits;

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

        /// <summary>
        /// Checks each set limit against its declaration in <see cref="LimitCatalog"/> (name, unit, range, message); throws
        /// <see cref="InvalidInputException"/> with the declared message ("max order quantity must be &gt; 0 (whole units), got 0").
        /// Faces that read the limits from a user check them with the same declarations, naming their own option.
        /// </summary>
        public void Validate()
        {
            const string Where = "trading limits";
            if (MaxOrderQuantity is long q) LimitCatalog.MaxOrderQuantity.Check(q, Where);
            if (MaxOrderNotional is decimal n) LimitCatalog.MaxOrderNotional.Check(n, Where);
            if (MaxDailyQuantity is long dq) LimitCatalog.MaxDailyQuantity.Check(dq, Where);
            if (MaxDailyNotional is decimal dn) LimitCatalog.MaxDailyNotional.Check(dn, Where);
            if (MaxParticipation is double p) LimitCatalog.MaxParticipation.Check(p, Where);
            if (MaxPriceAge is TimeSpan age) LimitCatalog.MaxPriceAge.Check(age.TotalMilliseconds, Where);
        }
    }
}
