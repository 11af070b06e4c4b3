using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Routing;
using NinjaTraderPortfolio.Core.Safety;

namespace NinjaTraderPortfolio.Core.Execution.Session
{
    /// <summary>Where an <see cref="ExecutionSession"/> stands.</summary>
    public enum SessionState
    {
        /// <summary>Created; <see cref="ExecutionSession.Start"/> not called yet (or it refused).</summary>
        NotStarted,
        /// <summary>Parents are being worked: call <see cref="ExecutionSession.Poll"/> on a timer or on bars.</summary>
        Working,
        /// <summary>No parent is working any more (each is completed, halted or cancelled).</summary>
        Finished,
        /// <summary>The kill switch tripped: working orders were cancelled, nothing more is sent.</summary>
        Killed,
        /// <summary>The store or the gateway failed (disk full, database locked): nothing more is sent; start a new session to resume.</summary>
        Faulted,
    }

    /// <summary>
    /// The one guarded, durable execution session every host runs (the CLI's <c>execute</c>, the portfolio manager, the
    /// NinjaTrader strategy and AddOn). It owns the routing policy (<see cref="ISchedulePolicy"/>: liquidity known -&gt;
    /// <see cref="SmartOrderRouter"/>, else TWAP; or fixed TWAP/VWAP/IS slices), one <see cref="ScheduleExecutor"/> per parent,
    /// the <see cref="TradingGuard"/> in front of the gateway (<see cref="GuardedOrderGateway"/>), the <see cref="KillSwitch"/>
    /// (also tripped by <see cref="ExecutionSessionOptions.KillPath"/>), the durable state in an <see cref="IExecutionStore"/>
    /// (SQLite for every host's live orders; the in-memory store in tests and for the strategy's historical bars) and the
    /// reconciliation with the broker at start.
    /// <para>
    /// It has no thread or timer of its own: the host calls <see cref="Start"/> once, then <see cref="Poll"/> whenever it
    /// likes (a timer, each bar, after order events); gateway events reach the executors through
    /// <see cref="IOrderGateway.OrderUpdated"/> on any thread. Identity: parent ids are
    /// <see cref="ParentId"/>(execution id, instrument), so the same orders written differently (line order, blank lines,
    /// spacing) resume the same parents; starting a session whose execution id is already in the store resumes it (a
    /// completed execution sends nothing), and an orders list that no longer maps onto it is refused naming the difference.
    /// </para>
    /// </summary>
    public sealed class ExecutionSession : IDisposable
    {
        private readonly object _gate = new object();
        private readonly ISchedulePolicy _policy;
        private readonly IBrokerOrderQuery? _broker;
        private readonly IExecutionStore _store;
        private readonly IQuoteSource _quotes;
        private readonly IClock _clock;
        private readonly ExecutionSessionOptions _options;
        private readonly IExecutionAlertSink? _alerts;
        private readonly List<ScheduleExecutor> _executors = new List<ScheduleExecutor>();
        private SessionState _state = SessionState.NotStarted;
        private string? _fault;

        /// <summary>
        /// Creates the session. <paramref name="gateway"/> is the raw broker seam (the session wraps it in the guards);
        /// <paramref name="broker"/> answers "which of my orders do you hold" for the reconciliation at start (null only when
        /// the broker cannot be asked, e.g. a mock in a unit test); <paramref name="quotes"/> gives the reference prices the
        /// guards judge orders at.
        /// </summary>
        public ExecutionSession(string executionId, ISchedulePolicy policy, IOrderGateway gateway, IBrokerOrderQuery? broker, IExecutionStore store,
            IQuoteSource quotes, IClock clock, ExecutionSessionOptions? options = null, IExecutionAlertSink? alerts = null)
        {
            ExecutionId = Guard.NotBlank(executionId, nameof(executionId));
            _policy = Guard.NotNull(policy, nameof(policy));
            Guard.NotNull(gateway, nameof(gateway));
            _broker = broker;
            _store = Guard.NotNull(store, nameof(store));
            _quotes = Guard.NotNull(quotes, nameof(quotes));
            _clock = Guard.NotNull(clock, nameof(clock));
            _options = options ?? new ExecutionSessionOptions();
            Guard.NonNegative(_options.MaxRetries, "MaxRetries");
            _alerts = alerts;
            KillSwitch = new KillSwitch();
            TradingGuard = new TradingGuard(_options.Limits, clock, KillSwitch, _options.RiskLimit, _options.DailyUsage);
            Gateway = new GuardedOrderGateway(gateway, TradingGuard, quotes, _options.Account, _options.PointValue);
            KillSwitch.Tripped += (_, __) => { foreach (var ex in Executors) ex.CancelAll(); };
        }

