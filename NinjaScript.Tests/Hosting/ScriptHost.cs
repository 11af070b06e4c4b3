using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Hosting
{
    /// <summary>
    /// Runs one indicator or strategy on recorded bars the way NinjaTrader 8 sequences it:
    /// SetDefaults, (inputs applied), Configure (AddDataSeries), DataLoaded, Historical, bar updates in time order
    /// with the primary series first on equal timestamps, Transition, Realtime, remaining bars, Terminated.
    /// CurrentBars[i] stays -1 until series i has its first bar. Bars are replayed as given (no resampling).
    /// </summary>
    internal sealed class ScriptHost<T> where T : NinjaScriptBase, new()
    {
        private readonly BarsPeriod barsPeriod;
        private readonly Dictionary<string, List<BarRecord>> barsByInstrument = new Dictionary<string, List<BarRecord>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (double PointValue, double TickSize)> specs = new Dictionary<string, (double, double)>(StringComparer.OrdinalIgnoreCase);
        private Action<T> setInputs;

        internal ScriptHost(BarsPeriod barsPeriod)
        {
            this.barsPeriod = barsPeriod;
        }

        /// <summary>States the script went through, in order.</summary>
        internal List<State> States { get; } = new List<State>();

        /// <summary>Every OnBarUpdate call: series index, bar time and the script's state at the time.</summary>
        internal List<(int BarsInProgress, DateTime Time, State State)> BarUpdates { get; } = new List<(int, DateTime, State)>();

        /// <summary>Bars stamped at or after this time are processed in State.Realtime (null: all historical).</summary>
        internal DateTime? RealtimeFrom { get; set; }

        /// <summary>
        /// When true, a strategy's working market orders fill at the open of the first bar of their instrument's series
        /// stamped after the order was submitted, before that bar's OnBarUpdate (orders submitted on a bar close fill
        /// on the next bar, without using a same-timestamp bar whose open lies before the submission).
        /// Other order types are left for the test to fill with <c>strategy.Fill(...)</c>.
        /// </summary>
        internal bool FillMarketOrdersAtNextOpen { get; set; }

        /// <summary>Called after each OnBarUpdate (e.g. to fill the orders a strategy submitted on that bar).</summary>
        internal Action<T, int> AfterBarUpdate { get; set; }

        /// <summary>
        /// Help Guide usage rules for the script (BarsPeriod/Instrument before DataLoaded, 256-value custom series):
        /// enforced ones throw, the others are recorded in <see cref="RuleViolations"/>. See NinjaScript.Tests/README.md.
        /// </summary>
        internal HostRules Rules { get; } = new HostRules();

        /// <summary>Breaches of rules that are not enforced, one line per distinct breach, in order of first occurrence.</summary>
        internal IReadOnlyList<string> RuleViolations => Rules.Violations;

        /// <summary>The simulation account strategies run on.</summary>
        internal Account Account { get; private set; }

        /// <summary>The running script (null before Run).</summary>
        internal T Script { get; private set; }

        /// <summary>Why a strategy disabled itself (RealtimeErrorHandling, overfill, CloseStrategy, connection loss); null if it ran to the end.</summary>
        internal string StopReason => (Script as StrategyBase)?.StopReason;

        /// <summary>
        /// When true, a strategy's CancelOrder stops at CancelSubmitted until the test calls
        /// <c>strategy.ConfirmCancel(order)</c>; a <c>strategy.Fill</c> in between is an overfill (.../ignoreoverfill).
        /// </summary>
        internal bool HoldCancelConfirmations
        {
            get => holdCancelConfirmations;
            set
            {
                holdCancelConfirmations = value;
                if (Script is StrategyBase running) running.HoldCancelConfirmations = value;
            }
        }

        private bool holdCancelConfirmations;

        /// <summary>
        /// The next order the strategy submits in realtime on that instrument is rejected: OnOrderUpdate gets
        /// OrderState.Rejected with this error and broker text, then RealtimeErrorHandling applies. Call before Run or
        /// during it (e.g. from AfterBarUpdate); several calls queue several rejects.
        /// </summary>
        internal ScriptHost<T> RejectNextOrder(string instrumentFullName, ErrorCode error, string nativeError)
        {
            ForStrategy(s => s.InjectReject(instrumentFullName, error, nativeError));
            return this;
        }

        /// <summary>The next realtime CancelOrder on that instrument fails with ErrorCode.UnableToCancelOrder and this broker text.</summary>
        internal ScriptHost<T> FailNextCancel(string instrumentFullName, string nativeError)
        {
            ForStrategy(s => s.InjectCancelFailure(instrumentFullName, nativeError));
            return this;
        }

        /// <summary>A position the Sim101 account holds before the strategy starts (adopted with StartBehavior.AdoptAccountPosition).</summary>
        internal ScriptHost<T> WithAccountPosition(string instrumentFullName, MarketPosition marketPosition, int quantity, double averagePrice)
        {
            accountPositions.Add((instrumentFullName, marketPosition, quantity, averagePrice));
            return this;
        }

        private readonly List<Action<StrategyBase>> strategySetup = new List<Action<StrategyBase>>();
        private readonly List<(string Instrument, MarketPosition MarketPosition, int Quantity, double AveragePrice)> accountPositions =
            new List<(string, MarketPosition, int, double)>();

        private void ForStrategy(Action<StrategyBase> action)
        {
            if (Script is StrategyBase running) action(running);
            else strategySetup.Add(action);
        }

        internal ScriptHost<T> WithBars(string instrumentFullName, IEnumerable<BarRecord> bars, double pointValue = 1, double tickSize = 0.01)
        {
            barsByInstrument[instrumentFullName] = bars.ToList();
            specs[instrumentFullName] = (pointValue, tickSize);
            return this;
        }

        /// <summary>Sets the script's inputs after SetDefaults, as the platform's property grid does.</summary>
        internal ScriptHost<T> WithInputs(Action<T> inputs)
        {
            setInputs = inputs;
            return this;
        }

        internal T Run(string primaryInstrument)
        {
            Instrument.ClearDefinitions();
            Account.ClearDefinitions();
            foreach (KeyValuePair<string, (double PointValue, double TickSize)> spec in specs)
                Instrument.Define(spec.Key, spec.Value.PointValue, spec.Value.TickSize);
            Account = Account.Define("Sim101");
            foreach (var held in accountPositions)
                Account.SetPosition(Resolve(held.Instrument), held.MarketPosition, held.Quantity, held.AveragePrice);

            var script = new T();
            script.Rules = Rules;
            Script = script;
            if (script is StrategyBase starting)
            {
                starting.HoldCancelConfirmations = HoldCancelConfirmations;
                foreach (Action<StrategyBase> setup in strategySetup) setup(starting);
                strategySetup.Clear();
            }
            NinjaScriptBase.Running = script;
            try
            {
                Enter(script, State.SetDefaults);
                setInputs?.Invoke(script);
                script.SetPrimary(Resolve(primaryInstrument), barsPeriod);
                Enter(script, State.Configure);

                Bars[] bars = LoadBars(script, primaryInstrument);
                script.AttachBars(bars);
                if (script is StrategyBase strategy)
                {
                    strategy.AttachAccount(Account);
                    strategy.CreatePositions();
                }
                Enter(script, State.DataLoaded);
                Enter(script, State.Historical);

                foreach ((DateTime time, int series) in Schedule(bars))
                {
                    if (script.State == State.Historical && RealtimeFrom.HasValue && time >= RealtimeFrom.Value)
                        GoRealtime(script);
                    if (FillMarketOrdersAtNextOpen && script is StrategyBase trader)
                        FillAtOpen(trader, series);
                    script.ProcessBar(series);
                    BarUpdates.Add((series, time, script.State));
                    if (script.ChildIndicators.Count > 0)
                        throw new NotSupportedException($"'{script.Name}' hosts indicators (CacheIndicator); the stand-in host does not drive hosted indicators yet");
                    AfterBarUpdate?.Invoke(script, series);
                    if (script is StrategyBase stopped && stopped.IsStopped)
                        break;
                }
                if (script.State == State.Historical)
                    GoRealtime(script);
                Enter(script, State.Terminated);
                return script;
            }
            finally
            {
                NinjaScriptBase.Running = null;
            }
        }

        /// <summary>Plotted values of one plot per primary bar; null where the plot was not set (not drawn).</summary>
        internal static double?[] PlotValues(NinjaScriptBase script, int plotIndex)
        {
            Series<double> values = script.Values[plotIndex];
            return Enumerable.Range(0, values.Count)
                .Select(i => values.IsValidDataPointAt(i) ? values.GetValueAt(i) : (double?)null)
                .ToArray();
        }

        private static void FillAtOpen(StrategyBase strategy, int series)
        {
            Bars bars = strategy.BarsArray[series];
            BarRecord next = bars[bars.CurrentBar + 1];
            foreach (Order order in strategy.SubmittedOrders.ToList())
            {
                if (order.Instrument == bars.Instrument && order.OrderType == OrderType.Market
                    && order.OrderState == OrderState.Working && next.Time > order.Time && strategy.RealtimeOrderOf(order) == null)
                    strategy.Fill(order, order.Quantity - order.Filled, next.Open, next.Time);
            }
        }

        private void GoRealtime(T script)
        {
            Enter(script, State.Transition);
            var strategy = script as StrategyBase;
            strategy?.AdoptAccountPositions();
            Enter(script, State.Realtime);
            strategy?.ResubmitWorkingHistoricalOrders();
        }

        private void Enter(T script, State state)
        {
            States.Add(state);
            script.SetState(state);
        }

        private Instrument Resolve(string name) =>
            Instrument.GetInstrument(name)
            ?? throw new InvalidOperationException($"instrument '{name}': no bars for it were given to the host");

        private Bars[] LoadBars(T script, string primaryInstrument)
        {
            var result = new List<Bars> { new Bars(Resolve(primaryInstrument), barsPeriod, barsByInstrument[primaryInstrument]) };
            foreach (DataSeriesRequest request in script.DataSeriesRequests)
            {
                string name = request.InstrumentName ?? primaryInstrument;
                // A null period is AddDataSeries(string instrumentName): the primary's bars period.
                BarsPeriod period = request.BarsPeriod ?? barsPeriod;
                if (period.BarsPeriodType != barsPeriod.BarsPeriodType || period.Value != barsPeriod.Value)
                    throw new NotSupportedException($"AddDataSeries('{name}', {period}): the host replays recorded {barsPeriod} bars and does not resample");
                result.Add(new Bars(Resolve(name), period, barsByInstrument[name]));
            }
            return result.ToArray();
        }

        /// <summary>All bars of all series in time order; equal timestamps in BarsInProgress order (primary first).</summary>
        private static IEnumerable<(DateTime Time, int Series)> Schedule(Bars[] bars) =>
            bars.SelectMany((b, series) => Enumerable.Range(0, b.Count).Select(i => (Time: b.GetTime(i), Series: series)))
                .OrderBy(e => e.Time)
                .ThenBy(e => e.Series)
                .ToList();
    }
}
