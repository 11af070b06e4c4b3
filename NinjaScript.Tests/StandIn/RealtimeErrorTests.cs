using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>
    /// RealtimeErrorHandling (.../realtimeerrorhandling), injected rejects and cancel failures (.../onorderupdate error and
    /// comment), CloseStrategy's "cancel, close, disable" sequence (.../closestrategy), adopted account positions
    /// (.../startbehavior, .../isadoptaccountpositionaware).
    /// </summary>
    [TestFixture]
    public class RealtimeErrorTests
    {
        internal static readonly DateTime Day0 = new DateTime(2026, 3, 2);

        /// <summary>A (100+d), B (50+d), C (20+d), six daily bars; bars from day 3 on are realtime.</summary>
        internal static ScriptHost<RealtimeProbe> Host(Action<RealtimeProbe> inputs)
        {
            var host = new ScriptHost<RealtimeProbe>(SampleBars.Daily)
                .WithBars("A", Enumerable.Range(0, 6).Select(d => SampleBars.Bar(Day0.AddDays(d), 100 + d)))
                .WithBars("B", Enumerable.Range(0, 6).Select(d => SampleBars.Bar(Day0.AddDays(d), 50 + d)))
                .WithBars("C", Enumerable.Range(0, 6).Select(d => SampleBars.Bar(Day0.AddDays(d), 20 + d)))
                .WithInputs(inputs);
            host.RealtimeFrom = Day0.AddDays(3);
            host.Rules.EnforceAccountAdoption = true;
            return host;
        }

        private static void Adopt(RealtimeProbe p)
        {
            p.StartBehavior = StartBehavior.AdoptAccountPosition;
            p.IsAdoptAccountPositionAware = true;
        }

        // First realtime primary bar: a resting limit buy on C, then a market buy on B (which the test rejects).
        private static void LimitOnCThenBuyB(RealtimeProbe p)
        {
            if (p.State == State.Realtime && p.Remembered == null)
            {
                p.Remembered = p.Submit(2, OrderAction.Buy, OrderType.Limit, 1, 10, "c-limit");
                p.Submit(1, OrderAction.Buy, OrderType.Market, 1, 0, "b-buy");
            }
        }

        private static int Held(Account account, string instrument) =>
            account.Positions.Where(p => p.Instrument.FullName == instrument)
                .Select(p => p.MarketPosition == MarketPosition.Short ? -p.Quantity : p.Quantity).SingleOrDefault();

        [Test]
        public void RejectUnderStopCancelClose_CancelsWorkingOrders_ClosesEveryAdoptedPosition_AndStopsTheStrategy()
        {
            var host = Host(p => { Adopt(p); p.OnPrimaryBar = LimitOnCThenBuyB; })
                .WithAccountPosition("A", MarketPosition.Long, 3, 90)
                .WithAccountPosition("C", MarketPosition.Long, 2, 15)
                .RejectNextOrder("B", ErrorCode.OrderRejected, "Order rejected: insufficient margin");

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Log, Is.SupersetOf(new[]
            {
                "b-buy B Rejected OrderRejected 'Order rejected: insufficient margin'",
                "c-limit C Cancelled filled=0",
                "Close A Filled filled=3",
                "Close C Filled filled=2",
            }));
            Assert.That(host.StopReason, Does.Contain("OrderRejected").And.Contain("StopCancelClose"));
            // Closed at each series' last close: A's day-3 bar (103), C's day-2 bar (22, its day-3 bar comes after A's).
            Assert.That(host.Account.Executions.Select(e => $"{e.Instrument.FullName} {e.MarketPosition} {e.Quantity}@{e.Price}"),
                Is.EqualTo(new[] { "A Short 3@103", "C Short 2@22" }));
            Assert.That(Held(host.Account, "A"), Is.Zero);
            Assert.That(Held(host.Account, "C"), Is.Zero);
            Assert.That(probe.Updates.Last(), Is.EqualTo((0, Day0.AddDays(3), State.Realtime)), "no bar after the stop");
            Assert.That(host.States.Last(), Is.EqualTo(State.Terminated));
        }

        [Test]
        public void RejectUnderIgnoreAllErrors_ReachesOnOrderUpdate_AndNothingElseHappens()
        {
            var host = Host(p => { Adopt(p); p.RealtimeErrorHandling = RealtimeErrorHandling.IgnoreAllErrors; p.OnPrimaryBar = LimitOnCThenBuyB; })
                .WithAccountPosition("A", MarketPosition.Long, 3, 90)
                .WithAccountPosition("C", MarketPosition.Long, 2, 15)
                .RejectNextOrder("B", ErrorCode.OrderRejectedByRisk, "Exceeds max position size");

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Log, Does.Contain("b-buy B Rejected OrderRejectedByRisk 'Exceeds max position size'"));
            Assert.That(probe.Remembered.OrderState, Is.EqualTo(OrderState.Working));
            Assert.That(host.StopReason, Is.Null);
            Assert.That(host.Account.Executions, Is.Empty);
            Assert.That(Held(host.Account, "A"), Is.EqualTo(3));
            Assert.That(Held(host.Account, "C"), Is.EqualTo(2));
            Assert.That(probe.Updates.Last(), Is.EqualTo((2, Day0.AddDays(5), State.Realtime)), "runs to the last bar");
        }

        [Test]
        public void StopCancelCloseIgnoreRejects_KeepsRunningOnAReject_ButStopsOnAFailedCancel()
        {
            var host = Host(p =>
            {
                Adopt(p);
                p.RealtimeErrorHandling = RealtimeErrorHandling.StopCancelCloseIgnoreRejects;
                p.OnPrimaryBar = q =>
                {
                    LimitOnCThenBuyB(q);
                    if (q.Time[0] == Day0.AddDays(4)) q.Cancel(q.Remembered);
                };
            })
                .WithAccountPosition("A", MarketPosition.Long, 3, 90)
                .RejectNextOrder("B", ErrorCode.OrderRejected, "rejected")
                .FailNextCancel("C", "Unable to cancel: order already in flight");

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Log, Does.Contain("b-buy B Rejected OrderRejected 'rejected'"));
            Assert.That(probe.Log, Does.Contain("c-limit C Working UnableToCancelOrder 'Unable to cancel: order already in flight'"));
            Assert.That(host.StopReason, Does.Contain("UnableToCancelOrder"));
            Assert.That(probe.Updates.Where(u => u.BarsInProgress == 0).Select(u => u.Time).Last(), Is.EqualTo(Day0.AddDays(4)));
            Assert.That(Held(host.Account, "A"), Is.Zero, "the stop closed the adopted position");
        }

        [Test]
        public void CloseStrategy_CancelsClosesAndDisables_OnlyInRealtime()
        {
            var host = Host(p =>
            {
                Adopt(p);
                p.OnPrimaryBar = q => { if (q.State == State.Realtime) q.CloseStrategy("Exit all"); };
            }).WithAccountPosition("B", MarketPosition.Short, 4, 60);

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Log, Does.Contain("Exit all B Filled filled=4"));
            Assert.That(Held(host.Account, "B"), Is.Zero);
            Assert.That(host.StopReason, Does.Contain("CloseStrategy"));

            var historical = Host(p => p.OnPrimaryBar = q => q.CloseStrategy("x"));
            Assert.Throws<InvalidOperationException>(() => historical.Run("A"));
        }

        [Test]
        public void AdoptAccountPosition_MakesTheAccountPositionsTheStrategyPositionsAtRealtime()
        {
            var host = Host(Adopt).WithAccountPosition("A", MarketPosition.Long, 3, 90).WithAccountPosition("C", MarketPosition.Short, 1, 25);

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.PositionsAtRealtime["A"], Is.EqualTo((MarketPosition.Long, 3)));
            Assert.That(probe.PositionsAtRealtime["B"], Is.EqualTo((MarketPosition.Flat, 0)));
            Assert.That(probe.PositionsAtRealtime["C"], Is.EqualTo((MarketPosition.Short, 1)));
        }

        [Test]
        public void AdoptAccountPosition_WhenNotEnforced_KeepsHistoricalPositions_AndRecordsEachDifference()
        {
            var host = Host(Adopt).WithAccountPosition("A", MarketPosition.Long, 3, 90);
            host.Rules.EnforceAccountAdoption = false;

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.PositionsAtRealtime["A"], Is.EqualTo((MarketPosition.Flat, 0)));
            Assert.That(host.RuleViolations.Single(), Does.Contain("historical position 0 in 'A'").And.Contain("account's 3"));
        }

        [Test]
        public void WaitUntilFlat_TheDefault_LeavesAccountPositionsOutOfTheStrategy()
        {
            var host = Host(p => { }).WithAccountPosition("A", MarketPosition.Long, 3, 90);

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.StartBehavior, Is.EqualTo(StartBehavior.WaitUntilFlat));
            Assert.That(probe.PositionsAtRealtime["A"], Is.EqualTo((MarketPosition.Flat, 0)));
        }

        [Test]
        public void AdoptAccountPosition_WithoutIsAdoptAccountPositionAware_FailsNamingTheRule()
        {
            var host = Host(p => p.StartBehavior = StartBehavior.AdoptAccountPosition);

            var error = Assert.Throws<InvalidOperationException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("IsAdoptAccountPositionAware").And.Contain("/startbehavior"));
        }
    }
}