        /// <summary>The execution's id (every parent id starts with it).</summary>
        public string ExecutionId { get; }

        /// <summary>The session's kill switch; <see cref="Trip"/> or an existing <see cref="ExecutionSessionOptions.KillPath"/> trips it.</summary>
        public KillSwitch KillSwitch { get; }

        /// <summary>The trading guard every child order passes.</summary>
        public TradingGuard TradingGuard { get; }

        /// <summary>The guarded gateway the executors send through.</summary>
        public GuardedOrderGateway Gateway { get; }

        /// <summary>Current state.</summary>
        public SessionState State { get { lock (_gate) return _state; } }

        /// <summary>Why the session faulted or was killed (null otherwise).</summary>
        public string? StopReason { get { lock (_gate) return _state == SessionState.Killed ? KillSwitch.Reason : _fault; } }

        /// <summary>One executor per parent, in the order given to <see cref="Start"/>.</summary>
        public IReadOnlyList<ScheduleExecutor> Executors { get { lock (_gate) return _executors.ToList().AsReadOnly(); } }

        /// <summary>Parents found in the store at <see cref="Start"/> (resumed rather than opened).</summary>
        public int Resumed { get; private set; }

        /// <summary>Halted parents that <see cref="Start"/> re-armed (their remainder is worked again).</summary>
        public int Rearmed { get; private set; }

        /// <summary>
        /// The parent id of <paramref name="instrument"/>'s order in execution <paramref name="executionId"/>:
        /// "&lt;execution id&gt;-&lt;8 hex digits of SHA-256 of the instrument name&gt;" (fixed length, so no parent's id is a
        /// prefix of another's children).
        /// </summary>
        public static string ParentId(string executionId, string instrument)
            => Guard.NotBlank(executionId, nameof(executionId)) + "-" + SessionOrder.Key(Guard.NotBlank(instrument, nameof(instrument)));

        /// <summary>
        /// Opens or resumes the execution of <paramref name="orders"/> (one per instrument) before anything is sent:
        /// refuses a live account without opt-in and an existing kill path (<see cref="TradingGuardException"/>, exit 3 in
        /// the CLI), checks the largest child of each order and the totals against the limits, matches the orders with the
        /// parents the store holds for this execution (a changed side or quantity, an unfinished parent missing from the
        /// list, or a new instrument once trading began: <see cref="InvalidInputException"/> naming it), reconciles every
        /// parent's children with the broker both ways (<see cref="ExecutionRecovery"/>), and re-arms parents halted by an
        /// earlier fault. Cancelled parents (kill switch) stay cancelled. Store failures throw
        /// <see cref="ExecutionFaultException"/>.
        /// </summary>
        public void Start(IReadOnlyList<SessionOrder> orders)
        {
            Guard.NotNull(orders, nameof(orders));
            Guard.NotEmpty(orders, nameof(orders));
            lock (_gate)
            {
                if (_state != SessionState.NotStarted) throw new InvalidOperationException($"execution session '{ExecutionId}' was already started");
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var o in orders)
                    if (!seen.Add(o.Instrument)) throw new InvalidInputException($"execution '{ExecutionId}': '{o.Instrument}' has two orders; give one net order per instrument");
                CheckPreconditions(_options.Account, _options.Limits.AllowLiveAccounts, _options.KillPath);
                Run(() => Open(orders));
                _state = SessionState.Working;
                UpdateState();
            }
        }

        /// <summary>
        /// One step of work (call it from a timer, on each bar or after order events): trips the kill switch when the kill
        /// path exists, then lets every executor send due slices and cancel expired children. Returns the state after the
        /// step. Store or gateway faults put the session in <see cref="SessionState.Faulted"/> and throw
        /// <see cref="ExecutionFaultException"/>.
        /// </summary>
        public SessionState Poll()
        {
            lock (_gate)
            {
                if (_state != SessionState.Working) return _state;
                if (KillPathExists(out string? what)) KillSwitch.Trip(what!);
                if (!KillSwitch.IsTripped) Run(() => { foreach (var ex in _executors) ex.Poll(); });
                UpdateState();
                return _state;
            }
        }

