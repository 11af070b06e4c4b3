using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Core.Tests.Execution;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Safety
{
    public sealed class KillSwitchAndRecoveryTests
    {
        private static readonly DateTime T0 = new DateTime(2025, 3, 3, 14, 30, 0, DateTimeKind.Utc);

        private static IReadOnlyList<TimedSlice> Slices(long q, int n)
            => TwapSchedule.Build(q, n, n).ToTimedSlices(T0, TimeSpan.FromMinutes(1));

        private sealed class Quotes : IQuoteSource
        {
            public Quote? LastQuote(string instrument) => new Quote(100m, T0);
            public double? MarketVolume(string instrument) => null;
        }

        [Test]
        public void KillSwitch_CancelsWorkingOrdersAndStopsTheExecutor()
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m), new SimulatedBrokerOptions { Latency = TimeSpan.FromSeconds(10) });
            var kill = new KillSwitch();
            var gateway = new GuardedOrderGateway(broker, new TradingGuard(new TradingLimits(), clock, kill), new Quotes(), "Sim101");
            var store = new InMemoryExecutionStore();
            using var ex = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 30), Slices(30, 3), gateway, store, clock);
            kill.Tripped += (_, __) => ex.CancelAll();
            ex.Poll();
            Assert.That(ex.Children.Single().State, Is.EqualTo(ChildOrderState.Submitted));
            Assert.That(kill.Trip("operator pressed stop"), Is.True);
            Assert.That(kill.Trip("again"), Is.False);
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Cancelled));
            Assert.That(ex.Children.Single().State, Is.EqualTo(ChildOrderState.CancelPending));
            broker.DeliverDue();
            clock.Advance(TimeSpan.FromMinutes(5));
            ex.Poll();
            Assert.That(ex.Children, Has.Count.EqualTo(1), "nothing more is sent");
            var refused = Assert.Throws<TradingGuardException>(() => gateway.Submit(new ChildOrderRequest("X-0-0", "X", "ES", OrderSide.Buy, 1, 0, 0)))!;
            Assert.That(refused.Decision.RefusedBy, Is.EqualTo(GuardKind.KillSwitch));
            Assert.That(broker.FindOrder("X-0-0"), Is.Null);
        }

        [Test]
        public void GuardRefusal_IsAFailedSubmit_TheParentHaltsWithoutSending()
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            var gateway = new GuardedOrderGateway(broker, new TradingGuard(new TradingLimits().WithMaxOrderQuantity(5, "test"), clock), new Quotes(), "Sim101");
            var alerts = new List<ExecutionAlert>();
            var sink = new Moq.Mock<IExecutionAlertSink>();
            sink.Setup(s => s.Raise(Moq.It.IsAny<ExecutionAlert>())).Callback<ExecutionAlert>(alerts.Add);
            using var ex = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 30), Slices(30, 3), gateway, new InMemoryExecutionStore(), clock,
                new ExecutorOptions { MaxRetries = 1 }, sink.Object);
            ex.Poll();
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Halted));
            Assert.That(broker.Orders, Is.Empty);
            Assert.That(alerts.Last().Message, Does.Contain("OrderQuantity").And.Contain("maximum order quantity 5"));
        }

        [Test]
        public void Recovery_AChildWrittenButNeverSent_IsClosedAndResentUnderANewId()
        {
            var clock = new ManualClock(T0);
            var store = new InMemoryExecutionStore();
            // The first process: the store records the child (write-ahead), then the process dies before the broker gets it,
            // which leaves the same state as a gateway that swallowed the order.
            var dead = new Moq.Mock<IOrderGateway>();
            using (var first = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 30), Slices(30, 3), dead.Object, store, clock))
                first.Poll();
            Assert.That(store.LoadChildren("P").Single().State, Is.EqualTo(ChildOrderState.Submitted));

            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            using var ex = ScheduleExecutor.Resume("P", broker, store, clock);
            var report = ExecutionRecovery.Reconcile(ex, broker, clock.UtcNow);
            Assert.That((report.NeverSent, report.Adopted), Is.EqualTo((1, 0)));
            broker.DeliverAll();
            for (int i = 0; i < 4; i++) { clock.Advance(TimeSpan.FromMinutes(1)); ex.Poll(); broker.DeliverAll(); }
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(broker.Orders.Sum(o => o.Filled), Is.EqualTo(30));
            Assert.That(broker.FindOrder("P-0-0"), Is.Null, "the id recorded before the crash is never sent");
            Assert.That(broker.Orders.Select(o => o.ClientOrderId), Does.Contain("P-0-1"));
        }

        [Test]
        public void Recovery_FillsTheProcessMissed_AreTakenFromTheBrokerOnce()
        {
            var clock = new ManualClock(T0);
            var store = new InMemoryExecutionStore();
            var options = new SimulatedBrokerOptions { Latency = TimeSpan.FromSeconds(1) };
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m), options);
            using (var first = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 30), Slices(30, 3), broker, store, clock))
                first.Poll(); // sent; the process dies before any report arrives
            using var ex = ScheduleExecutor.Resume("P", broker, store, clock);
            var report = ExecutionRecovery.Reconcile(ex, broker, clock.UtcNow);
            Assert.That((report.Adopted, report.Updated), Is.EqualTo((1, 1)));
            Assert.That(ex.Filled, Is.EqualTo(10));
            clock.Advance(TimeSpan.FromSeconds(5));
            broker.DeliverDue(); // the old reports arrive late: duplicates, no change
            Assert.That(ex.Filled, Is.EqualTo(10));
        }

        [Test]
        public void Recovery_AnOrderAtTheBrokerUnknownToTheStore_IsRefused()
        {
            var clock = new ManualClock(T0);
            var store = new InMemoryExecutionStore();
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            broker.Submit(new ChildOrderRequest("P-7-0", "P", "ES", OrderSide.Buy, 1, 7, 0));
            using var ex = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 30), Slices(30, 3), broker, store, clock);
            var e = Assert.Throws<InvalidInputException>(() => ExecutionRecovery.Reconcile(ex, broker, clock.UtcNow))!;
            Assert.That(e.Message, Does.Contain("P-7-0"));
        }

        [Test]
        public void Recovery_ParentSnapshotLaggingItsFilledChildren_IsCompleted()
        {
            var clock = new ManualClock(T0);
            var store = new LaggingStore();
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            using (var first = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 10), Slices(10, 1), broker, store, clock))
            {
                first.Poll();
                store.FreezeParents = true; // the process dies after the child's last write, before the parent's
                broker.DeliverAll();
                Assert.That(first.Status, Is.EqualTo(ParentOrderStatus.Completed));
            }
            Assert.That(store.LoadParent("P")!.Status, Is.EqualTo(ParentOrderStatus.Working));
            store.FreezeParents = false;
            using var ex = ScheduleExecutor.Resume("P", broker, store, clock);
            ExecutionRecovery.Reconcile(ex, broker, clock.UtcNow);
            Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(store.LoadParent("P")!.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(broker.Orders, Has.Count.EqualTo(1));
        }

        private sealed class LaggingStore : IExecutionStore
        {
            private readonly InMemoryExecutionStore _inner = new InMemoryExecutionStore();
            public bool FreezeParents { get; set; }
            public void SaveParent(ParentOrderRecord parent) { if (!FreezeParents) _inner.SaveParent(parent); }
            public void RecordChild(ChildOrderRecord child, ChildTransition transition) => _inner.RecordChild(child, transition);
            public ParentOrderRecord? LoadParent(string parentId) => _inner.LoadParent(parentId);
            public IReadOnlyList<ChildOrderRecord> LoadChildren(string parentId) => _inner.LoadChildren(parentId);
            public IReadOnlyList<string> LoadParentIds(ParentOrderStatus status) => _inner.LoadParentIds(status);
        }
    }
}
