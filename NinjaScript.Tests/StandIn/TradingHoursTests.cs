using System;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>Trading hours and sessions (.../tradinghours, .../sessioniterator, .../isinsession, .../getnextsession).</summary>
    [TestFixture]
    public class TradingHoursTests
    {
        private static readonly DateTime Monday = new DateTime(2026, 3, 2);

        [TearDown]
        public void Clear()
        {
            Instrument.ClearDefinitions();
            TradingHours.ClearDefinitions();
        }

        private static SessionIterator IteratorFor(params (DateTime, DateTime)[] sessions)
        {
            Instrument es = Instrument.Define("ES 06-26", 50, 0.25);
            es.TradingHours = TradingHours.Define("RTH", sessions);
            var bars = new Bars(es, SampleBars.Daily, new[] { SampleBars.Bar(Monday, 1) });
            Assert.That(bars.TradingHours.Name, Is.EqualTo("RTH"));
            return new SessionIterator(bars);
        }

        [Test]
        public void IsInSession_IntraDay_FollowsTheSessionBounds_AndTheEndTimeStampFlag()
        {
            SessionIterator sessions = IteratorFor((Monday.AddHours(9.5), Monday.AddHours(16)), (Monday.AddDays(1).AddHours(9.5), Monday.AddDays(1).AddHours(16)));

            Assert.That(sessions.IsInSession(Monday.AddHours(12), true, true), Is.True);
            Assert.That(sessions.IsInSession(Monday.AddHours(8), true, true), Is.False);
            Assert.That(sessions.IsInSession(Monday.AddHours(17), true, true), Is.False);
            Assert.That(sessions.IsInSession(Monday.AddHours(16), true, true), Is.True, "a bar stamped at the close belongs to the session");
            Assert.That(sessions.IsInSession(Monday.AddHours(16), false, true), Is.False);
            Assert.That(sessions.IsInSession(Monday.AddHours(8), true, false), Is.True, "date only: Monday has a session");
        }

        [Test]
        public void GetNextSession_FromAClosedTime_FindsTheNextSession()
        {
            SessionIterator sessions = IteratorFor((Monday.AddHours(9.5), Monday.AddHours(16)), (Monday.AddDays(1).AddHours(9.5), Monday.AddDays(1).AddHours(16)));

            Assert.That(sessions.GetNextSession(Monday.AddHours(18), true), Is.True);
            Assert.That(sessions.ActualSessionBegin, Is.EqualTo(Monday.AddDays(1).AddHours(9.5)));
            Assert.That(sessions.ActualSessionEnd, Is.EqualTo(Monday.AddDays(1).AddHours(16)));
            Assert.That(sessions.GetNextSession(Monday.AddDays(2), true), Is.False, "no later session defined");
        }

        [Test]
        public void TradingHoursGet_KnowsTheRoundTheClockTemplate_AndNoUnknownName()
        {
            Assert.That(TradingHours.Get("Default 24 x 7").Name, Is.EqualTo("Default 24 x 7"));
            Assert.That(TradingHours.Get("Default 24 x 7").IsOpen(new DateTime(2026, 12, 25, 3, 0, 0)), Is.True);
            Assert.That(TradingHours.Get("No Such Template"), Is.Null);
        }

        [Test]
        public void OverlappingSessions_AreRefusedNamingTheTemplate()
        {
            var error = Assert.Throws<ArgumentException>(() => TradingHours.Define("Bad", new[] { (Monday, Monday.AddHours(10)), (Monday.AddHours(9), Monday.AddHours(12)) }));
            Assert.That(error.Message, Does.Contain("'Bad'"));
        }

        [Test]
        public void OrderOnAnInstrumentWhoseSessionIsClosed_IsRejected_WhileAnOpenOneTrades()
        {
            DateTime day4 = RealtimeErrorTests.Day0.AddDays(4);
            var host = RealtimeErrorTests.Host(p =>
            {
                p.RealtimeErrorHandling = RealtimeErrorHandling.IgnoreAllErrors;
                p.OnPrimaryBar = q =>
                {
                    if (q.Time[0] != day4) return;
                    q.Submit(1, OrderAction.Buy, OrderType.Market, 1, 0, "b-buy");
                    q.Submit(2, OrderAction.Buy, OrderType.Market, 1, 0, "c-buy");
                };
            }).CloseSession("B", day4.AddHours(-6), day4.AddHours(6));

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Log.Single(l => l.StartsWith("b-buy B Rejected", StringComparison.Ordinal)), Does.Contain("OrderRejected").And.Contain("market closed for 'B'"));
            Assert.That(probe.Log, Does.Contain("c-buy C Working filled=0"));
            Assert.That(probe.BarsArray[1].TradingHours.IsOpen(day4), Is.False);
            Assert.That(probe.BarsArray[1].TradingHours.IsOpen(day4.AddHours(7)), Is.True);
        }
    }
}
