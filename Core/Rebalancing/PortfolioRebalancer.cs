using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution;
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
        /// Time-based realtime slicing: when &gt; 0, a realtime order is a TWAP of <see cref="ExecutionSlices"/> children over
        /// this horizon on the clock (bounded by the session end given to <see cref="PortfolioRebalancer.OnBar"/>), the
        /// executors run on bar times and <see cref="PortfolioRebalancer.OnClock"/> (a 1-minute series or a timer) sends
        /// each child when its time comes. Zero (default): one child per bar.
        /// </summary>
        public TimeSpan SliceHorizon { get; set; } = TimeSpan.Zero;

        /// <summary>No-trade band: minimum weight change (fraction of equity) for a position to change (see <see cref="FuturesSizer"/>).</summary>
        public double MinTradeWeight { get; set; }
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
        private readonly InMemoryExecutionStore store = new InMemoryExecutionStore();
        private readonly FuturesSizer sizer = new FuturesSizer();
        // Point values and margins arrive in the account currency, so every instrument is in it (rate 1).
        private static readonly FxRates AccountCurrencyOnly = new FxRates("ACCOUNT");
        private readonly List<ScheduleExecutor> working = new List<ScheduleExecutor>();
        private readonly string[] names;
        private readonly TargetWeightCalculator calculator;
        private double[]? targets;
        private int parentSequence;
        private long barCount;
        private DateTime? sessionEnd;

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

        /// <summary>The last sizing: orders with their notes, margin used (null before the first rebalance).</summary>
        public SizingResult? LastSizing { get; private set; }

        /// <summary>The last volatility/leverage scaling of the optimizer's weights (null without a target or cap).</summary>
        public RiskScale? LastScale { get; private set; }

        /// <summary>Executors still working parent orders.</summary>
        public IReadOnlyList<ScheduleExecutor> Working => working;

        /// <summary>The execution store (parents, children and every transition).</summary>
        public InMemoryExecutionStore Store => store;

        /// <summary>
        /// The executors' clock: <see cref="BarClockOrigin"/> + bars processed x bar length. Counting bars rather than
        /// reading bar times makes a schedule advance exactly one slice per bar whatever the gaps between bars (weekends,
        /// session breaks); the execution store's times are on this clock.
        /// </summary>
        public DateTime BarClock => BarClockOrigin + TimeSpan.FromTicks(options.BarLength.Ticks * barCount);

        /// <summary>The allocation engine (weights, VaR, volatility after each bar).</summary>
        public DynamicAllocationEngine Engine => engine;

        /// <summary>
        /// Processes one bar: <paramref name="closes"/> and signed <paramref name="positions"/> per instrument, account
        /// <paramref name="equity"/> in currency; <paramref name="sliceOrders"/> = realtime (TWAP across bars). Returns the
        /// reasons of a rebalance started on this bar (<see cref="RebalanceReason.None"/> when none).
        /// </summary>
        public RebalanceReason OnBar(DateTime time, double[] closes, int[] positions, decimal equity, bool sliceOrders, DateTime? sessionEnd = null)
        {
            barCount++;
            clock.Set(options.SliceHorizon > TimeSpan.Zero ? time : BarClock);
            this.sessionEnd = sessionEnd;
            PollWorking();

            RebalanceReason reasons = engine.OnBar(time, closes, positions, equity);
            if (!engine.Moments.IsFull)
                return RebalanceReason.None;
            bool first = targets == null;
            if (first || (reasons & RebalanceReason.Calendar) != 0)
            {
                // The one returns window: the engine's streaming moments of the last Lookback returns.
                var mean = new double[names.Length];
                var covariance = new double[names.Length, names.Length];
                engine.Moments.CopyMean(mean);
                engine.Moments.CopyCovariance(covariance);
                targets = calculator.Compute(names, mean, covariance).CopyWeights();
                if (options.VolatilityTarget.HasValue || options.MaxGrossLeverage.HasValue)
                {
                    LastScale = RiskScaling.Scale(targets, covariance, options.PeriodsPerYear, options.VolatilityTarget, options.MaxGrossLeverage);
                    targets = LastScale.Weights;
                }
                engine.SetTargets(targets);
            }
            if (!first && reasons == RebalanceReason.None)
                return RebalanceReason.None;
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

        /// <summary>
        /// Time-based slicing only: moves the executors' clock to <paramref name="now"/> (never backwards) and sends the
        /// children whose time has come; call it from a 1-minute series or a timer between the portfolio's bars.
        /// </summary>
        public void OnClock(DateTime now)
        {
            if (options.SliceHorizon <= TimeSpan.Zero) return;
            clock.Set(now);
            PollWorking();
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

        private void Rebalance(DateTime time, double[] closes, int[] positions, decimal equity, bool sliceOrders, RebalanceReason reasons, double[] targets)
        {
            CancelAll();
            var instruments = new SizingInstrument[names.Length];
            for (int a = 0; a < names.Length; a++)
            {
                decimal? margin = options.Margins == null ? (decimal?)null : (decimal)options.Margins[a];
                instruments[a] = new SizingInstrument(names[a], (decimal)closes[a], (decimal)options.PointValues[a], 1, positions[a], targets[a], null, margin);
            }
            IAllocationLimits? limits = !calculator.Spec.UsesLimits ? null : new InstrumentLimits(defaultMaxWeight: calculator.MaxWeight);
            var sizing = sizer.Size(instruments, equity, AccountCurrencyOnly,
                new SizingOptions { CashBuffer = options.CashBuffer, MinTradeWeight = options.MinTradeWeight, MaxMarginUse = options.MaxMarginUse }, limits);
            LastSizing = sizing;
            LastPlan = sizing.Plan;
            log(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} rebalance ({1}), equity {2:0.00}: targets {3}",
                time, reasons, equity, string.Join(", ", names.Select((n, a) => n + " " + targets[a].ToString("0.####", CultureInfo.InvariantCulture)))));

            foreach (SizedOrder order in sizing.Orders)
            {
                if (order.Note != null) log("  " + order.Symbol + ": " + order.Note);
                long quantity = Math.Abs(order.OrderQuantity);
                if (quantity == 0) continue;
                var side = order.OrderQuantity > 0 ? OrderSide.Buy : OrderSide.Sell;
                string id = string.Format(CultureInfo.InvariantCulture, "P{0:yyyyMMddHHmmss}n{1}", time, ++parentSequence);
                var parent = new ParentOrder(id, order.Symbol, side, quantity);
                var executor = new ScheduleExecutor(parent, Slices(clock.UtcNow, quantity, sliceOrders), gateway, store, clock, null, alerts);
                working.Add(executor);
                log(string.Format(CultureInfo.InvariantCulture, "  {0} {1} {2} ({3})", side, quantity, order.Symbol, id));
                executor.Poll();
            }
        }

        private IReadOnlyList<TimedSlice> Slices(DateTime now, long quantity, bool sliceOrders)
        {
            if (!sliceOrders || options.ExecutionSlices == 1)
                return new[] { new TimedSlice(0, now, now + TimeSpan.FromTicks(5 * options.BarLength.Ticks), quantity) };
            if (options.SliceHorizon > TimeSpan.Zero)
                return ClockSlices(now, quantity);
            // One child per bar: an order smaller than the slice count gets fewer slices over as many bars.
            int bars = (int)Math.Min(options.ExecutionSlices, quantity);
            ExecutionSchedule twap = TwapSchedule.Build(quantity, bars, bars);
            return twap.ToTimedSlices(now, options.BarLength);
        }

        // TWAP on the clock over min(SliceHorizon, session end - now), in seconds; at least one second per child. When the
        // session ends sooner than one second per child, the whole order goes at once.
        private IReadOnlyList<TimedSlice> ClockSlices(DateTime now, long quantity)
        {
            TimeSpan horizon = options.SliceHorizon;
            if (sessionEnd.HasValue && sessionEnd.Value - now < horizon) horizon = sessionEnd.Value - now;
            int slices = (int)Math.Min(options.ExecutionSlices, Math.Min(quantity, Math.Max(1.0, Math.Floor(horizon.TotalSeconds))));
            if (slices <= 1 || horizon <= TimeSpan.Zero)
                return new[] { new TimedSlice(0, now, now + (options.SliceHorizon > options.BarLength ? options.SliceHorizon : options.BarLength), quantity) };
            return TwapSchedule.Build(quantity, horizon.TotalSeconds, slices).ToTimedSlices(now, TimeSpan.FromSeconds(1));
        }

        private void PollWorking()
        {
            for (int i = working.Count - 1; i >= 0; i--)
            {
                working[i].Poll();
                if (working[i].Status != ParentOrderStatus.Working)
                {
                    if (working[i].Status == ParentOrderStatus.Halted)
                        log("parent " + working[i].Parent.Id + " halted with " + (working[i].Parent.Quantity - working[i].Filled) + " unfilled");
                    working[i].Dispose();
                    working.RemoveAt(i);
                }
            }
        }
    }
}
