using System;
using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Simulation
{
    /// <summary><see cref="ExecutorOptions.MaxChildQuantity"/>: no child exceeds the cap, also for a catch-up slice after an outage.</summary>
    public sealed class MaxChildQuantityTests
    {
        private static readonly DateTime T0 = new DateTime(2025, 3, 3, 14, 30, 0, DateTimeKind.Utc);

        [TestCase(false)]
        [TestCase(true)]
        public void Slices_LargerThanTheCap_AreWorkedAsSuccessiveChildrenWithinIt(bool outageFirst)
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(10m), new SimulatedBrokerOptions { Seed = 2, PartialFillProbability = 0.5, VenueCancelProbability = 0.2 });
            var slices = TwapSchedule.Build(50, 2, 2).ToTimedSlices(T0, TimeSpan.FromMinutes(1));
            using var ex = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 50), slices, broker, new InMemoryExecutionStore(), clock,
                new ExecutorOptions { MaxChildQuantity = 7 });
            if (outageFirst) clock.Advance(TimeSpan.FromMinutes(10)); // every slice expired: one catch-up slice holds all 50
            for (int i = 0; i < 200 && ex.Status == ParentOrderStatus.Working; i++)
            {
                ex.Poll();
                broker.DeliverAll();
                clock.Advance(TimeSpan.FromSeconds(5));
            }
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(broker.Orders.Max(o => o.Quantity), Is.LessThanOrEqualTo(7));
            Assert.That(broker.Orders.Sum(o => o.Filled), Is.EqualTo(50));
            Assert.That(ex.Children.Count, Is.GreaterThanOrEqualTo(8), "50 in children of at most 7");
        }

        [Test]
        public void NonPositiveCap_IsRefused()
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(10m));
            var slices = TwapSchedule.Build(5, 1, 1).ToTimedSlices(T0, TimeSpan.FromMinutes(1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 5), slices, broker,
                new InMemoryExecutionStore(), clock, new ExecutorOptions { MaxChildQuantity = 0 }));
        }
    }
}
