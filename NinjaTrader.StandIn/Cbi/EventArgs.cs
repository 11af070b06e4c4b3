using System;

namespace NinjaTrader.Cbi
{
    // Account event arguments. Only the members shown on the Help Guide pages are mirrored.

    // https://developer.ninjatrader.com/docs/desktop/orderupdate (e.Order, e.OrderState, e.Quantity, e.AverageFillPrice).
    // By-value members e.LimitPrice, e.StopPrice, e.Filled, e.OrderId, e.Time: not on a Help Guide page; they are used by
    // NinjaTrader's own AddOn Framework sample (the one the Help Guide's "Developing AddOns" overview links; its
    // OnOrderUpdate(object, OrderEventArgs e) prints e.Quantity, e.LimitPrice, e.StopPrice, e.OrderState, e.Filled,
    // e.AverageFillPrice, e.OrderId, e.Time). Every value is copied when the event is raised; e.Order is the live
    // object, which .../multi_threading_consideration_for_ninjascript and .../onorderupdate warn may already be ahead
    // of this update (the stand-in shows that with Account.QueueEvents).
    public class OrderEventArgs : EventArgs
    {
        internal OrderEventArgs(Order order, OrderState orderState, int quantity, double averageFillPrice)
        {
            Order = order;
            OrderState = orderState;
            Quantity = quantity;
            AverageFillPrice = averageFillPrice;
            LimitPrice = order.LimitPrice;
            StopPrice = order.StopPrice;
            Filled = order.Filled;
            OrderId = order.OrderId;
            Time = order.Time;
        }

        public Order Order { get; }
        public OrderState OrderState { get; }
        public int Quantity { get; }
        public double AverageFillPrice { get; }
        public double LimitPrice { get; }
        public double StopPrice { get; }
        public int Filled { get; }
        public string OrderId { get; }
        public DateTime Time { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/executionupdate , .../cancel , .../accounts_cancelallorders
    // (e.Execution, e.Quantity, e.Price, e.MarketPosition, e.Time); e.ExecutionId and e.OrderId are used by the AddOn
    // Framework sample (see OrderEventArgs). Exchange and Operation (also in that sample) are not mirrored: their types
    // are not documented.
    public class ExecutionEventArgs : EventArgs
    {
        internal ExecutionEventArgs(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
            Execution = execution;
            ExecutionId = executionId;
            Price = price;
            Quantity = quantity;
            MarketPosition = marketPosition;
            OrderId = orderId;
            Time = time;
        }

        public Execution Execution { get; }
        public string ExecutionId { get; }
        public double Price { get; }
        public int Quantity { get; }
        public MarketPosition MarketPosition { get; }
        public string OrderId { get; }
        public DateTime Time { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/positionupdate (e.Position, e.MarketPosition, e.AveragePrice, e.Quantity)
    public class PositionEventArgs : EventArgs
    {
        internal PositionEventArgs(Position position, double averagePrice, int quantity, MarketPosition marketPosition)
        {
            Position = position;
            AveragePrice = averagePrice;
            Quantity = quantity;
            MarketPosition = marketPosition;
        }

        public Position Position { get; }
        public double AveragePrice { get; }
        public int Quantity { get; }
        public MarketPosition MarketPosition { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/accountitemeventargs (Account, AccountItem, Currency, Time, Value)
    public class AccountItemEventArgs : EventArgs
    {
        internal AccountItemEventArgs(Account account, AccountItem accountItem, Currency currency, double value, DateTime time)
        {
            Account = account;
            AccountItem = accountItem;
            Currency = currency;
            Value = value;
            Time = time;
        }

        public Account Account { get; }
        public AccountItem AccountItem { get; }
        public Currency Currency { get; }
        public DateTime Time { get; }
        public double Value { get; }
    }
}
