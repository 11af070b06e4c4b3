using System;
using System.Collections.Generic;
using System.Linq;
using Moq;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>
    /// The exec branch's <see cref="ScheduleExecutor"/> on the SQLite store, with the process "restarted" (executor and store
    /// dropped, file reopened, executor resumed) in the middle of a slice: it ends exactly where the same script ends on
    /// the in-memory store without a restart, with no client id sent twice.
    /// </summary>
    public class SqliteExecutorRestartTests
    {
        private sealed class Clock : IClock
        {
            public DateTime UtcNow { get; set; } = T0;
        }

        private sealed class Broker
        {
            public readonly Mock<IOrderGateway> Gateway = new Mock<IOrderGateway>();
            public readonly List<ChildOrderRequest> Sent;

            public Broker(List<ChildOrderRequest> sent)
            {
                Sent = sent;
                Gateway.Setup(g => g.Submit(It.IsAny<ChildOrderRequest>())).Callback<ChildOrderRequest>(r => Sent.Add(r));
            }

            public void Raise(Clock clock, string id, OrderUpdateKind kind, int filled, double price)
                => Gateway.Raise(g => g.OrderUpdated += null, new OrderUpdate(id, kind, filled, price, clock.UtcNow));
        }

        private static readonly TimedSlice[] Slices =
        {
            new TimedSlice(0, T0, T0.AddMinutes(1), 5),
            new TimedSlice(1, T0.AddMinutes(1), T0.AddMinutes(2), 5),
        };

        /// <summary>The script; <paramref name="restart"/> is called between the part fill and the slice deadline.</summary>
        private static (List<ChildOrderRequest> Sent, ScheduleExecutor Last) Run(IExecutionStore firstStore, Func<IExecutionStore> restart)
        {
            var clock = new Clock();
            var sent = new List<ChildOrderRequest>();
            var broker = new Broker(sent);
            var ex = new ScheduleExecutor(new ParentOrder("P", "ES 12-25", OrderSide.Buy, 10), Slices, broker.Gateway.Object, firstStore, clock);
            ex.Poll();
            broker.Raise(clock, "P-0-0", OrderUpdateKind.Accepted, 0, double.NaN);
            broker.Raise(clock, "P-0-0", OrderUpdateKind.PartFilled, 2, 5000.25);
            ex.Dispose();

            var store = restart();
            broker = new Broker(sent); // a fresh connection to the broker after the restart
            ex = ScheduleExecutor.Resume("P", broker.Gateway.Object, store, clock);
            clock.UtcNow = T0.AddMinutes(1);
            ex.Poll();                                                   // cancels P-0-0 at its deadline, sends P-1-0
            broker.Raise(clock, "P-0-0", OrderUpdateKind.Cancelled, 2, 5000.25);
            broker.Raise(clock, "P-1-0", OrderUpdateKind.Filled, 5, 5001.5);
            ex.Poll();                                                   // the 3 rolled forward go out as P-1-1
            broker.Raise(clock, "P-1-1", OrderUpdateKind.Filled, 3, 5002);
            return (sent, ex);
        }

        [Test]
        public void ExecutorResumedFromReopenedSqliteFile_FinishesLikeTheUninterruptedInMemoryRun()
        {
            var memory = new InMemoryExecutionStore();
            var (memorySent, memoryEx) = Run(memory, () => memory);
            memoryEx.Dispose();

            using var db = new TempDatabase();
            var first = db.Open();
            SqlitePortfolioStore? second = null;
            var (sqliteSent, sqliteEx) = Run(first, () =>
            {
                first.Dispose();
                second = db.Open();
                return second;
            });
            sqliteEx.Dispose();
            second!.Dispose();

            Assert.That(sqliteSent.Select(s => (s.ClientOrderId, s.Quantity)), Is.EqualTo(memorySent.Select(s => (s.ClientOrderId, s.Quantity))));
            Assert.That(sqliteSent.Select(s => s.ClientOrderId), Is.Unique, "no child order sent twice");
            using var reopened = db.Open();
            var parent = reopened.LoadParent("P")!;
            Assert.That(parent.Status, Is.EqualTo(ParentOrderStatus.Completed));
            Assert.That(parent.Filled, Is.EqualTo(10));
            Assert.That(reopened.LoadChildren("P").Sum(c => c.Filled), Is.EqualTo(10));
            AssertSame(memory.LoadChildren("P"), reopened.LoadChildren("P"));
            Assert.That(reopened.LoadTransitions("P").Select(t => t.ToString()), Is.EqualTo(memory.Transitions.Select(t => t.ToString())));
            var expected = memory.LoadParent("P")!;
            Assert.That(parent.Pending, Is.EqualTo(expected.Pending));
            Assert.That(parent.Attempts, Is.EqualTo(expected.Attempts));
            Assert.That(parent.Failures, Is.EqualTo(expected.Failures));
        }
    }
}
