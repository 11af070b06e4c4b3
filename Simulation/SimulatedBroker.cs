using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Simulation
{
    /// <summary>
    /// A broker for tests, the CLI and paper trading, implementing <see cref="IOrderGateway"/> and
    /// <see cref="IBrokerOrderQuery"/>. Market orders execute when accepted, at the <see cref="IFillPriceSource"/> price of
    /// that moment; the outcome (reject, one fill, several reported parts, or a venue cancel of the remainder) is drawn from
    /// a generator seeded by <see cref="SimulatedBrokerOptions.Seed"/> and the client id, so it is the same after a restart.
    /// Reports are delayed by <see cref="SimulatedBrokerOptions.Latency"/> and raised by <see cref="DeliverDue"/> (call it
    /// from the polling loop). With a journal, an order is appended and flushed to disk before <see cref="Submit"/> returns,
    /// and a broker opened on the same journal holds the same orders in their final state.
    /// A cancel or change arrives after the market order executed: cancel only hastens the remaining reports; change throws.
    /// </summary>
    public sealed class SimulatedBroker : IOrderGateway, IBrokerOrderQuery, IDisposable
    {
        private readonly object _gate = new object();
        private readonly SimulatedBrokerOptions _options;
        private readonly IClock _clock;
        private readonly IFillPriceSource _prices;
        private readonly BrokerJournal? _journal;
        private readonly Dictionary<string, SimOrder> _orders = new Dictionary<string, SimOrder>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();
        private readonly List<Pending> _queue = new List<Pending>();
        private long _sequence;

        /// <summary>
        /// Creates the broker; with <paramref name="journalPath"/> it reloads (and then appends to) that journal, holding
        /// its lease (<paramref name="holder"/> names this writer to a second one).
        /// </summary>
        public SimulatedBroker(IClock clock, IFillPriceSource prices, SimulatedBrokerOptions? options = null, string? journalPath = null, string? holder = null)
        {
            _clock = Guard.NotNull(clock, nameof(clock));
            _prices = Guard.NotNull(prices, nameof(prices));
            _options = options ?? new SimulatedBrokerOptions();
            _options.Validate();
            if (journalPath == null) return;
            _journal = new BrokerJournal(journalPath, holder);
            foreach (var e in _journal.Entries)
            {
                var o = new SimOrder(e, PlanFor(e.ClientOrderId, e.Quantity));
                _orders[e.ClientOrderId] = o;
                _order.Add(e.ClientOrderId);
            }
        }

        /// <inheritdoc />
        public event EventHandler<OrderUpdate>? OrderUpdated;

        /// <summary>The journal, when one is used.</summary>
        public BrokerJournal? Journal => _journal;

        /// <summary>Reports queued and not yet delivered.</summary>
        public int PendingReports { get { lock (_gate) return _queue.Count; } }

        /// <summary>
        /// Accepts (journaling it first) or rejects a child order. Throws <see cref="InvalidInputException"/> for a client id
        /// the broker already has (nothing is sent twice), and whatever the journal write throws (then nothing was sent).
        /// </summary>
        public void Submit(ChildOrderRequest order)
        {
            Guard.NotNull(order, nameof(order));
            lock (_gate)
            {
                if (_orders.ContainsKey(order.ClientOrderId))
                    throw new InvalidInputException($"duplicate client order id '{order.ClientOrderId}': the broker already has this order");
                DateTime now = _clock.UtcNow;
                var rng = RngFor(order.ClientOrderId);
                bool reject = rng.NextDouble() < _options.RejectProbability;
                decimal? price = _prices.PriceAt(order.Instrument, now);
                if (reject || price == null)
                {
                    string why = reject ? "rejected by the simulated broker (seeded reject)" : $"no price for '{order.Instrument}' at {now:O}";
                    var rejected = new SimOrder(new BrokerJournalEntry(order.ClientOrderId, order.Instrument, order.Side, order.Quantity, price ?? 1m),
                        new[] { new Step(OrderUpdateKind.Rejected, 0) }) { Message = why, IsRejected = true };
                    Register(rejected, now);
                    return;
                }
                var entry = new BrokerJournalEntry(order.ClientOrderId, order.Instrument, order.Side, order.Quantity, price.Value);
                _journal?.Append(entry); // durable before acknowledging
                Register(new SimOrder(entry, PlanFor(order.ClientOrderId, order.Quantity, rng)), now);
            }
        }

        /// <summary>The order already executed; the remaining reports are delivered at the next <see cref="DeliverDue"/>. Unknown ids throw.</summary>
        public void Cancel(string clientOrderId)
        {
            lock (_gate)
            {
                if (!_orders.ContainsKey(clientOrderId)) throw new InvalidInputException($"cannot cancel '{clientOrderId}': the broker has no such order");
                DateTime now = _clock.UtcNow;
                for (int i = 0; i < _queue.Count; i++)
                    if (_queue[i].ClientOrderId == clientOrderId && _queue[i].Due > now) _queue[i] = new Pending(now, _queue[i].Sequence, clientOrderId, _queue[i].Step);
            }
        }

        /// <summary>Always throws: a simulated market order executes on acceptance and cannot be changed.</summary>
        public void Change(string clientOrderId, int newQuantity)
            => throw new InvalidInputException($"cannot change '{clientOrderId}' to {newQuantity}: the simulated market order executed when accepted");

        /// <summary>Raises every report due at the clock's current time, in order; returns how many were raised.</summary>
        public int DeliverDue() => Deliver(_clock.UtcNow);

        /// <summary>Raises every queued report regardless of time; returns how many were raised.</summary>
        public int DeliverAll() => Deliver(DateTime.MaxValue);

        /// <inheritdoc />
        public BrokerOrderSnapshot? FindOrder(string clientOrderId)
        {
            lock (_gate) return _orders.TryGetValue(clientOrderId, out var o) ? Snapshot(o) : null;
        }

        /// <inheritdoc />
        public IReadOnlyList<BrokerOrderSnapshot> Orders
        {
            get { lock (_gate) return _order.Select(id => Snapshot(_orders[id])).ToList().AsReadOnly(); }
        }

        /// <inheritdoc />
        public void Dispose() => _journal?.Dispose();

        private int Deliver(DateTime upTo)
        {
            List<OrderUpdate> due;
            lock (_gate)
            {
                var ready = _queue.Where(p => p.Due <= upTo).OrderBy(p => p.Due).ThenBy(p => p.Sequence).ToList();
                if (ready.Count == 0) return 0;
                var taken = new HashSet<long>(ready.Select(p => p.Sequence));
                _queue.RemoveAll(p => taken.Contains(p.Sequence));
                due = ready.Select(p => ToUpdate(_orders[p.ClientOrderId], p.Step, p.Due == DateTime.MaxValue ? _clock.UtcNow : p.Due)).ToList();
            }
            var handler = OrderUpdated;
            foreach (var u in due) handler?.Invoke(this, u);
            return due.Count;
        }

        private void Register(SimOrder o, DateTime now)
        {
            _orders[o.Entry.ClientOrderId] = o;
            _order.Add(o.Entry.ClientOrderId);
            DateTime due = now + _options.Latency;
            if (!o.IsRejected) Enqueue(due, o, new Step(OrderUpdateKind.Accepted, 0));
            foreach (var s in o.Steps)
            {
                if (!o.IsRejected) due += _options.Latency;
                Enqueue(due, o, s);
            }
        }

        private void Enqueue(DateTime due, SimOrder o, Step s) => _queue.Add(new Pending(due, _sequence++, o.Entry.ClientOrderId, s));

        private Random RngFor(string clientOrderId)
        {
            // FNV-1a over the id mixed with the seed: the same id always draws the same outcome, across restarts.
            unchecked
            {
                uint h = 2166136261u ^ (uint)_options.Seed;
                foreach (char c in clientOrderId) { h ^= c; h *= 16777619u; }
                return new Random((int)(h & 0x7FFFFFFF));
            }
        }

        private Step[] PlanFor(string clientOrderId, int quantity, Random? rng = null)
        {
            if (rng == null)
            {
                rng = RngFor(clientOrderId);
                rng.NextDouble(); // the reject draw this accepted order passed
            }
            if (rng.NextDouble() < _options.VenueCancelProbability)
            {
                int filled = rng.Next(0, quantity);
                return filled > 0
                    ? new[] { new Step(OrderUpdateKind.PartFilled, filled), new Step(OrderUpdateKind.Cancelled, filled) }
                    : new[] { new Step(OrderUpdateKind.Cancelled, 0) };
            }
            if (quantity > 1 && rng.NextDouble() < _options.PartialFillProbability)
            {
                int parts = Math.Min(quantity, rng.Next(2, _options.MaxParts + 1));
                var cuts = new SortedSet<int>();
                while (cuts.Count < parts - 1) cuts.Add(rng.Next(1, quantity));
                var steps = cuts.Select(c => new Step(OrderUpdateKind.PartFilled, c)).ToList();
                steps.Add(new Step(OrderUpdateKind.Filled, quantity));
                return steps.ToArray();
            }
            return new[] { new Step(OrderUpdateKind.Filled, quantity) };
        }

        private static BrokerOrderSnapshot Snapshot(SimOrder o)
        {
            var last = o.Steps[o.Steps.Length - 1]; // executed on acceptance: the broker's state is the final one
            return new BrokerOrderSnapshot(o.Entry.ClientOrderId, o.Entry.Instrument, o.Entry.Side, o.Entry.Quantity, last.Kind, last.Filled,
                last.Filled > 0 ? (double)o.Entry.Price : double.NaN, o.Message);
        }

        private static OrderUpdate ToUpdate(SimOrder o, Step s, DateTime time)
            => new OrderUpdate(o.Entry.ClientOrderId, s.Kind, s.Filled, s.Filled > 0 ? (double)o.Entry.Price : double.NaN, time,
                s.Kind == OrderUpdateKind.Rejected ? o.Message : null);

        private sealed class SimOrder
        {
            public SimOrder(BrokerJournalEntry entry, Step[] steps) { Entry = entry; Steps = steps; }
            public BrokerJournalEntry Entry { get; }
            public Step[] Steps { get; }
            public string? Message { get; set; }
            public bool IsRejected { get; set; }
        }

        private readonly struct Step
        {
            public Step(OrderUpdateKind kind, int filled) { Kind = kind; Filled = filled; }
            public OrderUpdateKind Kind { get; }
            public int Filled { get; }
        }

        private readonly struct Pending
        {
            public Pending(DateTime due, long sequence, string id, Step step) { Due = due; Sequence = sequence; ClientOrderId = id; Step = step; }
            public DateTime Due { get; }
            public long Sequence { get; }
            public string ClientOrderId { get; }
            public Step Step { get; }
        }
    }
}
