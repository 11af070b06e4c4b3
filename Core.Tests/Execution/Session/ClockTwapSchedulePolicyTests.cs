using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Session;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Session
{
    /// <summary>Time-based slicing as a session's schedule policy, against hand-worked schedules.</summary>
    [TestFixture]
    public class ClockTwapSchedulePolicyTests
    {
        private static readonly DateTime Start = new DateTime(2026, 12, 1, 15, 48, 0, DateTimeKind.Utc);

        [Test]
        public void TenContractsInFiveSlicesOverTenMinutes_GoTwoEveryTwoMinutes()
        {
            var policy = new ClockTwapSchedulePolicy(TimeSpan.FromMinutes(10), 5, TimeSpan.FromDays(1));
            var slices = policy.Slices(new SessionOrder("ES", OrderSide.Buy, 10), Start);

            Assert.That(slices.Select(s => s.Quantity), Is.EqualTo(new long[] { 2, 2, 2, 2, 2 }));
            Assert.That(slices.Select(s => s.Start), Is.EqualTo(new[] { 0, 2, 4, 6, 8 }.Select(m => Start.AddMinutes(m))));
            Assert.That(slices.Last().Deadline, Is.EqualTo(Start.AddMinutes(10)), "the last child is due at the horizon's end");
        }

        [Test]
        public void AnOrderSmallerThanTheSliceCount_SpreadsItsUnitsOverTheWholeHorizon()
        {
            // 3 contracts, 5 slices allowed, 12 minutes: one contract at 0, 4 and 8 minutes.
            var policy = new ClockTwapSchedulePolicy(TimeSpan.FromMinutes(12), 5, TimeSpan.FromDays(1));
            var slices = policy.Slices(new SessionOrder("ES", OrderSide.Sell, 3), Start);

            Assert.That(slices.Select(s => s.Quantity), Is.EqualTo(new long[] { 1, 1, 1 }));
            Assert.That(slices.Select(s => s.Start), Is.EqualTo(new[] { 0, 4, 8 }.Select(m => Start.AddMinutes(m))));
        }

        [Test]
        public void AHorizonOfOneSecondOrLess_SendsTheWholeOrderAtOnceWithTheSingleSliceWindow()
        {
            foreach (TimeSpan horizon in new[] { TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromMinutes(-5) })
            {
                var policy = new ClockTwapSchedulePolicy(horizon, 5, TimeSpan.FromMinutes(30));
                var slices = policy.Slices(new SessionOrder("ES", OrderSide.Buy, 7), Start);

                Assert.That(slices, Has.Count.EqualTo(1), horizon.ToString());
                Assert.That(slices[0].Quantity, Is.EqualTo(7));
                Assert.That(slices[0].Start, Is.EqualTo(Start));
                Assert.That(slices[0].Deadline, Is.EqualTo(Start.AddMinutes(30)));
            }
        }

        [Test]
        public void ThreeSecondsForFiveSlices_GivesThreeChildrenOneSecondApart()
        {
            var policy = new ClockTwapSchedulePolicy(TimeSpan.FromSeconds(3), 5, TimeSpan.FromMinutes(1));
            var slices = policy.Slices(new SessionOrder("ES", OrderSide.Buy, 9), Start);

            Assert.That(slices.Select(s => s.Quantity), Is.EqualTo(new long[] { 3, 3, 3 }));
            Assert.That(slices.Select(s => s.Start), Is.EqualTo(new[] { 0, 1, 2 }.Select(k => Start.AddSeconds(k))));
        }

        [Test]
        public void ASliceCountOutsideItsRange_IsRefusedNamingIt()
        {
            Assert.That(() => new ClockTwapSchedulePolicy(TimeSpan.FromMinutes(1), 0, TimeSpan.FromMinutes(1)),
                Throws.TypeOf<InvalidInputException>().With.Message.Contains("slices").And.Message.Contains("0"));
            Assert.That(() => new ClockTwapSchedulePolicy(TimeSpan.FromMinutes(1), 2, TimeSpan.Zero),
                Throws.TypeOf<InvalidInputException>().With.Message.Contains("single slice window"));
        }
    }
}
