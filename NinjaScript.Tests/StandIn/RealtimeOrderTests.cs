using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>Overfills (.../ignoreoverfill) and historical orders resubmitted at the switch to realtime (.../getrealtimeorder, .../advanced_order_handling).</summary>
    [TestFixture]
    public class RealtimeOrderTests
    {
        private static readonly DateTime Day0 = RealtimeErrorTests.Day0;

        // Day 3 (first realtime bar): limit buy 2 of B at 40. Day 4: cancel it; the test then fills it (cancel still pending).
        private static ScriptHost<RealtimeProbe> OverfillHost(bool ignoreOverfill, int fillQuantity)
        {
            var host = RealtimeErrorTests.Host(p =>
            {
                p.IgnoreOverfill = ignoreOverfill;
                p.OnPrimaryBar = q =>
                {
                    if (q.Time[0] == Day0.AddDays(3)) q.Remembered = q.Submit(1, OrderAction.Buy, OrderType.Limit, 2, 40, "b-limit");
                    if (q.Time[0] == Day0.AddDays(4)) q.Cancel(q.Remembered);
                };
            });
            host.HoldCancelConfirmations = true;
            host.AfterBarUpdate = (s, series) =>
            {
                if (series == 0 && s.Time[0] == Day0.AddDays(4))
                    s.Fill(s.Remembered, fillQuantity, 53.5, Day0.AddDays(4));
            };
            return host;
        }

        [Test]
        public void FillAfterCancelRequest_WithIgnoreOverfillFalse_StopsTheStrategyAndClosesThePosition()
        {
            var host = OverfillHost(ignoreOverfill: false, fillQuantity: 2);

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Remembered.HasOverfill, Is.True);
            Assert.That(probe.Log, Is.SupersetOf(new[] { "b-limit B CancelSubmitted filled=0", "b-limit B Filled filled=2", "Close B Filled filled=2" }));
            Assert.That(host.StopReason, Does.Contain("overfill").And.Contain("b-limit"));
            Assert.That(host.Account.Positions.Single(p => p.Instrument.FullName == "B").MarketPosition, Is.EqualTo(MarketPosition.Flat));
            Assert.That(probe.Updates.Last().Time, Is.EqualTo(Day0.AddDays(4)));
        }

        [Test]
        public void FillAfterCancelRequest_WithIgnoreOverfillTrue_IsAccepted_AndTheCancelConfirmsTheRest()
        {
            var host = OverfillHost(ignoreOverfill: true, fillQuantity: 1);
            host.AfterBarUpdate += (s, series) =>
            {
                if (series == 0 && s.Time[0] == Day0.AddDays(5)) s.ConfirmCancel(s.Remembered);
            };

            RealtimeProbe probe = host.Run("A");

            Assert.That(host.StopReason, Is.Null);
            Assert.That(probe.Remembered.HasOverfill, Is.True);
            Assert.That(probe.Remembered.OrderState, Is.EqualTo(OrderState.Cancelled));
            Assert.That(probe.Remembered.Filled, Is.EqualTo(1));
            Assert.That(probe.Positions[1].Quantity, Is.EqualTo(1));
            Assert.That(host.Account.Positions.Single(p => p.Instrument.FullName == "B").Quantity, Is.EqualTo(1));
            Assert.That(probe.Updates.Last().Time, Is.EqualTo(Day0.AddDays(5)));
        }

        [Test]
        public void CancelWithoutHold_GoesStraightToCancelled_SoNoOverfillIsPossible()
        {
            var host = OverfillHost(ignoreOverfill: false, fillQuantity: 2);
            host.HoldCancelConfirmations = false;

            var error = Assert.Throws<InvalidOperationException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("Cancelled"));
        }

        // Day 2 (last historical primary bar): a limit buy of C that stays working into realtime.
        private static ScriptHost<RealtimeProbe> TransitionHost(Action<RealtimeProbe> realtimeAction, List<(Order Order, OrderState State, State ScriptState)> updates)
        {
            return RealtimeErrorTests.Host(p =>
            {
                p.OnPrimaryBar = q =>
                {
                    if (q.Time[0] == Day0.AddDays(2)) q.Remembered = q.Submit(2, OrderAction.Buy, OrderType.Limit, 3, 10, "c-limit");
                    if (q.State == State.Realtime) realtimeAction(q);
                };
                p.OnOrder = (q, order) => updates.Add((order, order.OrderState, q.State));
            });
        }

        [Test]
        public void WorkingHistoricalOrder_IsResubmittedAsANewRealtimeOrder_FoundWithGetRealtimeOrder()
        {
            var updates = new List<(Order Order, OrderState State, State ScriptState)>();
            Order live = null;
            var host = TransitionHost(q => live = live ?? q.GetRealtimeOrder(q.Remembered), updates);

            RealtimeProbe probe = host.Run("A");
            Order historical = probe.Remembered;

            Assert.That(historical.IsBacktestOrder, Is.True);
            Assert.That(live, Is.Not.Null.And.Not.SameAs(historical));
            Assert.That(live.IsBacktestOrder, Is.False);
            Assert.That(live.OrderId, Is.Not.EqualTo(historical.OrderId));
            Assert.That((live.Name, live.Instrument.FullName, live.OrderAction, live.Quantity, live.LimitPrice), Is.EqualTo(("c-limit", "C", OrderAction.Buy, 3, 10.0)));
            Assert.That(updates.Where(u => u.ScriptState == State.Realtime).Select(u => (u.Order, u.State)),
                Is.EqualTo(new[] { (live, OrderState.Submitted), (live, OrderState.Accepted), (live, OrderState.Working) }),
                "the historical object gets no realtime update");
            Assert.That(host.Account.Orders, Does.Contain(live).And.Not.Contain(historical));
        }

        [Test]
        public void ModifyingTheHistoricalReference_AfterTheTransition_DisablesTheStrategy()
        {
            var host = TransitionHost(q => q.Cancel(q.Remembered), new List<(Order, OrderState, State)>());

            host.Run("A");

            Assert.That(host.StopReason, Is.EqualTo("Strategy has been disabled because it attempted to modify a historical order that has transitioned to a live order."));
        }

        [Test]
        public void CancellingTheMappedRealtimeOrder_Works_AndGetRealtimeOrderThenReturnsNull()
        {
            Order historical = null;
            Order mapped = null;
            Order afterCancel = null;
            var host = TransitionHost(q =>
            {
                if (mapped != null) return;
                historical = q.Remembered;
                mapped = q.GetRealtimeOrder(historical);
                q.Cancel(mapped);
                afterCancel = q.GetRealtimeOrder(historical);
            }, new List<(Order, OrderState, State)>());

            host.Run("A");

            Assert.That(host.StopReason, Is.Null);
            Assert.That(mapped.OrderState, Is.EqualTo(OrderState.Cancelled));
            Assert.That(afterCancel, Is.Null, "no associated order once it is terminal");
        }
    }
}
