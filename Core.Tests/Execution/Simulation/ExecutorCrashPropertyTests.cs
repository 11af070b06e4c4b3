using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Safety;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Simulation
{
    /// <summary>
    /// Seeded random event sequences for <see cref="ScheduleExecutor"/> over the <see cref="SimulatedBroker"/>: partial
    /// fills, venue cancels and rejects from the broker; duplicated and reordered reports from a chaotic network; and
    /// crashes at random store writes (before or after the write lands), sometimes with the broker restarted from its
    /// journal, each followed by Resume + <see cref="ExecutionRecovery.Reconcile"/>. Invariants: no client id is ever
    /// submitted twice, the broker never fills more than the parent, and every parent completes with the broker's fills,
    /// the store's fills and the parent quantity exactly equal.
    /// </summary>
    public sealed class ExecutorCrashPropertyTests
    {
        private static readonly DateTime T0 = new DateTime(2025, 3, 3, 14, 30, 0, DateTimeKind.Utc);
        private const int Cases = 150;

        [Test]
        public void RandomEventsAndCrashes_NeverDuplicateAndAlwaysFillExactly()
        {
            int crashes = 0, brokerRestarts = 0, duplicatesDelivered = 0, children = 0, neverSent = 0;
            string dir = Path.Combine(Path.GetTempPath(), "ntp-prop-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                for (int seed = 1; seed <= Cases; seed++)
                {
                    var r = RunCase(seed, Path.Combine(dir, $"j{seed}.jsonl"));
                    crashes += r.Crashes; brokerRestarts += r.BrokerRestarts; duplicatesDelivered += r.Duplicates; children += r.Children; neverSent += r.NeverSent;
                }
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
            Assert.That(crashes, Is.GreaterThan(Cases), "the cases do crash");
            Assert.That(neverSent, Is.GreaterThan(0), "some crashes land between the store write and the submit");
            TestContext.Progress.WriteLine($"executor property test: {Cases} seeded cases, {children} child orders, {crashes} crashes ({brokerRestarts} with the broker restarted from its journal, " +
                $"{neverSent} children recorded but never sent), {duplicatesDelivered} duplicated reports; duplicate submits: 0, over-fills: 0, totals exact");
        }

        private sealed class Outcome
        {
            public int Crashes, BrokerRestarts, Duplicates, Children, NeverSent;
        }

        private static Outcome RunCase(int seed, string journal)
        {
            var rng = new Random(seed);
            var clock = new ManualClock(T0);
            long quantity = rng.Next(1, 600);
            int sliceCount = rng.Next(1, 9);
            var slices = TwapSchedule.Build(quantity, sliceCount, sliceCount).ToTimedSlices(T0, TimeSpan.FromMinutes(1));
            var options = new SimulatedBrokerOptions
            {
                Seed = seed,
                Latency = TimeSpan.FromSeconds(rng.Next(0, 40)),
                PartialFillProbability = rng.NextDouble() * 0.8,
                VenueCancelProbability = rng.NextDouble() * 0.4,
                RejectProbability = rng.NextDouble() * 0.3,
                MaxParts = rng.Next(2, 6),
            };
            var store = new CrashableStore(new InMemoryExecutionStore());
            var broker = new SimulatedBroker(clock, new FixedPriceSource(50m), options, journal);
            var net = new ChaosNetwork(broker, new Random(seed * 7919));
            var execOptions = new ExecutorOptions { MaxRetries = 10_000 };
            var parent = new ParentOrder("P" + seed, "ES", rng.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell, quantity);
            var outcome = new Outcome();
            ScheduleExecutor? ex = null;
            try
            {
                ex = new ScheduleExecutor(parent, slices, net, store, clock, execOptions);
                for (int step = 0; step < 20_000; step++)
                {
                    if (ex.Status != ParentOrderStatus.Working && net.Buffered == 0) break;
                    if (outcome.Crashes < 12 && rng.NextDouble() < 0.08) store.ArmAfter(rng.Next(0, 4), rng.Next(2) == 0);
                    try
                    {
                        switch (rng.Next(4))
                        {
                            case 0: clock.Advance(TimeSpan.FromSeconds(rng.Next(0, 50))); break;
                            case 1: ex.Poll(); break;
                            case 2: broker.DeliverDue(); break;
                            default: net.Flush(rng.Next(0, 4)); break;
                        }
                    }
                    catch (CrashException)
                    {
                        outcome.Crashes++;
                        store.Disarm();
                        ex.Dispose();
                        if (rng.Next(3) == 0)
                        {
                            // The broker restarts too: its in-memory reports are lost, the journal is its memory.
                            broker.Dispose();
                            broker = new SimulatedBroker(clock, new FixedPriceSource(50m), options, journal);
                            net.Reconnect(broker);
                            outcome.BrokerRestarts++;
                        }
                        ex = ScheduleExecutor.Resume(parent.Id, net, store, clock, execOptions);
                        outcome.NeverSent += ExecutionRecovery.Reconcile(ex, broker, clock.UtcNow).NeverSent;
                    }
                    long brokerFilled = broker.Orders.Where(o => o.ClientOrderId.StartsWith(parent.Id + "-", StringComparison.Ordinal)).Sum(o => (long)o.Filled);
                    Assert.That(brokerFilled, Is.LessThanOrEqualTo(quantity), $"seed {seed}: the broker never fills more than the parent");
                }
                Assert.That(ex.Status, Is.EqualTo(ParentOrderStatus.Completed), $"seed {seed}: completes");
                Assert.That(net.Submitted.Count, Is.EqualTo(net.Submitted.Distinct().Count()), $"seed {seed}: no client id submitted twice");
                var mine = broker.Orders.Where(o => o.ClientOrderId.StartsWith(parent.Id + "-", StringComparison.Ordinal)).ToList();
                Assert.That(mine.Sum(o => (long)o.Filled), Is.EqualTo(quantity), $"seed {seed}: broker fills equal the parent");
                var saved = store.LoadChildren(parent.Id);
                Assert.That(saved.Sum(c => (long)c.Filled), Is.EqualTo(quantity), $"seed {seed}: store fills equal the parent");
                foreach (var c in saved.Where(c => c.Filled > 0))
                    Assert.That(broker.FindOrder(c.ClientOrderId)?.Filled, Is.EqualTo(c.Filled), $"seed {seed}: {c.ClientOrderId}");
                outcome.Duplicates = net.Duplicates;
                outcome.Children = saved.Count;
                return outcome;
            }
            finally
            {
                ex?.Dispose();
                broker.Dispose();
            }
        }

        private sealed class CrashException : Exception
        {
        }

        /// <summary>Throws at the n-th write from now, having written it or not: the process dies around that write.</summary>
        private sealed class CrashableStore : IExecutionStore
        {
            private readonly InMemoryExecutionStore _inner;
            private int _countdown = -1;
            private bool _writeFirst;

            public CrashableStore(InMemoryExecutionStore inner) => _inner = inner;

            public void ArmAfter(int writes, bool writeFirst) { if (_countdown < 0) { _countdown = writes; _writeFirst = writeFirst; } }

            public void Disarm() => _countdown = -1;

            public void SaveParent(ParentOrderRecord parent) => Write(() => _inner.SaveParent(parent));

            public void RecordChild(ChildOrderRecord child, ChildTransition transition) => Write(() => _inner.RecordChild(child, transition));

            public ParentOrderRecord? LoadParent(string parentId) => _inner.LoadParent(parentId);

            public IReadOnlyList<ChildOrderRecord> LoadChildren(string parentId) => _inner.LoadChildren(parentId);
            public IReadOnlyList<string> LoadParentIds(ParentOrderStatus status) => _inner.LoadParentIds(status);

            private void Write(Action write)
            {
                if (_countdown < 0) { write(); return; }
                if (_countdown-- > 0) { write(); return; }
                if (_writeFirst) write();
                _countdown = -1;
                throw new CrashException();
            }
        }

        /// <summary>Between executor and broker: records every submit, buffers reports and delivers them reordered and duplicated.</summary>
        private sealed class ChaosNetwork : IOrderGateway
        {
            private readonly Random _rng;
            private readonly List<OrderUpdate> _buffer = new List<OrderUpdate>();
            private SimulatedBroker _broker;

            public ChaosNetwork(SimulatedBroker broker, Random rng)
            {
                _rng = rng;
                _broker = broker;
                _broker.OrderUpdated += OnBroker;
            }

            public event EventHandler<OrderUpdate>? OrderUpdated;

            public List<string> Submitted { get; } = new List<string>();

            public int Duplicates { get; private set; }

            public int Buffered => _buffer.Count;

            public void Reconnect(SimulatedBroker broker)
            {
                _broker = broker;
                _broker.OrderUpdated += OnBroker;
            }

            public void Submit(ChildOrderRequest order)
            {
                Submitted.Add(order.ClientOrderId);
                _broker.Submit(order);
            }

            public void Cancel(string clientOrderId) => _broker.Cancel(clientOrderId);

            public void Change(string clientOrderId, int newQuantity) => _broker.Change(clientOrderId, newQuantity);

            public void Flush(int count)
            {
                for (int k = 0; k < count && _buffer.Count > 0; k++)
                {
                    int i = _rng.Next(_buffer.Count);
                    var u = _buffer[i];
                    if (_rng.NextDouble() < 0.2) Duplicates++; // delivered now and kept for a later duplicate
                    else _buffer.RemoveAt(i);
                    OrderUpdated?.Invoke(this, u);
                }
            }

            private void OnBroker(object? sender, OrderUpdate e) { if (ReferenceEquals(sender, _broker)) _buffer.Add(e); }
        }
    }
}