        /// <summary>Trips the kill switch: working children are cancelled and nothing more is sent. Returns true for the tripping call.</summary>
        public bool Trip(string reason)
        {
            bool tripped = KillSwitch.Trip(reason);
            lock (_gate) UpdateState();
            return tripped;
        }

        /// <summary>"'ES' 40 of 100 filled, ..." over every parent.</summary>
        public string Progress()
            => string.Join(", ", Executors.Select(e => $"'{e.Parent.Instrument}' {e.Status} with {e.Filled} of {e.Parent.Quantity} filled"));

        /// <inheritdoc />
        public void Dispose()
        {
            foreach (var ex in Executors) ex.Dispose();
        }

        private void Open(IReadOnlyList<SessionOrder> orders)
        {
            DateTime now = _clock.UtcNow;
            string prefix = ExecutionId + "-";
            var wanted = orders.ToDictionary(o => ParentId(ExecutionId, o.Instrument), o => o, StringComparer.Ordinal);
            var saved = new Dictionary<string, ParentOrderRecord>(StringComparer.Ordinal);
            foreach (var o in orders)
            {
                var rec = _store.LoadParent(ParentId(ExecutionId, o.Instrument));
                if (rec != null) saved[rec.Order.Id] = rec;
            }
            // The list must still map onto this execution's unfinished parents.
            foreach (var status in new[] { ParentOrderStatus.Working, ParentOrderStatus.Halted })
            {
                foreach (string id in _store.LoadParentIds(status).Where(i => i.StartsWith(prefix, StringComparison.Ordinal) && !wanted.ContainsKey(i)))
                {
                    var missing = _store.LoadParent(id);
                    if (missing == null || missing.Order.Id.Length != prefix.Length + 8) continue;
                    throw new InvalidInputException($"execution '{ExecutionId}' has an unfinished order {missing.Order.Side} {missing.Order.Quantity} '{missing.Order.Instrument}' ({missing.Filled} filled) that the orders no longer hold; give the same orders to resume it, or a new execution id");
                }
            }
            foreach (var o in orders)
            {
                string id = ParentId(ExecutionId, o.Instrument);
                if (saved.TryGetValue(id, out var rec) && (rec.Order.Side != o.Side || rec.Order.Quantity != o.Quantity || rec.Order.Instrument != o.Instrument))
                    throw new InvalidInputException($"execution '{ExecutionId}' holds {rec.Order.Side} {rec.Order.Quantity} '{rec.Order.Instrument}', the orders now say {o}; give the same orders to resume, or a new execution id for new orders");
            }
            bool began = saved.Keys.Any(id => _store.LoadChildren(id).Count > 0);
            if (began)
            {
                var added = orders.FirstOrDefault(o => !saved.ContainsKey(ParentId(ExecutionId, o.Instrument)));
                if (added != null)
                    throw new InvalidInputException($"execution '{ExecutionId}' has already sent orders and did not hold {added}; give the same orders to resume, or a new execution id for new orders");
            }
            // Orders the broker holds under this execution that no parent of the list explains: another store's execution.
            if (_broker != null)
            {
                foreach (var b in _broker.Orders)
                {
                    if (!b.ClientOrderId.StartsWith(prefix, StringComparison.Ordinal)) continue;
                    string rest = b.ClientOrderId.Substring(prefix.Length);
                    string parentId = rest.Length >= 8 ? prefix + rest.Substring(0, 8) : b.ClientOrderId;
                    if (!saved.ContainsKey(parentId))
                        throw new InvalidInputException($"the broker holds order '{b.ClientOrderId}' of execution '{ExecutionId}' that the execution store does not know; the store and the broker do not belong together; nothing was sent");
                }
            }
            Preflight(orders, now);

            var executorOptions = new ExecutorOptions { MaxRetries = _options.MaxRetries, CatchUpWindow = _options.CatchUpWindow, MaxChildQuantity = MaxChildQuantity(orders) };
            var resumed = new List<ScheduleExecutor>();
            try
            {
                foreach (var o in orders)
                {
                    string id = ParentId(ExecutionId, o.Instrument);
                    if (!saved.ContainsKey(id))
                    {
                        _executors.Add(new ScheduleExecutor(new ParentOrder(id, o.Instrument, o.Side, o.Quantity), _policy.Slices(o, now), Gateway, _store, _clock, executorOptions, _alerts));
                        continue;
                    }
                    if (_broker != null)
                    {
                        // Usage already at the broker counts towards today's limits before anything more is sent.
                        var q = _quotes.LastQuote(o.Instrument);
                        decimal unitNotional = (q?.Price ?? 0m) * (_options.PointValue?.Invoke(o.Instrument) ?? 1m);
                        foreach (var child in _store.LoadChildren(id))
                        {
                            var b = _broker.FindOrder(child.ClientOrderId);
                            if (b != null && b.State != OrderUpdateKind.Rejected) TradingGuard.RecordUsage(o.Instrument, b.Quantity, b.Quantity * unitNotional);
                        }
                    }
                    var ex = ScheduleExecutor.Resume(id, Gateway, _store, _clock, executorOptions, _alerts);
                    _executors.Add(ex);
                    resumed.Add(ex);
                }
                if (_broker != null) foreach (var ex in resumed) ExecutionRecovery.Reconcile(ex, _broker, now);
                Resumed = resumed.Count;
                Rearmed = resumed.Count(ex => ex.Rearm());
            }
            catch
            {
                foreach (var ex in _executors) ex.Dispose();
                _executors.Clear();
                throw;
            }
        }

