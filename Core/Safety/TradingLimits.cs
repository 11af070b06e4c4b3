using System;
using NinjaTraderPortfolio.Core.Limits;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// Settings of <see cref="TradingGuard"/>: immutable and valid by construction. A null limit is not checked. Money in
    /// the account currency (notional = quantity x price x point value); quantities in whole units; a "day" is a UTC
    /// calendar day of the injected clock.
    /// <para>
    /// Built where the user enters the limits (CLI options, the strategy's properties, the AddOn's settings): start from
    /// <c>new TradingLimits()</c> (simulation accounts only, nothing capped) and add each limit with a <c>With...</c>
    /// method, which checks that one value against its declaration in <see cref="LimitCatalog"/> and throws
    /// <see cref="InvalidInputException"/> "culprit: declared message" ("option --max-order-quantity: max order quantity must
    /// be &gt; 0 (whole units), got 0"). That is the one check of each value: the guard, the execution session and the
    /// AddOn's session take a <see cref="TradingLimits"/> as given.
    /// </para>
    /// </summary>
    public sealed class TradingLimits
    {
        /// <summary>Simulation accounts only, no limit checked.</summary>
        public TradingLimits()
        {
        }

        private TradingLimits(bool allowLive, long? orderQuantity, decimal? orderNotional, long? dailyQuantity, decimal? dailyNotional, double? participation, TimeSpan? priceAge,
            long? dailyQuantityPerInstrument, decimal? dailyNotionalPerInstrument)
        {
            AllowLiveAccounts = allowLive;
            MaxOrderQuantity = orderQuantity;
            MaxOrderNotional = orderNotional;
            MaxDailyQuantity = dailyQuantity;
            MaxDailyNotional = dailyNotional;
            MaxParticipation = participation;
            MaxPriceAge = priceAge;
            MaxDailyQuantityPerInstrument = dailyQuantityPerInstrument;
            MaxDailyNotionalPerInstrument = dailyNotionalPerInstrument;
        }

        /// <summary>Explicit opt-in to send orders to accounts that are not simulation accounts (default false).</summary>
        public bool AllowLiveAccounts { get; }

        /// <summary>Largest quantity of one order, whole units (<see cref="LimitCatalog.MaxOrderQuantity"/>).</summary>
        public long? MaxOrderQuantity { get; }

        /// <summary>Largest notional of one order, currency (<see cref="LimitCatalog.MaxOrderNotional"/>).</summary>
        public decimal? MaxOrderNotional { get; }

        /// <summary>Largest total quantity sent per day (all instruments), whole units (<see cref="LimitCatalog.MaxDailyQuantity"/>).</summary>
        public long? MaxDailyQuantity { get; }

        /// <summary>Largest total notional sent per day (all instruments), currency (<see cref="LimitCatalog.MaxDailyNotional"/>).</summary>
        public decimal? MaxDailyNotional { get; }

        /// <summary>Largest quantity of one instrument sent per day, whole units (<see cref="LimitCatalog.MaxDailyQuantityPerInstrument"/>).</summary>
        public long? MaxDailyQuantityPerInstrument { get; }

        /// <summary>Largest notional of one instrument sent per day, currency (<see cref="LimitCatalog.MaxDailyNotionalPerInstrument"/>).</summary>
        public decimal? MaxDailyNotionalPerInstrument { get; }

        /// <summary>
        /// Largest order quantity as a fraction of the market volume given with the order (0.1 = 10%); refuses orders without
        /// a volume (<see cref="LimitCatalog.MaxParticipation"/>).
        /// </summary>
        public double? MaxParticipation { get; }

        /// <summary>Oldest acceptable price: an order whose price is older than this (by the injected clock) is refused (<see cref="LimitCatalog.MaxPriceAge"/>).</summary>
        public TimeSpan? MaxPriceAge { get; }

        /// <summary>These limits with the live-account opt-in set to <paramref name="allow"/>.</summary>
        public TradingLimits WithLiveAccounts(bool allow)
            => new TradingLimits(allow, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, MaxParticipation, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);

        /// <summary>
        /// These limits with the largest order quantity <paramref name="value"/> (null = none), checked against
        /// <see cref="LimitCatalog.MaxOrderQuantity"/>; <paramref name="culprit"/> names where the user typed it.
        /// </summary>
        public TradingLimits WithMaxOrderQuantity(long? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, Checked(LimitCatalog.MaxOrderQuantity, value, culprit), MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, MaxParticipation, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);

        /// <summary>These limits with the largest order notional <paramref name="value"/> (currency; null = none), checked against <see cref="LimitCatalog.MaxOrderNotional"/>.</summary>
        public TradingLimits WithMaxOrderNotional(decimal? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, Checked(LimitCatalog.MaxOrderNotional, value, culprit), MaxDailyQuantity, MaxDailyNotional, MaxParticipation, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);

        /// <summary>As <see cref="WithMaxOrderNotional(decimal?, string)"/> for a face that holds money as a double (checked before it becomes a decimal).</summary>
        public TradingLimits WithMaxOrderNotional(double? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, Money(LimitCatalog.MaxOrderNotional, value, culprit), MaxDailyQuantity, MaxDailyNotional, MaxParticipation, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);

        /// <summary>These limits with the largest daily quantity <paramref name="value"/> (null = none), checked against <see cref="LimitCatalog.MaxDailyQuantity"/>.</summary>
        public TradingLimits WithMaxDailyQuantity(long? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, Checked(LimitCatalog.MaxDailyQuantity, value, culprit), MaxDailyNotional, MaxParticipation, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);

        /// <summary>These limits with the largest daily notional <paramref name="value"/> (currency; null = none), checked against <see cref="LimitCatalog.MaxDailyNotional"/>.</summary>
        public TradingLimits WithMaxDailyNotional(decimal? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, Checked(LimitCatalog.MaxDailyNotional, value, culprit), MaxParticipation, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);

        /// <summary>As <see cref="WithMaxDailyNotional(decimal?, string)"/> for a face that holds money as a double (checked before it becomes a decimal).</summary>
        public TradingLimits WithMaxDailyNotional(double? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, Money(LimitCatalog.MaxDailyNotional, value, culprit), MaxParticipation, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);

        /// <summary>These limits with the largest daily quantity of each instrument <paramref name="value"/> (null = none), checked against <see cref="LimitCatalog.MaxDailyQuantityPerInstrument"/>.</summary>
        public TradingLimits WithMaxDailyQuantityPerInstrument(long? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, MaxParticipation, MaxPriceAge,
                Checked(LimitCatalog.MaxDailyQuantityPerInstrument, value, culprit), MaxDailyNotionalPerInstrument);

        /// <summary>These limits with the largest daily notional of each instrument <paramref name="value"/> (currency; null = none), checked against <see cref="LimitCatalog.MaxDailyNotionalPerInstrument"/>.</summary>
        public TradingLimits WithMaxDailyNotionalPerInstrument(decimal? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, MaxParticipation, MaxPriceAge,
                MaxDailyQuantityPerInstrument, Checked(LimitCatalog.MaxDailyNotionalPerInstrument, value, culprit));

        /// <summary>As <see cref="WithMaxDailyNotionalPerInstrument(decimal?, string)"/> for a face that holds money as a double (checked before it becomes a decimal).</summary>
        public TradingLimits WithMaxDailyNotionalPerInstrument(double? value, string culprit)
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, MaxParticipation, MaxPriceAge,
                MaxDailyQuantityPerInstrument, Money(LimitCatalog.MaxDailyNotionalPerInstrument, value, culprit));

        /// <summary>These limits with the largest participation <paramref name="value"/> (fraction of market volume; null = none), checked against <see cref="LimitCatalog.MaxParticipation"/>.</summary>
        public TradingLimits WithMaxParticipation(double? value, string culprit)
        {
            if (value is double p) LimitCatalog.MaxParticipation.Check(p, culprit);
            return new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, value, MaxPriceAge, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);
        }

        /// <summary>These limits with the oldest acceptable price <paramref name="value"/> (null = none), checked in milliseconds against <see cref="LimitCatalog.MaxPriceAge"/>.</summary>
        public TradingLimits WithMaxPriceAge(TimeSpan? value, string culprit)
        {
            if (value is TimeSpan age) LimitCatalog.MaxPriceAge.Check(age.TotalMilliseconds, culprit);
            return new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, MaxParticipation, value, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument);
        }

        /// <summary>These limits without the daily ones, account-wide and per instrument (a preflight of single orders); the values kept were checked when these were built.</summary>
        public TradingLimits PerOrderOnly()
            => new TradingLimits(AllowLiveAccounts, MaxOrderQuantity, MaxOrderNotional, null, null, MaxParticipation, MaxPriceAge, null, null);

        private static long? Checked(LimitSpec spec, long? value, string culprit) => value is long v ? spec.Check(v, culprit) : (long?)null;

        private static decimal? Checked(LimitSpec spec, decimal? value, string culprit) => value is decimal v ? spec.Check(v, culprit) : (decimal?)null;

        // Range first (NaN, infinities and negatives get the declared message), then the conversion to money.
        private static decimal? Money(LimitSpec spec, double? value, string culprit)
        {
            if (!(value is double v)) return null;
            spec.Check(v, culprit);
            if (Math.Abs(v) >= (double)decimal.MaxValue) throw new InvalidInputException($"{culprit}: {spec.Name} {Guard.Format(v)} is too large for money ({spec.Unit})");
            return (decimal)v;
        }
    }
}
