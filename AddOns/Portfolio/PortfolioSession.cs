using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Views;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// Everything one Portfolio Manager tab holds, without WPF: the account, the instruments (with sectors), daily history
    /// from one <see cref="BarsRequest"/> per instrument, live last prices from <see cref="MarketData"/> subscriptions, and
    /// rebalance execution as one Core <see cref="ExecutionSession"/> per Execute over an <see cref="AccountOrderGateway"/>:
    /// Core's trading guards (<see cref="GuardedOrderGateway"/>: live-account opt-in, per-order and daily caps, kill switch),
    /// one <see cref="ScheduleExecutor"/> per order, recorded in a durable execution store (SQLite when
    /// <see cref="PortfolioExecutionSettings.StorePath"/> is set, as the window always does; in memory otherwise, e.g. in
    /// tests). Working parents found in the store are resumed and reconciled with Account.Orders at the first
    /// <see cref="Poll"/> with a price for every instrument. Execute is idempotent:
    /// it re-plans the preview against the current positions and prices, refuses while a plan works, and sends nothing when
    /// the positions are already at the plan. Alerts stay until dismissed. NinjaTrader raises its events on its own
    /// threads: state is guarded by a lock and the window polls snapshots on a timer. <see cref="Dispose"/> releases the
    /// requests and subscriptions (window close) and cancels working parents.
    /// </summary>
    public sealed class PortfolioSession : IDisposable
    {
        /// <summary>Name prefix of every parent (and so child) order this window sends.</summary>
        public const string OrderPrefix = "PM";

        private readonly object gate = new object();
        private readonly object alertsGate = new object();
        private readonly Account account;
        private readonly string[] names;
        private readonly string[] sectors;
        private readonly Instrument[] instruments;
        private readonly Dictionary<string, BarHistory> history = new Dictionary<string, BarHistory>(StringComparer.Ordinal);
        private readonly Dictionary<string, double> lastPrices = new Dictionary<string, double>(StringComparer.Ordinal);
        private readonly List<BarsRequest> requests = new List<BarsRequest>();
        private readonly List<ScheduleExecutor> executors = new List<ScheduleExecutor>();
        private readonly List<SessionAlert> alerts = new List<SessionAlert>();
        private readonly SettableClock clock = new SettableClock();
        private readonly PortfolioExecutionSettings settings;
        private readonly IExecutionStore store;
        private readonly KillSwitch killSwitch = new KillSwitch();
        private readonly AccountOrderGateway gateway;
        private readonly List<ExecutionSession> sessions = new List<ExecutionSession>();
        private readonly PortfolioBlotter blotter;
        private readonly Dictionary<string, DateTime> priceTimes = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        private PreviewContext lastPreview;
        private int parentSequence;
        private long alertSequence;
        private bool disposed;
        private bool resumePending;

        /// <summary>
        /// Opens the session: resolves every instrument (an unknown name throws naming it) and subscribes to its market data.
        /// <paramref name="sectors"/> parallel to <paramref name="instrumentNames"/> (null or empty entries = no sector).
        /// </summary>
        public PortfolioSession(Account account, IReadOnlyList<string> instrumentNames, IReadOnlyList<string> sectors)
            : this(account, instrumentNames, sectors, null)
        {
        }

        /// <summary>
        /// Opens the session with execution <paramref name="settings"/> (null = simulation accounts only, no caps, in-memory
        /// store). With a store path, parents still working there are resumed and reconciled with Account.Orders.
        /// </summary>
        public PortfolioSession(Account account, IReadOnlyList<string> instrumentNames, IReadOnlyList<string> sectors, PortfolioExecutionSettings settings)
        {
            this.account = account ?? throw new ArgumentNullException(nameof(account));
            if (instrumentNames == null || instrumentNames.Count == 0) throw new ArgumentException("no instruments given", nameof(instrumentNames));
            names = instrumentNames.ToArray();
            this.sectors = names.Select((n, i) => sectors != null && i < sectors.Count && sectors[i] != null ? sectors[i] : string.Empty).ToArray();
            instruments = new Instrument[names.Length];
            for (int i = 0; i < names.Length; i++)
                instruments[i] = Instrument.GetInstrument(names[i]) ?? throw new InvalidOperationException("unknown instrument '" + names[i] + "'");
            this.settings = settings ?? new PortfolioExecutionSettings();
            clock.Set(this.settings.StartUtc);
            if (string.IsNullOrWhiteSpace(this.settings.StorePath))
                store = new InMemoryExecutionStore();
            else
            {
                string directory = System.IO.Path.GetDirectoryName(this.settings.StorePath);
                if (!string.IsNullOrEmpty(directory)) System.IO.Directory.CreateDirectory(directory);
                store = new SqlitePortfolioStore(this.settings.StorePath);
            }
            gateway = new AccountOrderGateway(account);
            killSwitch.Tripped += (sender, reason) =>
            {
                List<ExecutionSession> running;
                lock (gate) running = sessions.ToList();
                foreach (ExecutionSession session in running) session.Trip(reason);
                CancelAll();
                Alert("kill switch tripped (" + reason + "): working orders cancelled, nothing more is sent", true);
            };
            blotter = new PortfolioBlotter(account, names.Select((n, i) => new KeyValuePair<string, double>(n, instruments[i].MasterInstrument.PointValue)).ToDictionary(p => p.Key, p => p.Value),
                names.ToDictionary(n => n, n => Position(n)));
            // Unfinished executions of an earlier window are resumed at the first Poll with a price for every instrument
            // (the guards judge orders at a price).
            resumePending = store.LoadParentIds(ParentOrderStatus.Working).Concat(store.LoadParentIds(ParentOrderStatus.Halted))
                .Any(id => id.StartsWith(OrderPrefix, StringComparison.Ordinal));
            // Help Guide "MarketData": subscribe through the instrument's Dispatcher
            // (if (!instrument.Dispatcher.HasShutdownStarted) instrument.Dispatcher.InvokeAsync(() => ... += ...)).
            foreach (Instrument instrument in instruments)
            {
                Instrument i = instrument;
                if (!i.Dispatcher.HasShutdownStarted)
                    i.Dispatcher.InvokeAsync(() => i.MarketData.Update += OnMarketData);
            }
        }

        /// <summary>The durable execution store (parents, children and every transition).</summary>
        public IExecutionStore Store => store;

        /// <summary>The kill switch (the window's button trips it; so does the kill file, checked by <see cref="Poll"/>).</summary>
        public KillSwitch KillSwitch => killSwitch;

        /// <summary>Fills blotter with TCA per parent.</summary>
        public IReadOnlyList<BlotterRow> Fills => blotter.Rows;

        /// <summary>P&amp;L per instrument since the session opened, then the total.</summary>
        public IReadOnlyList<PnlRow> Pnl() => blotter.Pnl();

        /// <summary>Instrument full names.</summary>
        public IReadOnlyList<string> Instruments => names;

        /// <summary>The account orders go to.</summary>
        public Account Account => account;

        /// <summary>True once every instrument's history arrived.</summary>
        public bool HasHistory
        {
            get { lock (gate) return history.Count == names.Length; }
        }

        /// <summary>Alerts and errors not yet dismissed, oldest first (a copy): they stay until <see cref="Dismiss"/>.</summary>
        public IReadOnlyList<SessionAlert> Alerts
        {
            get { lock (alertsGate) return alerts.ToList(); }
        }

        /// <summary>The latest alert not dismissed (for the status line shown on every tab), or null.</summary>
        public SessionAlert LatestAlert
        {
            get { lock (alertsGate) return alerts.Count == 0 ? null : alerts[alerts.Count - 1]; }
        }

        /// <summary>Removes the alert with <paramref name="id"/> (the operator read it).</summary>
        public void Dismiss(long id)
        {
            lock (alertsGate) alerts.RemoveAll(a => a.Id == id);
        }

        /// <summary>Removes every alert.</summary>
        public void DismissAll()
        {
            lock (alertsGate) alerts.Clear();
        }

        /// <summary>Adds an alert (errors the window caught); it stays until dismissed. <paramref name="sound"/>: also NinjaTrader's alert.</summary>
        public void Alert(string message, bool sound)
        {
            SessionAlert alert;
            lock (alertsGate)
            {
                alert = new SessionAlert(++alertSequence, DateTime.UtcNow, message, sound);
                alerts.Add(alert);
            }
            EventHandler<SessionAlert> raised = AlertRaised;
            if (raised != null) raised(this, alert);
        }

        /// <summary>Raised for every alert (the window forwards halts and guard trips to NinjaTrader's Alerts log with a sound).</summary>
        public event EventHandler<SessionAlert> AlertRaised;

        /// <summary>Requests <paramref name="days"/> daily bars of every instrument (BarsRequest); results arrive asynchronously.</summary>
        public void RequestHistory(int days)
        {
            if (days < 3) throw new ArgumentOutOfRangeException(nameof(days), "at least 3 days of history are needed, got " + days);
            for (int i = 0; i < instruments.Length; i++)
            {
                string name = names[i];
                // Help Guide "BarsRequest": the example sets TradingHours before Request; the instrument's own template is used.
                var request = new BarsRequest(instruments[i], days)
                {
                    BarsPeriod = new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 },
                    TradingHours = instruments[i].MasterInstrument.TradingHours,
                };
                lock (gate) requests.Add(request);
                request.Request(new Action<BarsRequest, ErrorCode, string>((r, error, message) =>
                {
                    lock (gate)
                    {
                        if (disposed) return;
                        if (error != ErrorCode.NoError) { Alert("history of " + name + " failed: " + error + " " + message, false); return; }
                        // Help Guide "BarsRequest": "the last returned bar may be a currently in-progress bar".
                        history[name] = BarHistory.FromBars(name, r.Bars, NinjaTrader.Core.Globals.Now);
                        if (history[name].Closes.Count > 0) blotter.Mark(name, history[name].Closes[history[name].Closes.Count - 1], 0);
                    }
                }));
            }
        }

        /// <summary>Simple returns per day of the instruments on their shared dates (Core: inner join, then simple returns).</summary>
        public AssetFrame Returns()
        {
            List<BarHistory> all;
            lock (gate)
            {
                if (history.Count != names.Length)
                    throw new InvalidOperationException("history has arrived for " + history.Count + " of " + names.Length + " instruments");
                all = names.Select(n => history[n]).ToList();
            }
            AssetFrame prices = BarHistory.JoinCloses(all, out _);
            return ReturnCalculator.Simple(prices);
        }

        /// <summary>Sector of each instrument, parallel to <see cref="Instruments"/> (empty = none).</summary>
        public IReadOnlyList<string> Sectors => sectors;

        /// <summary>
        /// The Optimize and Risk tabs on the history: Core's optimizer with the calculator's limits plus the instruments'
        /// sectors and <paramref name="sectorCaps"/> (sector -> largest total weight, fraction; empty = none), see
        /// <see cref="SectorLimits"/>. <paramref name="portfolioValue"/> in account currency.
        /// </summary>
        public PortfolioAnalysisResult Analyze(TargetWeightCalculator targets, IReadOnlyDictionary<string, double> sectorCaps, double confidence, int frontierPoints, decimal portfolioValue)
            => SectorLimits.Run(Returns(), targets, SectorLimits.Constraints(targets, names, sectors, sectorCaps), confidence, frontierPoints, portfolioValue);

        /// <summary>Live last price, else the last daily close, else NaN.</summary>
        public double Price(string name)
        {
            lock (gate)
            {
                if (lastPrices.TryGetValue(name, out double p)) return p;
                if (history.TryGetValue(name, out BarHistory h) && h.Closes.Count > 0) return h.Closes[h.Closes.Count - 1];
                return double.NaN;
            }
        }

        /// <summary>Signed position of the account in <paramref name="name"/>.</summary>
        public int Position(string name)
        {
            Position p;
            // Help Guide "Positions" (Account): lock the collection that is enumerated.
            lock (account.Positions)
                p = account.Positions.FirstOrDefault(x => x.Instrument != null && x.Instrument.FullName == name);
            if (p == null) return 0;
            return p.MarketPosition == MarketPosition.Short ? -p.Quantity : p.MarketPosition == MarketPosition.Long ? p.Quantity : 0;
        }

        /// <summary>Account value in the account's currency (NetLiquidation).</summary>
        public double AccountValue => account.Get(AccountItem.NetLiquidation, account.Denomination);

        /// <summary>The Portfolio tab's rows for <paramref name="targets"/> (null = none yet).</summary>
        public IReadOnlyList<PortfolioRow> Rows(IReadOnlyList<double> targets)
        {
            double value = AccountValue;
            if (!(value > 0)) throw new InvalidOperationException("account " + account.Name + " reports no positive net liquidation value");
            return PortfolioRows.Compute(names, sectors, instruments.Select(i => i.MasterInstrument.PointValue).ToList(),
                names.Select(Position).ToList(), names.Select(Price).ToList(), targets, value);
        }

        /// <summary>Plans whole contracts to <paramref name="targets"/> and routes each order (Rebalance tab preview).</summary>
        public IReadOnlyList<RebalancePreviewRow> Preview(IReadOnlyList<double> targets, double maxWeight, double cashBuffer, double horizonMinutes, int slices, double riskAversion)
            => Preview(targets, maxWeight, cashBuffer, horizonMinutes, slices, riskAversion, null);

        /// <summary>
        /// Plans whole contracts to <paramref name="targets"/> and routes each order (Rebalance tab preview). With
        /// <paramref name="risk"/> the targets are first scaled by Core's <see cref="RiskScaling"/> (volatility target, gross
        /// leverage cap) on the daily history, and point values are converted at its FX rates before Core's
        /// <see cref="FuturesSizer"/> sizes them (the strategy's path); <see cref="LastRiskScale"/> tells what bound.
        /// </summary>
        public IReadOnlyList<RebalancePreviewRow> Preview(IReadOnlyList<double> targets, double maxWeight, double cashBuffer, double horizonMinutes, int slices, double riskAversion,
            PreviewRiskOptions risk)
        {
            if (targets == null || targets.Count != names.Length) throw new ArgumentException("one target weight per instrument is needed", nameof(targets));
            if (risk != null) risk.Validate(names);
            RiskScale scale = risk != null && risk.Scales ? risk.Scale(targets, Returns()) : null;
            IReadOnlyList<double> sized = scale != null ? scale.Weights : targets;
            var closes = new double[names.Length];
            var held = new decimal[names.Length];
            var pointValues = new decimal[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                double price = Price(names[i]);
                if (!(price > 0)) throw new InvalidOperationException("no price for '" + names[i] + "' yet");
                double fx = risk != null ? risk.Fx(i) : 1.0;
                closes[i] = price;
                held[i] = Position(names[i]);
                pointValues[i] = (decimal)(instruments[i].MasterInstrument.PointValue * fx);
            }
            // The loop's sizing step (the strategy's and the backtester's rule); point values are already in the account currency.
            RebalancePlan plan = RebalancingLoop.SizeNow(new RebalancingLoopOptions
            {
                Instruments = names,
                PointValues = pointValues,
                CashBuffer = cashBuffer,
                SizingLimits = new InstrumentLimits(defaultMaxWeight: maxWeight),
            }, closes, held, (decimal)AccountValue, sized).Plan;
            Dictionary<string, InstrumentLiquidity> liquidity;
            lock (gate)
                liquidity = history.Values.Select(h => (h.Instrument, Liquidity: h.Liquidity(20))).Where(x => x.Liquidity != null)
                    .ToDictionary(x => x.Instrument, x => x.Liquidity, StringComparer.Ordinal);
            IReadOnlyList<RebalancePreviewRow> rows = RebalancePreview.Compute(plan, liquidity, horizonMinutes / 1440.0, slices, riskAversion);
            lock (gate)
            {
                lastPreview = new PreviewContext(rows, targets.ToArray(), maxWeight, cashBuffer, horizonMinutes, slices, riskAversion, risk);
                LastRiskScale = scale;
            }
            return rows;
        }

        /// <summary>The risk scaling of the last preview (factor, predicted volatility, gross leverage, which limit bound), or null.</summary>
        public RiskScale LastRiskScale { get; private set; }

        /// <summary>
        /// Sends the previewed orders, once. <paramref name="rows"/> must be the latest preview; it is re-planned against the
        /// current positions and prices first: when that plan differs, the preview has expired and nothing is sent (the
        /// returned rows are the new plan to confirm). Nothing is sent either while a plan still works (a second click), when
        /// the positions are already at the plan (a plan that completed), when a trading guard refuses any order (all or
        /// nothing; the alert names the guard), or in dry run (the orders are listed in an alert).
        /// </summary>
        public ExecuteResult Execute(IReadOnlyList<RebalancePreviewRow> rows, DateTime nowUtc)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            PreviewContext context;
            lock (gate)
            {
                clock.Set(nowUtc);
                int working = executors.Count(e => e.Status == ParentOrderStatus.Working);
                if (working > 0)
                    return Refuse(ExecuteOutcome.AlreadyWorking, "a rebalance is still working (" + working + " parent order(s)); Execute sent nothing. Wait for it or Cancel all first", rows);
                context = lastPreview;
            }
            if (killSwitch.IsTripped)
                return Refuse(ExecuteOutcome.Refused, "trading guard KillSwitch: kill switch tripped (" + killSwitch.Reason + "); nothing sent", rows);
            if (context == null || !ReferenceEquals(context.Rows, rows))
                return Refuse(ExecuteOutcome.Expired, "this is not the latest preview; preview again", rows);
            IReadOnlyList<RebalancePreviewRow> fresh = Preview(context.Targets, context.MaxWeight, context.CashBuffer, context.HorizonMinutes, context.Slices, context.RiskAversion, context.Risk);
            if (!SameOrders(rows, fresh))
                return Refuse(ExecuteOutcome.Expired, "the preview expired: positions or prices changed since it was made; the orders were re-planned against the current positions, check them and Execute again", fresh);
            if (fresh.Count == 0)
                return Refuse(ExecuteOutcome.NothingToSend, "nothing to send: the positions are already at the plan", fresh);
            if (settings.DryRun)
                return Refuse(ExecuteOutcome.DryRun, "DRY RUN: would send " + string.Join(", ", fresh.Select(r => r.Trade.Side + " " + Math.Abs(r.Trade.OrderQuantity) + " " + r.Trade.Instrument.Symbol)) + "; nothing sent", fresh);
            // Core's execution session: the guards judge the whole plan before anything is sent (all or nothing), then every
            // child; parents and children are written to the durable store before they are sent.
            lock (gate)
            {
                string id;
                do id = string.Format(CultureInfo.InvariantCulture, "{0}{1:yyyyMMddHHmmss}n{2}", OrderPrefix, nowUtc, ++parentSequence);
                while (store.LoadParent(ExecutionSession.ParentId(id, fresh[0].Trade.Instrument.Symbol)) != null);
                ExecutionSession session = NewSession(id, new PreviewPolicy(fresh));
                try
                {
                    session.Start(fresh.Select(r => new SessionOrder(r.Trade.Instrument.Symbol, r.Trade.Side, Math.Abs(r.Trade.OrderQuantity))).ToList());
                }
                catch (Exception ex) when (ex is NinjaTraderPortfolio.Core.InfeasibleException || ex is NinjaTraderPortfolio.Core.InvalidInputException)
                {
                    session.Dispose();
                    return Refuse(ExecuteOutcome.Refused, ex.Message + "; nothing sent", fresh);
                }
                foreach (ScheduleExecutor executor in session.Executors)
                {
                    RebalancePreviewRow row = fresh.First(r => r.Trade.Instrument.Symbol == executor.Parent.Instrument);
                    blotter.StartParent(executor.Parent.Id, executor.Parent.Instrument, executor.Parent.Side, (double)row.Trade.Instrument.Price);
                    executors.Add(executor);
                }
                sessions.Add(session);
                session.Poll();
                lastPreview = null;
            }
            return new ExecuteResult(ExecuteOutcome.Sent, "sent " + fresh.Count + " parent order(s) to " + account.Name, fresh);
        }

        private ExecuteResult Refuse(ExecuteOutcome outcome, string message, IReadOnlyList<RebalancePreviewRow> rows)
        {
            Alert("Execute: " + message, outcome == ExecuteOutcome.Refused);
            return new ExecuteResult(outcome, message, rows);
        }

        private static bool SameOrders(IReadOnlyList<RebalancePreviewRow> a, IReadOnlyList<RebalancePreviewRow> b)
        {
            if (a.Count != b.Count) return false;
            for (int i = 0; i < a.Count; i++)
                if (a[i].Trade.Instrument.Symbol != b[i].Trade.Instrument.Symbol || a[i].Trade.OrderQuantity != b[i].Trade.OrderQuantity)
                    return false;
            return true;
        }

        private ExecutionSession NewSession(string executionId, ISchedulePolicy policy) =>
            new ExecutionSession(executionId, policy, gateway, new AccountOrderQuery(account, OrderPrefix), store, new SessionQuotes(this), clock,
                new ExecutionSessionOptions
                {
                    Account = account.Name,
                    Limits = settings.Limits ?? new TradingLimits(),
                    KillPath = string.IsNullOrWhiteSpace(settings.KillFile) ? null : settings.KillFile.Trim(),
                    PointValue = name => (decimal)instruments[Array.IndexOf(names, name)].MasterInstrument.PointValue,
                }, new SessionAlertSink(this));

        // Executions of an earlier window still unfinished in the durable store: their orders still in the account are
        // adopted (never re-sent), then a session over the same orders resumes and reconciles them with Account.Orders.
        private void ResumeWorking()
        {
            var query = new AccountOrderQuery(account, OrderPrefix);
            var byExecution = new Dictionary<string, List<ParentOrderRecord>>(StringComparer.Ordinal);
            foreach (ParentOrderStatus status in new[] { ParentOrderStatus.Working, ParentOrderStatus.Halted })
                foreach (string id in store.LoadParentIds(status))
                {
                    ParentOrderRecord record = store.LoadParent(id);
                    if (record == null || !id.StartsWith(OrderPrefix, StringComparison.Ordinal) || id.Length < 10 || Array.IndexOf(names, record.Order.Instrument) < 0) continue;
                    foreach (ChildOrderRecord child in store.LoadChildren(id))
                    {
                        Order order = query.Find(child.ClientOrderId);
                        if (order != null) gateway.Adopt(child.ClientOrderId, order);
                    }
                    string execution = id.Substring(0, id.Length - 9);
                    List<ParentOrderRecord> list;
                    if (!byExecution.TryGetValue(execution, out list)) byExecution[execution] = list = new List<ParentOrderRecord>();
                    list.Add(record);
                }
            foreach (KeyValuePair<string, List<ParentOrderRecord>> e in byExecution)
            {
                ExecutionSession session = NewSession(e.Key, new StoredPolicy(e.Value));
                try
                {
                    session.Start(e.Value.Select(r => new SessionOrder(r.Order.Instrument, r.Order.Side, r.Order.Quantity)).ToList());
                }
                catch (Exception ex)
                {
                    session.Dispose();
                    Alert("could not resume execution " + e.Key + ": " + ex.Message + "; nothing was sent for it", true);
                    continue;
                }
                sessions.Add(session);
                executors.AddRange(session.Executors);
                Alert("resumed execution " + e.Key + ": " + session.Progress(), false);
            }
        }

        /// <summary>Advances the executors to <paramref name="nowUtc"/> (call on a timer).</summary>
        public void Poll(DateTime nowUtc)
        {
            List<ExecutionSession> working;
            if (!killSwitch.IsTripped && !string.IsNullOrWhiteSpace(settings.KillFile) && ExecutionSession.KillPathExists(settings.KillFile.Trim()))
                killSwitch.Trip("kill file '" + settings.KillFile.Trim() + "' exists");
            lock (gate)
            {
                clock.Set(nowUtc);
                working = sessions.Where(x => x.State == SessionState.Working).ToList();
            }
            if (resumePending && names.All(n => Price(n) > 0))
            {
                resumePending = false;
                lock (gate) ResumeWorking();
            }
            foreach (ExecutionSession session in working)
            {
                try
                {
                    if (session.Poll() == SessionState.Killed)
                        Alert("execution " + session.ExecutionId + " stopped by the kill switch: " + session.StopReason, true);
                }
                catch (ExecutionFaultException ex)
                {
                    Alert(ex.Message, true);
                }
            }
        }

        /// <summary>One line per parent: id, instrument, side, filled/quantity, status.</summary>
        public IReadOnlyList<string> Progress()
        {
            lock (gate)
                return executors.Select(e => string.Format(CultureInfo.InvariantCulture, "{0}  {1} {2}  {3}/{4}  {5}",
                    e.Parent.Id, e.Parent.Side, e.Parent.Instrument, e.Filled, e.Parent.Quantity, e.Status)).ToList();
        }

        /// <summary>Cancel-all: every working parent stops and its working children are cancelled.</summary>
        public void CancelAll()
        {
            lock (gate) CancelAllUnlocked();
        }

        /// <summary>Releases history requests and market data subscriptions, cancels working parents, stops listening to the account.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                if (disposed) return;
                disposed = true;
                CancelAllUnlocked();
                foreach (BarsRequest request in requests) request.Dispose();
                requests.Clear();
                gateway.Dispose();
                blotter.Dispose();
                var durable = store as IDisposable;
                if (durable != null) durable.Dispose();
            }
            // Help Guide "MarketData": unsubscribe through the instrument's Dispatcher as well.
            foreach (Instrument instrument in instruments)
            {
                Instrument i = instrument;
                if (!i.Dispatcher.HasShutdownStarted)
                    i.Dispatcher.InvokeAsync(() => i.MarketData.Update -= OnMarketData);
            }
        }

        private void CancelAllUnlocked()
        {
            foreach (ScheduleExecutor executor in executors)
            {
                if (executor.Status == ParentOrderStatus.Working) executor.CancelAll();
                executor.Dispose();
            }
            executors.Clear();
            sessions.Clear();
        }

        private void OnMarketData(object sender, MarketDataEventArgs e)
        {
            if (e.MarketDataType != MarketDataType.Last || !(e.Price > 0) || e.Instrument == null) return;
            lock (gate)
            {
                lastPrices[e.Instrument.FullName] = e.Price;
                priceTimes[e.Instrument.FullName] = clock.UtcNow;
            }
            blotter.Mark(e.Instrument.FullName, e.Price, e.Volume);
        }

        private sealed class PreviewContext
        {
            internal PreviewContext(IReadOnlyList<RebalancePreviewRow> rows, double[] targets, double maxWeight, double cashBuffer, double horizonMinutes, int slices, double riskAversion,
                PreviewRiskOptions risk)
            {
                Risk = risk; Rows = rows; Targets = targets; MaxWeight = maxWeight; CashBuffer = cashBuffer; HorizonMinutes = horizonMinutes; Slices = slices; RiskAversion = riskAversion;
            }

            internal IReadOnlyList<RebalancePreviewRow> Rows { get; }
            internal double[] Targets { get; }
            internal double MaxWeight { get; }
            internal double CashBuffer { get; }
            internal double HorizonMinutes { get; }
            internal int Slices { get; }
            internal double RiskAversion { get; }
            internal PreviewRiskOptions Risk { get; }
        }

        // Reference prices for the guards: the last price and when the session saw it.
        private sealed class SessionQuotes : IQuoteSource
        {
            private readonly PortfolioSession owner;

            internal SessionQuotes(PortfolioSession owner)
            {
                this.owner = owner;
            }

            public Quote LastQuote(string instrument)
            {
                double price = owner.Price(instrument);
                if (!(price > 0)) return null;
                DateTime time;
                lock (owner.gate)
                    if (!owner.priceTimes.TryGetValue(instrument, out time)) time = owner.clock.UtcNow;
                return new Quote((decimal)price, time);
            }

            public double? MarketVolume(string instrument) => null;
        }

        // A resumed execution's schedules as the store recorded them.
        private sealed class StoredPolicy : ISchedulePolicy
        {
            private readonly IReadOnlyList<ParentOrderRecord> parents;

            internal StoredPolicy(IReadOnlyList<ParentOrderRecord> parents)
            {
                this.parents = parents;
            }

            public IReadOnlyList<TimedSlice> Slices(SessionOrder order, DateTime startUtc)
            {
                ParentOrderRecord parent = parents.FirstOrDefault(p => p.Order.Instrument == order.Instrument);
                if (parent == null) throw new InvalidOperationException("no stored schedule for '" + order.Instrument + "'");
                return parent.Slices;
            }
        }

        // The preview's schedules (router or TWAP per row) on the wall clock from the session's start.
        private sealed class PreviewPolicy : ISchedulePolicy
        {
            private readonly IReadOnlyList<RebalancePreviewRow> rows;

            internal PreviewPolicy(IReadOnlyList<RebalancePreviewRow> rows)
            {
                this.rows = rows;
            }

            public IReadOnlyList<TimedSlice> Slices(SessionOrder order, DateTime startUtc)
            {
                RebalancePreviewRow row = rows.FirstOrDefault(r => r.Trade.Instrument.Symbol == order.Instrument);
                if (row == null) throw new InvalidOperationException("no previewed schedule for '" + order.Instrument + "'");
                return RebalancePreview.Slices(row, startUtc);
            }
        }

        private sealed class SessionAlertSink : IExecutionAlertSink
        {
            private readonly PortfolioSession owner;

            internal SessionAlertSink(PortfolioSession owner)
            {
                this.owner = owner;
            }

            // Halts after retries, late fills and overfills: with sound.
            public void Raise(ExecutionAlert alert) => owner.Alert("Execution alert " + alert, true);
        }
    }

    /// <summary>Execution settings of a Portfolio Manager session.</summary>
    public sealed class PortfolioExecutionSettings
    {
        /// <summary>SQLite file of the execution state (parents, children, transitions); empty = in memory (nothing survives a restart).</summary>
        public string StorePath { get; set; }

        /// <summary>
        /// Trading guards: live-account opt-in, per-order and daily quantity/notional caps (null limits are not checked).
        /// Valid by construction (<see cref="LimitsOf"/> for the window's fields); the session takes them as given.
        /// </summary>
        public TradingLimits Limits { get; set; } = new TradingLimits();

        /// <summary>When this file exists, the kill switch trips at the next poll; empty = off.</summary>
        public string KillFile { get; set; }

        /// <summary>Execute lists the orders it would send and sends none.</summary>
        public bool DryRun { get; set; }

        /// <summary>The session's clock starts here (UTC; the window passes DateTime.UtcNow).</summary>
        public DateTime StartUtc { get; set; }

        /// <summary>
        /// The limits of the window's fields, checked once here: the live-account opt-in and the "Max daily contracts" box
        /// (whole contracts per UTC day, all instruments; 0 = no limit, anything else against its declaration in Core's
        /// LimitCatalog: "Max daily contracts: max daily quantity must be &gt; 0 (whole units), got -1").
        /// </summary>
        public static TradingLimits LimitsOf(bool allowLiveAccount, long maxDailyContracts)
            => new TradingLimits()
                .WithLiveAccounts(allowLiveAccount)
                .WithMaxDailyQuantity(maxDailyContracts == 0 ? (long?)null : maxDailyContracts, "Max daily contracts");
    }

    /// <summary>What <see cref="PortfolioSession.Execute"/> did.</summary>
    public enum ExecuteOutcome
    {
        /// <summary>The parent orders were started.</summary>
        Sent,
        /// <summary>A plan is still working: nothing was sent.</summary>
        AlreadyWorking,
        /// <summary>The preview was stale (positions, prices or settings changed): nothing was sent; the re-planned rows are returned.</summary>
        Expired,
        /// <summary>The positions are already at the plan: nothing was sent.</summary>
        NothingToSend,
        /// <summary>A trading guard or the kill switch refused: nothing was sent.</summary>
        Refused,
        /// <summary>Dry run: the orders were listed, nothing was sent.</summary>
        DryRun,
    }

    /// <summary>The outcome of Execute, its sentence, and the rows it applies to (the re-planned ones when the preview expired).</summary>
    public sealed class ExecuteResult
    {
        internal ExecuteResult(ExecuteOutcome outcome, string message, IReadOnlyList<RebalancePreviewRow> rows)
        {
            Outcome = outcome; Message = message; Rows = rows;
        }

        /// <summary>What happened.</summary>
        public ExecuteOutcome Outcome { get; }
        /// <summary>One sentence for the operator.</summary>
        public string Message { get; }
        /// <summary>The orders concerned.</summary>
        public IReadOnlyList<RebalancePreviewRow> Rows { get; }
    }

    /// <summary>An alert of the Portfolio Manager: stays listed until dismissed.</summary>
    public sealed class SessionAlert
    {
        internal SessionAlert(long id, DateTime timeUtc, string message, bool sound)
        {
            Id = id; TimeUtc = timeUtc; Message = message; Sound = sound;
        }

        /// <summary>Dismiss key.</summary>
        public long Id { get; }
        /// <summary>When it was raised (UTC).</summary>
        public DateTime TimeUtc { get; }
        /// <summary>What happened.</summary>
        public string Message { get; }
        /// <summary>True for halts, guard refusals and kill-switch trips (the window marks them; NinjaTrader's AlertCallback is not called yet).</summary>
        public bool Sound { get; }

        /// <inheritdoc />
        public override string ToString() => TimeUtc.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "  " + Message;
    }
}
