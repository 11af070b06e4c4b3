using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/account_class
    // Static: All. Instance: Name, Denomination, Orders, Executions, Positions, the events OrderUpdate,
    // ExecutionUpdate, PositionUpdate, AccountItemUpdate, and CreateOrder/Submit/Cancel/CancelAllOrders/Change/
    // Flatten/Get, Connection, AccountStatusUpdate. Not mirrored: Strategies, SimulationAccountReset.
    // Collections are exposed as IEnumerable<T> (enumerate under lock (Account.All) as the Help Guide shows);
    // NinjaTrader's concrete collection types are not documented.
    public class Account
    {
        private static readonly List<Account> all = new List<Account>();
        private readonly List<Order> orders = new List<Order>();
        private readonly List<Execution> executions = new List<Execution>();
        private readonly List<Position> positions = new List<Position>();
        private readonly Dictionary<AccountItem, double> items = new Dictionary<AccountItem, double>();
        private int nextOrderId;
        private int nextExecutionId;

        internal Account(string name)
        {
            Name = name;
            Denomination = Currency.UsDollar;
        }

        // https://developer.ninjatrader.com/docs/desktop/account_class ("AccountStatusUpdate: Event handler for account status updates")
        public static event EventHandler<AccountStatusEventArgs> AccountStatusUpdate;

        // https://developer.ninjatrader.com/docs/desktop/connection : "the connection used for the specified account"
        public Connection Connection { get; internal set; }

        // Host-only: raises the static AccountStatusUpdate for this account (sender = the account).
        internal void RaiseAccountStatusUpdate() => AccountStatusUpdate?.Invoke(this, new AccountStatusEventArgs());

        // https://developer.ninjatrader.com/docs/desktop/account_class ("All: A collection of Account objects")
        public static IEnumerable<Account> All => all;

        public string Name { get; }

        public Currency Denomination { get; }

        public IEnumerable<Order> Orders => orders;

        public IEnumerable<Execution> Executions => executions;

        public IEnumerable<Position> Positions => positions;

        // https://developer.ninjatrader.com/docs/desktop/orderupdate
        public event EventHandler<OrderEventArgs> OrderUpdate;

        // https://developer.ninjatrader.com/docs/desktop/executionupdate
        public event EventHandler<ExecutionEventArgs> ExecutionUpdate;

        // https://developer.ninjatrader.com/docs/desktop/positionupdate
        public event EventHandler<PositionEventArgs> PositionUpdate;

        // https://developer.ninjatrader.com/docs/desktop/accountitemupdate
        public event EventHandler<AccountItemEventArgs> AccountItemUpdate;

        // https://developer.ninjatrader.com/docs/desktop/createorder
        public Order CreateOrder(Instrument instrument, OrderAction action, OrderType orderType, OrderEntry orderEntry,
            TimeInForce timeInForce, int quantity, double limitPrice, double stopPrice, string oco, string name,
            DateTime gtd, CustomOrder customOrder)
        {
            return new Order
            {
                Account = this, Instrument = instrument, OrderAction = action, OrderType = orderType,
                TimeInForce = timeInForce, Quantity = quantity, LimitPrice = limitPrice, StopPrice = stopPrice,
                Oco = oco, Name = name, Gtd = gtd, OrderState = OrderState.Initialized,
                OrderId = "standin-" + (++nextOrderId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        // https://developer.ninjatrader.com/docs/desktop/submit
        // Stand-in behaviour: each order goes Submitted > Accepted > Working; fills come from the host.
        public void Submit(IEnumerable<Order> orders)
        {
            foreach (Order order in orders)
            {
                this.orders.Add(order);
                SetOrderState(order, OrderState.Submitted);
                SetOrderState(order, OrderState.Accepted);
                SetOrderState(order, OrderState.Working);
            }
        }

        // https://developer.ninjatrader.com/docs/desktop/cancel
        public void Cancel(IEnumerable<Order> orders)
        {
            foreach (Order order in orders.Where(o => !Order.IsTerminalState(o.OrderState) && !o.CancelRequested).ToList())
            {
                order.CancelRequested = true;
                SetOrderState(order, OrderState.CancelPending);
                if (!HoldCancelConfirmations) SetOrderState(order, OrderState.Cancelled);
            }
        }

        /// <summary>
        /// Host-only: when true, Cancel stops at CancelPending until <see cref="ConfirmCancel"/>, so a <see cref="Fill"/>
        /// can arrive after the cancel request (an overfill: the order's HasOverfill becomes true, .../ignoreoverfill).
        /// </summary>
        internal bool HoldCancelConfirmations { get; set; }

        /// <summary>Host-only: the broker confirms a held cancel request.</summary>
        internal void ConfirmCancel(Order order)
        {
            if (!order.CancelRequested || Order.IsTerminalState(order.OrderState))
                throw new InvalidOperationException($"order '{order.Name}' is {order.OrderState} with no pending cancel request: no cancel to confirm");
            SetOrderState(order, OrderState.Cancelled);
        }

        // https://developer.ninjatrader.com/docs/desktop/accounts_cancelallorders
        public void CancelAllOrders(Instrument instrument)
        {
            Cancel(this.orders.Where(o => o.Instrument == instrument).ToList());
        }

        // https://developer.ninjatrader.com/docs/desktop/change : applies the *Changed values.
        public void Change(IEnumerable<Order> orders)
        {
            foreach (Order order in orders.Where(o => !Order.IsTerminalState(o.OrderState)))
            {
                if (order.QuantityChanged > 0) order.Quantity = order.QuantityChanged;
                if (order.LimitPriceChanged > 0) order.LimitPrice = order.LimitPriceChanged;
                if (order.StopPriceChanged > 0) order.StopPrice = order.StopPriceChanged;
                SetOrderState(order, OrderState.ChangePending);
                SetOrderState(order, OrderState.Working);
            }
        }

        // https://developer.ninjatrader.com/docs/desktop/flatten : cancels working orders and closes positions.
        public void Flatten(ICollection<Instrument> instruments)
        {
            Cancel(this.orders.Where(o => instruments.Contains(o.Instrument)).ToList());
            foreach (Position position in positions.Where(p => instruments.Contains(p.Instrument) && p.Quantity != 0).ToList())
            {
                OrderAction action = position.MarketPosition == MarketPosition.Long ? OrderAction.Sell : OrderAction.BuyToCover;
                Order close = CreateOrder(position.Instrument, action, OrderType.Market, OrderEntry.Manual, TimeInForce.Day,
                    position.Quantity, 0, 0, string.Empty, "Close", DateTime.MaxValue, null);
                Submit(new[] { close });
            }
        }

        // https://developer.ninjatrader.com/docs/desktop/get
        public double Get(AccountItem itemType, Currency currency)
        {
            return items.TryGetValue(itemType, out double value) ? value : 0.0;
        }

        public override string ToString() => Name;

        // ---- host-only hooks (internal) ----

        internal static Account Define(string name)
        {
            var account = new Account(name);
            lock (all) all.Add(account);
            return account;
        }

        internal static void ClearDefinitions()
        {
            lock (all) all.Clear();
            AccountStatusUpdate = null;
        }

        internal void SetAccountItem(AccountItem item, double value, DateTime time)
        {
            items[item] = value;
            AccountItemUpdate?.Invoke(this, new AccountItemEventArgs(this, item, Denomination, value, time));
        }

        internal void SetOrderState(Order order, OrderState state)
        {
            order.OrderState = state;
            var e = new OrderEventArgs(order, state, order.Quantity, order.AverageFillPrice);
            Raise(() => OrderUpdate?.Invoke(this, e));
        }

        /// <summary>
        /// Host-only: when true, account events are queued (their by-value arguments copied at once) and delivered by
        /// <see cref="DeliverQueuedEvents"/>, so handlers see Order objects that are already ahead of the update they
        /// handle, as NinjaTrader's threads can make them (.../multi_threading_consideration_for_ninjascript).
        /// </summary>
        internal bool QueueEvents { get; set; }

        private readonly Queue<Action> queuedEvents = new Queue<Action>();

        /// <summary>Host-only: delivers the queued account events in the order they were raised.</summary>
        internal void DeliverQueuedEvents()
        {
            while (queuedEvents.Count > 0) queuedEvents.Dequeue()();
        }

        private void Raise(Action deliver)
        {
            if (QueueEvents) queuedEvents.Enqueue(deliver);
            else deliver();
        }

        /// <summary>Host-only: a position the account holds before anything runs (e.g. to be adopted at State.Realtime).</summary>
        internal Position SetPosition(Instrument instrument, MarketPosition marketPosition, int quantity, double averagePrice)
        {
            Position position = PositionOf(instrument);
            position.AdoptFrom(null);
            if (marketPosition != MarketPosition.Flat)
                position.ApplyFill(marketPosition == MarketPosition.Long ? quantity : -quantity, averagePrice);
            return position;
        }

        /// <summary>Host-only: a realtime strategy order is an order of its account (Orders, OrderUpdate).</summary>
        internal void TrackStrategyOrder(Order order)
        {
            if (!orders.Contains(order)) orders.Add(order);
        }

        internal void RaiseStrategyOrderUpdate(Order order, OrderState state)
        {
            var e = new OrderEventArgs(order, state, order.Quantity, order.AverageFillPrice);
            Raise(() => OrderUpdate?.Invoke(this, e));
        }

        /// <summary>Host-only: a realtime strategy fill is an execution of its account and moves the account's position.</summary>
        internal void RecordStrategyExecution(Execution execution, int signedQuantity)
        {
            Position position = PositionOf(execution.Instrument);
            position.ApplyFill(signedQuantity, execution.Price);
            execution.Position = position.MarketPosition == MarketPosition.Short ? -position.Quantity : position.Quantity;
            executions.Add(execution);
            var executionArgs = new ExecutionEventArgs(execution, execution.ExecutionId, execution.Price, execution.Quantity, execution.MarketPosition, execution.OrderId, execution.Time);
            var positionArgs = new PositionEventArgs(position, position.AveragePrice, position.Quantity, position.MarketPosition);
            Raise(() => ExecutionUpdate?.Invoke(this, executionArgs));
            Raise(() => PositionUpdate?.Invoke(this, positionArgs));
        }

        private Position PositionOf(Instrument instrument)
        {
            Position position = positions.FirstOrDefault(p => p.Instrument == instrument);
            if (position == null)
            {
                position = new Position(this, instrument);
                positions.Add(position);
            }
            return position;
        }

        /// <summary>Host-only: fills part or all of a working order, raising ExecutionUpdate, OrderUpdate, PositionUpdate.</summary>
        internal Execution Fill(Order order, int quantity, double price, DateTime time)
        {
            if (Order.IsTerminalState(order.OrderState))
                throw new InvalidOperationException($"order '{order.Name}' is {order.OrderState} and cannot fill");
            if (quantity <= 0 || order.Filled + quantity > order.Quantity)
                throw new ArgumentOutOfRangeException(nameof(quantity), $"fill of {quantity} on order '{order.Name}' ({order.Filled}/{order.Quantity} filled)");
            bool buy = order.OrderAction == OrderAction.Buy || order.OrderAction == OrderAction.BuyToCover;
            if (order.CancelRequested) order.HasOverfill = true;
            order.AverageFillPrice = (order.AverageFillPrice * order.Filled + price * quantity) / (order.Filled + quantity);
            order.Filled += quantity;
            order.Time = time;
            Position position = PositionOf(order.Instrument);
            position.ApplyFill(buy ? quantity : -quantity, price);
            var execution = new Execution
            {
                Account = this, Instrument = order.Instrument, Order = order, OrderId = order.OrderId, Name = order.Name,
                ExecutionId = "standin-exec-" + (++nextExecutionId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                MarketPosition = buy ? MarketPosition.Long : MarketPosition.Short, Price = price, Quantity = quantity,
                Time = time, Rate = 1, Position = position.MarketPosition == MarketPosition.Short ? -position.Quantity : position.Quantity,
            };
            executions.Add(execution);
            // NinjaTrader's order of events: order update first, then the execution, then the position.
            SetOrderState(order, order.Filled == order.Quantity ? OrderState.Filled : OrderState.PartFilled);
            var executionArgs = new ExecutionEventArgs(execution, execution.ExecutionId, price, quantity, execution.MarketPosition, order.OrderId, time);
            var positionArgs = new PositionEventArgs(position, position.AveragePrice, position.Quantity, position.MarketPosition);
            Raise(() => ExecutionUpdate?.Invoke(this, executionArgs));
            Raise(() => PositionUpdate?.Invoke(this, positionArgs));
            return execution;
        }
    }
}
