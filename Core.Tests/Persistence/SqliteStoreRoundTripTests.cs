using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Persistence.Records;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>Every record type written, the store closed, a new store opened on the file, and every field compared exactly.</summary>
    public class SqliteStoreRoundTripTests
    {
        private TempDatabase _db = null!;

        [SetUp] public void SetUp() => _db = new TempDatabase();
        [TearDown] public void TearDown() => _db.Dispose();

        // Decimals at the edges of the type and with trailing zeros: TEXT keeps value and scale (REAL would not).
        private static readonly decimal[] Decimals =
        {
            0.1m, 1.50m, 4321.25m, 0.0000000000000000000000000001m, 79228162514264337593543950335m, -79228162514264337593543950335m,
            123456789012345678.9012345678m, 100m, 0.00m,
        };

        [Test]
        public void Config_RoundTrips_TextVerbatim_AndLatestRevisionWins()
        {
            const string json = "{\n  \"name\": \"main\", \"méthode\": \"max-sharpe\",\n  \"caps\": [0.1, 0.25]\n}";
            using (var store = _db.Open())
            {
                store.SaveConfig(new PortfolioConfigRecord("main", 1, "ntportfolio.portfolio-config", 1, "{}", T0));
                store.SaveConfig(new PortfolioConfigRecord("main", 2, "ntportfolio.portfolio-config", 3, json, OddTick));
                store.SaveConfig(new PortfolioConfigRecord("alt", 1, "other", 1, "[]", T0));
            }
            using (var store = _db.Open())
            {
                var latest = store.LoadConfig("main")!;
                Assert.That(latest.Revision, Is.EqualTo(2));
                Assert.That(latest.Json, Is.EqualTo(json));
                Assert.That(latest.SchemaName, Is.EqualTo("ntportfolio.portfolio-config"));
                Assert.That(latest.SchemaVersion, Is.EqualTo(3));
                AssertUtc(OddTick, latest.SavedUtc);
                Assert.That(store.LoadConfig("main", 1)!.Json, Is.EqualTo("{}"));
                Assert.That(store.LoadConfig("main", 3), Is.Null);
                Assert.That(store.LoadConfig("nope"), Is.Null);
                Assert.That(store.LoadPortfolioNames(), Is.EqualTo(new[] { "alt", "main" }));
            }
        }

        [Test]
        public void Positions_RoundTrip_ExactDecimals_AndAsOfPicksLatestPerInstrument()
        {
            using (var store = _db.Open())
            {
                for (int i = 0; i < Decimals.Length; i++)
                    store.SavePosition(new PositionSnapshot("main", "ES", i - 3, Math.Abs(Decimals[i]), OddTick.AddTicks(i)));
                store.SavePosition(new PositionSnapshot("main", "NQ", 2, 18000.25m, T0));
                store.SavePosition(new PositionSnapshot("other", "ES", 9, 1m, T0));
            }
            using (var store = _db.Open())
            {
                var history = store.LoadPositionHistory("main", "ES");
                Assert.That(history, Has.Count.EqualTo(Decimals.Length));
                for (int i = 0; i < Decimals.Length; i++)
                {
                    AssertExact(Math.Abs(Decimals[i]), history[i].AveragePrice);
                    Assert.That(history[i].Quantity, Is.EqualTo(i - 3));
                    AssertUtc(OddTick.AddTicks(i), history[i].TimeUtc);
                }
                var asOf = store.LoadPositions("main", OddTick.AddTicks(2));
                Assert.That(asOf.Select(p => (p.Instrument, p.Quantity)), Is.EqualTo(new[] { ("ES", -1L), ("NQ", 2L) }));
                Assert.That(store.LoadPositions("main", T0.AddTicks(-1)), Is.Empty);
            }
        }

        [Test]
        public void Targets_RoundTrip_ExactDoubles_AndLatestSetIsReturned()
        {
            double[] weights = { 0.1 + 0.2, 1.0 / 3.0, -0.25, double.Epsilon, 1e-300, 0.7 };
            using (var store = _db.Open())
            {
                store.SaveTarget(new TargetRecord("main", "ES", 0.5, T0, "initial"));
                store.SaveTarget(new TargetRecord("main", "NQ", 0.5, T0, "initial"));
                for (int i = 0; i < weights.Length; i++)
                    store.SaveTarget(new TargetRecord("main", "I" + i, weights[i], OddTick, "drift 0.05 exceeded"));
            }
            using (var store = _db.Open())
            {
                var latest = store.LoadTargets("main", OddTick.AddDays(1));
                Assert.That(latest.Select(t => t.Instrument), Is.EqualTo(Enumerable.Range(0, weights.Length).Select(i => "I" + i)));
                for (int i = 0; i < weights.Length; i++)
                {
                    Assert.That(BitConverter.DoubleToInt64Bits(latest[i].TargetWeight), Is.EqualTo(BitConverter.DoubleToInt64Bits(weights[i])));
                    Assert.That(latest[i].Reason, Is.EqualTo("drift 0.05 exceeded"));
                    AssertUtc(OddTick, latest[i].TimeUtc);
                }
                var first = store.LoadTargets("main", T0);
                Assert.That(first.Select(t => (t.Instrument, t.TargetWeight)), Is.EqualTo(new[] { ("ES", 0.5), ("NQ", 0.5) }));
            }
        }

        [Test]
        public void ExecutionState_RoundTrips_PlanPendingAttemptsFailures_AndChildrenInCreationOrder()
        {
            var slices = new[]
            {
                new TimedSlice(0, OddTick, OddTick.AddMinutes(5), 7),
                new TimedSlice(1, OddTick.AddMinutes(5), OddTick.AddMinutes(10), 8),
                new TimedSlice(2, OddTick.AddMinutes(10), OddTick.AddMinutes(12), 5), // catch-up slice
            };
            var parent = new ParentOrderRecord(new ParentOrder("P1", "NQ 12-25", OrderSide.Sell, 15), ParentOrderStatus.Halted, 6, slices,
                new long[] { 0, 3, 5 }, new[] { 2, 1, 0 }, new[] { 1, 0, 0 }, OddTick.AddSeconds(1));
            var a = Child("P1", 0, 0, 7, 0, double.NaN, ChildOrderState.Submitted, OddTick);
            var b = Child("P1", 0, 1, 7, 6, 18000.123456789, ChildOrderState.Cancelled, OddTick.AddTicks(3), "deadline", CancelReason.Expired);
            var aRejected = Child("P1", 0, 0, 7, 0, double.NaN, ChildOrderState.Rejected, OddTick.AddTicks(1), "margin");
            using (var store = _db.Open())
            {
                store.SaveParent(parent);
                store.RecordChild(a, Transition(a, null, "submit"));
                store.RecordChild(b, Transition(b, null, "submit"));
                store.RecordChild(aRejected, Transition(aRejected, ChildOrderState.Submitted, "event Rejected"));
            }
            using (var store = _db.Open())
            {
                AssertSame(parent, store.LoadParent("P1"));
                AssertSame(new[] { aRejected, b }, store.LoadChildren("P1"));
                AssertSame(new[] { Transition(a, null, "submit"), Transition(b, null, "submit"), Transition(aRejected, ChildOrderState.Submitted, "event Rejected") },
                    store.LoadTransitions("P1"));
                Assert.That(double.IsNaN(store.LoadChildren("P1")[0].AverageFillPrice), Is.True);
            }
        }

        [Test]
        public void Fills_RoundTrip_ExactPrices_AndDuplicateExecutionIdsAreIgnored()
        {
            using (var store = _db.Open())
            {
                for (int i = 0; i < Decimals.Length; i++)
                {
                    decimal price = Math.Abs(Decimals[i]) == 0m ? 0.25m : Math.Abs(Decimals[i]);
                    var fill = new FillRecord("X" + i, "P1-0-0", "ES 12-25", i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, i + 1, price, 2.04m, OddTick.AddTicks(i));
                    Assert.That(store.RecordFill(fill), Is.True);
                    Assert.That(store.RecordFill(fill), Is.False, "the same execution twice is ignored");
                }
            }
            using (var store = _db.Open())
            {
                var fills = store.LoadFillsForOrder("P1-0-0");
                Assert.That(fills, Has.Count.EqualTo(Decimals.Length));
                for (int i = 0; i < Decimals.Length; i++)
                {
                    decimal price = Math.Abs(Decimals[i]) == 0m ? 0.25m : Math.Abs(Decimals[i]);
                    AssertExact(price, fills[i].Price);
                    AssertExact(2.04m, fills[i].Commission);
                    Assert.That(fills[i].Quantity, Is.EqualTo(i + 1));
                    Assert.That(fills[i].Side, Is.EqualTo(i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell));
                    AssertUtc(OddTick.AddTicks(i), fills[i].TimeUtc);
                }
                Assert.That(store.LoadFills(OddTick.AddTicks(1), OddTick.AddTicks(3)).Select(f => f.ExecutionId), Is.EqualTo(new[] { "X1", "X2" }));
                Assert.That(store.LoadFill("X4")!.Quantity, Is.EqualTo(5));
                Assert.That(store.LoadFill("nope"), Is.Null);
            }
        }

        [Test]
        public void Fill_WithKnownExecutionIdButOtherFields_IsRefusedNamingTheExecution()
        {
            using var store = _db.Open();
            store.RecordFill(new FillRecord("X1", "P1-0-0", "ES", OrderSide.Buy, 2, 4321.25m, 0m, T0));
            Assert.That(store.RecordFill(new FillRecord("X1", "P1-0-0", "ES", OrderSide.Buy, 2, 4321.250m, 0.0m, T0)), Is.False,
                "same values with another scale are the same fill");
            var ex = Assert.Throws<InvalidInputException>(() => store.RecordFill(new FillRecord("X1", "P1-0-0", "ES", OrderSide.Buy, 3, 4321.25m, 0m, T0)));
            Assert.That(ex!.Message, Does.Contain("'X1'").And.Contain(_db.FilePath));
            Assert.That(store.LoadFill("X1")!.Quantity, Is.EqualTo(2));
        }

        [Test]
        public void Alerts_RoundTrip_InOrderOfArrival_WithIncreasingSequence()
        {
            long[] seq = new long[4];
            using (var store = _db.Open())
            {
                seq[0] = store.AppendAlert(new AlertRecord(OddTick, AlertSeverity.Critical, "executor:P1", "parent P1 halted after 3 rejects"));
                seq[1] = store.AppendAlert(new AlertRecord(OddTick, AlertSeverity.Info, "risk:main", "ünïcode ✓ message"));
                seq[2] = store.AppendAlert(new AlertRecord(T0, AlertSeverity.Warning, "risk:main", "VaR 95% above limit"));
                seq[3] = store.AppendAlert(new AlertRecord(OddTick.AddDays(1), AlertSeverity.Error, "gateway", "disconnected"));
            }
            Assert.That(seq, Is.Ordered.Ascending.And.Unique);
            using (var store = _db.Open())
            {
                var alerts = store.LoadAlerts(T0, OddTick.AddDays(1));
                Assert.That(alerts.Select(a => (a.Severity, a.Source, a.Message)), Is.EqualTo(new[]
                {
                    (AlertSeverity.Critical, "executor:P1", "parent P1 halted after 3 rejects"),
                    (AlertSeverity.Info, "risk:main", "ünïcode ✓ message"),
                    (AlertSeverity.Warning, "risk:main", "VaR 95% above limit"),
                }));
                AssertUtc(OddTick, alerts[0].TimeUtc);
                AssertUtc(T0, alerts[2].TimeUtc);
            }
        }

        [Test]
        public void DailyPerformance_RoundTrips_ExactMoney_ByDateRange()
        {
            var days = Enumerable.Range(0, Decimals.Length)
                .Select(i => new DailyPerformanceRecord("main", new DateTime(2024, 1, 2).AddDays(i), 100000.00m + Decimals[i] / 1000m, Decimals[i] / 1000m,
                    -12.5m, 0.10m, 4.08m, 250000.5m, i == 0 ? 100000m : 0m))
                .ToList();
            using (var store = _db.Open())
                foreach (var d in days) store.SaveDailyPerformance(d);
            using (var store = _db.Open())
            {
                var loaded = store.LoadDailyPerformance("main", new DateTime(2024, 1, 2), new DateTime(2024, 12, 31));
                Assert.That(loaded, Has.Count.EqualTo(days.Count));
                for (int i = 0; i < days.Count; i++)
                {
                    Assert.That(loaded[i].Date, Is.EqualTo(days[i].Date));
                    AssertExact(days[i].Equity, loaded[i].Equity);
                    AssertExact(days[i].Pnl, loaded[i].Pnl);
                    AssertExact(-12.5m, loaded[i].RealizedPnl);
                    AssertExact(0.10m, loaded[i].UnrealizedPnl);
                    AssertExact(4.08m, loaded[i].Commissions);
                    AssertExact(250000.5m, loaded[i].Turnover);
                    AssertExact(days[i].CashFlow, loaded[i].CashFlow);
                }
                Assert.That(store.LoadDailyPerformance("main", new DateTime(2024, 1, 3), new DateTime(2024, 1, 4)).Select(d => d.Date.Day),
                    Is.EqualTo(new[] { 3, 4 }));
                Assert.That(store.LoadDailyPerformance("other", new DateTime(2024, 1, 1), new DateTime(2024, 12, 31)), Is.Empty);
            }
        }

        [Test]
        public void Rebalance_RoundTrips_WithItsTargetsParentsPositionsAndAlerts()
        {
            var batch = new RebalanceBatch("main-2024-06-03", "main", OddTick, "monthly",
                new[] { new TargetRecord("main", "ES", 0.6, OddTick, "monthly"), new TargetRecord("main", "NQ", 0.4, OddTick, "monthly") },
                new[] { Parent("RB-ES"), Parent("RB-NQ", 2, 11) },
                new[] { new PositionSnapshot("main", "ES", 3, 5300.25m, OddTick) },
                new[] { new AlertRecord(OddTick, AlertSeverity.Info, "rebalance", "2 parent orders planned") });
            using (var store = _db.Open()) store.WriteRebalance(batch);
            using (var store = _db.Open())
            {
                var r = store.LoadRebalance("main-2024-06-03")!;
                Assert.That(r.Portfolio, Is.EqualTo("main"));
                Assert.That(r.Reason, Is.EqualTo("monthly"));
                AssertUtc(OddTick, r.TimeUtc);
                Assert.That(r.ParentIds, Is.EqualTo(new[] { "RB-ES", "RB-NQ" }));
                Assert.That(r.Targets.Select(t => (t.Instrument, t.TargetWeight)), Is.EqualTo(new[] { ("ES", 0.6), ("NQ", 0.4) }));
                AssertSame(batch.Parents[1], store.LoadParent("RB-NQ"));
                AssertExact(5300.25m, store.LoadPositions("main", OddTick).Single().AveragePrice);
                Assert.That(store.LoadAlerts(T0, OddTick.AddTicks(1)).Single().Message, Is.EqualTo("2 parent orders planned"));
                Assert.That(store.LoadRebalance("unknown"), Is.Null);
            }
        }

        [Test]
        public void Rebalance_WrittenTwice_IsRefusedNamingIt()
        {
            using var store = _db.Open();
            var batch = new RebalanceBatch("R1", "main", T0, "monthly", new[] { new TargetRecord("main", "ES", 1.0, T0, "monthly") }, new[] { Parent("R1-ES") });
            store.WriteRebalance(batch);
            var ex = Assert.Throws<InvalidInputException>(() => store.WriteRebalance(batch));
            Assert.That(ex!.Message, Does.Contain("'R1'"));
        }

        [Test]
        public void LocalTimes_AreStoredAsUtc_UnspecifiedTimesAreRefused()
        {
            var local = new DateTime(2024, 6, 3, 16, 30, 0, DateTimeKind.Local);
            Assert.That(new AlertRecord(local, AlertSeverity.Info, "s", "m").TimeUtc, Is.EqualTo(local.ToUniversalTime()));
            var ex = Assert.Throws<ArgumentException>(() => new AlertRecord(new DateTime(2024, 6, 3, 16, 30, 0), AlertSeverity.Info, "s", "m"));
            Assert.That(ex!.Message, Does.Contain("timeUtc").And.Contain("Unspecified"));
            using var store = _db.Open();
            var parent = Parent("P-unspecified", updated: DateTime.SpecifyKind(T0, DateTimeKind.Unspecified));
            Assert.Throws<ArgumentException>(() => store.SaveParent(parent));
            Assert.That(store.LoadParent("P-unspecified"), Is.Null);
        }
    }
}
