using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Execution
{
    /// <summary>Executor-side state of a child order. Filled, Cancelled, Rejected and SubmitFailed are terminal.</summary>
    public enum ChildOrderState
    {
        /// <summary>Handed to the gateway, no answer yet.</summary>
        Submitted,
        /// <summary>Accepted/working.</summary>
        Accepted,
        /// <summary>Partly filled, still working (not terminal).</summary>
        PartFilled,
        /// <summary>Cancel requested, not confirmed (fills may still arrive).</summary>
        CancelPending,
        /// <summary>Completely filled.</summary>
        Filled,
        /// <summary>Cancelled, possibly with fills.</summary>
        Cancelled,
        /// <summary>Rejected by broker or exchange.</summary>
        Rejected,
        /// <summary>The gateway threw on submit: never sent.</summary>
        SubmitFailed,
    }

    /// <summary>Why the executor asked for a cancel.</summary>
    public enum CancelReason
    {
        /// <summary>No cancel requested by the executor.</summary>
        None,
        /// <summary>The slice's deadline passed; the remainder rolls into the next slice.</summary>
        Expired,
        /// <summary>The parent was cancelled; nothing is rescheduled.</summary>
        Parent,
    }

    /// <summary>Parent order status.</summary>
    public enum ParentOrderStatus
    {
        /// <summary>Slices are being worked.</summary>
        Working,
        /// <summary>Filled in full.</summary>
        Completed,
        /// <summary>Cancelled by the caller.</summary>
        Cancelled,
        /// <summary>Stopped after repeated rejects or submit failures: an alert was raised, nothing more is sent or rescheduled, children already working are left to the operator (CancelAll stops them).</summary>
        Halted,
    }

    /// <summary>Immutable snapshot of a child order, as saved in the <see cref="IExecutionStore"/>.</summary>
    public sealed class ChildOrderRecord
    {
        /// <summary>Creates the snapshot.</summary>
        public ChildOrderRecord(string clientOrderId, string parentId, int sliceIndex, int attempt, int quantity, int filled,
            double averageFillPrice, ChildOrderState state, CancelReason cancelReason, DateTime updated, string? message)
        {
            ClientOrderId = clientOrderId; ParentId = parentId; SliceIndex = sliceIndex; Attempt = attempt; Quantity = quantity;
            Filled = filled; AverageFillPrice = averageFillPrice; State = state; CancelReason = cancelReason; Updated = updated; Message = message;
        }

        /// <summary>Client id "&lt;parent&gt;-&lt;slice&gt;-&lt;attempt&gt;".</summary>
        public string ClientOrderId { get; }
        /// <summary>Parent id.</summary>
        public string ParentId { get; }
        /// <summary>Slice index.</summary>
        public int SliceIndex { get; }
        /// <summary>Attempt within the slice.</summary>
        public int Attempt { get; }
        /// <summary>Ordered quantity (after any change).</summary>
        public int Quantity { get; }
        /// <summary>Cumulative filled quantity.</summary>
        public int Filled { get; }
        /// <summary>Average fill price (NaN when nothing filled).</summary>
        public double AverageFillPrice { get; }
        /// <summary>State.</summary>
        public ChildOrderState State { get; }
        /// <summary>Why a cancel was requested.</summary>
        public CancelReason CancelReason { get; }
        /// <summary>Last change, UTC (injected clock).</summary>
        public DateTime Updated { get; }
        /// <summary>Last native message (reject reason, gateway error).</summary>
        public string? Message { get; }

        /// <summary>True for Filled, Cancelled, Rejected and SubmitFailed.</summary>
        public bool IsTerminal => IsTerminalState(State);

        /// <summary>Quantity this child may still fill plus what it filled: the part of the parent it holds.</summary>
        public long Committed => IsTerminal ? Filled : Math.Max(Quantity, Filled);

        /// <summary>True for the terminal states.</summary>
        public static bool IsTerminalState(ChildOrderState s)
            => s == ChildOrderState.Filled || s == ChildOrderState.Cancelled || s == ChildOrderState.Rejected || s == ChildOrderState.SubmitFailed;

        internal ChildOrderRecord With(ChildOrderState? state = null, int? quantity = null, int? filled = null, double? avg = null,
            CancelReason? reason = null, DateTime? updated = null, string? message = null)
            => new ChildOrderRecord(ClientOrderId, ParentId, SliceIndex, Attempt, quantity ?? Quantity, filled ?? Filled, avg ?? AverageFillPrice,
                state ?? State, reason ?? CancelReason, updated ?? Updated, message ?? Message);
    }

    /// <summary>One state transition of a child order (the audit trail the store keeps).</summary>
    public sealed class ChildTransition
    {
        /// <summary>Creates the transition; <paramref name="from"/> is null for a new child.</summary>
        public ChildTransition(string clientOrderId, ChildOrderState? from, ChildOrderState to, int filled, DateTime time, string note)
        {
            ClientOrderId = clientOrderId; From = from; To = to; Filled = filled; Time = time; Note = note;
        }

        /// <summary>Child id.</summary>
        public string ClientOrderId { get; }
        /// <summary>Previous state (null when created).</summary>
        public ChildOrderState? From { get; }
        /// <summary>New state.</summary>
        public ChildOrderState To { get; }
        /// <summary>Cumulative filled after the transition.</summary>
        public int Filled { get; }
        /// <summary>When (UTC, injected clock).</summary>
        public DateTime Time { get; }
        /// <summary>What caused it ("submit", "event Filled", "deadline", ...).</summary>
        public string Note { get; }

        /// <inheritdoc />
        public override string ToString() => $"{ClientOrderId}: {From?.ToString() ?? "-"} -> {To} filled {Filled} ({Note})";
    }

    /// <summary>Snapshot of a parent order with its remaining plan, enough to resume after a restart.</summary>
    public sealed class ParentOrderRecord
    {
        /// <summary>Creates the snapshot; lists are copied.</summary>
        public ParentOrderRecord(ParentOrder order, ParentOrderStatus status, long filled, IReadOnlyList<TimedSlice> slices,
            IReadOnlyList<long> pending, IReadOnlyList<int> attempts, IReadOnlyList<int> failures, DateTime updated)
        {
            Order = order; Status = status; Filled = filled; Updated = updated;
            Slices = slices.ToList().AsReadOnly();
            Pending = pending.ToList().AsReadOnly();
            Attempts = attempts.ToList().AsReadOnly();
            Failures = failures.ToList().AsReadOnly();
        }

        /// <summary>The parent order (its quantity may have been reduced).</summary>
        public ParentOrder Order { get; }
        /// <summary>Status.</summary>
        public ParentOrderStatus Status { get; }
        /// <summary>Total filled over all children.</summary>
        public long Filled { get; }
        /// <summary>Slices including catch-up slices appended for remainders.</summary>
        public IReadOnlyList<TimedSlice> Slices { get; }
        /// <summary>Quantity of each slice not yet given to a child.</summary>
        public IReadOnlyList<long> Pending { get; }
        /// <summary>Children created per slice (next attempt number).</summary>
        public IReadOnlyList<int> Attempts { get; }
        /// <summary>Rejects/submit failures per slice.</summary>
        public IReadOnlyList<int> Failures { get; }
        /// <summary>Last change, UTC.</summary>
        public DateTime Updated { get; }
    }
}
