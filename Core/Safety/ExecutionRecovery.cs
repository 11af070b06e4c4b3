using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Executor;

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
    /// refused with <see cref="InvalidInputException"/> before anything is sent, and so is the opposite: a child the store
    /// recorded as acknowledged or filled that the broker does not hold, or holds with fewer fills.
    /// </summary>
    public static class ExecutionRecovery
    {
        private static bool Acknowledged(ChildOrderState s)
            => s == ChildOrderState.Accepted || s == ChildOrderState.PartFilled || s == ChildOrderState.Filled; // CancelPending may follow Submitted directly

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
            // The other way round: what the store recorded as acknowledged or filled must be at the broker, with at least
            // those fills. Fewer orders or fills at the broker (a truncated, emptied or different journal, another account)
            // would otherwise be "resumed" into a false Completed.
            foreach (var child in executor.Children)
            {
                var atBroker = broker.FindOrder(child.ClientOrderId);
                string? problem = null;
                if (atBroker == null && (child.Filled > 0 || Acknowledged(child.State)))
                    problem = $"the store records child order '{child.ClientOrderId}' as {child.State} with {child.Filled} filled, but the broker does not hold it";
                else if (atBroker != null && atBroker.Filled < child.Filled)
                    problem = $"the broker shows {atBroker.Filled} filled on child order '{child.ClientOrderId}', the store recorded {child.Filled}";
                else if (atBroker != null && (atBroker.Instrument != executor.Parent.Instrument || atBroker.Side != executor.Parent.Side))
                    problem = $"the broker holds child order '{child.ClientOrderId}' as {atBroker.Side} '{atBroker.Instrument}', the store's parent is {executor.Parent.Side} '{executor.Parent.Instrument}'";
                if (problem != null)
                    throw new InvalidInputException(problem + "; the execution store and the broker do not agree (a truncated or different broker journal or account?); nothing was sent");
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
