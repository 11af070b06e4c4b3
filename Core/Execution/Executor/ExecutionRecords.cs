using NinjaTraderPortfolio.Core.Execution.Schedules;
using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Execution.Executor
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
    /// <param name="ClientOrderId">Client id "&lt;parent&gt;-&lt;slice&gt;-&lt;attempt&gt;".</param>
    /// <param name="ParentId">Parent id.</param>
    /// <param name="SliceIndex">Slice index.</param>
    /// <param name="Attempt">Attempt within the slice.</param>
    /// <param name="Quantity">Ordered quantity (after any change).</param>
    /// <param name="Filled">Cumulative filled quantity.</param>
    /// <param name="AverageFillPrice">Average fill price (NaN when nothing filled).</param>
    /// <param name="State">State.</param>
    /// <param name="CancelReason">Why a cancel was requested.</param>
    /// <param name="Updated">Last change, UTC (injected clock).</param>
    /// <param name="Message">Last native message (reject reason, gateway error).</param>
    public sealed record ChildOrderRecord(
        string ClientOrderId, string ParentId, int SliceIndex, int Attempt, int Quantity, int Filled, double AverageFillPrice,
        ChildOrderState State, CancelReason CancelReason, DateTime Updated, string? Message)
    {
        /// <summary>True for Filled, Cancelled, Rejected and SubmitFailed.</summary>
        public bool IsTerminal => IsTerminalState(State);

        /// <summary>Quantity this child may still fill plus what it filled: the part of the parent it holds.</summary>
        public long Committed => IsTerminal ? Filled : Math.Max(Quantity, Filled);

        /// <summary>True for the terminal states.</summary>
        public static bool IsTerminalState(ChildOrderState s)
            => s == ChildOrderState.Filled || s == ChildOrderState.Cancelled || s == ChildOrderState.Rejected || s == ChildOrderState.SubmitFailed;
    }

    /// <summary>One state transition of a child order (the audit trail the store keeps).</summary>
    /// <param name="ClientOrderId">Child id.</param>
    /// <param name="From">Previous state (null when created).</param>
    /// <param name="To">New state.</param>
    /// <param name="Filled">Cumulative filled after the transition.</param>
    /// <param name="Time">When (UTC, injected clock).</param>
    /// <param name="Note">What caused it ("submit", "event Filled", "deadline", ...).</param>
    public sealed record ChildTransition(string ClientOrderId, ChildOrderState? From, ChildOrderState To, int Filled, DateTime Time, string Note)
    {
        /// <inheritdoc />
        public override string ToString() => $"{ClientOrderId}: {From?.ToString() ?? "-"} -> {To} filled {Filled} ({Note})";
    }

    /// <summary>Snapshot of a parent order with its remaining plan, enough to resume after a restart.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    public sealed record ParentOrderRecord
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