        // The largest child of each new order (a slice, or the per-order cap) against the per-order guards, and the sum of
        // all new orders against the daily limits, before anything is sent.
        private void Preflight(IReadOnlyList<SessionOrder> orders, DateTime now)
        {
            var l = _options.Limits;
            var perOrder = new TradingGuard(l.PerOrderOnly(), _clock);
            int? cap = MaxChildQuantity(orders);
            long totalQuantity = 0;
            decimal totalNotional = 0;
            foreach (var o in orders)
            {
                long largest = _policy.Slices(o, now).Max(x => x.Quantity);
                if (cap.HasValue) largest = Math.Min(largest, cap.Value); // larger slices are worked as several children
                var q = _quotes.LastQuote(o.Instrument);
                decimal pv = _options.PointValue?.Invoke(o.Instrument) ?? 1m;
                var d = perOrder.Check(new OrderIntent(_options.Account, o.Instrument, o.Side, largest, q?.Price ?? 0m, q?.TimeUtc ?? DateTime.MinValue, pv, _quotes.MarketVolume(o.Instrument)));
                if (!d.IsAllowed) throw new TradingGuardException(d);
                totalQuantity += o.Quantity;
                totalNotional += Checked(() => o.Quantity * (q?.Price ?? 0m) * pv, o);
            }
            var inv = CultureInfo.InvariantCulture;
            if (totalQuantity > l.MaxDailyQuantity)
                throw new TradingGuardException(GuardDecision.Refuse(GuardKind.DailyQuantity, $"the orders total {totalQuantity}, above the maximum daily quantity {l.MaxDailyQuantity}"));
            if (totalNotional > l.MaxDailyNotional)
                throw new TradingGuardException(GuardDecision.Refuse(GuardKind.DailyNotional,
                    $"the orders total a notional of {totalNotional.ToString(inv)}, above the maximum daily notional {l.MaxDailyNotional.Value.ToString(inv)}"));
        }

        private static decimal Checked(Func<decimal> f, SessionOrder o)
        {
            try { return f(); }
            catch (OverflowException) { throw new InvalidInputException($"the notional of {o} overflows (quantity x price x point value above {decimal.MaxValue})"); }
        }

        // Largest child the per-order guards allow (catch-up slices are split to it), or null without such limits.
        private int? MaxChildQuantity(IReadOnlyList<SessionOrder> orders)
        {
            var l = _options.Limits;
            long cap = int.MaxValue;
            if (l.MaxOrderQuantity.HasValue) cap = Math.Min(cap, l.MaxOrderQuantity.Value);
            foreach (var o in orders)
            {
                var q = _quotes.LastQuote(o.Instrument);
                decimal unit = (q?.Price ?? 0m) * (_options.PointValue?.Invoke(o.Instrument) ?? 1m);
                if (l.MaxOrderNotional.HasValue && unit > 0) cap = Math.Min(cap, (long)Math.Min(int.MaxValue, decimal.Floor(l.MaxOrderNotional.Value / unit)));
                double? mv = _quotes.MarketVolume(o.Instrument);
                if (l.MaxParticipation.HasValue && mv.HasValue) cap = Math.Min(cap, (long)Math.Min(int.MaxValue, Math.Floor(l.MaxParticipation.Value * mv.Value)));
            }
            return cap == int.MaxValue ? (int?)null : (int)Math.Max(1, cap);
        }

