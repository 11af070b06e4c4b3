using System;
using System.Collections.Generic;
using System.Linq;
using Moq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Execution.Tca;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    /// <summary>Seeded random brokers: partial fills, broker cancels, rejects, submit failures, duplicate and shuffled events.</summary>
    public class ScheduleExecutorRandomTests
    {
        private sealed class BrokerOrder
        {
            public int Quantity;
            public int Filled;
            public bool Done;
        }

        private sealed class RandomBroker
        {
            private readonly Random _rng;
            private readonly ManualClock _clock;
            public readonly Mock<IOrderGateway> Gateway = new Mock<IOrderGateway>();
            public readonly Dictionary<string, BrokerOrder> Orders = new Dictionary<string, BrokerOrder>();
            public readonly List<string> SubmittedIds = new List<string>();
            private readonly List<OrderUpdate> _queue = new List<OrderUpdate>();
            private readonly List<OrderUpdate> _history = new List<OrderUpdate>();

            public RandomBroker(int seed, ManualClock clock)
            {
                _rng = new Random(seed);
                _clock = clock;
                Gateway.Setup(g => g.Submit(It.IsAny<ChildOrderRequest>())).Callback<ChildOrderRequest>(r =>
                {
                    if (_rng.NextDouble() < 0.05) throw new InvalidOperationException("link down");
                    SubmittedIds.Add(r.ClientOrderId);
                    Orders.Add(r.ClientOrderId, new BrokerOrder { Quantity = r.Quantity });
                    Enqueue(r.ClientOrderId, OrderUpdateKind.Accepted);
                });
                Gateway.Setup(g => g.Cancel(It.IsAny<string>())).Callback<string>(id =>
                {
                    var o = Orders[id];
                    if (o.Done) return;
                    if (_rng.NextDouble() < 0.3) Fill(id, o, o.Quantity - o.Filled); // fill wins the race
                    if (o.Done) return;
                    o.Done = true;
                    Enqueue(id, OrderUpdateKind.Cancelled);
                });
                Gateway.Setup(g => g.Change(It.IsAny<string>(), It.IsAny<int>())).Callback<string, int>((id, q) =>
                {
                    var o = Orders[id];
                    if (!o.Done && q >= o.Filled) { o.Quantity = q; if (o.Filled == q) { o.Done = true; Enqueue(id, OrderUpdateKind.Filled); } }
                });
            }

            public long TotalFilled => Orders.Values.Sum(o => (long)o.Filled);

            private void Enqueue(string id, OrderUpdateKind kind)
            {
                var u = new OrderUpdate(id, kind, Orders[id].Filled, 100.0, _clock.UtcNow);
                _queue.Add(u);
                _history.Add(u);
            }

            private void Fill(string id, BrokerOrder o, int q)
            {
                if (q <= 0 || o.Done) return;
                o.Filled += q;
                if (o.Filled == o.Quantity) { o.Done = true; Enqueue(id, OrderUpdateKind.Filled); }
                else Enqueue(id, OrderUpdateKind.PartFilled);
            }

            public void Act(bool fillOnly)
            {
                var live = Orders.Where(kv => !kv.Value.Done).ToList();
                if (live.Count > 0)
                {
                    var (id, o) = (live[_rng.Next(live.Count)].Key, live[_rng.Next(live.Count)].Value);
                    o = Orders[id];
                    double a = _rng.NextDouble();
                    if (fillOnly || a < 0.5) Fill(id, o, _rng.Next(1, o.Quantity - o.Filled + 1));
                    else if (a < 0.6) { o.Done = true; Enqueue(id, OrderUpdateKind.Cancelled); }
                    else if (a < 0.7 && o.Filled == 0) { o.Done = true; Enqueue(id, OrderUpdateKind.Rejected); }
                }
                if (!fillOnly && _history.Count > 0 && _rng.NextDouble() < 0.3) _queue.Add(_history[_rng.Next(_history.Count)]); // duplicate / stale
            }

            public void Deliver(bool all)
            {
                while (_queue.Count > 0)
                {
                    int k = _rng.Next(_queue.Count); // shuffled delivery
                    var u = _queue[k];
                    _queue.RemoveAt(k);
                    Gateway.Raise(g => g.OrderUpdated += null, u);
                    if (!all && _rng.NextDouble() < 0.5) return;
                }
            }
        }

        [Test]
        public void RandomEventSequences_NeverOverFill_NeverReuseIds([Range(0, 199)] int seed)
        {
            var rng = new Random(seed * 7919 + 1);
            var clock = new ManualClock(new DateTime(2024, 6, 3, 14, 30, 0, DateTimeKind.Utc));
            var broker = new RandomBroker(seed, clock);
            long quantity = rng.Next(1, 300);
            int slices = rng.Next(1, 7);
            var timed = TwapSchedule.Build(quantity, slices, slices).ToTimedSlices(clock.UtcNow, TimeSpan.FromMinutes(1));
            var store = new InMemoryExecutionStore();
            using var ex = new ScheduleExecutor(new ParentOrder("R" + seed, "NQ 09-24", OrderSide.Sell, quantity), timed,
                broker.Gateway.Object, store, clock, new ExecutorOptions { MaxRetries = 4 });
            for (int step = 0; step < 400; step++)
            {
                bool endgame = step >= 250;
                clock.Advance(TimeSpan.FromSeconds(rng.Next(0, 30)));
                ex.Poll();
                broker.Act(endgame);
                broker.Deliver(endgame);
                Assert.That(broker.TotalFilled, Is.LessThanOrEqualTo(quantity), $"over-fill at step {step}");
                Assert.That(ex.Filled, Is.LessThanOrEqualTo(quantity));
                if (ex.Status != ParentOrderStatus.Working && broker.Orders.Values.All(o => o.Done)) break;
            }
            broker.Deliver(true);
            Assert.That(ex.Filled, Is.EqualTo(broker.TotalFilled), "executor fills equal broker fills once all events are in");
            Assert.That(broker.SubmittedIds.Distinct().Count(), Is.EqualTo(broker.SubmittedIds.Count), "client ids are never reused");
            var ids = ex.Children.Select(c => c.ClientOrderId).ToList();
            Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
            Assert.That(ex.Children.All(c => c.Filled <= c.Quantity || c.State == ChildOrderState.Filled), Is.True);
            if (ex.Status == ParentOrderStatus.Completed) Assert.That(ex.Filled, Is.EqualTo(quantity));
            Assert.That(ex.Status, Is.Not.EqualTo(ParentOrderStatus.Working), $"seed {seed}: parent neither completed nor halted (filled {ex.Filled}/{quantity})");
        }
    }
}
