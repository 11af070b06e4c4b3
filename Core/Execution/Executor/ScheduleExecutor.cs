using NinjaTraderPortfolio.Core.Execution.Schedules;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Execution.Executor
{
    /// <summary>Settings of <see cref="ScheduleExecutor"/>.</summary>
    public sealed class ExecutorOptions
    {
        /// <summary>Re-sends allowed per slice after a reject or a failed submit before the parent halts with an alert (default 3).</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>Length of a catch-up slice appended when a remainder has no later slice (default: the last slice's length, at least 1 minute).</summary>
        public TimeSpan? CatchUpWindow { get; set; }

        /// <summary>
        /// Largest child order (whole units, default none). A slice holding more (e.g. a catch-up slice after an outage) is
        /// worked as successive children of at most this size, so a per-order trading limit is never exceeded.
        /// </summary>
        public int? MaxChildQuantity { get; set; }
    }

    /// <summary>
    /// Drives a timed schedule through an <see cref="IOrderGateway"/> with NT8 order-state semantics. Call <see cref="Poll"/>
    /// on a timer (sends due slices, cancels children past their deadline); gateway events arrive through
    /// <see cref="IOrderGateway.OrderUpdated"/> (or <see cref="Handle"/>). Guarantees: a child's quantity never exceeds the
    /// parent quantity minus what other children fill or may still fill, so fills never exceed the parent as long as the
    /// broker does not over-fill a child; client ids are "&lt;parent&gt;-&lt;slice&gt;-&lt;attempt&gt;", never reused; every child
    /// transition is written to the <see cref="IExecutionStore"/>. Remainders of children cancelled at their deadline (or
    /// by the broker) roll into the next slice; rejects are retried up to <see cref="ExecutorOptions.MaxRetries"/> times,
    /// then the parent halts and an alert is raised. Duplicate and out-of-order events are harmless because fills are
    /// tracked by the cumulative filled quantity and terminal states are final.
    /// </summary>
    public sealed class ScheduleExecutor : IDisposable
    {
        private readonly object _gate = new object();
        private readonly IOrderGateway _gateway;
        private readonly IExecutionStore _store;
        private readonly IClock _clock;
        private readonly IExecutionAlertSink? _alerts;
        private readonly ExecutorOptions _options;
        private readonly List<TimedSlice> _slices;
        private readonly List<long> _pending;
        private readonly List<int> _attempts;
        private readonly List<int> _failures;
        private readonly Dictionary<string, ChildOrderRecord> _children = new Dictionary<string, ChildOrderRecord>(StringComparer.Ordinal);
        private readonly List<string> _childOrder = new List<string>();
        private ParentOrder _parent;
        private ParentOrderStatus _status;
        private SavedKey? _lastSaved;

        /// <summary>
        /// Starts executing <paramref name="parent"/> along <paramref name="slices"/> (quantities must sum to the parent).
        /// Throws <see cref="InvalidInputException"/> when the store already holds this parent (use <see cref="Resume"/>).
        /// </summary>
        public ScheduleExecutor(ParentOrder parent, IReadOnlyList<TimedSlice> slices, IOrderGateway gateway, IExecutionStore store,
            IClock clock, ExecutorOptions? options = null, IExecutionAlertSink? alerts = null)
        {
            _parent = Guard.NotNull(parent, nameof(parent));
            Guard.NotNull(slices, nameof(slices));
            Guard.NotEmpty(slices, nameof(slices));
            _gateway = Guard.NotNull(gateway, nameof(gateway));
            _store = Guard.NotNull(store, nameof(store));
            _clock = Guard.NotNull(clock, nameof(clock));
            _options = options ?? new ExecutorOptions();
            Guard.NonNegative(_options.MaxRetries, "MaxRetries");
            if (_options.MaxChildQuantity.HasValue) Guard.Positive(_options.MaxChildQuantity.Value, "MaxChildQuantity");
            _alerts = alerts;
            if (store.LoadParent(parent.Id) != null)
                throw new InvalidInputException($"parent order '{parent.Id}' already exists in the execution store; resume it instead of starting again");
            long sum = 0;
            for (int i = 0; i < slices.Count; i++)
            {
                if (slices[i].Index != i) throw new ArgumentException($"slice {i} has index {slices[i].Index}; slices must be numbered 0..n-1 in order", nameof(slices));
                sum += slices[i].Quantity;
            }
            if (sum != parent.Quantity) throw new ArgumentException($"slices sum to {sum} but parent '{parent.Id}' is for {parent.Quantity}", nameof(slices));
            _slices = slices.ToList();
            _pending = slices.Select(s => s.Quantity).ToList();
            _attempts = slices.Select(_ => 0).ToList();
            _failures = slices.Select(_ => 0).ToList();
            _status = ParentOrderStatus.Working;
            SaveParent();
            _gateway.OrderUpdated += OnOrderUpdated;
        }

        private ScheduleExecutor(ParentOrderRecord record, IReadOnlyList<ChildOrderRecord> children, IOrderGateway gateway, IExecutionStore store,
            IClock clock, ExecutorOptions? options, IExecutionAlertSink? alerts)
        {
            _parent = record.Order;
            _gateway = gateway; _store = store; _clock = clock; _alerts = alerts;
            _options = options ?? new ExecutorOptions();
            if (_options.MaxChildQuantity.HasValue) Guard.Positive(_options.MaxChildQuantity.Value, "MaxChildQuantity");
            _slices = record.Slices.ToList();
            _pending = record.Pending.ToList();
            _attempts = record.Attempts.ToList();
            _failures = record.Failures.ToList();
            _status = record.Status;
            foreach (var c in children)
            {
                _children[c.ClientOrderId] = c;
                _childOrder.Add(c.ClientOrderId);
            }
            _gateway.OrderUpdated += OnOrderUpdated;
        }

        /// <summary>
        /// Rebuilds an executor after a restart from the store: live children are adopted (not re-sent), and the next
        /// child of a slice continues the attempt numbering, so no client id is reused. Throws when the parent is unknown.
        /// </summary>
        public static ScheduleExecutor Resume(string parentId, IOrderGateway gateway, IExecutionStore store, IClock clock,
            ExecutorOptions? options = null, IExecutionAlertSink? alerts = null)
        {
            Guard.NotNull(store, nameof(store));
            var record = store.LoadParent(parentId) ?? throw new InvalidInputException($"parent order '{parentId}' is not in the execution store");
            return new ScheduleExecutor(record, store.LoadChildren(parentId), Guard.NotNull(gateway, nameof(gateway)), store,
                Guard.NotNull(clock, nameof(clock)), options, alerts);
        }

        /// <summary>The parent order (quantity as currently reduced).</summary>
        public ParentOrder Parent { get { lock (_gate) return _parent; } }

        /// <summary>Parent status.</summary>
        public ParentOrderStatus Status { get { lock (_gate) return _status; } }

        /// <summary>Total filled over all children.</summary>
        public long Filled { get { lock (_gate) return FilledUnlocked(); } }

        /// <summary>Parent quantity not yet filled.</summary>
        public long Remaining { get { lock (_gate) return _parent.Quantity - FilledUnlocked(); } }

        /// <summary>Snapshots of all children in creation order.</summary>
        public IReadOnlyList<ChildOrderRecord> Children { get { lock (_gate) return _childOrder.Select(id => _children[id]).ToList().AsReadOnly(); } }

        /// <summary>Current slices (catch-up slices appended at the end) and their quantities not yet sent.</summary>
        public IReadOnlyList<KeyValuePair<TimedSlice, long>> Plan
        {
            get { lock (_gate) return _slices.Select((s, i) => new KeyValuePair<TimedSlice, long>(s, _pending[i])).ToList().AsReadOnly(); }
        }

        /// <summary>Sends due slices, cancels children past their deadline and rolls unsent quantity of expired slices forward.</summary>
        public void Poll()
        {
            lock (_gate)
            {
                if (_status != ParentOrderStatus.Working) return;
                DateTime now = _clock.UtcNow;
                foreach (var c in LiveChildren())
                {
                    if (c.State == ChildOrderState.CancelPending || _slices[c.SliceIndex].Deadline > now) continue;
                    RequestCancel(c, CancelReason.Expired, now);
                }
                for (int i = 0; i < _slices.Count && _status == ParentOrderStatus.Working; i++)
                {
                    if (_pending[i] <= 0 || _slices[i].Start > now || HasLiveChild(i)) continue;
                    if (_slices[i].Deadline <= now) { MovePending(i, now); continue; }
                    SubmitSlice(i, now);
                }
                SaveParent();
            }
        }

        /// <summary>Applies one gateway event (also called automatically through the gateway's event).</summary>
        public void Handle(OrderUpdate update)
        {
            Guard.NotNull(update, nameof(update));
            lock (_gate)
            {
                DateTime now = _clock.UtcNow;
                if (!_children.TryGetValue(update.ClientOrderId, out var old))
                {
                    if (update.ClientOrderId.StartsWith(_parent.Id + "-", StringComparison.Ordinal))
                        Alert(update.ClientOrderId, $"event {update.Kind} for unknown child order", now);
                    return;
                }
                int filled = Math.Max(old.Filled, update.CumulativeFilled);
                double avg = filled > old.Filled ? update.AverageFillPrice : old.AverageFillPrice;
                if (filled > old.Quantity) Alert(old.ClientOrderId, $"gateway reports {filled} filled on a child of {old.Quantity}", now);
                string note = "event " + update.Kind;
                if (old.IsTerminal)
                {
                    // Terminal states are final; only a genuinely new fill is taken (and reported: it should not happen).
                    if (filled == old.Filled) return;
                    Alert(old.ClientOrderId, $"fill reported after terminal state {old.State}: filled {old.Filled} -> {filled}", now);
                    var state = old.State == ChildOrderState.Cancelled && filled >= old.Quantity ? ChildOrderState.Filled : old.State;
                    Transition(old, old with { State = state, Filled = filled, AverageFillPrice = avg, Updated = now }, note + " (late)");
                    Reconcile(now);
                    return;
                }
                ChildOrderRecord next;
                switch (update.Kind)
                {
                    case OrderUpdateKind.Accepted:
                        next = old with { State = old.State == ChildOrderState.Submitted ? ChildOrderState.Accepted : old.State, Filled = filled, AverageFillPrice = avg, Updated = now };
                        break;
                    case OrderUpdateKind.PartFilled:
                        var ps = old.State == ChildOrderState.CancelPending ? ChildOrderState.CancelPending : ChildOrderState.PartFilled;
                        next = old with { State = filled >= old.Quantity ? ChildOrderState.Filled : ps, Filled = filled, AverageFillPrice = avg, Updated = now };
                        break;
                    case OrderUpdateKind.Filled:
                        if (filled < old.Quantity) Alert(old.ClientOrderId, $"Filled reported with {filled} of {old.Quantity}; the rest is rescheduled", now);
                        next = old with { State = ChildOrderState.Filled, Filled = filled, AverageFillPrice = avg, Updated = now };
                        break;
                    case OrderUpdateKind.Cancelled:
                        next = old with { State = ChildOrderState.Cancelled, Filled = filled, AverageFillPrice = avg, Updated = now, Message = update.Message ?? old.Message };
                        break;
                    default:
                        next = old with { State = ChildOrderState.Rejected, Filled = filled, AverageFillPrice = avg, Updated = now, Message = update.Message ?? "rejected" };
                        break;
                }
                if (next.State == old.State && next.Filled == old.Filled) return; // duplicate or stale event
                Transition(old, next, note);
                if (next.IsTerminal) OnTerminal(next, update, now);
                Reconcile(now);
                SaveParent();
            }
        }

        /// <summary>Cancels the parent: working children are cancelled and nothing more is sent or rescheduled.</summary>
        public void CancelAll()
        {
            lock (_gate)
            {
                if (_status == ParentOrderStatus.Completed) return;
                DateTime now = _clock.UtcNow;
                _status = ParentOrderStatus.Cancelled;
                for (int i = 0; i < _pending.Count; i++) _pending[i] = 0;
                foreach (var c in LiveChildren()) RequestCancel(c, CancelReason.Parent, now);
                SaveParent();
            }
        }

        /// <summary>
        /// Lowers the parent quantity (e.g. the target changed): unsent quantity is removed from the latest slices first, then
        /// working children are reduced through <see cref="IOrderGateway.Change"/>. Cannot go below what is already filled.
        /// </summary>
        public void ReduceParentQuantity(long newQuantity)
        {
            lock (_gate)
            {
                long filled = FilledUnlocked();
                if (newQuantity < Math.Max(1, filled) || newQuantity > _parent.Quantity)
                    throw new InvalidInputException($"new quantity of parent '{_parent.Id}' must be in [{Math.Max(1, filled)}, {_parent.Quantity}] ({filled} filled; use CancelAll to stop), got {newQuantity}");
                _parent = new ParentOrder(_parent.Id, _parent.Instrument, _parent.Side, newQuantity);
                Reconcile(_clock.UtcNow);
            }
        }

        /// <summary>
        /// Re-derives the parent from its children after a restart: completes it when the children filled it, and puts
        /// quantity that no child holds back into the plan (the parent snapshot may lag its children after a crash).
        /// </summary>
        public void ReconcilePlan()
        {
            lock (_gate)
            {
                if (_status == ParentOrderStatus.Working) Reconcile(_clock.UtcNow);
            }
        }

        /// <summary>
        /// Re-arms a <see cref="ParentOrderStatus.Halted"/> parent (e.g. after the disk-full or locked-database fault that made
        /// its submits fail has been fixed): retry counts start again and the unfilled remainder is rescheduled from now.
        /// Does nothing for any other status. Returns true when the parent was re-armed.
        /// </summary>
        public bool Rearm()
        {
            lock (_gate)
            {
                if (_status != ParentOrderStatus.Halted) return false;
                _status = ParentOrderStatus.Working;
                for (int i = 0; i < _failures.Count; i++) _failures[i] = 0;
                Reconcile(_clock.UtcNow);
                return true;
            }
        }

        /// <inheritdoc />
        public void Dispose() => _gateway.OrderUpdated -= OnOrderUpdated;

        private void OnOrderUpdated(object? sender, OrderUpdate e) => Handle(e);

        private long FilledUnlocked() { long f = 0; foreach (var c in _children.Values) f += c.Filled; return f; }

        private long Committed() { long s = 0; foreach (var c in _children.Values) s += c.Committed; return s; }

        private List<ChildOrderRecord> LiveChildren() => _childOrder.Select(id => _children[id]).Where(c => !c.IsTerminal).ToList();

        private bool HasLiveChild(int slice) => _children.Values.Any(c => c.SliceIndex == slice && !c.IsTerminal);

        private void SubmitSlice(int i, DateTime now)
        {
            while (_status == ParentOrderStatus.Working && _pending[i] > 0)
            {
                long capacity = _parent.Quantity - Committed();
                long q = Math.Min(Math.Min(_pending[i], capacity), _options.MaxChildQuantity ?? int.MaxValue);
                if (q <= 0) return;
                int attempt = _attempts[i]++;
                string id = string.Format(CultureInfo.InvariantCulture, "{0}-{1}-{2}", _parent.Id, i, attempt);
                var request = new ChildOrderRequest(id, _parent.Id, _parent.Instrument, _parent.Side, (int)q, i, attempt);
                _pending[i] -= q;
                var record = new ChildOrderRecord(id, _parent.Id, i, attempt, (int)q, 0, double.NaN, ChildOrderState.Submitted, CancelReason.None, now, null);
                _children[id] = record;
                _childOrder.Add(id);
                _store.RecordChild(record, new ChildTransition(id, null, ChildOrderState.Submitted, 0, now, "submit"));
                SaveParent();
                try
                {
                    _gateway.Submit(request);
                    return;
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    var current = _children[id];
                    if (current.State != ChildOrderState.Submitted) return; // events already arrived: it was sent after all
                    Transition(current, current with { State = ChildOrderState.SubmitFailed, Updated = now, Message = ex.Message }, "gateway threw: " + ex.Message);
                    _pending[i] += q;
                    if (!CountFailure(i, id, "submit failed: " + ex.Message, now)) return;
                }
            }
        }

        // Returns true when another attempt is allowed.
        private bool CountFailure(int slice, string id, string what, DateTime now)
        {
            _failures[slice]++;
            if (_failures[slice] <= _options.MaxRetries) return true;
            _status = ParentOrderStatus.Halted;
            Alert(id, $"{what}; slice {slice} failed {_failures[slice]} times (limit {_options.MaxRetries} retries): parent halted with {_parent.Quantity - FilledUnlocked()} unfilled", now);
            return false;
        }

        private void OnTerminal(ChildOrderRecord child, OrderUpdate update, DateTime now)
        {
            long remainder = Math.Max(0, child.Quantity - child.Filled);
            if (remainder == 0 || _status != ParentOrderStatus.Working || child.State != ChildOrderState.Rejected) return;
            // A reject puts the quantity back into its own slice and retries it (cancels are topped up by Reconcile).
            int i = child.SliceIndex;
            _pending[i] += remainder;
            if (!CountFailure(i, child.ClientOrderId, "rejected: " + (update.Message ?? "no reason given"), now)) return;
            if (_slices[i].Deadline > now && _slices[i].Start <= now) SubmitSlice(i, now);
        }

        // Unsent quantity of a slice whose deadline passed moves to the next open slice.
        private void MovePending(int from, DateTime now)
        {
            long q = _pending[from];
            _pending[from] = 0;
            AddToNextOpenSlice(q, now);
        }

        private void AddToNextOpenSlice(long quantity, DateTime now)
        {
            int target = -1;
            for (int j = 0; j < _slices.Count; j++) if (_slices[j].Deadline > now) { target = j; break; }
            if (target < 0)
            {
                var last = _slices[_slices.Count - 1];
                TimeSpan window = _options.CatchUpWindow ?? (last.Deadline - last.Start);
                if (window < TimeSpan.FromMinutes(1)) window = TimeSpan.FromMinutes(1);
                _slices.Add(new TimedSlice(_slices.Count, now, now + window, 0));
                _pending.Add(0); _attempts.Add(0); _failures.Add(0);
                target = _slices.Count - 1;
            }
            _pending[target] += quantity;
            if (_slices[target].Start <= now && !HasLiveChild(target) && _status == ParentOrderStatus.Working) SubmitSlice(target, now);
        }

        // Invariant of a working parent: committed (filled + still fillable) + unsent == parent quantity. A gap (a child
        // cancelled with a remainder, or "Filled" short) is added to the next open slice; an excess (a late fill, an
        // over-fill, a reduced parent) is removed from unsent quantity first, then from working children via Change.
        private void Reconcile(DateTime now)
        {
            long filled = FilledUnlocked();
            if (_status == ParentOrderStatus.Working && filled >= _parent.Quantity)
            {
                _status = ParentOrderStatus.Completed;
                for (int i = 0; i < _pending.Count; i++) _pending[i] = 0;
            }
            long gap = _parent.Quantity - Committed() - _pending.Sum();
            if (gap > 0 && _status == ParentOrderStatus.Working) AddToNextOpenSlice(gap, now);
            else if (gap < 0) Trim(-gap, now);
            SaveParent();
        }

        private void Trim(long excess, DateTime now)
        {
            for (int i = _pending.Count - 1; i >= 0 && excess > 0; i--)
            {
                long take = Math.Min(excess, _pending[i]);
                _pending[i] -= take;
                excess -= take;
            }
            foreach (var c in LiveChildren().OrderByDescending(c => c.SliceIndex))
            {
                if (excess <= 0) break;
                if (c.State == ChildOrderState.CancelPending) continue;
                int reducible = c.Quantity - c.Filled;
                if (reducible <= 0) continue;
                int cut = (int)Math.Min(excess, reducible);
                int newQty = c.Quantity - cut;
                if (newQty == c.Filled)
                {
                    RequestCancel(c, CancelReason.Parent, now);
                    excess -= cut;
                    continue;
                }
                try
                {
                    _gateway.Change(c.ClientOrderId, newQty);
                    Transition(c, c with { Quantity = newQty, Updated = now }, $"change quantity {c.Quantity} -> {newQty}");
                    excess -= cut;
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    Alert(c.ClientOrderId, $"could not reduce child to {newQty}: {ex.Message}", now);
                }
            }
        }

        private void RequestCancel(ChildOrderRecord c, CancelReason reason, DateTime now)
        {
            var current = _children[c.ClientOrderId];
            if (current.IsTerminal) return;
            var next = current with { State = ChildOrderState.CancelPending, CancelReason = reason, Updated = now };
            Transition(current, next, reason == CancelReason.Expired ? "deadline: cancel requested" : "parent: cancel requested");
            try
            {
                _gateway.Cancel(c.ClientOrderId);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                // Roll back so the next Poll asks again; the order is still working as far as we know.
                var now2 = _children[c.ClientOrderId];
                if (now2.State == ChildOrderState.CancelPending)
                    Transition(now2, now2 with { State = current.State, CancelReason = current.CancelReason, Updated = now }, "cancel failed: " + ex.Message);
                Alert(c.ClientOrderId, "cancel failed: " + ex.Message, now);
            }
        }

        private void Transition(ChildOrderRecord from, ChildOrderRecord to, string note)
        {
            _children[to.ClientOrderId] = to;
            _store.RecordChild(to, new ChildTransition(to.ClientOrderId, from.State, to.State, to.Filled, to.Updated, note));
        }

        // Write on change: an idle Poll (nothing due, nothing moved) costs no store write (and no fsync).
        private void SaveParent()
        {
            var key = new SavedKey(_parent.Quantity, _status, FilledUnlocked(), _slices.Count, _pending, _attempts, _failures);
            if (_lastSaved != null && _lastSaved.Equals(key)) return;
            _store.SaveParent(new ParentOrderRecord(_parent, _status, key.Filled, _slices, _pending, _attempts, _failures, _clock.UtcNow));
            _lastSaved = key;
        }

        // What a parent snapshot holds apart from its time stamp.
        private sealed class SavedKey
        {
            private readonly long[] _values;

            public SavedKey(long quantity, ParentOrderStatus status, long filled, int slices, List<long> pending, List<int> attempts, List<int> failures)
            {
                Filled = filled;
                var v = new List<long> { quantity, (long)status, filled, slices };
                v.AddRange(pending);
                foreach (int a in attempts) v.Add(a);
                foreach (int f in failures) v.Add(f);
                _values = v.ToArray();
            }

            public long Filled { get; }

            public bool Equals(SavedKey other) => _values.SequenceEqual(other._values);
        }

        private void Alert(string? clientOrderId, string message, DateTime now)
            => _alerts?.Raise(new ExecutionAlert(_parent.Id, clientOrderId, message, now));
    }
}