        private bool KillPathExists(out string? what)
        {
            what = null;
            string? path = _options.KillPath;
            if (path == null || !KillPathExists(path)) return false;
            what = $"kill path '{path}' exists";
            return true;
        }

        /// <summary>
        /// The refusals that need no order, no store and no file: a live <paramref name="account"/> without the opt-in
        /// (<paramref name="allowLiveAccounts"/>), then an existing <paramref name="killPath"/> (null = none). Throws
        /// <see cref="TradingGuardException"/> (<see cref="GuardKind.LiveAccount"/>, <see cref="GuardKind.KillSwitch"/>).
        /// <see cref="Start"/> calls it; a face calls it first to refuse before it opens its store and files, naming its own
        /// settings: <paramref name="liveOptIn"/> says how to opt in ("pass --allow-live-account"), <paramref name="killPathName"/>
        /// names the path ("--kill-file"). Messages: "account 'X' is not a simulation account (Sim..., Playback..., Backtest);
        /// &lt;liveOptIn&gt; to trade it", "kill switch: &lt;killPathName&gt; 'P' exists; nothing was sent (remove it to trade)".
        /// </summary>
        public static void CheckPreconditions(string account, bool allowLiveAccounts, string? killPath,
            string liveOptIn = "the explicit live-account opt-in is needed", string killPathName = "kill path")
        {
            if (!allowLiveAccounts && !AccountClassifier.IsSimulation(account))
                throw new TradingGuardException(GuardDecision.Refuse(GuardKind.LiveAccount,
                    $"account '{account}' is not a simulation account (Sim..., Playback..., Backtest); {liveOptIn} to trade it"));
            if (killPath != null && KillPathExists(killPath))
                throw new TradingGuardException(GuardDecision.Refuse(GuardKind.KillSwitch, $"kill switch: {killPathName} '{killPath}' exists; nothing was sent (remove it to trade)"));
        }

        /// <summary>True when anything exists at <paramref name="path"/> (file, folder, FIFO, device, link), or when it cannot even be looked at.</summary>
        public static bool KillPathExists(string path)
        {
            Guard.NotBlank(path, nameof(path));
            bool exists;
            try
            {
                // Any kind of entry counts: file, folder, FIFO, device, link (GetAttributes throws only when nothing is there).
                exists = File.Exists(path) || Directory.Exists(path);
                if (!exists)
                {
                    File.GetAttributes(path);
                    exists = true;
                }
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                exists = false;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                exists = true; // cannot even look: trip rather than trade blind
            }
            return exists;
        }

        private void UpdateState()
        {
            if (_state == SessionState.NotStarted || _state == SessionState.Faulted) return;
            if (KillSwitch.IsTripped) { _state = SessionState.Killed; return; }
            if (_executors.All(e => e.Status != ParentOrderStatus.Working)) _state = SessionState.Finished;
        }

        private void Run(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e) when (IsEnvironmental(e))
            {
                _fault = e.Message;
                if (_state != SessionState.NotStarted) _state = SessionState.Faulted;
                throw new ExecutionFaultException($"execution '{ExecutionId}' stopped: {e.Message}; nothing more was sent; fix the cause and start again to resume the remainder", e);
            }
        }

        private static bool IsEnvironmental(Exception e) => e is IOException || e is DbException || e is UnauthorizedAccessException;
    }

    /// <summary>
    /// The store or the gateway failed for a reason outside the program (disk full, database locked, file permissions):
    /// nothing more was sent, the durable state is intact, and a new session resumes once the cause is fixed. Exit 3 in the CLI.
    /// </summary>
    public sealed class ExecutionFaultException : InfeasibleException
    {
        /// <summary>Creates the error.</summary>
        public ExecutionFaultException(string message, Exception inner) : base(message) => Cause = inner;

        /// <summary>The underlying failure.</summary>
        public Exception Cause { get; }
    }
}
