using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// THE rebalancing loop, one step per bar, shared by every face (the backtester's market-on-close replay, the portfolio
    /// manager, the NinjaTrader strategy through <see cref="PortfolioRebalancer"/>): bar in -&gt; the one streaming
    /// <see cref="ReturnWindow"/> -&gt; first allocation once the window holds the target source's returns, else the
    /// <see cref="RebalanceTriggerEvaluator"/> (calendar, drift bands) -&gt; (re)targets from the one
    /// <see cref="ITargetWeightSource"/> -&gt; target positions (whole lots by <see cref="FuturesSizer"/> under the sizing
    /// limits, or exact fractions) for the driver to trade.
    /// Rules, the same for every face:
    /// - the first allocation primes the triggers (its calendar period starts, weights equal to the targets fire no band);
    /// - targets are recomputed on the first allocation and on every signal whose reasons meet
    ///   <see cref="RebalancingLoopOptions.RetargetOn"/> (a fixed source is asked once); other signals trade back to the
    ///   targets in force;
    /// - while the driver reports parent orders still working, a signal without the calendar is ignored (the weights are off
    ///   target because the orders are not done); a calendar signal rebalances (the driver cancels what still works);
    /// - weights are q p pv / equity in decimal, cast to double once.
    /// Time comes only from the bars. Not thread-safe (each driver calls it from one thread, or under its lock).
    /// </summary>
    public sealed class RebalancingLoop
    {
        // The settings, copied at construction (the options object may change afterwards without effect).
        private readonly SizingOptions _sizing;
        private readonly IAllocationLimits? _limits;
        private readonly decimal?[]? _margins;
        private readonly bool _fractional;
        private readonly RebalanceReason _retargetOn;
        private readonly ReturnWindow _window;
        private readonly RebalanceTriggerEvaluator? _triggers;
        private readonly decimal[] _pointValues;
        private readonly int[] _lots;
        private readonly double[] _closes;
        private readonly FuturesSizer _sizer = new FuturesSizer();
        private double[]? _targets;
        private double[] _weights;
        private bool _hasBar;

        // Point values and margins arrive in the account currency: every instrument is in it (rate 1).
        private static readonly FxRates AccountCurrencyOnly = new FxRates("ACCOUNT");

        /// <summary>Creates the loop over <paramref name="source"/>; the window keeps max(source returns, minimum window, 2) returns.</summary>
        public RebalancingLoop(RebalancingLoopOptions options, ITargetWeightSource source)
        {
            Guard.NotNull(options, nameof(options));
            Source = Guard.NotNull(source, nameof(source));
            var names = Guard.NotNull(options.Instruments, nameof(options.Instruments));
            Guard.NotEmpty(names, nameof(options.Instruments));
            int n = names.Count;
            if (options.PointValues == null || options.PointValues.Count != n)
                throw new InvalidInputException($"point values: {options.PointValues?.Count ?? 0} for {n} instruments");
            _pointValues = options.PointValues.ToArray();
            for (int i = 0; i < n; i++)
                if (_pointValues[i] <= 0m) throw new InvalidInputException($"point value of '{names[i]}' must be > 0, got {_pointValues[i]}");
            _lots = options.LotSizes == null ? Enumerable.Repeat(1, n).ToArray() : options.LotSizes.ToArray();
            if (_lots.Length != n) throw new InvalidInputException($"lot sizes: {_lots.Length} for {n} instruments");
            if (options.Margins != null && options.Margins.Count != n) throw new InvalidInputException($"margins: {options.Margins.Count} for {n} instruments");
            if (double.IsNaN(options.CashBuffer) || options.CashBuffer < 0 || options.CashBuffer >= 1)
                throw new InvalidInputException($"cash buffer must be in [0, 1), got {Guard.Format(options.CashBuffer)}");
            if (!(options.MinTradeWeight >= 0) || double.IsInfinity(options.MinTradeWeight))
                throw new InvalidInputException($"minimum trade weight must be a finite number >= 0, got {Guard.Format(options.MinTradeWeight)}");
            if (options.MaxMarginUse.HasValue && !(options.MaxMarginUse.Value > 0))
                throw new InvalidInputException($"max margin use must be > 0, got {Guard.Format(options.MaxMarginUse.Value)}");
            if (options.MaxMarginUse.HasValue && options.Margins == null)
                throw new InvalidInputException("a margin cap (max margin use) needs the margin per contract of every instrument");
            Guard.InRange(options.MinimumWindow, 2, int.MaxValue, nameof(options.MinimumWindow));
            _window = new ReturnWindow(names, Math.Max(Math.Max(2, source.FirstBar), options.MinimumWindow));
            if (options.Triggers != null)
            {
                _triggers = new RebalanceTriggerEvaluator(n, options.Triggers);
            }
            _sizing = new SizingOptions { CashBuffer = options.CashBuffer, MinTradeWeight = options.MinTradeWeight, MaxMarginUse = options.MaxMarginUse };
            _limits = options.SizingLimits;
            _margins = options.Margins?.ToArray();
            _fractional = options.FractionalUnits;
            _retargetOn = options.RetargetOn;
            _closes = new double[n];
            _weights = new double[n];
        }

        /// <summary>The target source.</summary>
        public ITargetWeightSource Source { get; }

        /// <summary>The one returns window (streaming).</summary>
        public ReturnWindow Window => _window;

        /// <summary>Instrument names (a roll renames a slot).</summary>
        public IReadOnlyList<string> Instruments => _window.Assets;

        /// <summary>Target weights in force (null before the first allocation).</summary>
        public IReadOnlyList<double>? Targets => _targets;

        /// <summary>Weights held at the last decision (fractions of equity), before its trades.</summary>
        public IReadOnlyList<double> Weights => _weights;

        /// <summary>Bars added.</summary>
        public long Bars => _window.Bars;

        /// <summary>The triggers (null for buy and hold).</summary>
        public RebalanceTriggerEvaluator? Triggers => _triggers;

        /// <summary>Adds a bar of closes (finite, &gt; 0) to the window; <paramref name="time"/> strictly after the previous bar.</summary>
        public void AddBar(DateTime time, IReadOnlyList<double> closes)
        {
            _window.Add(time, closes);
            for (int i = 0; i < _closes.Length; i++) _closes[i] = closes[i];
            _hasBar = true;
        }

        /// <summary>The next bar adds no return (futures roll, skipped bar).</summary>
        public void SkipNextReturn() => _window.SkipNextReturn();

        /// <summary>Slot <paramref name="slot"/> trades <paramref name="name"/> from now on (futures roll).</summary>
        public void Rename(int slot, string name) => _window.Rename(slot, name);

        /// <summary>
        /// Decides at the last bar added: <paramref name="session"/> = its trading-session date (calendar periods),
        /// <paramref name="positions"/> = signed units held before trading, <paramref name="equity"/> (&gt; 0) = cash plus
        /// positions marked at the bar's closes, <paramref name="working"/> = parent orders of an earlier decision still working.
        /// Does not size; see <see cref="Step"/> and <see cref="Size"/>.
        /// </summary>
        public RebalanceDecision Decide(DateTime session, IReadOnlyList<decimal> positions, decimal equity, bool working = false)
        {
            if (!_hasBar) throw new InvalidInputException("the loop has no bar yet (add one first)");
            Guard.NotNull(positions, nameof(positions));
            if (positions.Count != _closes.Length) throw new ArgumentException($"positions must have {_closes.Length} values, got {positions.Count}", nameof(positions));
            DateTime time = _window.LastTime;
            if (equity <= 0m)
                throw new InvalidInputException($"equity must be > 0 to decide, got {equity.ToString(System.Globalization.CultureInfo.InvariantCulture)} at {AssetFrame.FormatDate(time)}");
            var weights = new double[_closes.Length];
            for (int i = 0; i < weights.Length; i++) weights[i] = (double)(positions[i] * (decimal)_closes[i] * _pointValues[i] / equity);
            _weights = weights;

            if (_targets == null)
            {
                int needed = Math.Max(0, Source.FirstBar - _window.Count);
                if (needed > 0) return new RebalanceDecision(time, RebalanceAction.None, RebalanceReason.None, false, null, weights, equity, needed);
                _targets = ComputeTargets(time);
                // Starts the calendar at the first allocation; weights equal to the targets fire no drift band.
                _triggers?.Evaluate(session, _targets, _targets, double.NaN, double.NaN, (double)equity);
                return new RebalanceDecision(time, RebalanceAction.FirstAllocation, RebalanceReason.None, true, _targets, weights, equity, 0);
            }
            if (_triggers == null) return new RebalanceDecision(time, RebalanceAction.None, RebalanceReason.None, false, _targets, weights, equity, 0);
            var reasons = _triggers.Evaluate(session, weights, _targets, double.NaN, double.NaN, (double)equity);
            if (reasons == RebalanceReason.None) return new RebalanceDecision(time, RebalanceAction.None, reasons, false, _targets, weights, equity, 0);
            bool calendar = (reasons & RebalanceReason.Calendar) != 0;
            if (working && !calendar) return new RebalanceDecision(time, RebalanceAction.IgnoredWhileWorking, reasons, false, _targets, weights, equity, 0);
            bool retarget = !Source.IsFixed && (reasons & _retargetOn) != 0;
            if (retarget) _targets = ComputeTargets(time);
            return new RebalanceDecision(time, RebalanceAction.Rebalance, reasons, retarget, _targets, weights, equity, 0);
        }

        /// <summary>
        /// One whole step: <see cref="AddBar"/>, <see cref="Decide"/>, and when the decision trades, the target positions
        /// (<see cref="Size"/>) at the bar's closes on <paramref name="equity"/>.
        /// </summary>
        public RebalanceDecision Step(DateTime time, DateTime session, IReadOnlyList<double> closes, IReadOnlyList<decimal> positions, decimal equity, bool working = false)
        {
            AddBar(time, closes);
            var d = Decide(session, positions, equity, working);
            if (!d.Trades) return d;
            var q = Size(positions, equity, d.Targets!, out SizingResult? sizing);
            return d.WithSizing(q, sizing);
        }

        /// <summary>
        /// Target positions (units) for <paramref name="targets"/> at the last bar's closes, from <paramref name="positions"/>
        /// on <paramref name="equity"/> (&gt; 0): exact fractions w E / (p pv) with <see cref="RebalancingLoopOptions.FractionalUnits"/>,
        /// else whole lots by <see cref="FuturesSizer"/> (cash buffer, no-trade band, margin cap, sizing limits;
        /// <paramref name="sizing"/> holds its orders and notes).
        /// </summary>
        public decimal[] Size(IReadOnlyList<decimal> positions, decimal equity, IReadOnlyList<double> targets, out SizingResult? sizing)
        {
            if (!_hasBar) throw new InvalidInputException("the loop has no bar yet (add one first)");
            Guard.NotNull(positions, nameof(positions));
            Guard.NotNull(targets, nameof(targets));
            int n = _closes.Length;
            if (positions.Count != n || targets.Count != n) throw new ArgumentException($"positions and targets must have {n} values");
            var q = new decimal[n];
            if (_fractional)
            {
                sizing = null;
                for (int i = 0; i < n; i++) q[i] = (decimal)targets[i] * equity / ((decimal)_closes[i] * _pointValues[i]);
                return q;
            }
            var instruments = new SizingInstrument[n];
            for (int i = 0; i < n; i++)
            {
                decimal p = positions[i];
                if (p != decimal.Truncate(p)) throw new InvalidInputException($"position of '{_window.Assets[i]}' is {p}: whole-lot sizing needs whole units");
                instruments[i] = new SizingInstrument(_window.Assets[i], (decimal)_closes[i], _pointValues[i], _lots[i], (long)p, targets[i], null, _margins?[i]);
            }
            sizing = _sizer.Size(instruments, equity, AccountCurrencyOnly, _sizing, _limits);
            for (int i = 0; i < n; i++) q[i] = sizing.Orders[i].TargetQuantity;
            return q;
        }

        /// <summary>
        /// A manual rebalance now, as a one-shot of the loop's sizing step (the AddOn's Rebalance tab): whole lots from
        /// <paramref name="positions"/> (signed units) to <paramref name="targets"/> (fractions of equity) at
        /// <paramref name="closes"/> on <paramref name="equity"/> (&gt; 0, currency) under <paramref name="options"/>' sizing
        /// limits, cash buffer, no-trade band and margin cap: the rule the loop applies to its own decisions.
        /// </summary>
        public static SizingResult SizeNow(RebalancingLoopOptions options, IReadOnlyList<double> closes, IReadOnlyList<decimal> positions, decimal equity, IReadOnlyList<double> targets)
        {
            Guard.NotNull(options, nameof(options));
            if (options.FractionalUnits) throw new InvalidInputException("a manual rebalance sizes whole lots; fractional units are for replays");
            var loop = new RebalancingLoop(options, new FixedWeightSource(Guard.NotNull(targets, nameof(targets))));
            loop.AddBar(DateTime.MinValue, closes);
            loop.Size(positions, equity, targets, out SizingResult? sizing);
            return sizing!;
        }

        private double[] ComputeTargets(DateTime time)
        {
            var t = Source.TargetsAt(_window);
            if (t == null || t.Length != _closes.Length)
                throw new InvalidInputException($"target weights at {AssetFrame.FormatDate(time)} must have {_closes.Length} values");
            for (int i = 0; i < t.Length; i++)
                if (double.IsNaN(t[i]) || double.IsInfinity(t[i]))
                    throw new InvalidInputException($"target weight of '{_window.Assets[i]}' is {Guard.Format(t[i])} at {AssetFrame.FormatDate(time)}");
            return (double[])t.Clone();
        }
    }
}
