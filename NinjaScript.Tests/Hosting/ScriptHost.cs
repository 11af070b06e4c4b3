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
    internal sealed partial class ScriptHost<T> where T : NinjaScriptBase, new()
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

        /// <summary>Name of the account strategies run on (default Sim101; e.g. a live-looking name to test the live-account guard).</summary>
        internal string AccountName { get; set; } = "Sim101";

        /// <summary>
        /// A restart: the next <see cref="Run"/> keeps the instruments, the connections and the account of the previous run
        /// (its orders, executions and positions, as NinjaTrader keeps them when a strategy is disabled and enabled again
        /// or the platform restarts against the same account) instead of defining them afresh. Bars and inputs may change.
        /// </summary>
        internal bool KeepPlatform { get; set; }

        internal T Run(string primaryInstrument)
        {
            if (KeepPlatform && Account != null)
                return RunScript(primaryInstrument);
            Instrument.ClearDefinitions();
            Account.ClearDefinitions();
            Connection.ClearDefinitions();
            foreach (KeyValuePair<string, (double PointValue, double TickSize)> spec in specs)
            {
                Instrument defined = Instrument.Define(spec.Key, spec.Value.PointValue, spec.Value.TickSize);
                defined.TradingHours = tradingHours.TryGetValue(spec.Key, out TradingHours hours) ? hours : null;
                if (rollovers.TryGetValue(defined.MasterInstrument.Name, out var roll))
                {
                    defined.MasterInstrument.MergePolicy = roll.Policy;
                    defined.MasterInstrument.SetRollovers(roll.Entries.Select(r => new Rollover(r.ContractMonth, r.Date, r.Offset)));
                }
            }
            Account = Account.Define(AccountName);
            foreach (var held in accountPositions)
                Account.SetPosition(Resolve(held.Instrument), held.MarketPosition, held.Quantity, held.AveragePrice);
            return RunScript(primaryInstrument);
        }

        private T RunScript(string primaryInstrument)
        {

            var script = new T();
            script.Rules = Rules;
            Script = script;
            if (script is StrategyBase starting)
            {
                starting.HoldCancelConfirmations = HoldCancelConfirmations;
                if (RejectOrdersWhenMarketClosed)
                    starting.IsMarketOpen = (instrument, time) => (instrument.TradingHours ?? instrument.MasterInstrument.TradingHours).IsOpen(time);
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

                Connection = Connection.Define("StandIn connection");
                Account.Connection = Connection;
                var connectionEvents = new Queue<(DateTime At, ConnectionStatus Orders, ConnectionStatus Prices)>(
                    this.connectionEvents.OrderBy(e => e.At));
                foreach ((DateTime time, int series) in Schedule(bars))
                {
                    if (script.State == State.Historical && RealtimeFrom.HasValue && time >= RealtimeFrom.Value)
                        GoRealtime(script);
                    while (connectionEvents.Count > 0 && connectionEvents.Peek().At <= time)
                    {
                        var change = connectionEvents.Dequeue();
                        CheckDisconnectDelay(script, change.At);
                        ChangeConnection(script, change);
                    }
                    CheckDisconnectDelay(script, time);
                    if (script is StrategyBase halted && halted.IsStopped)
                        break;
                    if (script.State == State.Realtime && Connection.PriceStatus != ConnectionStatus.Connected)
                    {
                        // No price data while the feed is lost: the bar joins its series without an OnBarUpdate call.
                        script.ProcessBar(series, notify: false);
                        MissedBars.Add((series, time));
                        continue;
                    }
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
                while (connectionEvents.Count > 0 && !(script is StrategyBase done && done.IsStopped))
                {
                    var change = connectionEvents.Dequeue();
                    CheckDisconnectDelay(script, change.At);
                    ChangeConnection(script, change);
                }
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

        /// <summary>
        /// All bars of all series in time order; equal timestamps in BarsInProgress order (primary first), as
        /// .../multi_time_frame_instruments says for historical data. In realtime that order "is NOT guaranteed" (the
        /// same page): a bar closes when the next tick of its own instrument arrives, so with
        /// <see cref="DeliverRealtimeBars"/> or <see cref="SecondariesFirstInRealtime"/> a test chooses the order of
        /// same-timestamp realtime bars.
        /// </summary>
        private IEnumerable<(DateTime Time, int Series)> Schedule(Bars[] bars) =>
            bars.SelectMany((b, series) => Enumerable.Range(0, b.Count).Select(i => (Time: b.GetTime(i), Series: series)))
                .OrderBy(e => e.Time)
                .ThenBy(e => RealtimeRank(e.Time, e.Series, bars.Length))
                .ToList();

        private readonly Dictionary<DateTime, int[]> realtimeOrders = new Dictionary<DateTime, int[]>();

        /// <summary>Realtime bars stamped at the same time are delivered secondary series first (1, 2, ..., then 0).</summary>
        internal bool SecondariesFirstInRealtime { get; set; }

        /// <summary>
        /// The realtime bars stamped <paramref name="time"/> reach OnBarUpdate in this BarsInProgress order (series not
        /// listed follow in index order). Only for times at or after <see cref="RealtimeFrom"/>: history is always primary first.
        /// </summary>
        internal ScriptHost<T> DeliverRealtimeBars(DateTime time, params int[] barsInProgressOrder)
        {
            if (!RealtimeFrom.HasValue || time < RealtimeFrom.Value)
                throw new ArgumentException($"bars at {time:O} are historical (RealtimeFrom {RealtimeFrom:O}); NinjaTrader processes historical bars primary first", nameof(time));
            if (barsInProgressOrder.Distinct().Count() != barsInProgressOrder.Length)
                throw new ArgumentException($"BarsInProgress order [{string.Join(",", barsInProgressOrder)}] repeats a series", nameof(barsInProgressOrder));
            realtimeOrders[time] = barsInProgressOrder;
            return this;
        }

        private int RealtimeRank(DateTime time, int series, int seriesCount)
        {
            if (!RealtimeFrom.HasValue || time < RealtimeFrom.Value) return series;
            if (realtimeOrders.TryGetValue(time, out int[] order))
            {
                int at = Array.IndexOf(order, series);
                return at >= 0 ? at : order.Length + series;
            }
            return SecondariesFirstInRealtime ? (series == 0 ? seriesCount : series) : series;
        }
    }
}
