using System;
using System.IO;
using System.Linq;
using System.Threading;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Persistence.Records;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>Units of work: all or nothing, also when the process stops in the middle of one.</summary>
    public class SqliteStoreTransactionTests
    {
        private TempDatabase _db = null!;

        [SetUp] public void SetUp() => _db = new TempDatabase();
        [TearDown] public void TearDown() => _db.Dispose();

        private static RebalanceBatch Batch(string id, DateTime t, params string[] parents)
            => new RebalanceBatch(id, "main", t, "monthly",
                new[] { new TargetRecord("main", "ES", 0.6, t, "monthly"), new TargetRecord("main", "NQ", 0.4, t, "monthly") },
                parents.Select(p => Parent(p)).ToList(),
                new[] { new PositionSnapshot("main", "ES", 1, 5000m, t) },
                new[] { new AlertRecord(t, AlertSeverity.Info, "rebalance", id) });

        /// <summary>Asserts the store holds exactly rebalance R1 (committed) and nothing of anything later.</summary>
        private static void AssertOnlyFirstRebalance(IPortfolioStore store)
        {
            Assert.That(store.LoadRebalance("R1"), Is.Not.Null);
            Assert.That(store.LoadRebalance("R2"), Is.Null);
            Assert.That(store.LoadParent("R1-ES"), Is.Not.Null);
            Assert.That(store.LoadParent("R2-ES"), Is.Null);
            Assert.That(store.LoadParent("R2-NQ"), Is.Null);
            Assert.That(store.LoadChildren("R2-ES"), Is.Empty);
            Assert.That(store.LoadTargets("main", DateTime.MaxValue.ToUniversalTime()).Select(t => t.TimeUtc).Distinct(), Is.EqualTo(new[] { T0 }));
            Assert.That(store.LoadAlerts(T0, T0.AddYears(1)).Select(a => a.Message), Is.EqualTo(new[] { "R1" }));
            Assert.That(store.LoadPositionHistory("main", "ES").Select(p => p.TimeUtc), Is.EqualTo(new[] { T0 }));
            Assert.That(store.LoadFill("X-R2"), Is.Null);
        }

        [Test]
        public void WriteRebalance_FailingHalfway_LeavesNothingOfIt()
        {
            using var store = _db.Open();
            store.WriteRebalance(Batch("R1", T0, "R1-ES"));
            // The second parent carries a slice time of kind Unspecified: the write fails after the header, targets,
            // positions and first parent were written inside the transaction.
            var bad = Parent("R2-NQ");
            var badSlices = bad.Slices.Select(s => new TimedSlice(s.Index, DateTime.SpecifyKind(s.Start, DateTimeKind.Unspecified), DateTime.SpecifyKind(s.Deadline, DateTimeKind.Unspecified), s.Quantity)).ToList();
            var badParent = new ParentOrderRecord(bad.Order, bad.Status, bad.Filled, badSlices, bad.Pending, bad.Attempts, bad.Failures, bad.Updated);
            var batch = new RebalanceBatch("R2", "main", T0.AddDays(1), "monthly",
                new[] { new TargetRecord("main", "ES", 0.5, T0.AddDays(1), "monthly") }, new[] { Parent("R2-ES"), badParent },
                new[] { new PositionSnapshot("main", "ES", 2, 5100m, T0.AddDays(1)) }, new[] { new AlertRecord(T0.AddDays(1), AlertSeverity.Info, "rebalance", "R2") });
            Assert.Throws<ArgumentException>(() => store.WriteRebalance(batch));
            AssertOnlyFirstRebalance(store);
        }

        [Test]
        public void Transaction_DisposedAfterAnException_RollsEverythingBack()
        {
            using var store = _db.Open();
            store.WriteRebalance(Batch("R1", T0, "R1-ES"));
            Assert.Throws<InvalidOperationException>(() =>
            {
                using var tx = store.BeginTransaction();
                tx.WriteRebalance(Batch("R2", T0.AddDays(1), "R2-ES", "R2-NQ"));
                var child = Child("R2-ES", 0, 0, 10, 0, double.NaN, ChildOrderState.Submitted, T0.AddDays(1));
                tx.RecordChild(child, Transition(child, null, "submit"));
                tx.RecordFill(new FillRecord("X-R2", "R2-ES-0-0", "ES", OrderSide.Buy, 1, 5000m, 0m, T0.AddDays(1)));
                throw new InvalidOperationException("planner crashed before commit");
            });
            AssertOnlyFirstRebalance(store);
        }

        [Test]
        public void Transaction_Committed_IsVisibleToReadersOnlyAfterCommit()
        {
            using var store = _db.Open();
            store.WriteRebalance(Batch("R1", T0, "R1-ES"));
            using (var tx = store.BeginTransaction())
            {
                tx.WriteRebalance(Batch("R2", T0.AddDays(1), "R2-ES"));
                RebalanceRecord? seenByOtherThread = null;
                var reader = new Thread(() => seenByOtherThread = store.LoadRebalance("R2"));
                reader.Start();
                reader.Join();
                Assert.That(seenByOtherThread, Is.Null, "uncommitted rebalance visible to a reader");
                tx.Commit();
                Assert.Throws<InvalidOperationException>(() => tx.SaveTarget(new TargetRecord("main", "ES", 1, T0, "late")));
            }
            Assert.That(store.LoadRebalance("R2")!.ParentIds, Is.EqualTo(new[] { "R2-ES" }));
        }

        [Test]
        public void DirectWrite_WhileThisThreadHoldsATransaction_IsRefusedInsteadOfDeadlocking()
        {
            using var store = _db.Open();
            using var tx = store.BeginTransaction();
            var ex = Assert.Throws<InvalidOperationException>(() => store.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "s", "m")));
            Assert.That(ex!.Message, Does.Contain("write through it"));
            tx.Rollback();
            Assert.DoesNotThrow(() => store.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "s", "m")));
        }

        [Test]
        public void AbandonedTransaction_OnASecondStoreInstance_LeavesLastCommittedStateAfterReopen()
        {
            using (var store = _db.Open()) store.WriteRebalance(Batch("R1", T0, "R1-ES"));
            var second = _db.Open();
            var tx = second.BeginTransaction();
            tx.WriteRebalance(Batch("R2", T0.AddDays(1), "R2-ES", "R2-NQ"));
            tx.RecordFill(new FillRecord("X-R2", "R2-ES-0-0", "ES", OrderSide.Buy, 1, 5000m, 0m, T0.AddDays(1)));
            // Abandoned: the owner goes away without committing (connection closed, transaction never committed).
            tx.Dispose();
            second.Dispose();
            using var reopened = _db.Open();
            AssertOnlyFirstRebalance(reopened);
        }

        /// <summary>
        /// A crash image: while a large transaction is open and has already spilled uncommitted pages into the WAL, the
        /// database and WAL files are copied as they lie on disk (what a killed process leaves behind). Opening the copy
        /// must recover exactly the last committed state.
        /// </summary>
        [Test]
        public void CrashImage_TakenMidTransaction_RecoversExactlyTheLastCommittedState()
        {
            string crashFolder = Path.Combine(_db.Folder, "crash");
            Directory.CreateDirectory(crashFolder);
            string crashDb = Path.Combine(crashFolder, "store.db");
            using (var store = _db.Open())
            {
                store.WriteRebalance(Batch("R1", T0, "R1-ES"));
                long walBefore = new FileInfo(_db.WalPath).Length;
                using (var tx = store.BeginTransaction())
                {
                    tx.WriteRebalance(Batch("R2", T0.AddDays(1), "R2-ES", "R2-NQ"));
                    tx.RecordFill(new FillRecord("X-R2", "R2-ES-0-0", "ES", OrderSide.Buy, 1, 5000m, 0m, T0.AddDays(1)));
                    string filler = new string('x', 400);
                    for (int i = 0; i < 20000; i++) tx.AppendAlert(new AlertRecord(T0.AddDays(1), AlertSeverity.Info, "filler", filler + i));
                    long walDuring = new FileInfo(_db.WalPath).Length;
                    Assert.That(walDuring, Is.GreaterThan(walBefore + 1_000_000),
                        "the open transaction should have spilled uncommitted pages into the WAL, or this test proves nothing");
                    File.Copy(_db.FilePath, crashDb);
                    File.Copy(_db.WalPath, crashDb + "-wal");
                }
            }
            using var recovered = new SqlitePortfolioStore(crashDb);
            AssertOnlyFirstRebalance(recovered);
            Assert.That(recovered.LoadAlerts(T0, T0.AddYears(1)), Has.Count.EqualTo(1));
            using var raw = _db.Raw(crashDb);
            Assert.That(TempDatabase.Scalar(raw, "PRAGMA integrity_check"), Is.EqualTo("ok"));
        }

        [Test]
        public void RecordChild_WritesSnapshotAndTransitionTogether()
        {
            using var store = _db.Open();
            store.SaveParent(Parent("P1"));
            var child = Child("P1", 0, 0, 10, 0, double.NaN, ChildOrderState.Submitted, T0);
            store.RecordChild(child, Transition(child, null, "submit"));
            var update = Child("P1", 0, 0, 10, 4, 5000.25, ChildOrderState.PartFilled, T0.AddSeconds(1));
            // The transition names another child: refused, and the snapshot upsert of the same call is rolled back with it.
            var wrong = new ChildTransition("P1-9-9", ChildOrderState.Submitted, ChildOrderState.PartFilled, 4, T0.AddSeconds(1), "event");
            Assert.Throws<ArgumentException>(() => store.RecordChild(update, wrong));
            // A transition whose note is null fails on the second statement: the snapshot must not have changed either.
            var nullNote = new ChildTransition(update.ClientOrderId, ChildOrderState.Submitted, update.State, 4, T0.AddSeconds(1), null!);
            Assert.Throws<ArgumentNullException>(() => store.RecordChild(update, nullNote));
            AssertSame(new[] { child }, store.LoadChildren("P1"));
            Assert.That(store.LoadTransitions("P1"), Has.Count.EqualTo(1));
        }
    }
}
