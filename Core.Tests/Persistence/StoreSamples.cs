using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>Sample records and field-by-field comparisons used by the persistence tests.</summary>
    internal static class StoreSamples
    {
        public static readonly DateTime T0 = new DateTime(2024, 6, 3, 14, 30, 0, DateTimeKind.Utc);

        /// <summary>An instant with an odd tick count, so any rounding to ms or µs would show.</summary>
        public static readonly DateTime OddTick = T0.AddDays(1).AddTicks(1_234_567);

        public static ParentOrderRecord Parent(string id, int slices = 3, long quantity = 30, ParentOrderStatus status = ParentOrderStatus.Working,
            long filled = 0, DateTime? updated = null)
        {
            var list = Enumerable.Range(0, slices)
                .Select(i => new TimedSlice(i, T0.AddMinutes(5 * i), T0.AddMinutes(5 * i + 5), quantity / slices + (i < quantity % slices ? 1 : 0)))
                .ToList();
            return new ParentOrderRecord(new ParentOrder(id, "ES 12-25", OrderSide.Buy, quantity), status, filled, list,
                list.Select(s => s.Quantity).ToList(), list.Select(_ => 0).ToList(), list.Select(_ => 0).ToList(), updated ?? T0);
        }

        public static ChildOrderRecord Child(string parentId, int slice, int attempt, int quantity, int filled, double avg, ChildOrderState state,
            DateTime updated, string? message = null, CancelReason reason = CancelReason.None)
            => new ChildOrderRecord($"{parentId}-{slice}-{attempt}", parentId, slice, attempt, quantity, filled, avg, state, reason, updated, message);

        public static ChildTransition Transition(ChildOrderRecord child, ChildOrderState? from, string note)
            => new ChildTransition(child.ClientOrderId, from, child.State, child.Filled, child.Updated, note);

        public static void AssertSame(ParentOrderRecord? expected, ParentOrderRecord? actual)
        {
            if (expected == null) { Assert.That(actual, Is.Null); return; }
            Assert.That(actual, Is.Not.Null, $"parent {expected.Order.Id} missing");
            Assert.That(actual!.Order.Id, Is.EqualTo(expected.Order.Id));
            Assert.That(actual.Order.Instrument, Is.EqualTo(expected.Order.Instrument));
            Assert.That(actual.Order.Side, Is.EqualTo(expected.Order.Side));
            Assert.That(actual.Order.Quantity, Is.EqualTo(expected.Order.Quantity));
            Assert.That(actual.Status, Is.EqualTo(expected.Status));
            Assert.That(actual.Filled, Is.EqualTo(expected.Filled));
            AssertUtc(expected.Updated, actual.Updated);
            Assert.That(actual.Slices, Has.Count.EqualTo(expected.Slices.Count));
            for (int i = 0; i < expected.Slices.Count; i++)
            {
                Assert.That(actual.Slices[i].Index, Is.EqualTo(expected.Slices[i].Index));
                AssertUtc(expected.Slices[i].Start, actual.Slices[i].Start);
                AssertUtc(expected.Slices[i].Deadline, actual.Slices[i].Deadline);
                Assert.That(actual.Slices[i].Quantity, Is.EqualTo(expected.Slices[i].Quantity));
            }
            Assert.That(actual.Pending, Is.EqualTo(expected.Pending));
            Assert.That(actual.Attempts, Is.EqualTo(expected.Attempts));
            Assert.That(actual.Failures, Is.EqualTo(expected.Failures));
        }

        public static void AssertSame(IReadOnlyList<ChildOrderRecord> expected, IReadOnlyList<ChildOrderRecord> actual)
        {
            Assert.That(actual.Select(c => c.ClientOrderId), Is.EqualTo(expected.Select(c => c.ClientOrderId)), "children or their creation order differ");
            for (int i = 0; i < expected.Count; i++)
            {
                var e = expected[i];
                var a = actual[i];
                Assert.That(a.ParentId, Is.EqualTo(e.ParentId));
                Assert.That(a.SliceIndex, Is.EqualTo(e.SliceIndex));
                Assert.That(a.Attempt, Is.EqualTo(e.Attempt));
                Assert.That(a.Quantity, Is.EqualTo(e.Quantity));
                Assert.That(a.Filled, Is.EqualTo(e.Filled));
                Assert.That(BitConverter.DoubleToInt64Bits(a.AverageFillPrice), Is.EqualTo(BitConverter.DoubleToInt64Bits(e.AverageFillPrice)),
                    $"average fill price of {e.ClientOrderId}: {e.AverageFillPrice:R} vs {a.AverageFillPrice:R}");
                Assert.That(a.State, Is.EqualTo(e.State));
                Assert.That(a.CancelReason, Is.EqualTo(e.CancelReason));
                AssertUtc(e.Updated, a.Updated);
                Assert.That(a.Message, Is.EqualTo(e.Message));
            }
        }

        public static void AssertSame(IReadOnlyList<ChildTransition> expected, IReadOnlyList<ChildTransition> actual)
        {
            Assert.That(actual.Select(t => t.ToString()), Is.EqualTo(expected.Select(t => t.ToString())));
            for (int i = 0; i < expected.Count; i++) AssertUtc(expected[i].Time, actual[i].Time);
        }

        public static void AssertUtc(DateTime expected, DateTime actual)
        {
            Assert.That(actual.Ticks, Is.EqualTo(expected.Ticks), $"{actual:O} vs {expected:O}");
            Assert.That(actual.Kind, Is.EqualTo(DateTimeKind.Utc));
        }

        /// <summary>Same value and same scale ("1.50" stays 1.50, not 1.5).</summary>
        public static void AssertExact(decimal expected, decimal actual)
            => Assert.That(decimal.GetBits(actual), Is.EqualTo(decimal.GetBits(expected)), $"{actual} vs {expected}");
    }
}
