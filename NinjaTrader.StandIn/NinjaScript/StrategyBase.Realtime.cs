using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;

namespace NinjaTrader.NinjaScript
{
    // Realtime rules of strategies: order errors (RealtimeErrorHandling), overfills (IgnoreOverfill), historical orders
    // resubmitted at the switch to realtime (GetRealtimeOrder), CloseStrategy, adopted account positions, connection
    // loss. Each member cites its Help Guide page; host-only hooks are internal and driven by the test host.
    public abstract partial class StrategyBase
    {
        private readonly Dictionary<Order, Order> realtimeOrders = new Dictionary<Order, Order>();
        private readonly Dictionary<string, Queue<(ErrorCode Error, string Comment)>> injectedRejects =
            new Dictionary<string, Queue<(ErrorCode, string)>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Queue<string>> injectedCancelFailures = new Dictionary<string, Queue<string>>(StringComparer.OrdinalIgnoreCase);

        // https://developer.ninjatrader.com/docs/desktop/ignoreoverfill : "An overfill is categorized as when an order
        // returns a "Filled" or "PartFilled" state after the order was already marked for cancellation". Default false.
        // The page does not spell out the platform's action; the stand-in applies the documented StopCancelClose
        // sequence (cancel working orders, close positions, disable), the behaviour a false value leaves to NinjaTrader.
        public bool IgnoreOverfill { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/connectionlosshandling (default Recalculate)
        public ConnectionLossHandling ConnectionLossHandling { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/disconnectdelayseconds (default 10)
        public int DisconnectDelaySeconds { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/getrealtimeorder : GetRealtimeOrder(Order historicalOrder)
        // returns the real-time order that replaced a historical order still working at the switch to realtime, or null
        // "If no associated order exists (i.e. OrderState is Filled, Canceled, Rejected, Unknown)".
        public Order GetRealtimeOrder(Order historicalOrder)
        {
            if (historicalOrder == null || !realtimeOrders.TryGetValue(historicalOrder, out Order live)) return null;
            return Order.IsTerminalState(live.OrderState) ? null : live;
        }

        // https://developer.ninjatrader.com/docs/desktop/closestrategy : "Cancels all working orders, closes any existing
        // positions, and finally disables the strategy"; "can only be called ... after the State reaches State.Realtime".
        public virtual void CloseStrategy(string signalName)
        {
            if (State != State.Realtime)
                throw new InvalidOperationException($"CloseStrategy can only be called in State.Realtime (called in State.{State}; https://developer.ninjatrader.com/docs/desktop/closestrategy)");
            StopCancelClose(signalName, $"CloseStrategy(\"{signalName}\") called");
        }

        // ---- host-only ----

        /// <summary>Host-only: set once the strategy disabled itself (or was disabled); the host then terminates it.</summary>
        internal bool IsStopped => StopReason != null;

        /// <summary>Host-only: why the strategy was disabled, in NinjaTrader's words where the Help Guide gives them.</summary>
        internal string StopReason { get; private set; }

        /// <summary>Host-only: when true, CancelOrder stops at CancelSubmitted until <see cref="ConfirmCancel"/>, so a fill can arrive in between (an overfill).</summary>
        internal bool HoldCancelConfirmations { get; set; }

        /// <summary>Host-only: whether an instrument's market is open at a time (the host's trading sessions); null = always open.</summary>
        internal Func<Instrument, DateTime, bool> IsMarketOpen { get; set; }

        /// <summary>Host-only: the next order submitted in realtime on that instrument is rejected with this error and broker text.</summary>
        internal void InjectReject(string instrumentFullName, ErrorCode error, string comment)
        {
            if (!injectedRejects.TryGetValue(instrumentFullName, out var queue))
                injectedRejects[instrumentFullName] = queue = new Queue<(ErrorCode, string)>();
            queue.Enqueue((error, comment));
        }

        /// <summary>Host-only: the next realtime CancelOrder on that instrument fails with ErrorCode.UnableToCancelOrder and this broker text.</summary>
        internal void InjectCancelFailure(string instrumentFullName, string comment)
        {
            if (!injectedCancelFailures.TryGetValue(instrumentFullName, out var queue))
                injectedCancelFailures[instrumentFullName] = queue = new Queue<string>();
            queue.Enqueue(comment);
        }

        /// <summary>Host-only: the broker confirms a held cancel request (CancelSubmitted > Cancelled).</summary>
        internal void ConfirmCancel(Order order)
        {
            if (!order.CancelRequested || Order.IsTerminalState(order.OrderState))
                throw new InvalidOperationException($"order '{order.Name}' is {order.OrderState} with no pending cancel request: no cancel to confirm");
            RaiseOrderUpdate(order, OrderState.Cancelled);
        }

        /// <summary>Host-only: the historical order replaced in realtime, for the host's own fills (null if none).</summary>
        internal Order RealtimeOrderOf(Order historicalOrder) =>
            realtimeOrders.TryGetValue(historicalOrder, out Order live) ? live : null;

        /// <summary>
        /// Host-only, right after State.Realtime: .../advanced_order_handling ("Transitioning order references from
        /// historical to live"): the start behaviour "will renew any active historical orders and resubmit these orders to
        /// your live or simulation account". Each working historical order is replaced by a new Order object (new
        /// OrderId, IsBacktestOrder false, the unfilled quantity) whose updates reach OnOrderUpdate; the historical
        /// object receives no further updates.
        /// </summary>
        internal void ResubmitWorkingHistoricalOrders()
        {
            foreach (Order old in orders.Where(o => o.IsBacktestOrder && !Order.IsTerminalState(o.OrderState)).ToList())
            {
                var live = new Order
                {
                    Account = Account, Instrument = old.Instrument, OrderAction = old.OrderAction, OrderType = old.OrderType,
                    Quantity = old.Quantity - old.Filled, LimitPrice = old.LimitPrice, StopPrice = old.StopPrice, Oco = old.Oco,
                    Name = old.Name, FromEntrySignal = old.FromEntrySignal, TimeInForce = old.TimeInForce, IsBacktestOrder = false,
                    OrderState = OrderState.Initialized, Time = old.Time,
                    OrderId = "standin-" + (++nextOrderId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                realtimeOrders[old] = live;
                orders.Add(live);
                Account.TrackStrategyOrder(live);
                RaiseOrderUpdate(live, OrderState.Submitted);
                RaiseOrderUpdate(live, OrderState.Accepted);
                RaiseOrderUpdate(live, OrderState.Working);
            }
        }

        /// <summary>
        /// Host-only, between State.Transition and State.Realtime: .../startbehavior with AdoptAccountPosition (which
        /// needs .../isadoptaccountpositionaware) makes the strategy's positions those of the account on each instrument.
        /// </summary>
        internal void AdoptAccountPositions()
        {
            if (StartBehavior != StartBehavior.AdoptAccountPosition) return;
            if (!IsAdoptAccountPositionAware)
                throw new InvalidOperationException($"'{Name}': StartBehavior.AdoptAccountPosition needs IsAdoptAccountPositionAware = true (https://developer.ninjatrader.com/docs/desktop/startbehavior)");
            foreach (Position position in positions)
            {
                Position held = Account.Positions.FirstOrDefault(p => p.Instrument == position.Instrument);
                int account = held == null ? 0 : held.MarketPosition == MarketPosition.Short ? -held.Quantity : held.Quantity;
                int strategy = position.MarketPosition == MarketPosition.Short ? -position.Quantity : position.Quantity;
                if (Rules.EnforceAccountAdoption)
                    position.AdoptFrom(held);
                else if (account != strategy)
                    Rules.Breach(false,
                        $"'{Name}' kept its historical position {strategy} in '{position.Instrument.FullName}' at State.Realtime; with StartBehavior.AdoptAccountPosition NinjaTrader adopts the account's {account} (https://developer.ninjatrader.com/docs/desktop/startbehavior)",
                        m => new InvalidOperationException(m));
            }
        }

        /// <summary>Host-only: the order feed is up (false while the connection's Status is not Connected).</summary>
        internal bool OrderFeedConnected { get; set; } = true;

        /// <summary>Host-only: disables the strategy (connection loss rules) without order actions.</summary>
        internal void Disable(string reason)
        {
            if (!IsStopped) StopReason = reason;
        }

        // Checks made before any order action (submit, change, cancel). False: the action is not performed.
        private bool BeforeOrderAction(Order order)
        {
            if (IsStopped) return false;
            if (realtimeOrders.ContainsKey(order))
            {
                // .../advanced_order_handling: "your strategy will be disabled with a message similar to: Strategy has been
                // disabled because it attempted to modify a historical order that has transitioned to a live order."
                Disable("Strategy has been disabled because it attempted to modify a historical order that has transitioned to a live order.");
                return false;
            }
            if (order.IsBacktestOrder || OrderFeedConnected) return true;
            // .../connectionlosshandling (Recalculate): "If the order feed disconnects and the strategy places an order
            // action while disconnected, the strategy is stopped." For KeepRunning/StopStrategy the page says nothing;
            // the stand-in rejects the action with ErrorCode.UnableToSubmitOrder (its choice, see README).
            if (ConnectionLossHandling == ConnectionLossHandling.Recalculate)
            {
                Disable("Strategy stopped: it placed an order action while the order feed was disconnected (ConnectionLossHandling.Recalculate)");
                return false;
            }
            if (order.OrderState == OrderState.Initialized)
            {
                RaiseOrderUpdate(order, OrderState.Rejected, ErrorCode.UnableToSubmitOrder, "stand-in: order connection lost");
                HandleOrderError(order, ErrorCode.UnableToSubmitOrder, isReject: true);
            }
            return false;
        }

        // Submitted realtime orders: an injected reject, or the instrument's market closed, rejects the order.
        private bool TakeInjectedReject(Order order)
        {
            if (order.IsBacktestOrder) return false;
            ErrorCode error;
            string comment;
            if (injectedRejects.TryGetValue(order.Instrument.FullName, out var queue) && queue.Count > 0)
                (error, comment) = queue.Dequeue();
            else if (IsMarketOpen != null && !IsMarketOpen(order.Instrument, order.Time))
                (error, comment) = (ErrorCode.OrderRejected, $"stand-in: market closed for '{order.Instrument.FullName}' at {order.Time:O}");
            else
                return false;
            RaiseOrderUpdate(order, OrderState.Rejected, error, comment);
            HandleOrderError(order, error, isReject: true);
            return true;
        }

        private bool TakeInjectedCancelFailure(Order order)
        {
            if (order.IsBacktestOrder || !injectedCancelFailures.TryGetValue(order.Instrument.FullName, out var queue) || queue.Count == 0)
                return false;
            order.CancelRequested = false;
            RaiseOrderUpdate(order, OrderState.Working, ErrorCode.UnableToCancelOrder, queue.Dequeue());
            HandleOrderError(order, ErrorCode.UnableToCancelOrder, isReject: false);
            return true;
        }

        // https://developer.ninjatrader.com/docs/desktop/realtimeerrorhandling : StopCancelClose (default) "stop the
        // strategy, cancel any remaining working orders, and then close any open positions managed by the strategy by
        // submitting one "Close" order for each unique position"; StopCancelCloseIgnoreRejects "Will perform default
        // behavior on all errors except order rejections"; IgnoreAllErrors "Ignores any order errors received by the
        // strategy and will continue running" (the error still reaches OnOrderUpdate, .../onorderupdate).
        private void HandleOrderError(Order order, ErrorCode error, bool isReject)
        {
            switch (RealtimeErrorHandling)
            {
                case RealtimeErrorHandling.IgnoreAllErrors:
                    return;
                case RealtimeErrorHandling.StopCancelCloseIgnoreRejects when isReject:
                    return;
                default:
                    StopCancelClose("Close", $"order '{order.Name}' on '{order.Instrument.FullName}': {error} (RealtimeErrorHandling.{RealtimeErrorHandling})");
                    return;
            }
        }

        private void AfterOverfill(Order order)
        {
            if (IgnoreOverfill || IsStopped) return;
            StopCancelClose("Close", $"overfill on order '{order.Name}' on '{order.Instrument.FullName}' (IgnoreOverfill = false)");
        }

        // Cancels every working order, closes every non-flat strategy position with one market order per position named
        // signalName, filled at the last close of that instrument's series (the stand-in's market model), then disables.
        private void StopCancelClose(string signalName, string reason)
        {
            if (IsStopped) return;
            StopReason = reason;
            foreach (Order working in orders.Where(o => !Order.IsTerminalState(o.OrderState) && !realtimeOrders.ContainsKey(o)).ToList())
            {
                if (!working.CancelRequested)
                {
                    working.CancelRequested = true;
                    RaiseOrderUpdate(working, OrderState.CancelPending);
                    RaiseOrderUpdate(working, OrderState.CancelSubmitted);
                }
                RaiseOrderUpdate(working, OrderState.Cancelled);
            }
            for (int i = 0; i < positions.Length; i++)
            {
                Position position = positions[i];
                if (position.MarketPosition == MarketPosition.Flat) continue;
                Data.Bars bars = BarsArray[i];
                if (bars.CurrentBar < 0)
                    throw new InvalidOperationException($"cannot close '{position.Instrument.FullName}': its series has no bar yet to price the close");
                var close = new Order
                {
                    Account = Account, Instrument = position.Instrument, OrderType = OrderType.Market, Quantity = position.Quantity,
                    OrderAction = position.MarketPosition == MarketPosition.Long ? OrderAction.Sell : OrderAction.BuyToCover,
                    Name = signalName, TimeInForce = TimeInForce, IsBacktestOrder = State == State.Historical,
                    OrderState = OrderState.Initialized, Time = bars.GetTime(bars.CurrentBar),
                    OrderId = "standin-" + (++nextOrderId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                orders.Add(close);
                if (!close.IsBacktestOrder) Account.TrackStrategyOrder(close);
                RaiseOrderUpdate(close, OrderState.Submitted);
                RaiseOrderUpdate(close, OrderState.Accepted);
                RaiseOrderUpdate(close, OrderState.Working);
                string stop = StopReason;
                StopReason = null;   // let the host fill go through
                Fill(close, close.Quantity, bars.GetClose(bars.CurrentBar), close.Time);
                StopReason = stop;
            }
        }
    }

    // https://developer.ninjatrader.com/docs/desktop/connectionlosshandling (names documented; numbers are not)
    public enum ConnectionLossHandling { KeepRunning, Recalculate, StopStrategy }
}
