using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution;
using NinjaTraderPortfolio.Core.Safety;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>Settings of a <see cref="PortfolioRebalancer"/>.</summary>
    public sealed class PortfolioRebalancerOptions
    {
        /// <summary>Instrument full names, in the order of every per-bar array.</summary>
        public IReadOnlyList<string> Instruments { get; set; } = new string[0];

        /// <summary>Currency per point per contract (MasterInstrument.PointValue), one per instrument.</summary>
        public IReadOnlyList<double> PointValues { get; set; } = new double[0];

        /// <summary>How target weights are computed.</summary>
        public TargetWeightCalculator? Targets { get; set; }

        /// <summary>Bar returns the optimizer and the engine's risk window use (at least 2).</summary>
        public int Lookback { get; set; } = 250;

        /// <summary>Re-optimize and rebalance on the first bar of each day/week/month/quarter (None = only at start and on drift).</summary>
        public CalendarFrequency Calendar { get; set; } = CalendarFrequency.Monthly;

        /// <summary>Absolute drift band (fraction of value) that triggers a rebalance back to the targets; null = off.</summary>
        public double? DriftBand { get; set; }

        /// <summary>Fraction of equity kept in cash by the planner, in [0, 1).</summary>
        public double CashBuffer { get; set; }

        /// <summary>Bars a realtime order is sliced over (TWAP, one child per bar); 1 = at once.</summary>
        public int ExecutionSlices { get; set; } = 1;

        /// <summary>Length of one bar (the schedules' time unit).</summary>
        public TimeSpan BarLength { get; set; } = TimeSpan.FromDays(1);

        /// <summary>Dry run: plans are logged with the orders they would send, and no executor is started (default false).</summary>
        public bool DryRun { get; set; }

        /// <summary>
        /// Whether an instrument's market is open now (orders go only to open markets; a closed one keeps its trade for the
        /// next bar). Null = always open.
        /// </summary>
        public Func<string, bool>? IsMarketOpen { get; set; }
    }

    /// <summary>
    /// The strategy's decision loop, outside NinjaTrader so it reads in one place: each bar (1) polls the working
    /// executors, (2) feeds Core's <see cref="DynamicAllocationEngine"/> (drift band and calendar triggers), (3) once the
    /// lookback is covered and on every calendar signal re-optimizes the targets on the last Lookback returns
    /// (<see cref="TargetWeightCalculator"/>), (4) on the first targets or any signal plans whole contracts with
    /// <see cref="RebalancePlanner"/> and works each order with a <see cref="ScheduleExecutor"/>: one slice at once when
    /// historical, a TWAP over <see cref="PortfolioRebalancerOptions.ExecutionSlices"/> bars when realtime.
    /// A calendar rebalance cancels executors still working first; a drift signal while they work is ignored. Not thread-safe (NinjaTrader calls a strategy on one thread).
    /// </summary>
    public sealed class PortfolioRebalancer : IDisposable
    {
        private readonly PortfolioRebalancerOptions options;
        private readonly IOrderGateway gateway;
        private readonly SettableClock clock;
        private readonly IExecutionAlertSink? alerts;
        private readonly Action<string> log;
        private readonly DynamicAllocationEngine engine;
        private IExecutionStore store = new InMemoryExecutionStore();
        private IOrderGateway? liveGateway;
        private TimeSpan clockShift;
        private bool retryDrift;
        private readonly RebalancePlanner planner = new RebalancePlanner();
        private readonly List<ScheduleExecutor> working = new List<ScheduleExecutor>();
        private readonly Queue<(DateTime Time, double[] Closes)> history = new Queue<(DateTime, double[])>();
        private readonly string[] names;
        private readonly TargetWeightCalculator calculator;
        private double[]? targets;
        private int parentSequence;
        private long barCount;

        /// <summary>Origin of the bar clock (see <see cref="BarClock"/>).</summary>
        public static readonly DateTime BarClockOrigin = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Creates the loop; <paramref name="log"/> receives one line per decision.</summary>
        public PortfolioRebalancer(PortfolioRebalancerOptions options, IOrderGateway gateway, SettableClock clock, IExecutionAlertSink? alerts, Action<string>? log)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
            this.alerts = alerts;
            this.log = log ?? (_ => { });
            calculator = options.Targets ?? throw new ArgumentException("options.Targets (the target weight calculator) is required", nameof(options));
            if (options.Lookback < 2) throw new ArgumentException("Lookback must be at least 2, got " + options.Lookback, nameof(options));
            if (options.ExecutionSlices < 1) throw new ArgumentException("ExecutionSlices must be at least 1, got " + options.ExecutionSlices, nameof(options));
            names = options.Instruments.ToArray();
            engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = names,
                TargetWeights = new double[names.Length],
                PointValues = options.PointValues,
                Window = options.Lookback,
                Triggers = new RebalanceTriggerOptions { AbsoluteBand = options.DriftBand, Calendar = options.Calendar },
            });
        }

        /// <summary>Current target weights (null until the lookback is covered).</summary>
        public IReadOnlyList<double>? TargetWeights => targets;

        /// <summary>The last plan (null before the first rebalance).</summary>
        public RebalancePlan? LastPlan { get; private set; }

        /// <summary>Executors still working parent orders.</summary>
        public IReadOnlyList<ScheduleExecutor> Working => working;

        /// <summary>The execution store new parents go to (in memory until <see cref="UseExecution"/> names a durable one).</summary>
        public IExecutionStore Store => store;

        /// <summary>
        /// False while a realtime start waits for its first scheduled rebalance (TradeOnStart off): signals other than the
        /// calendar are logged and ignored until a calendar rebalance or <see cref="Arm"/>. True by default.
        /// </summary>
        public bool Armed { get; set; } = true;

        /// <summary>Dry run: plans are logged with the orders they would send, and no executor is started.</summary>
        public bool DryRun
        {
            get { return options.DryRun; }
            set { options.DryRun = value; }
        }

        /// <summary>
        /// True while the connection is lost: working parents are not polled (no child is sent or cancelled) and no new
        /// rebalance starts; bars still feed the engine. Slices that expire meanwhile roll into catch-up slices on resume.
        /// </summary>
        public bool Paused { get; set; }

        /// <summary>Arms trading now: the next bar rebalances if the weights are off target by more than the drift band.</summary>
        public void Arm()
        {
            Armed = true;
            retryDrift = true;
        }

        /// <summary>
        /// From now on new parents are worked through <paramref name="gateway"/> and recorded in <paramref name="executionStore"/>
        /// (the strategy's switch to realtime: the guarded gateway over a durable store). Parents already working keep theirs.
        /// </summary>
        public void UseExecution(IOrderGateway gateway, IExecutionStore executionStore)
        {
            liveGateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            store = executionStore ?? throw new ArgumentNullException(nameof(executionStore));
        }

        /// <summary>
        /// After a restart: resumes every parent in <paramref name="parentIds"/> from the store given to
        /// <see cref="UseExecution"/> (its live children are adopted, not re-sent), then reconciles each with what the broker
        /// holds (<see cref="ExecutionRecovery"/>: fills missed while down are counted once; children never sent are rescheduled
        /// under new client ids). Returns the resumed executors.
        /// </summary>
        public IReadOnlyList<ScheduleExecutor> ResumeWorking(IEnumerable<string> parentIds, IBrokerOrderQuery broker)
        {
            if (liveGateway == null) throw new InvalidOperationException("call UseExecution before resuming parents");
            var resumed = new List<ScheduleExecutor>();
            foreach (string id in parentIds)
            {
                ParentOrderRecord? record = store.LoadParent(id);
                if (record == null || record.Status != ParentOrderStatus.Working) continue;
                ScheduleExecutor executor = ScheduleExecutor.Resume(id, liveGateway, store, clock, null, alerts);
                Adopt(executor, record.Updated);
                resumed.Add(executor);
            }
            foreach (ScheduleExecutor executor in resumed)
            {
                RecoveryReport report = ExecutionRecovery.Reconcile(executor, broker, clock.UtcNow);
                log(string.Format(CultureInfo.InvariantCulture, "resumed parent {0} ({1} {2} {3}, {4} filled): {5} child(ren) found at the broker, {6} never sent",
                    executor.Parent.Id, executor.Parent.Side, executor.Parent.Quantity, executor.Parent.Instrument, executor.Filled, report.Adopted, report.NeverSent));
            }
            return resumed;
        }

        /// <summary>
        /// Takes over a parent resumed from the store after a restart. The bar clock jumps forward (never back) so the
        /// resumed schedule continues one bar after the parent's last recorded time.
        /// </summary>
        public void Adopt(ScheduleExecutor executor, DateTime lastRecorded)
        {
            if (executor == null) throw new ArgumentNullException(nameof(executor));
            DateTime resumeAt = lastRecorded + options.BarLength;
            if (resumeAt > BarClock) clockShift += resumeAt - BarClock;
            clock.Set(BarClock);
            working.Add(executor);
        }

        /// <summary>
        /// The executors' clock: <see cref="BarClockOrigin"/> + bars processed x bar length. Counting bars rather than
        /// reading bar times makes a schedule advance exactly one slice per bar whatever the gaps between bars (weekends,
        /// session breaks); the execution store's times are on this clock.
        /// </summary>
        public DateTime BarClock => BarClockOrigin + TimeSpan.FromTicks(options.BarLength.Ticks * barCount) + clockShift;

        /// <summary>The allocation engine (weights, VaR, volatility after each bar).</summary>
        public DynamicAllocationEngine Engine => engine;

        /// <summary>
        /// Processes one bar: <paramref name="closes"/> and signed <paramref name="positions"/> per instrument, account
        /// <paramref name="equity"/> in currency; <paramref name="sliceOrders"/> = realtime (TWAP across bars). Returns the
        /// reasons of a rebalance started on this bar (<see cref="RebalanceReason.None"/> when none).
        /// </summary>
        public RebalanceReason OnBar(DateTime time, double[] closes, int[] positions, decimal equity, bool sliceOrders)
        {
            barCount++;
            clock.Set(BarClock);
            if (!Paused) PollWorking();
            history.Enqueue((time, (double[])closes.Clone()));
            while (history.Count > options.Lookback + 1) history.Dequeue();

            RebalanceReason reasons = engine.OnBar(time, closes, positions, equity);
            if (history.Count <= options.Lookback)
                return RebalanceReason.None;
            bool first = targets == null;
            if (first || (reasons & RebalanceReason.Calendar) != 0)
            {
                targets = calculator.Compute(WindowReturns()).CopyWeights();
                engine.SetTargets(targets);
            }
            if (!first && reasons == RebalanceReason.None && retryDrift && working.Count == 0 && OffTarget())
            {
                // A parent halted, was refused or was deferred (market closed): the trigger fired and was spent, but the
                // trade did not happen; re-plan from the actual positions.
                reasons = RebalanceReason.AbsoluteDrift;
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} drift trigger re-armed after an unfinished rebalance", time));
            }
            if (!first && reasons == RebalanceReason.None)
                return RebalanceReason.None;
            if (Paused)
            {
                retryDrift = true;
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} {1} deferred: connection lost", time, first ? RebalanceReason.Calendar : reasons));
                return RebalanceReason.None;
            }
            if (!Armed && (reasons & RebalanceReason.Calendar) == 0)
            {
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} {1} ignored: not armed (TradeOnStart off; waiting for the first scheduled rebalance)", time, first ? RebalanceReason.Calendar : reasons));
                return RebalanceReason.None;
            }
            Armed = true;
            if (!first && (reasons & RebalanceReason.Calendar) == 0 && working.Count > 0)
            {
                // A drift signal while a sliced rebalance is still working: the weights are off target because the
                // orders are not done yet; re-planning would restart the schedule on every bar.
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} {1} ignored: {2} parent(s) still working", time, reasons, working.Count));
                return RebalanceReason.None;
            }
            if (first) reasons |= RebalanceReason.Calendar;
            Rebalance(time, closes, positions, equity, sliceOrders, reasons, targets!);
            return reasons;
        }

        /// <summary>Cancels every working parent (cancel-all).</summary>
        public void CancelAll()
        {
            foreach (ScheduleExecutor executor in working)
            {
                executor.CancelAll();
                executor.Dispose();
            }
            working.Clear();
        }

        /// <inheritdoc />
        public void Dispose() => CancelAll();

        /// <summary>The last Lookback simple returns (Core's return calculator over the stored closes).</summary>
        public AssetFrame WindowReturns()
        {
            var rows = history.ToArray();
            var columns = new double[names.Length][];
            for (int a = 0; a < names.Length; a++)
                columns[a] = rows.Select(r => r.Closes[a]).ToArray();
            var prices = new AssetFrame(rows.Select(r => r.Time).ToArray(), names, columns, FrameKind.Prices, "strategy bars");
            return ReturnCalculator.Simple(prices);
        }

        private bool OffTarget()
        {
            if (targets == null) return false;
            double band = options.DriftBand ?? 0;
            IReadOnlyList<double> weights = engine.Weights;
            for (int a = 0; a < names.Length; a++)
                if (Math.Abs(weights[a] - targets[a]) > band) return true;
            return false;
        }

        private void Rebalance(DateTime time, double[] closes, int[] positions, decimal equity, bool sliceOrders, RebalanceReason reasons, double[] targets)
        {
            CancelAll();
            retryDrift = false;
            var instruments = new PlannerInstrument[names.Length];
            for (int a = 0; a < names.Length; a++)
                instruments[a] = new PlannerInstrument(names[a], (decimal)closes[a], (decimal)options.PointValues[a], 1, positions[a], targets[a]);
            IAllocationLimits? limits = !calculator.Spec.UsesLimits ? null : new InstrumentLimits(defaultMaxWeight: calculator.MaxWeight);
            var plan = planner.Plan(instruments, equity, new PlannerOptions { CashBuffer = options.CashBuffer }, limits);
            LastPlan = plan;
            log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} rebalance ({1}), equity {2:0.00}: targets {3}",
                time, reasons, equity, string.Join(", ", names.Select((n, a) => n + " " + targets[a].ToString("0.####", CultureInfo.InvariantCulture)))));

            foreach (PlannedTrade trade in plan.Trades)
            {
                long quantity = Math.Abs(trade.OrderQuantity);
                if (quantity == 0) continue;
                string symbol = trade.Instrument.Symbol;
                if (options.IsMarketOpen != null && !options.IsMarketOpen(symbol))
                {
                    retryDrift = true;
                    log(string.Format(CultureInfo.InvariantCulture, "  {0} {1} {2} deferred: its market is closed now", trade.Side, quantity, symbol));
                    continue;
                }
                string id;
                do id = string.Format(CultureInfo.InvariantCulture, "P{0:yyyyMMddHHmmss}n{1}", time, ++parentSequence);
                while (store.LoadParent(id) != null);
                if (options.DryRun)
                {
                    log(string.Format(CultureInfo.InvariantCulture, "  DRY RUN: would send {0} {1} {2} ({3}); nothing sent", trade.Side, quantity, symbol, id));
                    continue;
                }
                var parent = new ParentOrder(id, symbol, trade.Side, quantity);
                var executor = new ScheduleExecutor(parent, Slices(BarClock, quantity, sliceOrders), liveGateway ?? gateway, store, clock, null, alerts);
                working.Add(executor);
                log(string.Format(CultureInfo.InvariantCulture, "  {0} {1} {2} ({3})", trade.Side, quantity, symbol, id));
                executor.Poll();
            }
        }

        private IReadOnlyList<TimedSlice> Slices(DateTime now, long quantity, bool sliceOrders)
        {
            if (!sliceOrders || options.ExecutionSlices == 1)
                return new[] { new TimedSlice(0, now, now + TimeSpan.FromTicks(5 * options.BarLength.Ticks), quantity) };
            // One child per bar: an order smaller than the slice count gets fewer slices over as many bars.
            int bars = (int)Math.Min(options.ExecutionSlices, quantity);
            ExecutionSchedule twap = TwapSchedule.Build(quantity, bars, bars);
            return twap.ToTimedSlices(now, options.BarLength);
        }

        private void PollWorking()
        {
            for (int i = working.Count - 1; i >= 0; i--)
            {
                working[i].Poll();
                if (working[i].Status != ParentOrderStatus.Working)
                {
                    if (working[i].Status == ParentOrderStatus.Halted)
                    {
                        // Broker rejects re-arm the drift trigger (the next bar re-plans from the actual positions); a
                        // refusal before sending (a trading guard) does not, or every bar would ask again.
                        ChildOrderRecord? last = working[i].Children.LastOrDefault();
                        bool rejected = last != null && last.State == ChildOrderState.Rejected;
                        if (rejected) retryDrift = true;
                        log("parent " + working[i].Parent.Id + " halted with " + (working[i].Parent.Quantity - working[i].Filled) + " unfilled"
                            + (rejected ? "; the drift trigger re-arms" : "; not re-armed (refused before sending)"));
                    }
                    working[i].Dispose();
                    working.RemoveAt(i);
                }
            }
        }
    }
}
