using System;
using System.Collections.Generic;
using System.Linq;
using Moq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    internal sealed class ManualClock : IClock
    {
        public ManualClock(DateTime start) => UtcNow = start;
        public DateTime UtcNow { get; set; }
        public void Advance(TimeSpan by) => UtcNow += by;
    }

    public class ScheduleExecutorTests
    {
        private static readonly DateTime T0 = new DateTime(2024, 6, 3, 14, 30, 0, DateTimeKind.Utc);
        private ManualClock _clock = null!;
        private Mock<IOrderGateway> _gateway = null!;
        private Mock<IExecutionAlertSink> _alerts = null!;
        private InMemoryExecutionStore _store = null!;
        private List<ChildOrderRequest> _sent = null!;

        [SetUp]
        public void SetUp()
        {
            _clock = new ManualClock(T0);
            _gateway = new Mock<IOrderGateway>();
            _alerts = new Mock<IExecutionAlertSink>();
            _store = new InMemoryExecutionStore();
            _sent = new List<ChildOrderRequest>();
            _gateway.Setup(g => g.Submit(It.IsAny<ChildOrderRequest>())).Callback<ChildOrderRequest>(r => _sent.Add(r));
        }

        // Two slices of 5 each, one minute apart: slice 0 [T0, T0+1m), slice 1 [T0+1m, T0+2m).
        private ScheduleExecutor Start(long quantity = 10, int slices = 2, int maxRetries = 3)
        {
            var schedule = TwapSchedule.Build(quantity, slices, slices);
            var timed = schedule.ToTimedSlices(T0, TimeSpan.FromMinutes(1));
            return new ScheduleExecutor(new ParentOrder("P", "ES 09-24", OrderSide.Buy, quantity), timed, _gateway.Object, _store, _clock,
                new ExecutorOptions { MaxRetries = maxRetries }, _alerts.Object);
        }

        private void Raise(string id, OrderUpdateKind kind, int filled, double price = 5000, string? msg = null)
            => _gateway.Raise(g => g.OrderUpdated += null, new OrderUpdate(id, kind, filled, price, _clock.UtcNow, msg));

        [Test]
        public void PartialFillThenCancel_RollsRemainderIntoNextSlice()
        {
            using var ex = Start();
            ex.Poll();
            Assert.That(_sent.Select(s => (s.ClientOrderId, s.Quantity)), Is.EqualTo(new[] { ("P-0-0", 5) }));
            Raise("P-0-0", OrderUpdateKind.Accepted, 0);
            Raise("P-0-0", OrderUpdateKind.PartFilled, 2);
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();
            _gateway.Verify(g => g.Cancel("P-0-0"), Times.Once);
            Assert.That(ex.Children.Single(c => c.ClientOrderId == "P-0-0").State, Is.EqualTo(ChildOrderState.CancelPending));
            Assert.That(_sent.Last().ClientOrderId, Is.EqualTo("P-1-0"));
            Assert.That(_sent.Last().Quantity, Is.EqualTo(5));
            Raise("P-0-0", OrderUpdateKind.Cancelled, 2);           // Cancelled carries the 2 filled
            Assert.That(ex.Plan[1].Value, Is.EqualTo(3), "the 3 unfilled roll into slice 1");
            Raise("P-1-0", OrderUpdateKind.Filled, 5);
            ex.Poll();
            Assert.That(_sent.Last().ClientOrderId, Is.EqualTo("P-1-1"));
            Assert.That(_sent.Last().Quantity, Is.EqualTo(3));
            Raise("P-1-1", OrderUpdateKind.Filled, 3);
            Assert.That(ex.Filled, Is.EqualTo(10));
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(_sent.Select(s => s.ClientOrderId).Distinct().Count(), Is.EqualTo(_sent.Count));
        }

        [Test]
        public void CancelledAtLastSlice_AppendsCatchUpSlice()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.Filled, 5);
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();
            Raise("P-1-0", OrderUpdateKind.PartFilled, 1);
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();
            Raise("P-1-0", OrderUpdateKind.Cancelled, 1);
            Assert.That(_sent.Last().ClientOrderId, Is.EqualTo("P-2-0"));
            Assert.That(_sent.Last().Quantity, Is.EqualTo(4));
            Assert.That(ex.Plan.Count, Is.EqualTo(3));
        }

        [Test]
        public void RejectThenRetry_ResendsWithNextAttemptId()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.Rejected, 0, msg: "margin");
            Assert.That(_sent.Select(s => s.ClientOrderId), Is.EqualTo(new[] { "P-0-0", "P-0-1" }));
            Raise("P-0-1", OrderUpdateKind.Filled, 5);
            Assert.That(ex.Filled, Is.EqualTo(5));
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Working));
            _alerts.Verify(a => a.Raise(It.IsAny<ExecutionAlert>()), Times.Never);
        }

        [Test]
        public void RepeatedRejects_HaltAfterRetryLimitWithOneAlert()
        {
            using var ex = Start(maxRetries: 2);
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.Rejected, 0, msg: "margin");
            Raise("P-0-1", OrderUpdateKind.Rejected, 0, msg: "margin");
            Raise("P-0-2", OrderUpdateKind.Rejected, 0, msg: "margin");
            Assert.That(_sent.Select(s => s.ClientOrderId), Is.EqualTo(new[] { "P-0-0", "P-0-1", "P-0-2" }));
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Halted));
            _alerts.Verify(a => a.Raise(It.Is<ExecutionAlert>(x => x.Message.Contains("halted") && x.Message.Contains("margin"))), Times.Once);
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();
            Assert.That(_sent, Has.Count.EqualTo(3), "a halted parent sends nothing");
        }

        [Test]
        public void GatewayThrows_SubmitFailedIsRecordedAndRetried()
        {
            _gateway.SetupSequence(g => g.Submit(It.IsAny<ChildOrderRequest>()))
                .Throws(new InvalidOperationException("connection lost"))
                .Pass();
            using var ex = Start();
            ex.Poll();
            var children = ex.Children;
            Assert.That(children.Select(c => (c.ClientOrderId, c.State)),
                Is.EqualTo(new[] { ("P-0-0", ChildOrderState.SubmitFailed), ("P-0-1", ChildOrderState.Submitted) }));
            Assert.That(children[0].Message, Does.Contain("connection lost"));
            _gateway.Verify(g => g.Submit(It.IsAny<ChildOrderRequest>()), Times.Exactly(2));
        }

        [Test]
        public void GatewayAlwaysThrows_HaltsWithoutOverCommitting()
        {
            _gateway.Setup(g => g.Submit(It.IsAny<ChildOrderRequest>())).Throws(new InvalidOperationException("down"));
            using var ex = Start(maxRetries: 1);
            ex.Poll();
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Halted));
            Assert.That(ex.Children.Select(c => c.ClientOrderId), Is.EqualTo(new[] { "P-0-0", "P-0-1" }));
            _alerts.Verify(a => a.Raise(It.Is<ExecutionAlert>(x => x.Message.Contains("down"))), Times.Once);
        }

        [Test]
        public void DuplicateFillEvent_IsCountedOnce()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.Filled, 5);
            Raise("P-0-0", OrderUpdateKind.Filled, 5);
            Raise("P-0-0", OrderUpdateKind.PartFilled, 5);
            Assert.That(ex.Filled, Is.EqualTo(5));
            Assert.That(_store.Transitions.Count(t => t.ClientOrderId == "P-0-0" && t.To == ChildOrderState.Filled), Is.EqualTo(1));
        }

        [Test]
        public void OutOfOrderEvents_DoNotMoveStateBackwards()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.PartFilled, 3);
            Raise("P-0-0", OrderUpdateKind.Filled, 5);
            Raise("P-0-0", OrderUpdateKind.PartFilled, 3);   // stale
            Raise("P-0-0", OrderUpdateKind.Accepted, 0);     // stale
            var c = ex.Children.Single();
            Assert.That(c.State, Is.EqualTo(ChildOrderState.Filled));
            Assert.That(c.Filled, Is.EqualTo(5));
            var trail = _store.Transitions.Where(t => t.ClientOrderId == "P-0-0").Select(t => t.To).ToArray();
            Assert.That(trail, Is.EqualTo(new[] { ChildOrderState.Submitted, ChildOrderState.PartFilled, ChildOrderState.Filled }));
        }

        [Test]
        public void FillBeforeAccepted_IsTakenAndLateAcceptIgnored()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.PartFilled, 2);
            Raise("P-0-0", OrderUpdateKind.Accepted, 0);
            Assert.That(ex.Children.Single().State, Is.EqualTo(ChildOrderState.PartFilled));
            Assert.That(ex.Filled, Is.EqualTo(2));
        }

        [Test]
        public void FillAfterCancelRequest_IsKeptAndNothingIsRescheduled()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.Accepted, 0);
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();                                        // cancels P-0-0, sends P-1-0 for 5
            _gateway.Verify(g => g.Cancel("P-0-0"), Times.Once);
            Raise("P-0-0", OrderUpdateKind.Filled, 5);        // the fill won the race against the cancel
            Raise("P-0-0", OrderUpdateKind.Cancelled, 5);     // a late cancel confirmation changes nothing
            Raise("P-1-0", OrderUpdateKind.Filled, 5);
            ex.Poll();
            Assert.That(ex.Filled, Is.EqualTo(10));
            Assert.That(_sent.Sum(s => s.Quantity), Is.EqualTo(10));
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
        }

        [Test]
        public void LateFillAfterCancelled_ShrinksWorkingChildSoParentIsNotExceeded()
        {
            using var ex = Start();
            ex.Poll();
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();                                        // P-0-0 cancel requested; P-1-0 (5) sent
            Raise("P-0-0", OrderUpdateKind.Cancelled, 1);     // 4 roll into slice 1 (waiting: P-1-0 live)
            Raise("P-0-0", OrderUpdateKind.PartFilled, 3);    // inconsistent late fill: 2 more than the cancel said
            _gateway.Verify(g => g.Change(It.IsAny<string>(), It.IsAny<int>()), Times.Never, "the excess comes out of unsent quantity first");
            Assert.That(ex.Plan[1].Value, Is.EqualTo(2));
            Raise("P-1-0", OrderUpdateKind.Filled, 5);
            ex.Poll();
            Raise("P-1-1", OrderUpdateKind.Filled, 2);
            Assert.That(ex.Filled, Is.EqualTo(10));
            _alerts.Verify(a => a.Raise(It.Is<ExecutionAlert>(x => x.Message.Contains("after terminal"))), Times.Once);
        }

        [Test]
        public void ReduceParent_ChangesWorkingChildDown()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.PartFilled, 1);
            ex.ReduceParentQuantity(3);                        // slice 1's 5 are dropped, P-0-0 goes 5 -> 3
            _gateway.Verify(g => g.Change("P-0-0", 3), Times.Once);
            Assert.That(ex.Plan.Sum(p => p.Value), Is.EqualTo(0));
            Raise("P-0-0", OrderUpdateKind.Filled, 3);
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.Throws<InvalidInputException>(() => ex.ReduceParentQuantity(2));
        }

        [Test]
        public void CancelAll_CancelsWorkingChildrenAndReschedulesNothing()
        {
            using var ex = Start();
            ex.Poll();
            ex.CancelAll();
            _gateway.Verify(g => g.Cancel("P-0-0"), Times.Once);
            Raise("P-0-0", OrderUpdateKind.Cancelled, 2);
            _clock.Advance(TimeSpan.FromMinutes(5));
            ex.Poll();
            Assert.That(_sent, Has.Count.EqualTo(1));
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Cancelled));
            Assert.That(ex.Filled, Is.EqualTo(2));
        }

        [Test]
        public void CancelThrows_IsRetriedOnNextPoll()
        {
            _gateway.SetupSequence(g => g.Cancel("P-0-0")).Throws(new InvalidOperationException("busy")).Pass();
            using var ex = Start();
            ex.Poll();
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();
            Assert.That(ex.Children[0].State, Is.EqualTo(ChildOrderState.Submitted));
            ex.Poll();
            _gateway.Verify(g => g.Cancel("P-0-0"), Times.Exactly(2));
            Assert.That(ex.Children[0].State, Is.EqualTo(ChildOrderState.CancelPending));
        }

        [Test]
        public void Restart_ResumesFromStoreWithoutResendingOrReusingIds()
        {
            var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.Rejected, 0);      // P-0-1 sent
            ex.Dispose();                                      // "crash"
            var resumed = ScheduleExecutor.Resume("P", _gateway.Object, _store, _clock, null, _alerts.Object);
            resumed.Poll();
            Assert.That(_sent.Select(s => s.ClientOrderId), Is.EqualTo(new[] { "P-0-0", "P-0-1" }), "the live P-0-1 is adopted, not re-sent");
            Raise("P-0-1", OrderUpdateKind.Rejected, 0);
            Assert.That(_sent.Last().ClientOrderId, Is.EqualTo("P-0-2"));
            Assert.Throws<InvalidInputException>(() => Start());
            resumed.Dispose();
        }

        [Test]
        public void FilledShortOfQuantity_ReschedulesTheRestWithAlert()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-0-0", OrderUpdateKind.Filled, 4);
            _alerts.Verify(a => a.Raise(It.Is<ExecutionAlert>(x => x.Message.Contains("4 of 5"))), Times.Once);
            Assert.That(_sent.Last().ClientOrderId, Is.EqualTo("P-0-1"), "the missing unit goes back to the open slice 0 and is sent at once");
            Assert.That(_sent.Last().Quantity, Is.EqualTo(1));
            Assert.That(ex.Plan[0].Value + ex.Plan[1].Value, Is.EqualTo(5));
        }

        [Test]
        public void EventsRaisedInsideSubmit_AreHandled()
        {
            // NinjaTrader may raise order updates synchronously from Submit: here every child is rejected at once.
            _gateway.Setup(g => g.Submit(It.IsAny<ChildOrderRequest>())).Callback<ChildOrderRequest>(r =>
            {
                _sent.Add(r);
                Raise(r.ClientOrderId, OrderUpdateKind.Rejected, 0, msg: "instrument halted");
            });
            using var ex = Start(maxRetries: 2);
            ex.Poll();
            Assert.That(_sent.Select(s => s.ClientOrderId), Is.EqualTo(new[] { "P-0-0", "P-0-1", "P-0-2" }));
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Halted));
            Assert.That(ex.Children.All(c => c.State == ChildOrderState.Rejected), Is.True);
        }

        [Test]
        public void SynchronousFillInsideSubmit_CompletesTheSlice()
        {
            _gateway.Setup(g => g.Submit(It.IsAny<ChildOrderRequest>())).Callback<ChildOrderRequest>(r =>
            {
                _sent.Add(r);
                Raise(r.ClientOrderId, OrderUpdateKind.Filled, r.Quantity);
            });
            using var ex = Start();
            ex.Poll();
            _clock.Advance(TimeSpan.FromMinutes(1));
            ex.Poll();
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(ex.Filled, Is.EqualTo(10));
            Assert.That(_sent, Has.Count.EqualTo(2));
        }

        [Test]
        public void ConcurrentEvents_FromSeveralThreads_AreAppliedOnce()
        {
            // 8 slices due at once (all start at T0 after 8 minutes pass), then 8 threads each replay their child's fills.
            var timed = TwapSchedule.Build(800, 8, 8).ToTimedSlices(T0, TimeSpan.FromMinutes(1)).Select(t => new TimedSlice(t.Index, T0, T0.AddHours(1), t.Quantity)).ToList();
            using var ex = new ScheduleExecutor(new ParentOrder("C", "ES 09-24", OrderSide.Buy, 800), timed, _gateway.Object, _store, _clock);
            ex.Poll();
            Assert.That(_sent, Has.Count.EqualTo(8));
            var threads = _sent.Select(r => new System.Threading.Thread(() =>
            {
                for (int k = 1; k <= 100; k++)
                {
                    ex.Handle(new OrderUpdate(r.ClientOrderId, k == 100 ? OrderUpdateKind.Filled : OrderUpdateKind.PartFilled, k, 5000, T0));
                    ex.Handle(new OrderUpdate(r.ClientOrderId, OrderUpdateKind.PartFilled, k, 5000, T0)); // duplicate
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.That(ex.Filled, Is.EqualTo(800));
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(_store.Transitions.Count(t => t.To == ChildOrderState.Filled), Is.EqualTo(8));
        }

        [Test]
        public void UnknownChildEvent_RaisesAlertAndChangesNothing()
        {
            using var ex = Start();
            ex.Poll();
            Raise("P-7-0", OrderUpdateKind.Filled, 5);
            Assert.That(ex.Filled, Is.EqualTo(0));
            _alerts.Verify(a => a.Raise(It.Is<ExecutionAlert>(x => x.ClientOrderId == "P-7-0")), Times.Once);
        }
    }
}
