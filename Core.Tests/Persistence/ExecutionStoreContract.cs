using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>
    /// The <see cref="IExecutionStore"/> contract, run against every implementation (in-memory, SQLite, SQLite reopened
    /// before every read). A new implementation derives from this fixture and gets the whole checklist.
    /// </summary>
    public abstract class ExecutionStoreContract
    {
        /// <summary>A fresh, empty store.</summary>
        protected abstract IExecutionStore CreateStore();

        /// <summary>The transitions of the children of <paramref name="parentId"/>, in recording order.</summary>
        protected abstract IReadOnlyList<ChildTransition> TransitionsOf(IExecutionStore store, string parentId);

        /// <summary>Releases what <see cref="CreateStore"/> made.</summary>
        [TearDown]
        public virtual void CleanUp() { }

        [Test]
        public void UnknownParent_LoadsNull_AndNoChildren()
        {
            var store = CreateStore();
            Assert.That(store.LoadParent("nope"), Is.Null);
            Assert.That(store.LoadChildren("nope"), Is.Empty);
        }

        [Test]
        public void SavedParent_LoadsWithEveryFieldOfItsPlan()
        {
            var store = CreateStore();
            var slices = new[] { new TimedSlice(0, OddTick, OddTick.AddMinutes(1), 4), new TimedSlice(1, OddTick.AddMinutes(1), OddTick.AddMinutes(2), 6) };
            var parent = new ParentOrderRecord(new ParentOrder("P1", "CL 01-26", OrderSide.Sell, 10), ParentOrderStatus.Working, 3, slices,
                new long[] { 1, 6 }, new[] { 2, 0 }, new[] { 1, 0 }, OddTick.AddTicks(5));
            store.SaveParent(parent);
            AssertSame(parent, store.LoadParent("P1"));
        }

        [Test]
        public void SavedParentAgain_ReplacesTheSnapshot_IncludingAnAppendedCatchUpSlice()
        {
            var store = CreateStore();
            store.SaveParent(Parent("P1", 2, 10));
            var first = Parent("P1", 2, 10);
            var slices = first.Slices.Concat(new[] { new TimedSlice(2, T0.AddMinutes(10), T0.AddMinutes(15), 0) }).ToList();
            var updated = new ParentOrderRecord(new ParentOrder("P1", "ES 12-25", OrderSide.Buy, 8), ParentOrderStatus.Completed, 8, slices,
                new long[] { 0, 0, 0 }, new[] { 1, 2, 1 }, new[] { 0, 1, 0 }, T0.AddMinutes(16));
            store.SaveParent(updated);
            AssertSame(updated, store.LoadParent("P1"));
        }

        [Test]
        public void RecordedChild_UpdatedLater_KeepsItsCreationOrder_AndLatestFields()
        {
            var store = CreateStore();
            store.SaveParent(Parent("P1"));
            var a0 = Child("P1", 0, 0, 10, 0, double.NaN, ChildOrderState.Submitted, T0);
            var b0 = Child("P1", 1, 0, 10, 0, double.NaN, ChildOrderState.Submitted, T0.AddMinutes(5));
            var a1 = Child("P1", 0, 0, 10, 4, 5001.25, ChildOrderState.Cancelled, T0.AddMinutes(6), "deadline", CancelReason.Expired);
            store.RecordChild(a0, Transition(a0, null, "submit"));
            store.RecordChild(b0, Transition(b0, null, "submit"));
            store.RecordChild(a1, Transition(a1, ChildOrderState.Submitted, "event Cancelled"));
            AssertSame(new[] { a1, b0 }, store.LoadChildren("P1"));
            AssertSame(new[] { Transition(a0, null, "submit"), Transition(b0, null, "submit"), Transition(a1, ChildOrderState.Submitted, "event Cancelled") },
                TransitionsOf(store, "P1"));
        }

        [Test]
        public void Children_AreListedPerParent()
        {
            var store = CreateStore();
            store.SaveParent(Parent("P1"));
            store.SaveParent(Parent("P2"));
            var x = Child("P1", 0, 0, 10, 0, double.NaN, ChildOrderState.Submitted, T0);
            var y = Child("P2", 0, 0, 10, 10, 99.5, ChildOrderState.Filled, T0);
            var z = Child("P1", 0, 1, 10, 0, double.NaN, ChildOrderState.SubmitFailed, T0, "gateway threw: timeout");
            store.RecordChild(x, Transition(x, null, "submit"));
            store.RecordChild(y, Transition(y, null, "submit"));
            store.RecordChild(z, Transition(z, null, "submit failed"));
            AssertSame(new[] { x, z }, store.LoadChildren("P1"));
            AssertSame(new[] { y }, store.LoadChildren("P2"));
            Assert.That(TransitionsOf(store, "P2").Select(t => t.ClientOrderId), Is.EqualTo(new[] { "P2-0-0" }));
        }

        [Test]
        public void ChildWithoutFills_KeepsNaNAveragePrice_AndNullMessage()
        {
            var store = CreateStore();
            store.SaveParent(Parent("P1"));
            var c = Child("P1", 0, 0, 10, 0, double.NaN, ChildOrderState.Accepted, OddTick, null);
            store.RecordChild(c, Transition(c, ChildOrderState.Submitted, "event Accepted"));
            var loaded = store.LoadChildren("P1").Single();
            Assert.That(double.IsNaN(loaded.AverageFillPrice), Is.True);
            Assert.That(loaded.Message, Is.Null);
            AssertUtc(OddTick, loaded.Updated);
        }
    }

    /// <summary>The contract on the exec branch's in-memory store: the reference behaviour.</summary>
    [TestFixture]
    public class InMemoryExecutionStoreContractTests : ExecutionStoreContract
    {
        protected override IExecutionStore CreateStore() => new InMemoryExecutionStore();

        protected override IReadOnlyList<ChildTransition> TransitionsOf(IExecutionStore store, string parentId)
            => InMemoryTransitions((InMemoryExecutionStore)store, parentId);

        /// <summary>The in-memory log filtered to the current children of a parent (what the SQLite store returns).</summary>
        internal static IReadOnlyList<ChildTransition> InMemoryTransitions(InMemoryExecutionStore store, string parentId)
        {
            var ids = new HashSet<string>(store.LoadChildren(parentId).Select(c => c.ClientOrderId), StringComparer.Ordinal);
            return store.Transitions.Where(t => ids.Contains(t.ClientOrderId)).ToList();
        }
    }

    /// <summary>The contract on the SQLite store; with <c>reopen</c> every read goes to a newly opened store (a restart).</summary>
    [TestFixture(false)]
    [TestFixture(true)]
    public class SqliteExecutionStoreContractTests : ExecutionStoreContract
    {
        private readonly bool _reopen;
        private TempDatabase? _db;
        private ReopeningExecutionStore? _store;

        public SqliteExecutionStoreContractTests(bool reopen) => _reopen = reopen;

        protected override IExecutionStore CreateStore()
        {
            _db = new TempDatabase();
            _store = new ReopeningExecutionStore(_db, _reopen);
            return _store;
        }

        protected override IReadOnlyList<ChildTransition> TransitionsOf(IExecutionStore store, string parentId)
            => ((ReopeningExecutionStore)store).LoadTransitions(parentId);

        public override void CleanUp()
        {
            _store?.Dispose();
            _db?.Dispose();
        }
    }

    /// <summary>A SQLite store that, when asked, closes and reopens the file before every read.</summary>
    internal sealed class ReopeningExecutionStore : IExecutionStore, IDisposable
    {
        private readonly TempDatabase _db;
        private readonly bool _reopen;
        private SqlitePortfolioStore _store;

        public ReopeningExecutionStore(TempDatabase db, bool reopen)
        {
            _db = db;
            _reopen = reopen;
            _store = db.Open();
        }

        private SqlitePortfolioStore ForRead()
        {
            if (_reopen)
            {
                _store.Dispose();
                _store = _db.Open();
            }
            return _store;
        }

        public void SaveParent(ParentOrderRecord parent) => _store.SaveParent(parent);
        public void RecordChild(ChildOrderRecord child, ChildTransition transition) => _store.RecordChild(child, transition);
        public ParentOrderRecord? LoadParent(string parentId) => ForRead().LoadParent(parentId);
        public IReadOnlyList<ChildOrderRecord> LoadChildren(string parentId) => ForRead().LoadChildren(parentId);
        public IReadOnlyList<string> LoadParentIds(ParentOrderStatus status) => ForRead().LoadParentIds(status);
        public IReadOnlyList<ChildTransition> LoadTransitions(string parentId) => ForRead().LoadTransitions(parentId);
        public void Dispose() => _store.Dispose();
    }
}
