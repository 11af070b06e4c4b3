using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Safety;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Session
{
    /// <summary>
    /// The execution session as an event-driven host drives it (no thread of its own): Start once, then Poll on "bars" with a
    /// manual clock, broker reports delivered in between. Totals are checked against the orders exactly.
    /// </summary>
    public sealed class ExecutionSessionTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 3, 2, 14, 30, 0, DateTimeKind.Utc);

        private sealed class Quotes : IQuoteSource
        {
            private readonly DateTime _time;
            public Quotes(DateTime time) => _time = time;
            public Quote? LastQuote(string instrument) => new Quote(100m, _time);
            public double? MarketVolume(string instrument) => null;
        }

        private static readonly SessionOrder[] Orders =
        {
            new SessionOrder("ES 03-26", OrderSide.Buy, 37), new SessionOrder("NQ 03-26", OrderSide.Sell, 12),
        };

        private static ExecutionSession NewSession(string id, SimulatedBroker broker, IExecutionStore store, ManualClock clock, ExecutionSessionOptions? options = null)
            => new ExecutionSession(id, new FixedSchedulePolicy(SliceStrategy.Twap, 4, TimeSpan.FromMinutes(1)), broker, broker, store, new Quotes(T0), clock, options);

        private static void Drive(ExecutionSession session, SimulatedBroker broker, ManualClock clock, int bars)
        {
            for (int i = 0; i < bars && session.State == SessionState.Working; i++)
            {
                session.Poll();
                broker.DeliverAll();
                clock.Advance(TimeSpan.FromSeconds(30));
            }
        }

        [Test]
        public void PolledOnBars_TheSessionFillsEveryOrderExactly_AndFinishes()
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m), new SimulatedBrokerOptions { PartialFillProbability = 0.5, Seed = 3 });
            var store = new InMemoryExecutionStore();
            using var session = NewSession("e1", broker, store, clock);
            session.Start(Orders);
            Drive(session, broker, clock, 100);
            Assert.That(session.State, Is.EqualTo(SessionState.Finished));
            foreach (var o in Orders)
            {
                string parent = ExecutionSession.ParentId("e1", o.Instrument);
                Assert.That(broker.Orders.Where(b => b.ClientOrderId.StartsWith(parent + "-", StringComparison.Ordinal)).Sum(b => b.Filled), Is.EqualTo(o.Quantity));
                Assert.That(store.LoadParent(parent)!.Status, Is.EqualTo(ParentOrderStatus.Completed));
            }
        }

        [Test]
        public void ParentIds_DependOnTheInstrumentOnly_AndHaveAFixedLength()
        {
            string a = ExecutionSession.ParentId("e", "ES");
            string b = ExecutionSession.ParentId("e", "ES-1");
            Assert.That(a.Length, Is.EqualTo(b.Length));
            Assert.That(a, Is.Not.EqualTo(b));
            Assert.That(ExecutionSession.ParentId("e", "ES"), Is.EqualTo(a));
        }

        [Test]
        public void ASecondSession_WithTheOrdersInAnotherOrder_ResumesWithoutResending()
        {
            var clock = new ManualClock(T0);
            string dir = Path.Combine(Path.GetTempPath(), "ntp-sess-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string journal = Path.Combine(dir, "j.jsonl");
                var store = new InMemoryExecutionStore();
                using (var broker = new SimulatedBroker(clock, new FixedPriceSource(100m), null, journal))
                using (var session = NewSession("e2", broker, store, clock))
                {
                    session.Start(Orders);
                    session.Poll(); // first slice of each sent, reports lost with the "process"
                }
                using (var broker = new SimulatedBroker(clock, new FixedPriceSource(100m), null, journal))
                using (var session = NewSession("e2", broker, store, clock))
                {
                    session.Start(Orders.Reverse().ToList());
                    Assert.That(session.Resumed, Is.EqualTo(2));
                    Drive(session, broker, clock, 100);
                    Assert.That(session.State, Is.EqualTo(SessionState.Finished));
                    var ids = broker.Orders.Select(o => o.ClientOrderId).ToList();
                    Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
                    Assert.That(broker.Orders.Sum(o => o.Filled), Is.EqualTo(37 + 12));
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Test]
        public void OrdersThatNoLongerMapOntoTheExecution_AreRefusedNamingTheDifference()
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            var store = new InMemoryExecutionStore();
            using (var s = NewSession("e3", broker, store, clock)) { s.Start(Orders); s.Poll(); }
            using (var s = NewSession("e3", broker, store, clock))
                Assert.That(Assert.Throws<InvalidInputException>(() => s.Start(new[] { new SessionOrder("ES 03-26", OrderSide.Buy, 40), Orders[1] }))!.Message,
                    Does.Contain("holds Buy 37 'ES 03-26'").And.Contain("Buy 40 'ES 03-26'"));
            using (var s = NewSession("e3", broker, store, clock))
                Assert.That(Assert.Throws<InvalidInputException>(() => s.Start(new[] { Orders[0] }))!.Message,
                    Does.Contain("unfinished order Sell 12 'NQ 03-26'"));
            using (var s = NewSession("e3", broker, store, clock))
                Assert.That(Assert.Throws<InvalidInputException>(() => s.Start(Orders.Concat(new[] { new SessionOrder("CL", OrderSide.Buy, 5) }).ToList()))!.Message,
                    Does.Contain("did not hold Buy 5 'CL'"));
        }

        [Test]
        public void AStoreThatRecordsMoreFillsThanTheBrokerHolds_IsRefused_NeverCompleted()
        {
            var clock = new ManualClock(T0);
            var store = new InMemoryExecutionStore();
            using (var broker = new SimulatedBroker(clock, new FixedPriceSource(100m)))
            using (var s = NewSession("e4", broker, store, clock)) { s.Start(Orders); Drive(s, broker, clock, 100); Assert.That(s.State, Is.EqualTo(SessionState.Finished)); }
            using (var empty = new SimulatedBroker(clock, new FixedPriceSource(100m)))
            using (var s = NewSession("e4", empty, store, clock))
                Assert.That(Assert.Throws<InvalidInputException>(() => s.Start(Orders))!.Message, Does.Contain("the broker does not hold it"));
        }

        [Test]
        public void AParentHaltedByAFault_IsReArmedByTheNextSession_AndCompletesExactly()
        {
            var clock = new ManualClock(T0);
            var store = new InMemoryExecutionStore();
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            var failing = new FailingGateway(broker) { Fail = true };
            var policy = new FixedSchedulePolicy(SliceStrategy.Twap, 2, TimeSpan.FromMinutes(1));
            using (var s = new ExecutionSession("e5", policy, failing, broker, store, new Quotes(T0), clock, new ExecutionSessionOptions { MaxRetries = 1 }))
            {
                s.Start(new[] { Orders[0] });
                s.Poll();
                Assert.That(s.State, Is.EqualTo(SessionState.Finished));
                Assert.That(s.Executors[0].Status, Is.EqualTo(ParentOrderStatus.Halted));
            }
            failing.Fail = false; // the disk has space again
            using (var s = new ExecutionSession("e5", policy, failing, broker, store, new Quotes(T0), clock))
            {
                s.Start(new[] { Orders[0] });
                Assert.That(s.Rearmed, Is.EqualTo(1));
                Drive(s, broker, clock, 100);
                Assert.That(s.Executors[0].Status, Is.EqualTo(ParentOrderStatus.Completed));
                Assert.That(broker.Orders.Sum(o => o.Filled), Is.EqualTo(37));
            }
        }

        [Test]
        public void AnyEntryAtTheKillPath_TripsTheSwitch_AFolderToo()
        {
            var clock = new ManualClock(T0);
            string dir = Path.Combine(Path.GetTempPath(), "ntp-kill-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string kill = Path.Combine(dir, "STOP");
                using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
                using var s = NewSession("e6", broker, new InMemoryExecutionStore(), clock, new ExecutionSessionOptions { KillPath = kill });
                s.Start(Orders);
                s.Poll();
                int sent = broker.Orders.Count;
                Directory.CreateDirectory(kill);
                clock.Advance(TimeSpan.FromMinutes(2));
                Assert.That(s.Poll(), Is.EqualTo(SessionState.Killed));
                Assert.That(broker.Orders.Count, Is.EqualTo(sent), "nothing more is sent");
                Assert.That(s.Executors.All(e => e.Status == ParentOrderStatus.Cancelled), Is.True);
                Assert.That(s.StopReason, Does.Contain("STOP"));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Test]
        public void ALiveAccountWithoutOptIn_IsRefusedAtStart_WithTheGuardNamed()
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            using var s = NewSession("e7", broker, new InMemoryExecutionStore(), clock, new ExecutionSessionOptions { Account = "U1234" });
            var e = Assert.Throws<TradingGuardException>(() => s.Start(Orders))!;
            Assert.That(e.Message, Does.Contain("U1234"));
            Assert.That(broker.Orders, Is.Empty);
        }

        [Test]
        public void StartAndTheFacesShareOnePreconditionRule_EachNamingItsOwnSettings()
        {
            // Start runs CheckPreconditions with the session's generic names; a face passes its own (the CLI's options).
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            using var s = NewSession("e7b", broker, new InMemoryExecutionStore(), clock, new ExecutionSessionOptions { Account = "U1234" });
            var atStart = Assert.Throws<TradingGuardException>(() => s.Start(Orders))!;
            var direct = Assert.Throws<TradingGuardException>(() => ExecutionSession.CheckPreconditions("U1234", false, null))!;
            Assert.That(atStart.Message, Is.EqualTo(direct.Message).And.EqualTo("trading guard LiveAccount refused the order: account 'U1234' is not a simulation "
                + "account (Sim..., Playback..., Backtest); the explicit live-account opt-in is needed to trade it"));
            var cli = Assert.Throws<TradingGuardException>(() => ExecutionSession.CheckPreconditions("U1234", false, null, "pass --allow-live-account", "--kill-file"))!;
            Assert.That(cli.Decision.Message, Is.EqualTo("account 'U1234' is not a simulation account (Sim..., Playback..., Backtest); pass --allow-live-account to trade it"));
            Assert.That(() => ExecutionSession.CheckPreconditions("U1234", true, null), Throws.Nothing, "the opt-in lets a live account through");

            string dir = Path.Combine(Path.GetTempPath(), "ntp-pre-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string kill = Path.Combine(dir, "STOP");
                Assert.That(() => ExecutionSession.CheckPreconditions("Sim101", false, kill), Throws.Nothing, "no file, no refusal");
                File.WriteAllText(kill, "");
                var k = Assert.Throws<TradingGuardException>(() => ExecutionSession.CheckPreconditions("Sim101", false, kill, "pass --allow-live-account", "--kill-file"))!;
                Assert.That((k.Decision.RefusedBy, k.Decision.Message), Is.EqualTo(((GuardKind?)GuardKind.KillSwitch, $"kill switch: --kill-file '{kill}' exists; nothing was sent (remove it to trade)")));
                k = Assert.Throws<TradingGuardException>(() => ExecutionSession.CheckPreconditions("Sim101", false, kill))!;
                Assert.That(k.Decision.Message, Is.EqualTo($"kill switch: kill path '{kill}' exists; nothing was sent (remove it to trade)"));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Test]
        public void IdlePolls_WriteNothingToTheStore()
        {
            var clock = new ManualClock(T0);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(100m));
            var store = new CountingStore();
            using var s = NewSession("e8", broker, store, clock);
            s.Start(Orders);
            s.Poll();
            broker.DeliverAll();
            int writes = store.Writes;
            Assert.That(writes, Is.GreaterThan(0));
            for (int i = 0; i < 100; i++) s.Poll(); // nothing due, nothing changed: no write, no fsync
            Assert.That(store.Writes, Is.EqualTo(writes));
            clock.Advance(TimeSpan.FromMinutes(1));
            s.Poll();
            Assert.That(store.Writes, Is.GreaterThan(writes), "the next slice is written ahead of its submit");
        }

        private sealed class CountingStore : IExecutionStore
        {
            private readonly InMemoryExecutionStore _inner = new InMemoryExecutionStore();
            public int Writes { get; private set; }
            public void SaveParent(ParentOrderRecord parent) { Writes++; _inner.SaveParent(parent); }
            public void RecordChild(ChildOrderRecord child, ChildTransition transition) { Writes++; _inner.RecordChild(child, transition); }
            public ParentOrderRecord? LoadParent(string parentId) => _inner.LoadParent(parentId);
            public IReadOnlyList<ChildOrderRecord> LoadChildren(string parentId) => _inner.LoadChildren(parentId);
            public IReadOnlyList<string> LoadParentIds(ParentOrderStatus status) => _inner.LoadParentIds(status);
        }

        private sealed class FailingGateway : IOrderGateway
        {
            private readonly IOrderGateway _inner;
            public FailingGateway(IOrderGateway inner) => _inner = inner;
            public bool Fail { get; set; }
            public event EventHandler<OrderUpdate>? OrderUpdated { add => _inner.OrderUpdated += value; remove => _inner.OrderUpdated -= value; }
            public void Submit(ChildOrderRequest order) { if (Fail) throw new IOException("No space left on device"); _inner.Submit(order); }
            public void Cancel(string clientOrderId) => _inner.Cancel(clientOrderId);
            public void Change(string clientOrderId, int newQuantity) => _inner.Change(clientOrderId, newQuantity);
        }
    }
}
