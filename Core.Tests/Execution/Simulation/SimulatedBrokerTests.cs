using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Simulation
{
    public sealed class SimulatedBrokerTests
    {
        private static readonly DateTime T0 = new DateTime(2025, 3, 3, 14, 30, 0, DateTimeKind.Utc);
        private string _dir = null!;

        [SetUp]
        public void SetUp() { _dir = Path.Combine(Path.GetTempPath(), "ntp-broker-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(_dir); }

        [TearDown]
        public void TearDown() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

        private static ChildOrderRequest Req(string id, int q, string instrument = "ES", OrderSide side = OrderSide.Buy)
            => new ChildOrderRequest(id, "p", instrument, side, q, 0, 0);

        private static List<OrderUpdate> Capture(SimulatedBroker b)
        {
            var list = new List<OrderUpdate>();
            b.OrderUpdated += (_, u) => list.Add(u);
            return list;
        }

        [Test]
        public void Submit_WithoutOptions_AcceptsThenFillsAtTheGivenPrice()
        {
            var clock = new ManualClock(T0);
            using var b = new SimulatedBroker(clock, new FixedPriceSource(99.5m));
            var events = Capture(b);
            b.Submit(Req("p-0-0", 10));
            Assert.That(b.DeliverDue(), Is.EqualTo(2));
            Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[] { OrderUpdateKind.Accepted, OrderUpdateKind.Filled }));
            Assert.That(events[1].CumulativeFilled, Is.EqualTo(10));
            Assert.That(events[1].AverageFillPrice, Is.EqualTo(99.5));
            var snap = b.FindOrder("p-0-0")!;
            Assert.That((snap.State, snap.Filled, snap.Quantity), Is.EqualTo((OrderUpdateKind.Filled, 10, 10)));
            Assert.That(b.FindOrder("nope"), Is.Null);
        }

        [Test]
        public void Submit_WithLatency_DeliversReportsOnlyWhenDue()
        {
            var clock = new ManualClock(T0);
            using var b = new SimulatedBroker(clock, new FixedPriceSource(1m), new SimulatedBrokerOptions { Latency = TimeSpan.FromMilliseconds(100) });
            var events = Capture(b);
            b.Submit(Req("p-0-0", 4));
            clock.Advance(TimeSpan.FromMilliseconds(99));
            Assert.That(b.DeliverDue(), Is.EqualTo(0));
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.That(b.DeliverDue(), Is.EqualTo(1));
            Assert.That(events.Single().Kind, Is.EqualTo(OrderUpdateKind.Accepted));
            clock.Advance(TimeSpan.FromMilliseconds(100));
            Assert.That(b.DeliverDue(), Is.EqualTo(1));
            Assert.That(events.Last().Kind, Is.EqualTo(OrderUpdateKind.Filled));
            Assert.That(events.Last().Time, Is.EqualTo(T0.AddMilliseconds(200)));
        }

        [Test]
        public void Cancel_BeforeTheReportsAreDue_DeliversTheFinalStateAtOnce()
        {
            var clock = new ManualClock(T0);
            using var b = new SimulatedBroker(clock, new FixedPriceSource(1m), new SimulatedBrokerOptions { Latency = TimeSpan.FromSeconds(5) });
            var events = Capture(b);
            b.Submit(Req("p-0-0", 4));
            b.Cancel("p-0-0");
            Assert.That(b.DeliverDue(), Is.EqualTo(2));
            Assert.That(events.Last().Kind, Is.EqualTo(OrderUpdateKind.Filled), "a market order has executed when the cancel arrives");
            Assert.Throws<InvalidInputException>(() => b.Cancel("unknown"));
            Assert.Throws<InvalidInputException>(() => b.Change("p-0-0", 2));
        }

        [Test]
        public void Submit_TheSameClientIdTwice_IsRefusedAndNothingIsSentTwice()
        {
            string journal = Path.Combine(_dir, "j.jsonl");
            using (var b = new SimulatedBroker(new ManualClock(T0), new FixedPriceSource(1m), null, journal))
            {
                b.Submit(Req("p-0-0", 4));
                var ex = Assert.Throws<InvalidInputException>(() => b.Submit(Req("p-0-0", 4)))!;
                Assert.That(ex.Message, Does.Contain("duplicate client order id 'p-0-0'"));
            }
            using var reopened = new SimulatedBroker(new ManualClock(T0), new FixedPriceSource(1m), null, journal);
            Assert.Throws<InvalidInputException>(() => reopened.Submit(Req("p-0-0", 4)), "after a restart too");
            Assert.That(File.ReadAllLines(journal), Has.Length.EqualTo(1));
        }

        [Test]
        public void Reopen_OnTheJournal_AnswersWhichOrdersItHasWithTheSameFinalState()
        {
            string journal = Path.Combine(_dir, "j.jsonl");
            var options = new SimulatedBrokerOptions { Seed = 5, PartialFillProbability = 0.5, VenueCancelProbability = 0.3, RejectProbability = 0.2 };
            List<BrokerOrderSnapshot> first;
            using (var b = new SimulatedBroker(new ManualClock(T0), new FixedPriceSource(7.25m), options, journal))
            {
                for (int i = 0; i < 200; i++) b.Submit(Req($"p-{i}-0", 1 + i % 17, i % 2 == 0 ? "ES" : "NQ", i % 3 == 0 ? OrderSide.Sell : OrderSide.Buy));
                first = b.Orders.ToList();
            }
            var accepted = first.Where(o => o.State != OrderUpdateKind.Rejected).ToList();
            Assert.That(accepted.Count, Is.InRange(120, 190), "about 20% seeded rejects");
            Assert.That(accepted.Count(o => o.State == OrderUpdateKind.Cancelled), Is.GreaterThan(20), "venue cancels happen");
            Assert.That(File.ReadAllLines(journal), Has.Length.EqualTo(accepted.Count), "rejected orders are not journaled");
            using var again = new SimulatedBroker(new ManualClock(T0.AddHours(1)), new FixedPriceSource(1m), options, journal);
            var reloaded = again.Orders;
            Assert.That(reloaded.Select(o => (o.ClientOrderId, o.Instrument, o.Side, o.Quantity, o.State, o.Filled, o.AverageFillPrice)),
                Is.EqualTo(accepted.Select(o => (o.ClientOrderId, o.Instrument, o.Side, o.Quantity, o.State, o.Filled, o.AverageFillPrice))));
        }

        [Test]
        public void SeededOutcomes_ReportCumulativeFillsThatEndAtTheFinalState()
        {
            var clock = new ManualClock(T0);
            var options = new SimulatedBrokerOptions { Seed = 3, PartialFillProbability = 0.6, VenueCancelProbability = 0.2, RejectProbability = 0.1, MaxParts = 4, Latency = TimeSpan.FromMilliseconds(10) };
            using var b = new SimulatedBroker(clock, new FixedPriceSource(2m), options);
            var events = Capture(b);
            for (int i = 0; i < 300; i++) b.Submit(Req($"q-{i}-0", 1 + i % 23));
            b.DeliverAll();
            foreach (var g in events.GroupBy(e => e.ClientOrderId))
            {
                var seq = g.ToList();
                var snap = b.FindOrder(g.Key)!;
                var last = seq.Last();
                Assert.That((last.Kind, last.CumulativeFilled), Is.EqualTo((snap.State, snap.Filled)), g.Key);
                for (int k = 1; k < seq.Count; k++) Assert.That(seq[k].CumulativeFilled, Is.GreaterThanOrEqualTo(seq[k - 1].CumulativeFilled), g.Key);
                Assert.That(snap.Filled, Is.InRange(0, snap.Quantity));
                if (snap.State == OrderUpdateKind.Filled) Assert.That(snap.Filled, Is.EqualTo(snap.Quantity));
            }
            Assert.That(events.Count(e => e.Kind == OrderUpdateKind.PartFilled), Is.GreaterThan(100));
            Assert.That(events.Count(e => e.Kind == OrderUpdateKind.Rejected), Is.InRange(15, 50));
        }

        [Test]
        public void BarPrices_FillAtTheLastCloseAtOrBeforeTheOrderTime_AndRejectWithoutAPrice()
        {
            var clock = new ManualClock(T0);
            var bars = new BarPriceSource().Add("ES", new[] { T0.AddMinutes(-2), T0.AddMinutes(-1), T0.AddMinutes(1) }, new[] { 10m, 11m, 12m });
            using var b = new SimulatedBroker(clock, bars);
            b.Submit(Req("a", 1));
            clock.Advance(TimeSpan.FromMinutes(1));
            b.Submit(Req("b", 1));
            b.Submit(Req("c", 1, "CL"));
            Assert.That(b.FindOrder("a")!.AverageFillPrice, Is.EqualTo(11));
            Assert.That(b.FindOrder("b")!.AverageFillPrice, Is.EqualTo(12));
            Assert.That(b.FindOrder("c")!.State, Is.EqualTo(OrderUpdateKind.Rejected));
            Assert.That(b.FindOrder("c")!.Message, Does.Contain("no price for 'CL'"));
        }
    }
}
