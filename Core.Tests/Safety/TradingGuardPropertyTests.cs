using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Core.Tests.Execution;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Tests.Safety
{
    /// <summary>Seeded random order streams: whatever arrives, what the guard lets through respects every limit, per order and per UTC day.</summary>
    public sealed class TradingGuardPropertyTests
    {
        [Test]
        public void RandomOrderStreams_AllowedOrdersRespectEveryLimit_AndEachRefusalNamesAFailingGuard()
        {
            int allowed = 0, refused = 0;
            var fired = new HashSet<GuardKind>();
            for (int seed = 1; seed <= 200; seed++)
            {
                var rng = new Random(seed);
                var clock = new ManualClock(new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc).AddHours(rng.Next(0, 24)));
                var limits = new TradingLimits()
                    .WithMaxOrderQuantity(rng.Next(2) == 0 ? (long?)null : rng.Next(1, 50), "test")
                    .WithMaxOrderNotional(rng.Next(2) == 0 ? (decimal?)null : rng.Next(100, 5000), "test")
                    .WithMaxDailyQuantity(rng.Next(2) == 0 ? (long?)null : rng.Next(10, 300), "test")
                    .WithMaxDailyNotional(rng.Next(2) == 0 ? (decimal?)null : rng.Next(1000, 40000), "test")
                    .WithMaxParticipation(rng.Next(2) == 0 ? (double?)null : 0.05 + 0.5 * rng.NextDouble(), "test")
                    .WithMaxPriceAge(rng.Next(2) == 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(rng.Next(1, 60)), "test")
                    .WithLiveAccounts(rng.Next(2) == 0);
                var guard = new TradingGuard(limits, clock);
                var perDay = new Dictionary<DateTime, (long Q, decimal N)>();
                for (int k = 0; k < 300; k++)
                {
                    clock.Advance(TimeSpan.FromMinutes(rng.Next(0, 90)));
                    var o = new OrderIntent(rng.Next(4) == 0 ? "Live42" : "Sim101", "ES", rng.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell,
                        rng.Next(-2, 60), Math.Round((decimal)(rng.NextDouble() * 200 - 5), 2), clock.UtcNow.AddSeconds(-rng.Next(0, 90)),
                        rng.Next(3) == 0 ? 5m : 1m, rng.Next(5) == 0 ? (double?)null : rng.Next(1, 1000));
                    var d = guard.TryCommit(o);
                    if (!d.IsAllowed)
                    {
                        refused++;
                        fired.Add(d.RefusedBy!.Value);
                        Assert.That(Violates(d.RefusedBy.Value, o, limits, clock.UtcNow, perDay), Is.True, $"seed {seed}: {d} must be a real violation");
                        continue;
                    }
                    allowed++;
                    Assert.That(o.Quantity, Is.GreaterThan(0));
                    Assert.That(o.Price, Is.GreaterThan(0m));
                    Assert.That(limits.AllowLiveAccounts || AccountClassifier.IsSimulation(o.Account), Is.True);
                    Assert.That(o.Quantity, Is.LessThanOrEqualTo(limits.MaxOrderQuantity ?? long.MaxValue));
                    Assert.That(o.Notional, Is.LessThanOrEqualTo(limits.MaxOrderNotional ?? decimal.MaxValue));
                    if (limits.MaxParticipation.HasValue) Assert.That(o.Quantity / o.MarketVolume!.Value, Is.LessThanOrEqualTo(limits.MaxParticipation.Value));
                    if (limits.MaxPriceAge.HasValue) Assert.That((clock.UtcNow - o.PriceTimeUtc).Duration(), Is.LessThanOrEqualTo(limits.MaxPriceAge.Value));
                    var day = clock.UtcNow.Date;
                    perDay.TryGetValue(day, out var used);
                    used = (used.Q + o.Quantity, used.N + o.Notional);
                    perDay[day] = used;
                    Assert.That(used.Q, Is.LessThanOrEqualTo(limits.MaxDailyQuantity ?? long.MaxValue), $"seed {seed}: daily quantity");
                    Assert.That(used.N, Is.LessThanOrEqualTo(limits.MaxDailyNotional ?? decimal.MaxValue), $"seed {seed}: daily notional");
                }
            }
            Assert.That(fired.Count, Is.GreaterThanOrEqualTo(8), "the streams reach most guards: " + string.Join(", ", fired));
            TestContext.Progress.WriteLine($"guard property test: 200 seeded streams, {allowed} orders allowed, {refused} refused by {fired.Count} different guards, 0 limit violations");
        }

        private static bool Violates(GuardKind kind, OrderIntent o, TradingLimits l, DateTime now, Dictionary<DateTime, (long Q, decimal N)> perDay)
        {
            perDay.TryGetValue(now.Date, out var used);
            switch (kind)
            {
                case GuardKind.InvalidOrder: return o.Quantity <= 0 || o.Price <= 0 || o.PointValue <= 0;
                case GuardKind.LiveAccount: return !l.AllowLiveAccounts && !AccountClassifier.IsSimulation(o.Account);
                case GuardKind.StalePrice: return (now - o.PriceTimeUtc).Duration() > l.MaxPriceAge;
                case GuardKind.OrderQuantity: return o.Quantity > l.MaxOrderQuantity;
                case GuardKind.OrderNotional: return o.Notional > l.MaxOrderNotional;
                case GuardKind.Participation: return o.MarketVolume == null || o.Quantity / o.MarketVolume.Value > l.MaxParticipation;
                case GuardKind.DailyQuantity: return used.Q + o.Quantity > l.MaxDailyQuantity;
                case GuardKind.DailyNotional: return used.N + o.Notional > l.MaxDailyNotional;
                default: return false;
            }
        }
    }
}
