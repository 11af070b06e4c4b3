using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Hosting
{
    // Realtime scenario controls of the host: rejects, cancel failures, held cancels, account positions, trading
    // hours, rollovers (see NinjaScript.Tests/README.md, "Realtime scenarios").
    internal sealed partial class ScriptHost<T> where T : NinjaScriptBase, new()
    {
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
    }
}
