using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Rebalancing;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Tca;

namespace NinjaTraderPortfolio.Core.Tests.Rebalancing
{
    /// <summary>Roll day from the rollover dates, the roll's close-then-open legs, and non-positive back-adjusted closes.</summary>
    [TestFixture]
    public class FuturesRollTests
    {
        private static readonly DateTime March = new DateTime(2026, 3, 1);
        private static readonly DateTime June = new DateTime(2026, 6, 1);
        private static readonly DateTime September = new DateTime(2026, 9, 1);
        private static readonly RollEntry[] Rollovers =
        {
            new RollEntry(June, new DateTime(2026, 3, 12)), new RollEntry(March, new DateTime(2025, 12, 11)), new RollEntry(September, new DateTime(2026, 6, 11)),
        };

        [TestCase(0, "2026-03-12")]
        [TestCase(2, "2026-03-10")]
        [TestCase(14, "2026-02-26")]
        public void RollDay_IsTheNextContractsRolloverDate_LessTheOffsetInCalendarDays(int offset, string expected)
        {
            Assert.That(FuturesRoll.RollDay(March, Rollovers, offset), Is.EqualTo(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(FuturesRoll.RollDay(June, Rollovers, 0), Is.EqualTo(new DateTime(2026, 6, 11)));
        }

        [Test]
        public void RollDay_WithoutALaterRollover_IsNull_AndANegativeOffsetIsRefused()
        {
            Assert.That(FuturesRoll.RollDay(September, Rollovers, 0), Is.Null);
            var error = Assert.Throws<ArgumentException>(() => FuturesRoll.RollDay(March, Rollovers, -1));
            Assert.That(error!.Message, Does.Contain("-1"));
        }

        [Test]
        public void IsDue_FromTheRollDayOn_ByCalendarDate()
        {
            DateTime day = new DateTime(2026, 3, 10);
            Assert.That(FuturesRoll.IsDue(new DateTime(2026, 3, 9, 23, 59, 0), day), Is.False);
            Assert.That(FuturesRoll.IsDue(new DateTime(2026, 3, 10, 0, 1, 0), day), Is.True);
            Assert.That(FuturesRoll.IsDue(new DateTime(2026, 3, 11), day), Is.True);
            Assert.That(FuturesRoll.IsDue(new DateTime(2026, 3, 11), null), Is.False);
        }

        // Fills each child in full when told to (Fill), so a test controls when the close leg is done.
        private sealed class HeldGateway : IOrderGateway
        {
            internal List<ChildOrderRequest> Submitted { get; } = new List<ChildOrderRequest>();
            public event EventHandler<OrderUpdate>? OrderUpdated;
            public void Submit(ChildOrderRequest order)
            {
                Submitted.Add(order);
                OrderUpdated?.Invoke(this, new OrderUpdate(order.ClientOrderId, OrderUpdateKind.Accepted, 0, double.NaN, DateTime.MinValue));
            }
            internal void Fill(ChildOrderRequest order, double price) =>
                OrderUpdated?.Invoke(this, new OrderUpdate(order.ClientOrderId, OrderUpdateKind.Filled, order.Quantity, price, DateTime.MinValue));
            internal void Part(ChildOrderRequest order, int cumulative, double price) =>
                OrderUpdated?.Invoke(this, new OrderUpdate(order.ClientOrderId, cumulative < order.Quantity ? OrderUpdateKind.PartFilled : OrderUpdateKind.Filled, cumulative, price, DateTime.MinValue));
            public void Cancel(string clientOrderId) =>
                OrderUpdated?.Invoke(this, new OrderUpdate(clientOrderId, OrderUpdateKind.Cancelled, 0, double.NaN, DateTime.MinValue));
            public void Change(string clientOrderId, int newQuantity) { }
        }

        private static (PortfolioRebalancer Loop, HeldGateway Gateway, List<string> Log) Create()
        {
            var gateway = new HeldGateway();
            var log = new List<string>();
            var loop = new PortfolioRebalancer(new PortfolioRebalancerOptions
            {
                Instruments = new[] { "ES 03-26" },
                PointValues = new[] { 50.0 },
                Targets = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 1.0, 1.0, 0),
                Lookback = 2,
                Calendar = CalendarFrequency.Monthly,
                BarLength = TimeSpan.FromDays(1),
            }, gateway, new SettableClock(), null, log.Add);
            return (loop, gateway, log);
        }

        [Test]
        public void Roll_SendsTheOpenLegOnlyAfterTheCloseLegIsFilled_ForTheFilledQuantity()
        {
            var (loop, gateway, log) = Create();
            DateTime day = new DateTime(2026, 3, 10);
            // As in the strategy: the roll comes on a bar after the loop has seen earlier ones (before this bar's OnBar).
            loop.OnBar(day.AddDays(-1), new[] { 5001.0 }, new[] { -3 }, 1000000m, false);

            Assert.That(loop.Roll(day, 0, "ES 06-26", -3, 5000), Is.True);
            Assert.That(loop.Instruments, Is.EqualTo(new[] { "ES 06-26" }));
            Assert.That(loop.Rolling, Is.True);
            Assert.That(gateway.Submitted.Select(o => (o.Instrument, o.Side, o.Quantity)), Is.EqualTo(new[] { ("ES 03-26", OrderSide.Buy, 3L) }), "a short closes with a buy");

            // While the close is working, bars pass and no open is sent: the two legs never add up to 6 contracts.
            loop.OnBar(day.AddDays(1), new[] { 5040.25 }, new[] { -3 }, 1000000m, false);
            Assert.That(gateway.Submitted, Has.Count.EqualTo(1), string.Join("; ", gateway.Submitted.Select(o => o.Instrument + " " + o.Side + " " + o.Quantity + " " + o.ClientOrderId)) + " / " + string.Join("; ", log));

            gateway.Fill(gateway.Submitted[0], 5000);
            loop.OnBar(day.AddDays(2), new[] { 5041.0 }, new[] { 0 }, 1000000m, false);
            Assert.That(gateway.Submitted.Select(o => (o.Instrument, o.Side, o.Quantity)),
                Is.EqualTo(new[] { ("ES 03-26", OrderSide.Buy, 3L), ("ES 06-26", OrderSide.Sell, 3L) }));
            Assert.That(gateway.Submitted.Select(o => o.ClientOrderId).Distinct().Count(), Is.EqualTo(2), "unique order names");

            gateway.Fill(gateway.Submitted[1], 5041);
            loop.OnBar(day.AddDays(3), new[] { 5042.0 }, new[] { -3 }, 1000000m, false);
            Assert.That(loop.Rolling, Is.False);
        }

        [Test]
        public void Roll_OnSeededRandomPositionsAndPartialFills_NeverHoldsMoreThanThePositionAcrossBothContracts()
        {
            var random = new Random(20261205);
            for (int trial = 0; trial < 50; trial++)
            {
                var (loop, gateway, _) = Create();
                DateTime day = new DateTime(2026, 3, 10);
                int position = random.Next(1, 21) * (random.Next(2) == 0 ? -1 : 1);
                loop.OnBar(day.AddDays(-1), new[] { 5000.0 }, new[] { position }, 1000000m, false);
                Assert.That(loop.Roll(day, 0, "ES 06-26", position, 5000), Is.True);
                int sign = Math.Sign(position), expiring = position, next = 0, bar = 0;
                int closed = 0;
                // The close leg fills in 1-3 random parts, one per bar; then the open leg does the same.
                foreach (int leg in new[] { 0, 1 })
                {
                    ChildOrderRequest child = gateway.Submitted[leg];
                    int remaining = (int)child.Quantity, cumulative = 0, parts = 0;
                    while (remaining > 0)
                    {
                        // At most 3 parts, so each child fills within its 5-bar slice (no catch-up child).
                        int part = remaining == 1 || ++parts == 3 || random.Next(3) == 0 ? remaining : random.Next(1, remaining);
                        cumulative += part;
                        remaining -= part;
                        gateway.Part(child, cumulative, 5000);
                        if (leg == 0) { expiring -= sign * part; closed += part; } else next += sign * part;
                        Assert.That(Math.Abs(expiring) + Math.Abs(next), Is.LessThanOrEqualTo(Math.Abs(position)), "trial " + trial);
                        bar++;
                        loop.OnBar(day.AddDays(bar), new[] { 5040.0 + bar * (bar % 2 == 0 ? 1 : -1) }, new[] { expiring + next }, 1000000m, false);
                        Assert.That(gateway.Submitted.Count(o => o.ClientOrderId.StartsWith("R", StringComparison.Ordinal)), Is.EqualTo(leg == 0 && remaining > 0 ? 1 : 2),
                            "the open leg waits for the whole close, trial " + trial);
                        if (loop.Rolling) Assert.That(gateway.Submitted, Has.Count.LessThanOrEqualTo(2), "no rebalance while rolling");
                    }
                }
                Assert.That(gateway.Submitted[1].Quantity, Is.EqualTo(closed));
                Assert.That((expiring, next), Is.EqualTo((0, position)), "trial " + trial);
            }
        }

        [Test]
        public void Roll_OfAFlatSlot_OnlySwitchesTheContract()
        {
            var (loop, gateway, _) = Create();
            Assert.That(loop.Roll(new DateTime(2026, 3, 10), 0, "ES 06-26", 0, 5000), Is.True);
            Assert.That(gateway.Submitted, Is.Empty);
            Assert.That(loop.Rolling, Is.False);
            Assert.That(loop.Instruments, Is.EqualTo(new[] { "ES 06-26" }));
        }

        [Test]
        public void NonPositiveCloses_SkipTheBar_AndTheReturnAcrossIt_WithALoggedReason()
        {
            // Closes 200, 100, -50, 100, 125: returns -0.5, (none: -50 skipped), (none: across the gap), 0.25. Lookback 2 is
            // covered on the fifth bar, not the fourth (which a return 100/100 across the gap would have given).
            var (loop, gateway, log) = Create();
            DateTime day = new DateTime(2026, 3, 2);
            double[] closes = { 200, 100, -50, 100, 125 };
            var reasons = closes.Select((c, d) => loop.OnBar(day.AddDays(d), new[] { c }, new[] { 0 }, 1000000m, false)).ToList();

            Assert.That(reasons, Is.EqualTo(new[] { RebalanceReason.None, RebalanceReason.None, RebalanceReason.None, RebalanceReason.None, RebalanceReason.Calendar }));
            Assert.That(log, Has.Some.Contains("bar skipped: close of ES 03-26 is -50, not positive"));
            // 1,000,000 x weight 1 / (125 x 50) = 160 contracts.
            Assert.That(loop.LastPlan, Is.Not.Null);
            Assert.That(gateway.Submitted.Sum(o => o.Quantity), Is.EqualTo(160));
        }
    }
}
