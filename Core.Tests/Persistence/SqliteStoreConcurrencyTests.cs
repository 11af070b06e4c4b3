using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>Several threads (and two store instances, as two processes would) writing at once: no row lost, none doubled.</summary>
    public class SqliteStoreConcurrencyTests
    {
        private const int Threads = 6;
        private const int Iterations = 40;
        private TempDatabase _db = null!;

        [SetUp] public void SetUp() => _db = new TempDatabase();
        [TearDown] public void TearDown() => _db.Dispose();

        [Test]
        public void ConcurrentWriters_FromSeveralThreadsAndTwoInstances_LoseAndDuplicateNothing()
        {
            using var first = _db.Open();
            using var second = _db.Open();
            var stores = new IPortfolioStore[] { first, second };
            var errors = new ConcurrentQueue<Exception>();
            var alertSeqs = new ConcurrentBag<long>();
            int sharedInserted = 0;
            using var start = new Barrier(Threads + 1);
            bool writersDone = false;
            int readsDone = 0;

            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                try
                {
                    var store = stores[t % 2];
                    string parentId = "P" + t;
                    store.SaveParent(Parent(parentId, 2, 2 * Iterations));
                    start.SignalAndWait();
                    for (int i = 0; i < Iterations; i++)
                    {
                        var time = T0.AddSeconds(i);
                        var submitted = Child(parentId, i % 2, i, 1, 0, double.NaN, ChildOrderState.Submitted, time);
                        store.RecordChild(submitted, Transition(submitted, null, "submit"));
                        var filled = Child(parentId, i % 2, i, 1, 1, 5000 + t + i / 4.0, ChildOrderState.Filled, time.AddTicks(1));
                        store.RecordChild(filled, Transition(filled, ChildOrderState.Submitted, "event Filled"));
                        Assert.That(store.RecordFill(new FillRecord($"X-{t}-{i}", filled.ClientOrderId, "ES", OrderSide.Buy, 1, 5000m + t + i * 0.25m, 0.5m, time)), Is.True);
                        if (store.RecordFill(new FillRecord("SHARED-" + i, "shared", "ES", OrderSide.Sell, 1, 4999.75m, 0m, T0))) Interlocked.Increment(ref sharedInserted);
                        alertSeqs.Add(store.AppendAlert(new AlertRecord(time, AlertSeverity.Info, "thread" + t, "iteration " + i)));
                        if (i % 8 == 0)
                        {
                            using var tx = store.BeginTransaction();
                            tx.SaveTarget(new TargetRecord("main", "I" + t, 0.1, time, "thread " + t));
                            tx.SavePosition(new PositionSnapshot("main", "I" + t, i, 100m + i, time));
                            tx.Commit();
                        }
                    }
                }
                catch (Exception e) { errors.Enqueue(e); }
            })).ToList();
            var reader = new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    while (!Volatile.Read(ref writersDone))
                    {
                        foreach (var c in first.LoadChildren("P0")) Assert.That(c.Filled, Is.LessThanOrEqualTo(1));
                        second.LoadTransitions("P1");
                        Interlocked.Increment(ref readsDone);
                    }
                }
                catch (Exception e) { errors.Enqueue(e); }
            });
            threads.ForEach(x => x.Start());
            reader.Start();
            threads.ForEach(x => x.Join());
            Volatile.Write(ref writersDone, true);
            reader.Join();

            Assert.That(errors, Is.Empty, string.Join("\n", errors));
            Assert.That(readsDone, Is.GreaterThan(0));
            Assert.That(sharedInserted, Is.EqualTo(Iterations), "each shared execution id inserted exactly once");
            Assert.That(alertSeqs.Distinct().Count(), Is.EqualTo(Threads * Iterations));
            first.Dispose();
            second.Dispose();

            using var reopened = _db.Open();
            for (int t = 0; t < Threads; t++)
            {
                var children = reopened.LoadChildren("P" + t);
                Assert.That(children.Select(c => c.Attempt), Is.EqualTo(Enumerable.Range(0, Iterations)), $"children of P{t} lost or reordered");
                Assert.That(children.All(c => c.State == ChildOrderState.Filled && c.Filled == 1), Is.True);
                var transitions = reopened.LoadTransitions("P" + t);
                Assert.That(transitions, Has.Count.EqualTo(2 * Iterations));
                Assert.That(reopened.LoadPositionHistory("main", "I" + t), Has.Count.EqualTo((Iterations + 7) / 8));
                for (int i = 0; i < Iterations; i++)
                    AssertExact(5000m + t + i * 0.25m, reopened.LoadFill($"X-{t}-{i}")!.Price);
            }
            Assert.That(reopened.LoadFills(T0, T0.AddDays(1)), Has.Count.EqualTo(Threads * Iterations + Iterations));
            Assert.That(reopened.LoadAlerts(T0, T0.AddDays(1)), Has.Count.EqualTo(Threads * Iterations));
            using var raw = _db.Raw();
            Assert.That(TempDatabase.Scalar(raw, "PRAGMA integrity_check"), Is.EqualTo("ok"));
        }

        [Test]
        public void TransactionHeldByOneThread_MakesAnotherThreadsWriteWait_ThenBothLand()
        {
            using var store = _db.Open();
            var tx = store.BeginTransaction();
            tx.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "tx", "first"));
            var writerStarted = new ManualResetEventSlim();
            Exception? error = null;
            var writer = new Thread(() =>
            {
                try
                {
                    writerStarted.Set();
                    store.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "direct", "second"));
                }
                catch (Exception e) { error = e; }
            });
            writer.Start();
            writerStarted.Wait();
            Assert.That(writer.Join(300), Is.False, "the direct write must wait for the open transaction");
            tx.Commit();
            tx.Dispose();
            writer.Join();
            Assert.That(error, Is.Null);
            Assert.That(store.LoadAlerts(T0, T0.AddSeconds(1)).Select(a => a.Message), Is.EqualTo(new[] { "first", "second" }));
        }
    }
}
