using System;
using System.Linq;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>Order of same-timestamp bars across series: primary first in history, chosen by the test in realtime (.../multi_time_frame_instruments).</summary>
    [TestFixture]
    public class RealtimeBarOrderTests
    {
        private static readonly DateTime Day0 = RealtimeErrorTests.Day0;

        private static int[] SeriesOrderOn(RealtimeProbe probe, int day) =>
            probe.Updates.Where(u => u.Time == Day0.AddDays(day)).Select(u => u.BarsInProgress).ToArray();

        [Test]
        public void ByDefault_EqualTimestampsRunPrimaryFirst_InHistoryAndRealtime()
        {
            RealtimeProbe probe = RealtimeErrorTests.Host(p => { }).Run("A");

            Assert.That(Enumerable.Range(0, 6).Select(d => SeriesOrderOn(probe, d)), Is.All.EqualTo(new[] { 0, 1, 2 }));
        }

        [Test]
        public void SecondariesFirstInRealtime_DeliversThePrimaryLast_OnlyInRealtime()
        {
            var host = RealtimeErrorTests.Host(p => { });
            host.SecondariesFirstInRealtime = true;

            RealtimeProbe probe = host.Run("A");

            Assert.That(SeriesOrderOn(probe, 2), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(SeriesOrderOn(probe, 3), Is.EqualTo(new[] { 1, 2, 0 }));
            Assert.That(probe.Updates.Where(u => u.Time == Day0.AddDays(3)).Select(u => u.State), Is.All.EqualTo(State.Realtime));
        }

        [Test]
        public void DeliverRealtimeBars_UsesTheGivenOrderForThatTimestamp_AndPrimaryFirstElsewhere()
        {
            var host = RealtimeErrorTests.Host(p => { });
            host.DeliverRealtimeBars(Day0.AddDays(4), 2, 0);

            RealtimeProbe probe = host.Run("A");

            Assert.That(SeriesOrderOn(probe, 4), Is.EqualTo(new[] { 2, 0, 1 }));
            Assert.That(SeriesOrderOn(probe, 5), Is.EqualTo(new[] { 0, 1, 2 }));
        }

        [Test]
        public void SecondaryFirst_TheStrategySeesTheNewSecondaryCloseBeforeThePrimaryOfTheSameTime()
        {
            double secondaryCloseSeenOnPrimaryDay3 = 0;
            var host = RealtimeErrorTests.Host(p => p.OnPrimaryBar = q =>
            {
                if (q.Time[0] == Day0.AddDays(3)) secondaryCloseSeenOnPrimaryDay3 = q.Closes[1][0];
            });
            host.DeliverRealtimeBars(Day0.AddDays(3), 1, 0, 2);

            host.Run("A");

            Assert.That(secondaryCloseSeenOnPrimaryDay3, Is.EqualTo(53), "B's day-3 close, not day 2's 52");
        }

        [Test]
        public void DeliverRealtimeBars_ForAHistoricalTime_FailsNamingTheTime()
        {
            var host = RealtimeErrorTests.Host(p => { });

            var error = Assert.Throws<ArgumentException>(() => host.DeliverRealtimeBars(Day0.AddDays(1), 1, 0));
            Assert.That(error.Message, Does.Contain("2026-03-03"));
        }
    }
}
