using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Core.Tests.Execution;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Safety
{
    /// <summary>
    /// The daily caps per instrument (<see cref="TradingLimits.MaxDailyQuantityPerInstrument"/>,
    /// <see cref="TradingLimits.MaxDailyNotionalPerInstrument"/>): worked by hand on two instruments, then seeded random streams.
    /// </summary>
    public sealed class InstrumentDailyCapTests
    {
        private static readonly DateTime T0 = new DateTime(2025, 3, 3, 14, 30, 0, DateTimeKind.Utc);

        private static OrderIntent Order(string instrument, long q, decimal price = 100m, decimal pointValue = 1m, DateTime? priceTime = null)
            => new OrderIntent("Sim101", instrument, OrderSide.Buy, q, price, priceTime ?? T0, pointValue);

        [Test]
        public void TheSixthContractOfOneInstrumentIsRefused_WhileTheOtherStillTrades_UnderACapOfFiveEach()
        {
            var clock = new ManualClock(T0);
            var g = new TradingGuard(new TradingLimits().WithMaxDailyQuantityPerInstrument(5, "test"), clock);
            Assert.That(g.TryCommit(Order("ES", 3)).IsAllowed, Is.True);
            Assert.That(g.TryCommit(Order("ES", 2)).IsAllowed, Is.True, "3 + 2 = 5: at the cap");
            var d = g.TryCommit(Order("ES", 1));
            Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.DailyQuantity));
            Assert.That(d.Message, Is.EqualTo("order of 1 'ES' would bring today's quantity of 'ES' to 6, above the maximum daily quantity per instrument 5"));
            Assert.That(g.TryCommit(Order("NQ", 5)).IsAllowed, Is.True, "NQ has its own 5");
            Assert.That(g.TryCommit(Order("NQ", 1)).RefusedBy, Is.EqualTo(GuardKind.DailyQuantity));
            Assert.That(g.Usage.QuantityTodayOf("ES"), Is.EqualTo(5));
            Assert.That(g.Usage.QuantityTodayOf("NQ"), Is.EqualTo(5));
            Assert.That(g.DailyQuantityUsed, Is.EqualTo(10), "the account-wide tally counts both");
        }

        [Test]
        public void TheNextUtcDay_ResetsEveryInstrumentsTally_AndNotOneTickBefore()
        {
            var clock = new ManualClock(T0);
            var g = new TradingGuard(new TradingLimits().WithMaxDailyQuantityPerInstrument(5, "test"), clock);
            Assert.That(g.TryCommit(Order("ES", 5)).IsAllowed, Is.True);
            Assert.That(g.TryCommit(Order("NQ", 4)).IsAllowed, Is.True);
            clock.UtcNow = T0.Date.AddDays(1).AddTicks(-1);
            Assert.That(g.TryCommit(Order("ES", 1, priceTime: clock.UtcNow)).RefusedBy, Is.EqualTo(GuardKind.DailyQuantity), "23:59:59.9999999 is still today");
            clock.UtcNow = T0.Date.AddDays(1);
            Assert.That(g.Usage.QuantityTodayOf("ES"), Is.EqualTo(0));
            Assert.That(g.Usage.QuantityTodayOf("NQ"), Is.EqualTo(0));
            Assert.That(g.TryCommit(Order("ES", 5, priceTime: clock.UtcNow)).IsAllowed, Is.True);
            Assert.That(g.TryCommit(Order("NQ", 5, priceTime: clock.UtcNow)).IsAllowed, Is.True);
        }

        [Test]
        public void NotionalCap_CountsQuantityTimesPriceTimesPointValue_PerInstrument()
        {
            var g = new TradingGuard(new TradingLimits().WithMaxDailyNotionalPerInstrument(10_000m, "test"), new ManualClock(T0));
            // ES: 1 contract x 100 points x 50 currency/point = 5,000; two reach the cap of 10,000, a third would be 15,000.
            Assert.That(g.TryCommit(Order("ES", 2, 100m, 50m)).IsAllowed, Is.True);
            var d = g.TryCommit(Order("ES", 1, 100m, 50m));
            Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.DailyNotional));
            Assert.That(d.Message, Is.EqualTo("order of 'ES' would bring today's notional of 'ES' to 15000, above the maximum daily notional per instrument 10000"));
            // NQ: 1 x 200 x 20 = 4,000 each; 2 = 8,000 allowed, a third would be 12,000.
            Assert.That(g.TryCommit(Order("NQ", 2, 200m, 20m)).IsAllowed, Is.True);
            Assert.That(g.TryCommit(Order("NQ", 1, 200m, 20m)).RefusedBy, Is.EqualTo(GuardKind.DailyNotional));
            Assert.That(g.TryCommit(Order("NQ", 1, 100m, 20m)).IsAllowed, Is.True, "8,000 + 2,000 = 10,000: at the cap");
            Assert.That(g.Usage.NotionalTodayOf("ES"), Is.EqualTo(10_000m));
            Assert.That(g.Usage.NotionalTodayOf("NQ"), Is.EqualTo(10_000m));
            Assert.That(g.DailyNotionalUsed, Is.EqualTo(20_000m));
        }

        [Test]
        public void AccountWideCap_IsJudgedFirst_AndStillHoldsUnderLooserInstrumentCaps()
        {
            var g = new TradingGuard(new TradingLimits().WithMaxDailyQuantity(8, "test").WithMaxDailyQuantityPerInstrument(5, "test"), new ManualClock(T0));
            Assert.That(g.TryCommit(Order("ES", 5)).IsAllowed, Is.True);
            Assert.That(g.TryCommit(Order("NQ", 3)).IsAllowed, Is.True);
            var d = g.TryCommit(Order("NQ", 1));
            Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.DailyQuantity));
            Assert.That(d.Message, Is.EqualTo("order of 1 'NQ' would bring today's quantity to 9, above the maximum daily quantity 8"), "NQ's own 4 of 5 is within its cap");
        }

        [Test]
        public void GuardsSharingADailyUsage_CountTogether_OnTheUsagesClock()
        {
            // Two sessions' guards (one per rebalance) on a clock of their own; the day is the shared usage's (bar time).
            var barTime = new ManualClock(T0);
            var usage = new DailyUsage(barTime);
            var limits = new TradingLimits().WithMaxDailyQuantityPerInstrument(5, "test");
            var first = new TradingGuard(limits, new ManualClock(T0), usage: usage);
            var second = new TradingGuard(limits, new ManualClock(T0), usage: usage);
            Assert.That(first.TryCommit(Order("ES", 4)).IsAllowed, Is.True);
            Assert.That(second.TryCommit(Order("ES", 2)).RefusedBy, Is.EqualTo(GuardKind.DailyQuantity), "4 + 2 = 6 > 5 across the guards");
            Assert.That(second.TryCommit(Order("ES", 1)).IsAllowed, Is.True);
            barTime.UtcNow = T0.Date.AddDays(1);
            Assert.That(second.TryCommit(Order("ES", 5)).IsAllowed, Is.True, "the usage's clock moved to the next day");
            Assert.That(first.Usage.QuantityTodayOf("ES"), Is.EqualTo(5));
        }

        [Test]
        public void RecordUsage_OfAnInstrument_SeedsItsTally_AndTheAccountWideOne()
        {
            var g = new TradingGuard(new TradingLimits().WithMaxDailyQuantityPerInstrument(5, "test"), new ManualClock(T0));
            g.RecordUsage("ES", 4, 400m);
            g.RecordUsage(3, 300m);
            Assert.That(g.Check(Order("ES", 2)).RefusedBy, Is.EqualTo(GuardKind.DailyQuantity));
            Assert.That(g.Check(Order("NQ", 5)).IsAllowed, Is.True, "account-wide usage is no instrument's");
            Assert.That(g.DailyQuantityUsed, Is.EqualTo(7));
        }

        [Test]
        public void Limits_AreCheckedOnceWhenBuilt_WithTheDeclaredMessageNamingTheCulprit_AndAPreflightDropsThem()
        {
            var q = Assert.Throws<InvalidInputException>(() => new TradingLimits().WithMaxDailyQuantityPerInstrument(0, "property Max daily contracts"));
            Assert.That(q!.Message, Is.EqualTo("property Max daily contracts: max daily quantity per instrument must be > 0 (whole units), got 0"));
            var n = Assert.Throws<InvalidInputException>(() => new TradingLimits().WithMaxDailyNotionalPerInstrument(double.NaN, "property Max daily notional"));
            Assert.That(n!.Message, Is.EqualTo("property Max daily notional: " + LimitCatalog.MaxDailyNotionalPerInstrument.Message("NaN")));
            var limits = new TradingLimits().WithMaxOrderQuantity(3, "test").WithMaxDailyQuantityPerInstrument(5, "test").WithMaxDailyNotionalPerInstrument(7.5, "test");
            Assert.That(limits.MaxDailyQuantityPerInstrument, Is.EqualTo(5));
            Assert.That(limits.MaxDailyNotionalPerInstrument, Is.EqualTo(7.5m));
            Assert.That(limits.WithMaxOrderNotional(9m, "test").MaxDailyQuantityPerInstrument, Is.EqualTo(5), "other With... calls keep them");
            var perOrder = limits.PerOrderOnly();
            Assert.That(perOrder.MaxDailyQuantityPerInstrument, Is.Null);
            Assert.That(perOrder.MaxDailyNotionalPerInstrument, Is.Null);
            Assert.That(perOrder.MaxOrderQuantity, Is.EqualTo(3));
        }

        [Test]
        public void RandomStreams_NoInstrumentsDailyTotalExceedsItsCap_AndTheAccountWideCapsStillHold()
        {
            string[] instruments = { "ES", "NQ", "CL" };
            int allowed = 0, byInstrument = 0, byAccount = 0;
            for (int seed = 1; seed <= 200; seed++)
            {
                var rng = new Random(seed);
                var clock = new ManualClock(new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc).AddHours(rng.Next(0, 24)));
                long? capQ = rng.Next(4) == 0 ? (long?)null : rng.Next(5, 60);
                decimal? capN = rng.Next(4) == 0 ? (decimal?)null : rng.Next(2_000, 50_000);
                long? dayQ = rng.Next(2) == 0 ? (long?)null : rng.Next(20, 150);
                decimal? dayN = rng.Next(2) == 0 ? (decimal?)null : rng.Next(10_000, 120_000);
                var limits = new TradingLimits().WithMaxDailyQuantityPerInstrument(capQ, "test").WithMaxDailyNotionalPerInstrument(capN, "test")
                    .WithMaxDailyQuantity(dayQ, "test").WithMaxDailyNotional(dayN, "test");
                // Half the seeds judge through two guards sharing one day's usage (the strategy's sessions).
                var usage = new DailyUsage(clock);
                var guards = rng.Next(2) == 0
                    ? new[] { new TradingGuard(limits, clock) }
                    : new[] { new TradingGuard(limits, clock, usage: usage), new TradingGuard(limits, clock, usage: usage) };
                var perDay = new Dictionary<(DateTime, string), (long Q, decimal N)>();
                var account = new Dictionary<DateTime, (long Q, decimal N)>();
                for (int k = 0; k < 300; k++)
                {
                    clock.Advance(TimeSpan.FromMinutes(rng.Next(0, 120)));
                    string instrument = instruments[rng.Next(instruments.Length)];
                    var o = new OrderIntent("Sim101", instrument, OrderSide.Buy, rng.Next(1, 12), Math.Round((decimal)(10 + rng.NextDouble() * 190), 2),
                        clock.UtcNow, rng.Next(3) == 0 ? 5m : 1m);
                    DateTime day = clock.UtcNow.Date;
                    perDay.TryGetValue((day, instrument), out var mine);
                    account.TryGetValue(day, out var all);
                    var d = guards[rng.Next(guards.Length)].TryCommit(o);
                    if (!d.IsAllowed)
                    {
                        bool accountWide = d.RefusedBy == GuardKind.DailyQuantity ? all.Q + o.Quantity > dayQ : all.N + o.Notional > dayN;
                        bool own = d.RefusedBy == GuardKind.DailyQuantity ? mine.Q + o.Quantity > capQ : mine.N + o.Notional > capN;
                        Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.DailyQuantity).Or.EqualTo(GuardKind.DailyNotional), $"seed {seed}: {d}");
                        Assert.That(accountWide || own, Is.True, $"seed {seed}: {d} must be a real violation");
                        Assert.That(d.Message.Contains("per instrument"), Is.EqualTo(!accountWide), $"seed {seed}: the account-wide cap is judged first: {d}");
                        if (accountWide) byAccount++; else byInstrument++;
                        continue;
                    }
                    allowed++;
                    perDay[(day, instrument)] = mine = (mine.Q + o.Quantity, mine.N + o.Notional);
                    account[day] = all = (all.Q + o.Quantity, all.N + o.Notional);
                    Assert.That(mine.Q, Is.LessThanOrEqualTo(capQ ?? long.MaxValue), $"seed {seed}: {instrument} daily quantity");
                    Assert.That(mine.N, Is.LessThanOrEqualTo(capN ?? decimal.MaxValue), $"seed {seed}: {instrument} daily notional");
                    Assert.That(all.Q, Is.LessThanOrEqualTo(dayQ ?? long.MaxValue), $"seed {seed}: account daily quantity");
                    Assert.That(all.N, Is.LessThanOrEqualTo(dayN ?? decimal.MaxValue), $"seed {seed}: account daily notional");
                    Assert.That(guards[0].Usage.QuantityTodayOf(instrument), Is.EqualTo(mine.Q), $"seed {seed}: the guard's tally is the reference's");
                }
            }
            Assert.That(byInstrument, Is.GreaterThan(0), "the streams reach the caps per instrument");
            Assert.That(byAccount, Is.GreaterThan(0), "the streams reach the account-wide caps");
            TestContext.Progress.WriteLine($"instrument cap property: 200 seeded streams, {allowed} allowed, {byInstrument} refused per instrument, {byAccount} account-wide, 0 violations");
        }
    }
}
