using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>What <see cref="ExecutionRecovery.Reconcile"/> found.</summary>
    public sealed class RecoveryReport
    {
        internal RecoveryReport(int adopted, int neverSent, int updated)
        {
            Adopted = adopted; NeverSent = neverSent; Updated = updated;
        }

        /// <summary>Children the store and the broker both know (their broker state was applied).</summary>
        public int Adopted { get; }
        /// <summary>Children recorded before a submit that never reached the broker: closed as cancelled with nothing filled.</summary>
        public int NeverSent { get; }
        /// <summary>Children whose state changed by applying the broker's view.</summary>
        public int Updated { get; }
    }

    /// <summary>
    /// Crash recovery of a <see cref="ScheduleExecutor"/> resumed from its store: every child the store knows is matched by
    /// client id with the broker (<see cref="IBrokerOrderQuery"/>). A child the broker holds gets the broker's state (fills
    /// the process missed while down are counted once, by cumulative quantity). A live child the broker never accepted was
    /// recorded by the write-ahead step but the process died before or during the submit: it is closed as Cancelled with 0
    /// filled, so its quantity is rescheduled under a new client id and the old id is never sent. An order at the broker
    /// with this parent's prefix that the store does not know means the store and broker do not belong together, and is
    /// refused with <see cref="InvalidInputException"/> before anything is sent.
    /// </summary>
    public static class ExecutionRecovery
    {
        /// <summary>Reconciles <paramref name="executor"/> with <paramref name="broker"/> at <paramref name="now"/> (UTC).</summary>
        public static RecoveryReport Reconcile(ScheduleExecutor executor, IBrokerOrderQuery broker, DateTime now)
        {
            Guard.NotNull(executor, nameof(executor));
            Guard.NotNull(broker, nameof(broker));
            string prefix = executor.Parent.Id + "-";
            var known = new HashSet<string>(executor.Children.Select(c => c.ClientOrderId), StringComparer.Ordinal);
            foreach (var o in broker.Orders)
            {
                if (o.ClientOrderId.StartsWith(prefix, StringComparison.Ordinal) && !known.Contains(o.ClientOrderId))
                    throw new InvalidInputException(
                        $"the broker holds order '{o.ClientOrderId}' of parent '{executor.Parent.Id}' that the execution store does not know; the store and the broker journal do not belong together");
            }
            int adopted = 0, neverSent = 0, updated = 0;
            foreach (var child in executor.Children)
            {
                var before = child;
                var atBroker = broker.FindOrder(child.ClientOrderId);
                if (atBroker != null)
                {
                    adopted++;
                    executor.Handle(atBroker.ToUpdate(now, "state at the broker after restart"));
                }
                else if (!child.IsTerminal)
                {
                    neverSent++;
                    executor.Handle(new OrderUpdate(child.ClientOrderId, OrderUpdateKind.Cancelled, 0, double.NaN, now,
                        "not known to the broker after restart: never sent"));
                }
                var after = executor.Children.First(c => c.ClientOrderId == child.ClientOrderId);
                if (after.State != before.State || after.Filled != before.Filled) updated++;
            }
            // The parent snapshot may lag its children (a crash between the two writes): re-derive status and unsent quantity.
            executor.ReconcilePlan();
            return new RecoveryReport(adopted, neverSent, updated);
        }
    }
}
