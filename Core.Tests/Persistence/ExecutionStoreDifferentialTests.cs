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
    /// Seeded random sequences of SaveParent/RecordChild applied to the in-memory store and to the SQLite store: after every
    /// call both answer every LoadParent/LoadChildren (and the transition log) identically.
    /// </summary>
    public class ExecutionStoreDifferentialTests
    {
        private static readonly string[] ParentIds = { "A", "B", "C" };
        private static readonly ChildOrderState[] States = (ChildOrderState[])Enum.GetValues(typeof(ChildOrderState));
        private static readonly CancelReason[] Reasons = (CancelReason[])Enum.GetValues(typeof(CancelReason));
        private static readonly ParentOrderStatus[] Statuses = (ParentOrderStatus[])Enum.GetValues(typeof(ParentOrderStatus));

        [TestCase(1)]
        [TestCase(2)]
        [TestCase(3)]
        public void RandomCallSequence_SqliteAnswersExactlyLikeInMemory(int seed)
        {
            var rng = new Random(seed);
            using var db = new TempDatabase();
            var reference = new InMemoryExecutionStore();
            var sqlite = db.Open(new SqliteStoreOptions { Durability = SqliteDurability.Normal });
            try
            {
                var stores = new IExecutionStore[] { reference, sqlite };
                var lastState = new Dictionary<string, ChildOrderState>();
                DateTime now = OddTick;
                for (int step = 0; step < 150; step++)
                {
                    now = now.AddTicks(rng.Next(1, 10_000_000));
                    string parentId = ParentIds[rng.Next(ParentIds.Length)];
                    if (rng.NextDouble() < 0.25)
                    {
                        var parent = RandomParent(rng, parentId, now);
                        foreach (var s in stores) s.SaveParent(parent);
                    }
                    else
                    {
                        int slice = rng.Next(3), attempt = rng.Next(3);
                        // Occasionally the same client id shows up under another parent: the snapshot moves with it in both stores.
                        string owner = rng.NextDouble() < 0.05 ? ParentIds[rng.Next(ParentIds.Length)] : parentId;
                        string id = $"{parentId}-{slice}-{attempt}";
                        int qty = rng.Next(1, 50), filled = rng.Next(0, qty + 1);
                        var child = new ChildOrderRecord(id, owner, slice, attempt, qty, filled,
                            filled == 0 ? double.NaN : Math.Round(4000 + rng.NextDouble() * 1000, rng.Next(0, 12)),
                            States[rng.Next(States.Length)], Reasons[rng.Next(Reasons.Length)], now, rng.NextDouble() < 0.5 ? null : "msg " + step);
                        ChildOrderState? from = lastState.TryGetValue(id, out var prev) ? prev : (ChildOrderState?)null;
                        var transition = new ChildTransition(id, from, child.State, filled, now, "step " + step);
                        foreach (var s in stores) s.RecordChild(child, transition);
                        lastState[id] = child.State;
                    }
                    foreach (var p in ParentIds.Concat(new[] { "unknown" }))
                    {
                        AssertSame(reference.LoadParent(p), sqlite.LoadParent(p));
                        AssertSame(reference.LoadChildren(p), sqlite.LoadChildren(p));
                    }
                }
                foreach (var p in ParentIds)
                    AssertSame(InMemoryExecutionStoreContractTests.InMemoryTransitions(reference, p), sqlite.LoadTransitions(p));

                sqlite.Dispose();
                sqlite = db.Open();
                foreach (var p in ParentIds)
                {
                    AssertSame(reference.LoadParent(p), sqlite.LoadParent(p));
                    AssertSame(reference.LoadChildren(p), sqlite.LoadChildren(p));
                }
            }
            finally
            {
                sqlite.Dispose();
            }
        }

        private static ParentOrderRecord RandomParent(Random rng, string id, DateTime now)
        {
            int n = rng.Next(1, 5);
            long total = 0;
            var slices = new List<TimedSlice>();
            for (int i = 0; i < n; i++)
            {
                long q = rng.Next(0, 40);
                total += q;
                slices.Add(new TimedSlice(i, now.AddMinutes(i), now.AddMinutes(i + 1).AddTicks(rng.Next(0, 1000)), q));
            }
            var order = new ParentOrder(id, rng.NextDouble() < 0.5 ? "ES 12-25" : "NQ 12-25", rng.NextDouble() < 0.5 ? OrderSide.Buy : OrderSide.Sell, Math.Max(1, total));
            return new ParentOrderRecord(order, Statuses[rng.Next(Statuses.Length)], rng.Next(0, (int)order.Quantity + 1), slices,
                slices.Select(s => (long)rng.Next(0, (int)s.Quantity + 1)).ToList(), slices.Select(_ => rng.Next(0, 4)).ToList(),
                slices.Select(_ => rng.Next(0, 3)).ToList(), now);
        }
    }
}
