using System;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Core.Tests.Execution;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Tests.Safety
{
    public sealed class TradingGuardTests
    {
        private static readonly DateTime T0 = new DateTime(2025, 3, 3, 14, 30, 0, DateTimeKind.Utc);

        private static OrderIntent Order(long q = 10, decimal price = 100m, string account = "Sim101", DateTime? priceTime = null, double? volume = null, decimal pointValue = 1m)
            => new OrderIntent(account, "ES 03-25", OrderSide.Buy, q, price, priceTime ?? T0, pointValue, volume);

        [TestCase("Sim101", true)]
        [TestCase("SimPaper", true)]
        [TestCase("Playback101", true)]
        [TestCase("Backtest", true)]
        [TestCase("sim101", false)]
        [TestCase("DU123456", false)]
        [TestCase("APEX-1234", false)]
        [TestCase("", false)]
        [TestCase(null, false)]
        public void AccountClassifier_FollowsNinjaTraderNaming(string? name, bool sim)
            => Assert.That(AccountClassifier.IsSimulation(name), Is.EqualTo(sim));

        [Test]
        public void LiveAccount_WithoutOptIn_IsRefused_WithOptIn_IsAllowed()
        {
            var clock = new ManualClock(T0);
            var d = new TradingGuard(new TradingLimits(), clock).Check(Order(account: "DU123456"));
            Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.LiveAccount));
            Assert.That(d.Message, Does.Contain("DU123456"));
            Assert.That(new TradingGuard(new TradingLimits().WithLiveAccounts(true), clock).Check(Order(account: "DU123456")).IsAllowed, Is.True);
        }

        [Test]
        public void PerOrderLimits_AllowAtTheLimit_RefuseAbove()
        {
            var g = new TradingGuard(new TradingLimits().WithMaxOrderQuantity(10, "test").WithMaxOrderNotional(50_000m, "test"), new ManualClock(T0));
            Assert.That(g.Check(Order(10, 100m)).IsAllowed, Is.True);
            Assert.That(g.Check(Order(11, 100m)).RefusedBy, Is.EqualTo(GuardKind.OrderQuantity));
            // 10 contracts x 100 points x 50 currency/point = 50,000 (at the limit); 5,000.01 per contract over it.
            Assert.That(g.Check(Order(10, 100m, pointValue: 50m)).IsAllowed, Is.True);
            var d = g.Check(Order(10, 100.001m, pointValue: 50m));
            Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.OrderNotional));
            Assert.That(d.Message, Does.Contain("50000.500").And.Contain("50000"));
        }

        [Test]
        public void DailyLimits_CountCommittedOrders_AndResetOnTheNextUtcDay()
        {
            var clock = new ManualClock(T0);
            var g = new TradingGuard(new TradingLimits().WithMaxDailyQuantity(25, "test").WithMaxDailyNotional(2_000m, "test"), clock);
            Assert.That(g.TryCommit(Order(10, 50m)).IsAllowed, Is.True);
            Assert.That(g.TryCommit(Order(10, 50m)).IsAllowed, Is.True);
            Assert.That(g.DailyQuantityUsed, Is.EqualTo(20));
            Assert.That(g.DailyNotionalUsed, Is.EqualTo(1000m));
            Assert.That(g.TryCommit(Order(6, 50m)).RefusedBy, Is.EqualTo(GuardKind.DailyQuantity));
            Assert.That(g.TryCommit(Order(5, 300m)).RefusedBy, Is.EqualTo(GuardKind.DailyNotional));
            Assert.That(g.DailyQuantityUsed, Is.EqualTo(20), "refused orders are not counted");
            Assert.That(g.Check(Order(5, 50m)).IsAllowed, Is.True);
            Assert.That(g.DailyQuantityUsed, Is.EqualTo(20), "Check does not count");
            clock.UtcNow = T0.Date.AddDays(1);
            Assert.That(g.DailyQuantityUsed, Is.EqualTo(0));
            Assert.That(g.TryCommit(Order(25, 80m)).IsAllowed, Is.True);
        }

        [Test]
        public void RecordUsage_SeedsTodayAfterARestart()
        {
            var g = new TradingGuard(new TradingLimits().WithMaxDailyQuantity(25, "test"), new ManualClock(T0));
            g.RecordUsage(20, 2000m);
            Assert.That(g.Check(Order(6)).RefusedBy, Is.EqualTo(GuardKind.DailyQuantity));
        }

        [Test]
        public void Participation_RefusesAboveTheFraction_AndWithoutAVolume()
        {
            var g = new TradingGuard(new TradingLimits().WithMaxParticipation(0.1, "test"), new ManualClock(T0));
            Assert.That(g.Check(Order(10, volume: 100)).IsAllowed, Is.True);
            Assert.That(g.Check(Order(11, volume: 100)).RefusedBy, Is.EqualTo(GuardKind.Participation));
            Assert.That(g.Check(Order(1)).RefusedBy, Is.EqualTo(GuardKind.Participation));
        }

        [Test]
        public void StalePrice_OlderThanTheAgeByTheInjectedClock_IsRefused()
        {
            var clock = new ManualClock(T0);
            var g = new TradingGuard(new TradingLimits().WithMaxPriceAge(TimeSpan.FromSeconds(5), "test"), clock);
            Assert.That(g.Check(Order(priceTime: T0.AddSeconds(-5))).IsAllowed, Is.True);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            var d = g.Check(Order(priceTime: T0.AddSeconds(-5)));
            Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.StalePrice));
            Assert.That(d.Message, Does.Contain("5.001 s"));
            Assert.That(g.Check(Order(priceTime: T0.AddMinutes(1))).RefusedBy, Is.EqualTo(GuardKind.StalePrice), "a price from the future is as suspect");
        }

        [Test]
        public void RiskLimit_Breach_IsRefusedWithTheCheckersSentence()
        {
            var risk = new Moq.Mock<IRiskLimitCheck>();
            risk.Setup(r => r.Breach(Moq.It.Is<OrderIntent>(o => o.Quantity > 5))).Returns("gross exposure 1.2e6 above limit 1e6");
            var g = new TradingGuard(new TradingLimits(), new ManualClock(T0), null, risk.Object);
            Assert.That(g.Check(Order(5)).IsAllowed, Is.True);
            var d = g.Check(Order(6));
            Assert.That((d.RefusedBy, d.Message), Is.EqualTo(((GuardKind?)GuardKind.RiskLimit, "gross exposure 1.2e6 above limit 1e6")));
        }

        [Test]
        public void MalformedOrders_AreRefusedNotThrown()
        {
            var g = new TradingGuard(new TradingLimits(), new ManualClock(T0));
            Assert.That(g.Check(Order(0)).RefusedBy, Is.EqualTo(GuardKind.InvalidOrder));
            Assert.That(g.Check(Order(price: 0m)).RefusedBy, Is.EqualTo(GuardKind.InvalidOrder));
            Assert.That(g.Check(Order(pointValue: -1m)).RefusedBy, Is.EqualTo(GuardKind.InvalidOrder));
        }

        [Test]
        public void KillSwitch_RefusesEverything_FirstInOrder()
        {
            var kill = new KillSwitch();
            var g = new TradingGuard(new TradingLimits().WithMaxOrderQuantity(1, "test"), new ManualClock(T0), kill);
            kill.Trip("operator");
            var d = g.Check(Order(10, account: "Live"));
            Assert.That(d.RefusedBy, Is.EqualTo(GuardKind.KillSwitch));
            Assert.That(d.Message, Does.Contain("operator"));
            kill.Reset();
            Assert.That(g.Check(Order(1)).IsAllowed, Is.True);
        }

        [TestCase(0L, null, null)]
        [TestCase(null, -1.0, null)]
        [TestCase(null, 1.5, null)]
        [TestCase(null, null, -1.0)]
        public void InvalidLimits_AreRefusedWhenTheLimitsAreBuilt_SoNoGuardCanHoldThem(long? maxQ, double? participation, double? ageSeconds)
        {
            Assert.Throws<InvalidInputException>(() => new TradingLimits().WithMaxOrderQuantity(maxQ, "test").WithMaxParticipation(participation, "test")
                .WithMaxPriceAge(ageSeconds.HasValue ? TimeSpan.FromSeconds(ageSeconds.Value) : (TimeSpan?)null, "test"));
        }
    }
}
