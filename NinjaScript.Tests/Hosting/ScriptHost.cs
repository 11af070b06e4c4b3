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

        /// <summary>
        /// Gives an instrument a trading hours template of dated sessions (local time, open intervals; a bar stamped at a
        /// session's end belongs to it). Without this an instrument trades "Default 24 x 7".
        /// </summary>
        internal ScriptHost<T> WithTradingHours(string instrumentFullName, string templateName, params (DateTime Begin, DateTime End)[] sessions)
        {
            tradingHours[instrumentFullName] = TradingHours.Define(templateName, sessions);
            return this;
        }

        /// <summary>
        /// Rollovers of a futures master ("ES"): on each Date the front contract becomes ContractMonth; Offset is the
        /// points between contracts (.../rollovercollection). Also sets the master's MergePolicy. The host does not build
        /// merged history: give the bars (e.g. back-adjusted ones) with WithBars.
        /// </summary>
        internal ScriptHost<T> WithRollovers(string masterName, MergePolicy mergePolicy, params (DateTime ContractMonth, DateTime Date, double Offset)[] rollovers)
        {
            this.rollovers[masterName] = (mergePolicy, rollovers);
            return this;
        }

        private readonly Dictionary<string, (MergePolicy Policy, (DateTime ContractMonth, DateTime Date, double Offset)[] Entries)> rollovers =
            new Dictionary<string, (MergePolicy, (DateTime, DateTime, double)[])>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Closes the instrument's market from <paramref name="from"/> to <paramref name="to"/> (a halt, a holiday).</summary>
        internal ScriptHost<T> CloseSession(string instrumentFullName, DateTime from, DateTime to)
        {
            TradingHours current = tradingHours.TryGetValue(instrumentFullName, out TradingHours hours) ? hours : TradingHours.AlwaysOpen();
            tradingHours[instrumentFullName] = current.WithClosed(from, to);
            return this;
        }

        /// <summary>
        /// When true (default), a realtime order on an instrument whose trading hours are closed at the order's time is
        /// rejected (ErrorCode.OrderRejected, "stand-in: market closed ..."), as a broker rejects it; RealtimeErrorHandling applies.
        /// </summary>
        internal bool RejectOrdersWhenMarketClosed { get; set; } = true;

        private readonly Dictionary<string, TradingHours> tradingHours = new Dictionary<string, TradingHours>(StringComparer.OrdinalIgnoreCase);

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
                    starting.IsMarketOpen = (instrument, time) => (instrument.TradingHours ?? TradingHours.AlwaysOpen()).IsOpen(time);
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

        /// <summary>The account's connection (order feed Status, price feed PriceStatus); set by Run.</summary>
        internal Connection Connection { get; private set; }

        /// <summary>Realtime bars stamped while the price feed was lost: added to their series without OnBarUpdate.</summary>
        internal List<(int BarsInProgress, DateTime Time)> MissedBars { get; } = new List<(int, DateTime)>();

        private readonly List<(DateTime At, ConnectionStatus Orders, ConnectionStatus Prices)> connectionEvents =
            new List<(DateTime, ConnectionStatus, ConnectionStatus)>();
        private DateTime? priceFeedLostAt;

        /// <summary>
        /// Connection loss at a realtime moment (before the bars stamped at or after it): the order feed (Status) and/or
        /// the price feed (PriceStatus) become ConnectionLost. The script gets OnConnectionStatusUpdate, subscribers of
        /// Connection.ConnectionStatusUpdate and Account.AccountStatusUpdate are raised; realtime bars are not delivered
        /// while prices are lost; order actions follow ConnectionLossHandling (.../connectionlosshandling).
        /// </summary>
        internal ScriptHost<T> Disconnect(DateTime at, bool orders = true, bool prices = true)
        {
            connectionEvents.Add((at, orders ? ConnectionStatus.ConnectionLost : ConnectionStatus.Connected,
                prices ? ConnectionStatus.ConnectionLost : ConnectionStatus.Connected));
            return this;
        }

        /// <summary>Both feeds are Connected again at that moment.</summary>
        internal ScriptHost<T> Reconnect(DateTime at)
        {
            connectionEvents.Add((at, ConnectionStatus.Connected, ConnectionStatus.Connected));
            return this;
        }

        private void ChangeConnection(T script, (DateTime At, ConnectionStatus Orders, ConnectionStatus Prices) change)
        {
            if (script.State != State.Realtime)
                throw new NotSupportedException($"connection change at {change.At:O} happens before realtime ({RealtimeFrom:O}); the host models connection loss in realtime only");
            ConnectionStatusEventArgs e = Connection.SetStatus(change.Orders, change.Prices, ErrorCode.NoError, string.Empty);
            Account.RaiseAccountStatusUpdate();
            if (change.Prices != ConnectionStatus.Connected) priceFeedLostAt = priceFeedLostAt ?? change.At;
            else priceFeedLostAt = null;
            if (script is StrategyBase strategy) strategy.OrderFeedConnected = change.Orders == ConnectionStatus.Connected;
            script.RaiseConnectionStatusUpdate(e);
        }

        // .../connectionlosshandling: with Recalculate or StopStrategy, a data feed lost for longer than
        // DisconnectDelaySeconds stops the strategy (Recalculate's later recalculation is a restart, not modeled).
        private void CheckDisconnectDelay(T script, DateTime now)
        {
            if (!(script is StrategyBase strategy) || priceFeedLostAt == null || strategy.ConnectionLossHandling == ConnectionLossHandling.KeepRunning)
                return;
            if ((now - priceFeedLostAt.Value).TotalSeconds > strategy.DisconnectDelaySeconds)
                strategy.Disable($"Strategy stopped: data feed lost at {priceFeedLostAt.Value:O} for more than DisconnectDelaySeconds ({strategy.DisconnectDelaySeconds}) (ConnectionLossHandling.{strategy.ConnectionLossHandling})");
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
