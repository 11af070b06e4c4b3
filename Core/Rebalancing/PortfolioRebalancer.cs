using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>Settings of a <see cref="PortfolioRebalancer"/>.</summary>
    public sealed class PortfolioRebalancerOptions
    {
        /// <summary>Instrument full names, in the order of every per-bar array.</summary>
        public IReadOnlyList<string> Instruments { get; set; } = new string[0];

        /// <summary>Account currency per point per contract (MasterInstrument.PointValue x the instrument's FX rate), one per instrument.</summary>
        public IReadOnlyList<double> PointValues { get; set; } = new double[0];

        /// <summary>How target weights are computed.</summary>
        public TargetWeightCalculator? Targets { get; set; }

        /// <summary>Bar returns in the loop's window, which the optimizer (and the volatility scaling) use (at least 2).</summary>
        public int Lookback { get; set; } = 250;

        /// <summary>Re-optimize and rebalance on the first bar of each day/week/month/quarter (None = only at start; drift signals trade back to the first targets).</summary>
        public CalendarFrequency Calendar { get; set; } = CalendarFrequency.Monthly;

        /// <summary>Absolute drift band (fraction of value) that triggers a rebalance back to the targets; null = off.</summary>
        public double? DriftBand { get; set; }

        /// <summary>Fraction of equity kept in cash by the planner, in [0, 1).</summary>
        public double CashBuffer { get; set; }

        /// <summary>Bars a realtime order is sliced over (TWAP, one child per bar); 1 = at once.</summary>
        public int ExecutionSlices { get; set; } = 1;

        /// <summary>Length of one bar (the schedules' time unit).</summary>
        public TimeSpan BarLength { get; set; } = TimeSpan.FromDays(1);

        /// <summary>Annual volatility target (fraction), or null: targets are scaled by <see cref="RiskScaling"/> on the lookback window.</summary>
        public double? VolatilityTarget { get; set; }

        /// <summary>Cap on sum |weights| (multiple of equity), or null.</summary>
        public double? MaxGrossLeverage { get; set; }

        /// <summary>Bars per year for the annualised volatility (252 for daily bars).</summary>
        public int PeriodsPerYear { get; set; } = 252;

        /// <summary>Initial margin per contract in the account currency, one per instrument, or null when unknown.</summary>
        public IReadOnlyList<double>? Margins { get; set; }

        /// <summary>Largest total initial margin as a fraction of equity, or null (needs <see cref="Margins"/>).</summary>
        public double? MaxMarginUse { get; set; }

        /// <summary>
        /// Time-based realtime slicing: when &gt; 0, a realtime rebalance's session works each order as a TWAP of up to
        /// <see cref="ExecutionSlices"/> children over this horizon on the clock (bounded by the session end given to
        /// <see cref="PortfolioRebalancer.OnBar"/>; <see cref="ClockTwapSchedulePolicy"/>), the clock runs on bar times and
        /// <see cref="PortfolioRebalancer.OnClock"/> (a 1-minute series or a timer) sends each child when its time comes.
        /// Zero (default): one child per bar.
        /// </summary>
        public TimeSpan SliceHorizon { get; set; } = TimeSpan.Zero;

        /// <summary>No-trade band: minimum weight change (fraction of equity) for a position to change (see <see cref="FuturesSizer"/>).</summary>
        public double MinTradeWeight { get; set; }

        /// <summary>Dry run: plans are logged with the orders they would send, and no executor is started (default false).</summary>
        public bool DryRun { get; set; }

        /// <summary>
        /// Whether an instrument's market is open now (orders go only to open markets; a closed one keeps its trade for the
        /// next bar). Null = always open.
        /// </summary>
        public Func<string, bool>? IsMarketOpen { get; set; }
    }

    /// <summary>
    /// The strategy's side of the one <see cref="RebalancingLoop"/> (the same step the backtester replays and the portfolio
    /// manager runs): each bar (1) polls the working executors, (2) steps the loop: the streaming returns window, the
    /// drift band and calendar triggers, the first targets once the lookback is covered and new targets on every calendar
    /// signal (a drift signal trades back to the targets in force) from the <see cref="TargetWeightCalculator"/>'s optimizer
    /// (<see cref="OptimizerWeightSource"/>, scaled by <see cref="ScaledWeightSource"/> under a volatility target or leverage
    /// cap), (3) on the first targets or any signal sizes whole contracts through the loop's sizing limits
    /// (<see cref="FuturesSizer"/>: margin cap, no-trade band, max weight) and works them as one Core
    /// <see cref="ExecutionSession"/>: one slice at once when historical; when realtime a TWAP over
    /// <see cref="PortfolioRebalancerOptions.ExecutionSlices"/> bars, or over <see cref="PortfolioRebalancerOptions.SliceHorizon"/>
    /// on the clock.
    /// A calendar rebalance cancels executors still working first; a drift signal while they work is ignored. Not thread-safe (NinjaTrader calls a strategy on one thread).
    /// </summary>
    public sealed class PortfolioRebalancer : IDisposable
    {
        private readonly PortfolioRebalancerOptions options;
        private readonly IOrderGateway gateway;
        private readonly SettableClock clock;
        private readonly IExecutionAlertSink? alerts;
        private readonly Action<string> log;
        private readonly RebalancingLoop loop;
        private readonly ScaledWeightSource? scaled;
        private IExecutionStore store = new InMemoryExecutionStore();
        private IOrderGateway sessionGateway;
        private IBrokerOrderQuery? broker;
        private ExecutionSessionOptions sessionOptions;
        private TimeSpan clockShift;
        private bool retryDrift;
        private readonly List<ExecutionSession> sessions = new List<ExecutionSession>();
        private readonly double[] lastCloses;
        private readonly string[] names;
        private readonly TargetWeightCalculator calculator;
        private int parentSequence;
        private long barCount;
        private DateTime? sessionEnd;
        private readonly List<PendingRoll> rolls = new List<PendingRoll>();
        // Expiring contracts rolled out of a slot (contract -> slot) and their close on the roll day (the guards' quote).
        private readonly Dictionary<string, int> rolledFrom = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, double> rolledFromClose = new Dictionary<string, double>(StringComparer.Ordinal);

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
            if (options.Margins != null)
            {
                if (options.Margins.Count != names.Length) throw new ArgumentException($"Margins has {options.Margins.Count} entries for {names.Length} instruments", nameof(options));
                for (int a = 0; a < names.Length; a++) Guard.NonNegative(options.Margins[a], "margin of " + names[a]);
            }
            if (options.MaxMarginUse.HasValue && options.Margins == null)
                throw new ArgumentException("MaxMarginUse needs the margin per contract of every instrument (Margins)", nameof(options));
            if (options.PeriodsPerYear < 1) throw new ArgumentException("PeriodsPerYear must be at least 1, got " + options.PeriodsPerYear, nameof(options));
            if (options.SliceHorizon < TimeSpan.Zero) throw new ArgumentException("SliceHorizon must not be negative, got " + options.SliceHorizon, nameof(options));
            lastCloses = new double[names.Length];
            sessionGateway = gateway;
            // Historical (simulated) orders: the same session, in memory, on the Strategy Analyzer's "Backtest" account, no caps.
            sessionOptions = new ExecutionSessionOptions { Account = "Backtest", PointValue = PointValueOf };
            ITargetWeightSource source = new OptimizerWeightSource(calculator.Spec.Create(new Optimization.Catalog.OptimizerSettings { KellyFraction = calculator.KellyFraction }),
                calculator.Constraints, options.Lookback, CovarianceMethod.Sample, calculator.RiskFreeRate);
            if (options.VolatilityTarget.HasValue || options.MaxGrossLeverage.HasValue)
                source = scaled = new ScaledWeightSource(source, options.Lookback, options.PeriodsPerYear, options.VolatilityTarget, options.MaxGrossLeverage);
            loop = new RebalancingLoop(new RebalancingLoopOptions
            {
                Instruments = names,
                PointValues = options.PointValues.Select(v => (decimal)v).ToArray(),
                Margins = options.Margins?.Select(m => (decimal?)m).ToArray(),
                Triggers = new RebalanceTriggerOptions { AbsoluteBand = options.DriftBand, Calendar = options.Calendar },
                CashBuffer = options.CashBuffer,
                MinTradeWeight = options.MinTradeWeight,
                MaxMarginUse = options.MaxMarginUse,
                SizingLimits = !calculator.Spec.UsesLimits ? null : SizingCaps.From(calculator.Constraints),
                // The schedule re-optimizes; a drift signal trades back to the targets in force.
                RetargetOn = RebalanceReason.Calendar,
            }, source);
        }

        /// <summary>Current target weights (null until the lookback is covered).</summary>
        public IReadOnlyList<double>? TargetWeights => loop.Targets;

        /// <summary>The last plan (null before the first rebalance).</summary>
        public RebalancePlan? LastPlan { get; private set; }

        /// <summary>The last sizing: orders with their notes, margin used (null before the first rebalance).</summary>
        public SizingResult? LastSizing { get; private set; }

        /// <summary>The last volatility/leverage scaling of the optimizer's weights (null without a target or cap).</summary>
        public RiskScale? LastScale => scaled?.LastScale;

        /// <summary>Executors still working parent orders (of every session still working).</summary>
        public IReadOnlyList<ScheduleExecutor> Working => sessions.SelectMany(x => x.Executors).Where(e => e.Status == ParentOrderStatus.Working).ToList();

        /// <summary>Execution sessions started by this loop that are still working (one per rebalance).</summary>
        public IReadOnlyList<ExecutionSession> Sessions => sessions;

        /// <summary>The contract each slot trades now (a roll replaces the expiring contract by the next one).</summary>
        public IReadOnlyList<string> Instruments => names;

        /// <summary>True while a futures roll is under way (its close or open leg still working): no rebalance starts.</summary>
        public bool Rolling => rolls.Count > 0;

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
        /// From now on each rebalance runs as a Core <see cref="ExecutionSession"/> over <paramref name="gateway"/> (the session
        /// puts its trading guards in front of it), recorded in <paramref name="executionStore"/> and reconciled with
        /// <paramref name="brokerQuery"/>; <paramref name="options"/> = account, limits, kill path, risk limit (the point
        /// values are the loop's). The strategy's switch to realtime: a durable store and the live guards. Sessions already
        /// working keep theirs.
        /// </summary>
        public void UseExecution(IOrderGateway gateway, IExecutionStore executionStore, IBrokerOrderQuery? brokerQuery, ExecutionSessionOptions options)
        {
            sessionGateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
            store = executionStore ?? throw new ArgumentNullException(nameof(executionStore));
            sessionOptions = options ?? throw new ArgumentNullException(nameof(options));
            sessionOptions.PointValue = PointValueOf;
            broker = brokerQuery;
        }

        /// <summary>
        /// After a restart: every execution with unfinished parents in the store given to <see cref="UseExecution"/> is
        /// started again as a session over the same orders, which resumes it (live children adopted, not re-sent; fills
        /// missed while down counted once; children never sent rescheduled under new client ids; halted parents re-armed).
        /// The bar clock first moves past the latest time recorded. Returns the resumed sessions.
        /// </summary>
        public IReadOnlyList<ExecutionSession> ResumeWorking()
        {
            var byExecution = new Dictionary<string, List<ParentOrderRecord>>(StringComparer.Ordinal);
            foreach (ParentOrderStatus status in new[] { ParentOrderStatus.Working, ParentOrderStatus.Halted })
                foreach (string id in store.LoadParentIds(status))
                {
                    ParentOrderRecord? record = store.LoadParent(id);
                    if (record == null || id.Length < 10 || Array.IndexOf(names, record.Order.Instrument) < 0) continue;
                    string execution = id.Substring(0, id.Length - 9);
                    if (!byExecution.TryGetValue(execution, out List<ParentOrderRecord>? list)) byExecution[execution] = list = new List<ParentOrderRecord>();
                    list.Add(record);
                }
            DateTime latest = byExecution.Values.SelectMany(l => l).Select(r => r.Updated).DefaultIfEmpty(DateTime.MinValue).Max();
            if (latest > DateTime.MinValue && options.SliceHorizon > TimeSpan.Zero)
            {
                // Time-based slicing: the clock runs on bar times, which are already past the recorded ones after a restart.
                clock.Set(latest);
            }
            else if (latest > DateTime.MinValue)
            {
                DateTime resumeAt = latest + options.BarLength;
                if (resumeAt > BarClock) clockShift += resumeAt - BarClock;
                clock.Set(BarClock);
            }
            var resumed = new List<ExecutionSession>();
            foreach (KeyValuePair<string, List<ParentOrderRecord>> e in byExecution)
            {
                var session = NewSession(e.Key, false);
                session.Start(e.Value.Select(r => new SessionOrder(r.Order.Instrument, r.Order.Side, r.Order.Quantity)).ToList());
                sessions.Add(session);
                resumed.Add(session);
                log(string.Format(CultureInfo.InvariantCulture, "resumed execution {0}: {1}", e.Key, session.Progress()));
            }
            return resumed;
        }

        /// <summary>
        /// The executors' clock: <see cref="BarClockOrigin"/> + bars processed x bar length. Counting bars rather than
        /// reading bar times makes a schedule advance exactly one slice per bar whatever the gaps between bars (weekends,
        /// session breaks); the execution store's times are on this clock. With a <see cref="PortfolioRebalancerOptions.SliceHorizon"/>
        /// the executors' clock is the bar time instead (and <see cref="OnClock"/> between bars).
        /// </summary>
        public DateTime BarClock => BarClockOrigin + TimeSpan.FromTicks(options.BarLength.Ticks * barCount) + clockShift;

        /// <summary>The rebalancing loop (returns window, triggers, targets, sizing limits).</summary>
        public RebalancingLoop Loop => loop;

        /// <summary>
        /// Processes one bar: <paramref name="closes"/> and signed <paramref name="positions"/> per instrument, account
        /// <paramref name="equity"/> in currency; <paramref name="sliceOrders"/> = realtime (TWAP across bars, or on the clock);
        /// <paramref name="sessionEnd"/> (same clock as <paramref name="time"/>, null = unknown) bounds a clock slicing horizon.
        /// Returns the reasons of a rebalance started on this bar (<see cref="RebalanceReason.None"/> when none).
        /// </summary>
        public RebalanceReason OnBar(DateTime time, double[] closes, int[] positions, decimal equity, bool sliceOrders, DateTime? sessionEnd = null)
        {
            barCount++;
            clock.Set(options.SliceHorizon > TimeSpan.Zero ? AsClockTime(time) : BarClock);
            this.sessionEnd = sessionEnd;
            Array.Copy(closes, lastCloses, Math.Min(closes.Length, lastCloses.Length));
            if (!Paused) PollWorking();
            for (int a = 0; a < names.Length && a < closes.Length; a++)
            {
                if (closes[a] > 0 && !double.IsInfinity(closes[a])) continue;
                // Back-adjusted (merged) futures history can reach zero or below: no return can be taken from such a close.
                // The bar is skipped (no return, no weights, no rebalance) and so is the return across it; working
                // orders were polled above, so the strategy keeps running.
                loop.SkipNextReturn();
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} bar skipped: close of {1} is {2}, not positive (back-adjusted history?); no return, no rebalance",
                    time, names[a], closes[a].ToString("R", CultureInfo.InvariantCulture)));
                return RebalanceReason.None;
            }

            var held = new decimal[names.Length];
            for (int a = 0; a < held.Length && a < positions.Length; a++) held[a] = positions[a];
            loop.AddBar(time, closes);
            RebalanceDecision decision = loop.Decide(time.Date, held, equity, working: sessions.Count > 0);
            if (decision.Targets == null)
                return RebalanceReason.None;
            bool first = decision.Initial;
            RebalanceReason reasons = decision.Reasons;
            if (!first && reasons == RebalanceReason.None && retryDrift && sessions.Count == 0 && OffTarget())
            {
                // A parent halted, was refused or was deferred (market closed): the trigger fired and was spent, but the
                // trade did not happen; re-plan from the actual positions.
                reasons = RebalanceReason.AbsoluteDrift;
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} drift trigger re-armed after an unfinished rebalance", time));
            }
            if (!first && reasons == RebalanceReason.None)
                return RebalanceReason.None;
            if (rolls.Count > 0)
            {
                // A roll moves a position between contracts: a rebalance now would count the position twice or not at all.
                retryDrift = true;
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} {1} deferred: a futures roll is under way", time, first ? RebalanceReason.Calendar : reasons));
                return RebalanceReason.None;
            }
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
            if (decision.Action == RebalanceAction.IgnoredWhileWorking)
            {
                // A drift signal while a sliced rebalance is still working: the weights are off target because the
                // orders are not done yet; re-planning would restart the schedule on every bar.
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} {1} ignored: {2} parent(s) still working", time, reasons, Working.Count));
                return RebalanceReason.None;
            }
            if (first) reasons |= RebalanceReason.Calendar;
            Rebalance(time, held, equity, sliceOrders, reasons, decision.Targets);
            return reasons;
        }

        /// <summary>
        /// Time-based slicing only: moves the executors' clock to <paramref name="now"/> (never backwards) and polls the working
        /// sessions, which send the children whose time has come (not while <see cref="Paused"/>); call it from a 1-minute
        /// series or a timer between the portfolio's bars.
        /// </summary>
        public void OnClock(DateTime now)
        {
            if (options.SliceHorizon <= TimeSpan.Zero) return;
            clock.Set(AsClockTime(now));
            if (!Paused) PollWorking();
        }

        /// <summary>
        /// Rolls slot <paramref name="slot"/> from its expiring contract to <paramref name="nextContract"/> (call it on the roll
        /// day, before <see cref="OnBar"/>, with the slot's signed <paramref name="position"/> in contracts and the expiring
        /// contract's <paramref name="expiringClose"/>). Working rebalances are cancelled; the slot trades the next contract
        /// from now on, and the next bar adds no return (its close is of the next contract). The position moves as a pair of
        /// executions through the same execution session as the rebalances (guards, store, restart): first the close of the
        /// expiring contract; once that is done, the open of the next contract for the quantity filled, so the two never add
        /// up to more than the position. Returns false (nothing sent, slot unchanged) when a trading guard refuses the close.
        /// </summary>
        public bool Roll(DateTime time, int slot, string nextContract, int position, double expiringClose)
        {
            if (slot < 0 || slot >= names.Length) throw new ArgumentOutOfRangeException(nameof(slot), slot, "slot must be 0.." + (names.Length - 1));
            if (string.IsNullOrWhiteSpace(nextContract)) throw new ArgumentException("the next contract of slot " + slot + " (" + names[slot] + ") is empty", nameof(nextContract));
            if (Array.IndexOf(names, nextContract) >= 0) throw new ArgumentException("cannot roll " + names[slot] + " to " + nextContract + ": a slot already trades it", nameof(nextContract));
            string from = names[slot];
            if (sessions.Count > 0)
            {
                log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} roll of {1}: cancelling {2} working parent(s) first", time, from, Working.Count));
                CancelAll();
            }
            names[slot] = nextContract;
            rolledFrom[from] = slot;
            rolledFromClose[from] = expiringClose;
            loop.Rename(slot, nextContract);
            loop.SkipNextReturn();
            log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} roll {1} -> {2}: position {3}", time, from, nextContract, position));
            if (position == 0) return true;
            var roll = new PendingRoll(slot, from, nextContract, position > 0 ? OrderSide.Buy : OrderSide.Sell, time);
            var close = new SessionOrder(from, position > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Abs(position));
            if (options.DryRun)
            {
                log(string.Format(CultureInfo.InvariantCulture, "  DRY RUN: would send {0} {1} {2}, then {3} {1} {4}; nothing sent", close.Side, close.Quantity, from, roll.OpenSide, nextContract));
                return true;
            }
            roll.Close = StartRollLeg(time, close);
            if (roll.Close == null)
            {
                names[slot] = from;
                loop.Rename(slot, from);
                rolledFrom.Remove(from);
                return false;
            }
            rolls.Add(roll);
            return true;
        }

        private ExecutionSession? StartRollLeg(DateTime time, SessionOrder order)
        {
            string id;
            do id = string.Format(CultureInfo.InvariantCulture, "R{0:yyyyMMddHHmmss}n{1}", time, ++parentSequence);
            while (store.LoadParent(ExecutionSession.ParentId(id, order.Instrument)) != null);
            ExecutionSession session = NewSession(id, false);
            try
            {
                session.Start(new[] { order });
            }
            catch (InfeasibleException ex)
            {
                session.Dispose();
                log("  roll execution " + id + " refused: " + ex.Message);
                alerts?.Raise(new ExecutionAlert(id, null, "roll refused before sending: " + ex.Message, clock.UtcNow));
                return null;
            }
            sessions.Add(session);
            log(string.Format(CultureInfo.InvariantCulture, "  roll execution {0}: {1} {2} {3}", id, order.Side, order.Quantity, order.Instrument));
            session.Poll();
            return session;
        }

        // A roll's legs: the open of the next contract starts once the close of the expiring one is done.
        private void AdvanceRolls()
        {
            for (int i = rolls.Count - 1; i >= 0; i--)
            {
                PendingRoll roll = rolls[i];
                if (roll.Open != null)
                {
                    if (!sessions.Contains(roll.Open)) rolls.RemoveAt(i);
                    continue;
                }
                if (roll.Close == null || sessions.Contains(roll.Close)) continue;
                long filled = roll.Close.Executors.Sum(e => e.Filled);
                long asked = roll.Close.Executors.Sum(e => e.Parent.Quantity);
                if (filled < asked)
                    alerts?.Raise(new ExecutionAlert(roll.Close.ExecutionId, null, string.Format(CultureInfo.InvariantCulture,
                        "roll {0} -> {1}: {2} of {3} closed; the rest stays in {0}", roll.From, roll.To, filled, asked), clock.UtcNow));
                if (filled == 0)
                {
                    rolls.RemoveAt(i);
                    continue;
                }
                roll.Open = StartRollLeg(roll.Time, new SessionOrder(roll.To, roll.OpenSide, filled));
                if (roll.Open == null) rolls.RemoveAt(i);
            }
        }

        private sealed class PendingRoll
        {
            internal PendingRoll(int slot, string from, string to, OrderSide openSide, DateTime time)
            {
                Slot = slot;
                From = from;
                To = to;
                OpenSide = openSide;
                Time = time;
            }

            internal int Slot { get; }
            internal string From { get; }
            internal string To { get; }
            internal OrderSide OpenSide { get; }
            internal DateTime Time { get; }
            internal ExecutionSession? Close { get; set; }
            internal ExecutionSession? Open { get; set; }
        }

        /// <summary>Cancels every working parent (cancel-all).</summary>
        public void CancelAll()
        {
            foreach (ExecutionSession session in sessions)
            {
                foreach (ScheduleExecutor executor in session.Executors) executor.CancelAll();
                session.Dispose();
            }
            sessions.Clear();
            rolls.Clear();
        }

        /// <inheritdoc />
        public void Dispose() => CancelAll();

        private bool OffTarget()
        {
            IReadOnlyList<double>? targets = loop.Targets;
            if (targets == null) return false;
            double band = options.DriftBand ?? 0;
            IReadOnlyList<double> weights = loop.Weights;
            for (int a = 0; a < names.Length; a++)
                if (Math.Abs(weights[a] - targets[a]) > band) return true;
            return false;
        }

        private void Rebalance(DateTime time, decimal[] positions, decimal equity, bool sliceOrders, RebalanceReason reasons, IReadOnlyList<double> targets)
        {
            CancelAll();
            retryDrift = false;
            // Whole contracts through the loop's sizing limits (margin cap, no-trade band, max weight unless risk parity).
            loop.Size(positions, equity, targets, out SizingResult? sized);
            SizingResult sizing = sized!;
            LastSizing = sizing;
            LastPlan = sizing.Plan;
            log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} rebalance ({1}), equity {2:0.00}: targets {3}",
                time, reasons, equity, string.Join(", ", names.Select((n, a) => n + " " + targets[a].ToString("0.####", CultureInfo.InvariantCulture)))));

            var orders = new List<SessionOrder>();
            foreach (SizedOrder order in sizing.Orders)
            {
                if (order.Note != null) log("  " + order.Symbol + ": " + order.Note);
                long quantity = Math.Abs(order.OrderQuantity);
                if (quantity == 0) continue;
                string symbol = order.Symbol;
                OrderSide side = order.OrderQuantity > 0 ? OrderSide.Buy : OrderSide.Sell;
                if (options.IsMarketOpen != null && !options.IsMarketOpen(symbol))
                {
                    retryDrift = true;
                    log(string.Format(CultureInfo.InvariantCulture, "  {0} {1} {2} deferred: its market is closed now", side, quantity, symbol));
                    continue;
                }
                if (options.DryRun)
                {
                    log(string.Format(CultureInfo.InvariantCulture, "  DRY RUN: would send {0} {1} {2}; nothing sent", side, quantity, symbol));
                    continue;
                }
                orders.Add(new SessionOrder(symbol, side, quantity));
                log(string.Format(CultureInfo.InvariantCulture, "  {0} {1} {2}", side, quantity, symbol));
            }
            if (orders.Count == 0) return;
            string id;
            do id = string.Format(CultureInfo.InvariantCulture, "P{0:yyyyMMddHHmmss}n{1}", time, ++parentSequence);
            while (store.LoadParent(ExecutionSession.ParentId(id, orders[0].Instrument)) != null);
            ExecutionSession session = NewSession(id, sliceOrders);
            try
            {
                session.Start(orders);
            }
            catch (InfeasibleException ex)
            {
                // A trading guard refused before anything was sent (live account, caps, kill path): nothing is sent.
                session.Dispose();
                log("  execution " + id + " refused: " + ex.Message);
                alerts?.Raise(new ExecutionAlert(id, null, "refused before sending: " + ex.Message, clock.UtcNow));
                return;
            }
            sessions.Add(session);
            log("  execution " + id + ": " + session.Progress());
            session.Poll();
        }

        private ExecutionSession NewSession(string executionId, bool sliceOrders)
        {
            ISchedulePolicy policy;
            if (!sliceOrders || options.ExecutionSlices == 1)
                policy = new FixedSchedulePolicy(SliceStrategy.Twap, 1, TimeSpan.FromTicks(5 * options.BarLength.Ticks));
            else if (options.SliceHorizon > TimeSpan.Zero)
            {
                // On the clock over min(SliceHorizon, session end - now); a single child (too little time, or a 1-lot) has
                // max(SliceHorizon, bar length) to be done.
                TimeSpan horizon = options.SliceHorizon;
                DateTime now = clock.UtcNow;
                if (sessionEnd.HasValue && AsClockTime(sessionEnd.Value) - now < horizon) horizon = AsClockTime(sessionEnd.Value) - now;
                TimeSpan single = options.SliceHorizon > options.BarLength ? options.SliceHorizon : options.BarLength;
                policy = new ClockTwapSchedulePolicy(horizon, options.ExecutionSlices, single);
            }
            else
                // One child per bar: an order smaller than the slice count gets fewer slices over as many bars.
                policy = new FixedSchedulePolicy(SliceStrategy.Twap, options.ExecutionSlices, options.BarLength);
            return new ExecutionSession(executionId, policy, sessionGateway, broker, store, new CloseQuotes(this), clock, sessionOptions, alerts);
        }

        // Bar times (NinjaTrader's local, unspecified kind) stamped as the clock's kind: the execution store keeps UTC-kind
        // times; the value is not converted (the clock only has to be consistent within one loop).
        private static DateTime AsClockTime(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

        private decimal PointValueOf(string instrument)
        {
            int a = Array.IndexOf(names, instrument);
            if (a < 0 && !rolledFrom.TryGetValue(instrument, out a)) return 1m;
            return (decimal)options.PointValues[a];
        }

        // The guards' reference price: the close the decision used, stamped with the loop's clock.
        private sealed class CloseQuotes : IQuoteSource
        {
            private readonly PortfolioRebalancer owner;

            internal CloseQuotes(PortfolioRebalancer owner) => this.owner = owner;

            public Quote? LastQuote(string instrument)
            {
                int a = Array.IndexOf(owner.names, instrument);
                double close = a >= 0 ? owner.lastCloses[a] : owner.rolledFromClose.TryGetValue(instrument, out double c) ? c : double.NaN;
                return !(close > 0) || double.IsInfinity(close) ? null : new Quote((decimal)close, owner.clock.UtcNow);
            }

            public double? MarketVolume(string instrument) => null;
        }

        private void PollWorking()
        {
            for (int i = sessions.Count - 1; i >= 0; i--)
            {
                ExecutionSession session = sessions[i];
                try
                {
                    session.Poll();
                }
                catch (ExecutionFaultException ex)
                {
                    alerts?.Raise(new ExecutionAlert(session.ExecutionId, null, ex.Message, clock.UtcNow));
                }
                if (session.State == SessionState.Working) continue;
                foreach (ScheduleExecutor executor in session.Executors.Where(e => e.Status == ParentOrderStatus.Halted))
                {
                    // Broker rejects re-arm the drift trigger (the next bar re-plans from the actual positions); a refusal
                    // before sending (a trading guard) does not, or every bar would ask again.
                    ChildOrderRecord? last = executor.Children.LastOrDefault();
                    bool rejected = last != null && last.State == ChildOrderState.Rejected;
                    if (rejected) retryDrift = true;
                    log("parent " + executor.Parent.Id + " (" + executor.Parent.Instrument + ") halted with " + (executor.Parent.Quantity - executor.Filled) + " unfilled"
                        + (rejected ? "; the drift trigger re-arms" : "; not re-armed (refused before sending)"));
                }
                session.Dispose();
                sessions.RemoveAt(i);
            }
            AdvanceRolls();
        }
    }
}
