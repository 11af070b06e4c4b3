using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>Saving a record whose key is stored replaces it (one row, the new fields); other keys are untouched.</summary>
    public class SqliteStoreUpsertTests
    {
        private TempDatabase _db = null!;
        private SqlitePortfolioStore _store = null!;

        [SetUp]
        public void SetUp()
        {
            _db = new TempDatabase();
            _store = _db.Open();
        }

        [TearDown]
        public void TearDown()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private long Count(string table)
        {
            using var raw = _db.Raw();
            return (long)TempDatabase.Scalar(raw, "SELECT count(*) FROM " + table)!;
        }

        [Test]
        public void Config_SameRevision_IsReplaced()
        {
            _store.SaveConfig(new PortfolioConfigRecord("main", 1, "cfg", 1, "{\"v\":1}", T0));
            _store.SaveConfig(new PortfolioConfigRecord("main", 1, "cfg", 2, "{\"v\":2}", OddTick));
            var c = _store.LoadConfig("main", 1)!;
            Assert.That((c.Json, c.SchemaVersion), Is.EqualTo(("{\"v\":2}", 2)));
            AssertUtc(OddTick, c.SavedUtc);
            Assert.That(Count("portfolio_configs"), Is.EqualTo(1));
        }

        [Test]
        public void Position_SameInstrumentAndTime_IsReplaced_OtherTimesKept()
        {
            _store.SavePosition(new PositionSnapshot("main", "ES", 1, 5000m, T0));
            _store.SavePosition(new PositionSnapshot("main", "ES", 2, 5000.50m, OddTick));
            _store.SavePosition(new PositionSnapshot("main", "ES", -3, 4999.75m, T0));
            var history = _store.LoadPositionHistory("main", "ES");
            Assert.That(history.Select(p => p.Quantity), Is.EqualTo(new[] { -3L, 2L }));
            AssertExact(4999.75m, history[0].AveragePrice);
        }

        [Test]
        public void Target_SameInstrumentAndTime_IsReplaced()
        {
            _store.SaveTarget(new TargetRecord("main", "ES", 0.5, T0, "first"));
            _store.SaveTarget(new TargetRecord("main", "ES", 0.25, T0, "corrected"));
            var t = _store.LoadTargets("main", T0).Single();
            Assert.That((t.TargetWeight, t.Reason), Is.EqualTo((0.25, "corrected")));
        }

        [Test]
        public void DailyPerformance_SameDate_IsReplaced()
        {
            var day = new DateTime(2024, 6, 3);
            _store.SaveDailyPerformance(new DailyPerformanceRecord("main", day, 100000m, 0m, 0m, 0m, 0m, 0m, 0m));
            _store.SaveDailyPerformance(new DailyPerformanceRecord("main", day, 100250.75m, 250.75m, 100m, 150.75m, 4.08m, 9000m, 0m));
            var d = _store.LoadDailyPerformance("main", day, day).Single();
            AssertExact(100250.75m, d.Equity);
            AssertExact(150.75m, d.UnrealizedPnl);
            Assert.That(Count("daily_performance"), Is.EqualTo(1));
        }

        [Test]
        public void Parent_SavedAgainWithFewerSlices_LeavesNoStalePlanRows()
        {
            _store.SaveParent(Parent("P1", 4, 40));
            _store.SaveParent(Parent("P1", 2, 40));
            AssertSame(Parent("P1", 2, 40), _store.LoadParent("P1"));
            Assert.That(Count("parent_slices"), Is.EqualTo(2));
        }

        [Test]
        public void ParentIds_ByStatus_FollowTheLatestSnapshot()
        {
            _store.SaveParent(Parent("B", status: ParentOrderStatus.Working));
            _store.SaveParent(Parent("A", status: ParentOrderStatus.Working));
            _store.SaveParent(Parent("C", status: ParentOrderStatus.Completed, filled: 30));
            _store.SaveParent(Parent("B", status: ParentOrderStatus.Halted));
            Assert.That(_store.LoadParentIds(ParentOrderStatus.Working), Is.EqualTo(new[] { "A" }));
            Assert.That(_store.LoadParentIds(ParentOrderStatus.Halted), Is.EqualTo(new[] { "B" }));
            Assert.That(_store.LoadParentIds(ParentOrderStatus.Completed), Is.EqualTo(new[] { "C" }));
            Assert.That(_store.LoadParentIds(ParentOrderStatus.Cancelled), Is.Empty);
        }

        [Test]
        public void Reads_WithNullKeys_AreRefused()
        {
            Assert.Throws<ArgumentNullException>(() => _store.LoadParent(null!));
            Assert.Throws<ArgumentNullException>(() => _store.LoadConfig(null!));
            Assert.Throws<ArgumentNullException>(() => _store.LoadFillsForOrder(null!));
        }
    }
}
