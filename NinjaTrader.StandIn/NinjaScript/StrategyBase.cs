using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;

namespace NinjaTrader.NinjaScript
{
    // Base of NinjaTrader.NinjaScript.Strategies.Strategy (through NinjaTrader.Gui.NinjaScript.StrategyRenderBase).
    public abstract partial class StrategyBase : NinjaScriptBase
    {
        private readonly List<Order> orders = new List<Order>();
        private Position[] positions = new Position[0];
        private int nextOrderId;
        private int nextExecutionId;

        protected StrategyBase()
        {
            // Documented defaults: .../barsrequiredtotrade (20), .../realtimeerrorhandling (StopCancelClose),
            // .../startbehavior (WaitUntilFlat), .../connectionlosshandling (Recalculate), .../disconnectdelayseconds (10).
            BarsRequiredToTrade = 20;
            RealtimeErrorHandling = RealtimeErrorHandling.StopCancelClose;
            StartBehavior = StartBehavior.WaitUntilFlat;
            ConnectionLossHandling = ConnectionLossHandling.Recalculate;
            DisconnectDelaySeconds = 10;
        }

        // ---- properties set in State.SetDefaults (one Help Guide page each, same name) ----
        // https://developer.ninjatrader.com/docs/desktop/entriesperdirection
        public int EntriesPerDirection { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/entryhandling
        public EntryHandling EntryHandling { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/isexitonsessionclosestrategy
        public bool IsExitOnSessionCloseStrategy { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/exitonsessioncloseseconds
        public int ExitOnSessionCloseSeconds { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/barsrequiredtotrade
        public int BarsRequiredToTrade { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/startbehavior
        public StartBehavior StartBehavior { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/timeinforce
        public TimeInForce TimeInForce { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/traceorders
        public bool TraceOrders { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/realtimeerrorhandling
        public RealtimeErrorHandling RealtimeErrorHandling { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/isunmanaged
        public bool IsUnmanaged { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/isinstantiatedoneachoptimizationiteration
        public bool IsInstantiatedOnEachOptimizationIteration { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/isadoptaccountpositionaware
        public bool IsAdoptAccountPositionAware { get; set; }
        // https://developer.ninjatrader.com/docs/desktop/defaultquantity
        public int DefaultQuantity { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/account (the account the strategy runs on)
        public Account Account { get; private set; }

        // https://developer.ninjatrader.com/docs/desktop/position , .../positions (index follows BarsArray)
        public Position Position => positions.Length == 0 ? null : positions[BarsInProgress];

        public Position[] Positions => positions;

        // ---- unmanaged orders: https://developer.ninjatrader.com/docs/desktop/submitorderunmanaged ----

        public Order SubmitOrderUnmanaged(int selectedBarsInProgress, OrderAction orderAction, OrderType orderType, int quantity) =>
            SubmitOrderUnmanaged(selectedBarsInProgress, orderAction, orderType, quantity, 0, 0, string.Empty, string.Empty);

        public Order SubmitOrderUnmanaged(int selectedBarsInProgress, OrderAction orderAction, OrderType orderType, int quantity, double limitPrice) =>
            SubmitOrderUnmanaged(selectedBarsInProgress, orderAction, orderType, quantity, limitPrice, 0, string.Empty, string.Empty);

        public Order SubmitOrderUnmanaged(int selectedBarsInProgress, OrderAction orderAction, OrderType orderType, int quantity, double limitPrice, double stopPrice) =>
            SubmitOrderUnmanaged(selectedBarsInProgress, orderAction, orderType, quantity, limitPrice, stopPrice, string.Empty, string.Empty);

        public Order SubmitOrderUnmanaged(int selectedBarsInProgress, OrderAction orderAction, OrderType orderType, int quantity, double limitPrice, double stopPrice, string oco) =>
            SubmitOrderUnmanaged(selectedBarsInProgress, orderAction, orderType, quantity, limitPrice, stopPrice, oco, string.Empty);

        public Order SubmitOrderUnmanaged(int selectedBarsInProgress, OrderAction orderAction, OrderType orderType, int quantity, double limitPrice, double stopPrice, string oco, string signalName)
        {
            if (!IsUnmanaged)
                throw new InvalidOperationException("SubmitOrderUnmanaged requires IsUnmanaged = true (set in State.SetDefaults or State.Configure)");
            return Submit(selectedBarsInProgress, orderAction, orderType, quantity, limitPrice, stopPrice, oco, signalName, string.Empty);
        }

        // https://developer.ninjatrader.com/docs/desktop/changeorder
        public void ChangeOrder(Order order, int quantity, double limitPrice, double stopPrice)
        {
            if (order == null || Order.IsTerminalState(order.OrderState) || !BeforeOrderAction(order)) return;
            order.Quantity = quantity;
            order.LimitPrice = limitPrice;
            order.StopPrice = stopPrice;
            RaiseOrderUpdate(order, OrderState.ChangePending);
            RaiseOrderUpdate(order, OrderState.ChangeSubmitted);
            RaiseOrderUpdate(order, OrderState.Working);
        }

        // https://developer.ninjatrader.com/docs/desktop/cancelorder
        public void CancelOrder(Order order)
        {
            if (order == null || Order.IsTerminalState(order.OrderState) || !BeforeOrderAction(order)) return;
            if (order.CancelRequested) return;
            order.CancelRequested = true;
            RaiseOrderUpdate(order, OrderState.CancelPending);
            if (TakeInjectedCancelFailure(order)) return;
            RaiseOrderUpdate(order, OrderState.CancelSubmitted);
            if (HoldCancelConfirmations) return;
            RaiseOrderUpdate(order, OrderState.Cancelled);
        }

        // ---- managed orders: https://developer.ninjatrader.com/docs/desktop/enterlong , .../entershort ,
        //      .../exitlong , .../exitshort (quantity-less overloads use DefaultQuantity) ----

        public Order EnterLong() => EnterLong(0, DefaultQuantity, string.Empty);
        public Order EnterLong(string signalName) => EnterLong(0, DefaultQuantity, signalName);
        public Order EnterLong(int quantity) => EnterLong(0, quantity, string.Empty);
        public Order EnterLong(int quantity, string signalName) => EnterLong(0, quantity, signalName);
        public Order EnterLong(int barsInProgressIndex, int quantity, string signalName) =>
            Managed(barsInProgressIndex, OrderAction.Buy, quantity, signalName, string.Empty);

        public Order EnterShort() => EnterShort(0, DefaultQuantity, string.Empty);
        public Order EnterShort(string signalName) => EnterShort(0, DefaultQuantity, signalName);
        public Order EnterShort(int quantity) => EnterShort(0, quantity, string.Empty);
        public Order EnterShort(int quantity, string signalName) => EnterShort(0, quantity, signalName);
        public Order EnterShort(int barsInProgressIndex, int quantity, string signalName) =>
            Managed(barsInProgressIndex, OrderAction.SellShort, quantity, signalName, string.Empty);

        public Order ExitLong() => ExitLong(0, PositionQuantity(0), string.Empty, string.Empty);
        public Order ExitLong(int quantity) => ExitLong(0, quantity, string.Empty, string.Empty);
        public Order ExitLong(string fromEntrySignal) => ExitLong(0, PositionQuantity(0), string.Empty, fromEntrySignal);
        public Order ExitLong(string signalName, string fromEntrySignal) => ExitLong(0, PositionQuantity(0), signalName, fromEntrySignal);
        public Order ExitLong(int quantity, string signalName, string fromEntrySignal) => ExitLong(0, quantity, signalName, fromEntrySignal);
        public Order ExitLong(int barsInProgressIndex, int quantity, string signalName, string fromEntrySignal) =>
            Managed(barsInProgressIndex, OrderAction.Sell, quantity, signalName, fromEntrySignal);

        public Order ExitShort() => ExitShort(0, PositionQuantity(0), string.Empty, string.Empty);
        public Order ExitShort(int quantity) => ExitShort(0, quantity, string.Empty, string.Empty);
        public Order ExitShort(string fromEntrySignal) => ExitShort(0, PositionQuantity(0), string.Empty, fromEntrySignal);
        public Order ExitShort(string signalName, string fromEntrySignal) => ExitShort(0, PositionQuantity(0), signalName, fromEntrySignal);
        public Order ExitShort(int quantity, string signalName, string fromEntrySignal) => ExitShort(0, quantity, signalName, fromEntrySignal);
        public Order ExitShort(int barsInProgressIndex, int quantity, string signalName, string fromEntrySignal) =>
            Managed(barsInProgressIndex, OrderAction.BuyToCover, quantity, signalName, fromEntrySignal);

        // ---- order, execution, position and account events ----

        // https://developer.ninjatrader.com/docs/desktop/onorderupdate
        protected virtual void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string nativeError)
        {
        }

        // https://developer.ninjatrader.com/docs/desktop/onexecutionupdate (called after OnOrderUpdate)
        protected virtual void OnExecutionUpdate(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
        }

        // https://developer.ninjatrader.com/docs/desktop/onpositionupdate (typically after OnExecutionUpdate)
        protected virtual void OnPositionUpdate(Position position, double averagePrice, int quantity, MarketPosition marketPosition)
        {
        }

        // https://developer.ninjatrader.com/docs/desktop/onaccountitemupdate
        protected virtual void OnAccountItemUpdate(Account account, AccountItem accountItem, double value)
        {
        }

        // ---- host-only ----

        internal IReadOnlyList<Order> SubmittedOrders => orders;

        internal void AttachAccount(Account account)
        {
            Account = account;
        }

        internal void CreatePositions()
        {
            positions = new Position[BarsArray.Length];
            for (int i = 0; i < positions.Length; i++)
                positions[i] = new Position(Account, BarsArray[i].Instrument);
        }

        /// <summary>Host-only: fills part or all of a working order and raises the strategy's events in NinjaTrader's order.</summary>
        internal void Fill(Order order, int quantity, double price, DateTime time)
        {
            if (!orders.Contains(order)) throw new ArgumentException($"order '{order.Name}' was not submitted by this strategy");
            if (realtimeOrders.ContainsKey(order))
                throw new InvalidOperationException($"order '{order.Name}' is a historical order that was resubmitted in realtime; fill its realtime order (GetRealtimeOrder)");
            bool overfill = order.CancelRequested;
            if (Order.IsTerminalState(order.OrderState))
                throw new InvalidOperationException($"order '{order.Name}' is {order.OrderState} and cannot fill");
            if (quantity <= 0 || order.Filled + quantity > order.Quantity)
                throw new ArgumentOutOfRangeException(nameof(quantity), $"fill of {quantity} on order '{order.Name}' ({order.Filled}/{order.Quantity} filled)");
            bool buy = order.OrderAction == OrderAction.Buy || order.OrderAction == OrderAction.BuyToCover;
            order.AverageFillPrice = (order.AverageFillPrice * order.Filled + price * quantity) / (order.Filled + quantity);
            order.Filled += quantity;
            order.Time = time;
            int index = Array.FindIndex(BarsArray, b => b.Instrument == order.Instrument);
            Position position = positions[index];
            position.ApplyFill(buy ? quantity : -quantity, price);
            var execution = new Execution
            {
                Account = Account, BarsInProgress = index, Instrument = order.Instrument, Order = order, OrderId = order.OrderId,
                Name = order.Name, MarketPosition = buy ? MarketPosition.Long : MarketPosition.Short, Price = price,
                Quantity = quantity, Time = time, Rate = 1,
                ExecutionId = "standin-exec-" + (++nextExecutionId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PositionStrategy = position.MarketPosition == MarketPosition.Short ? -position.Quantity : position.Quantity,
            };
            if (overfill) order.HasOverfill = true;
            if (!order.IsBacktestOrder) Account.RecordStrategyExecution(execution, buy ? quantity : -quantity);
            RaiseOrderUpdate(order, order.Filled == order.Quantity ? OrderState.Filled : OrderState.PartFilled);
            OnExecutionUpdate(execution, execution.ExecutionId, price, quantity, execution.MarketPosition, order.OrderId, time);
            OnPositionUpdate(position, position.AveragePrice, position.Quantity, position.MarketPosition);
            if (overfill) AfterOverfill(order);
        }

        internal void RaiseAccountItem(AccountItem item, double value) => OnAccountItemUpdate(Account, item, value);

        private Order Managed(int barsInProgressIndex, OrderAction action, int quantity, string signalName, string fromEntrySignal)
        {
            if (IsUnmanaged)
                throw new InvalidOperationException($"{action} through the managed approach is not allowed when IsUnmanaged = true");
            return Submit(barsInProgressIndex, action, OrderType.Market, quantity, 0, 0, string.Empty, signalName, fromEntrySignal);
        }

        private Order Submit(int barsInProgressIndex, OrderAction action, OrderType orderType, int quantity, double limitPrice,
            double stopPrice, string oco, string signalName, string fromEntrySignal)
        {
            if (barsInProgressIndex < 0 || barsInProgressIndex >= BarsArray.Length)
                throw new ArgumentOutOfRangeException(nameof(barsInProgressIndex), $"no BarsArray[{barsInProgressIndex}] ({BarsArray.Length} series)");
            // .../barsrequiredtotrade: order methods are not processed until the primary series has that many bars.
            if (CurrentBars[0] < BarsRequiredToTrade || IsStopped)
                return null;
            var order = new Order
            {
                Account = Account, Instrument = BarsArray[barsInProgressIndex].Instrument, OrderAction = action, OrderType = orderType,
                Quantity = quantity, LimitPrice = limitPrice, StopPrice = stopPrice, Oco = oco, Name = signalName,
                FromEntrySignal = fromEntrySignal, TimeInForce = TimeInForce, IsBacktestOrder = State == State.Historical,
                OrderState = OrderState.Initialized, Time = CurrentBar < 0 ? default(DateTime) : Time[0],
                OrderId = "standin-" + (++nextOrderId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            orders.Add(order);
            if (!order.IsBacktestOrder) Account.TrackStrategyOrder(order);
            if (!BeforeOrderAction(order)) return order;
            RaiseOrderUpdate(order, OrderState.Submitted);
            if (TakeInjectedReject(order)) return order;
            RaiseOrderUpdate(order, OrderState.Accepted);
            RaiseOrderUpdate(order, OrderState.Working);
            return order;
        }

        private void RaiseOrderUpdate(Order order, OrderState state) => RaiseOrderUpdate(order, state, ErrorCode.NoError, string.Empty);

        private void RaiseOrderUpdate(Order order, OrderState state, ErrorCode error, string comment)
        {
            order.OrderState = state;
            if (!order.IsBacktestOrder) Account.RaiseStrategyOrderUpdate(order, state);
            OnOrderUpdate(order, order.LimitPrice, order.StopPrice, order.Quantity, order.Filled, order.AverageFillPrice,
                state, order.Time, error, comment);
        }

        private int PositionQuantity(int index) => positions.Length == 0 ? 0 : positions[index].Quantity;
    }
}
