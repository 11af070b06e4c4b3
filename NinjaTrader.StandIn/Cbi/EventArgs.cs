using System;

namespace NinjaTrader.Cbi
{
    // Account event arguments. Only the members shown on the Help Guide pages are mirrored.

    // https://developer.ninjatrader.com/docs/desktop/orderupdate (e.Order, e.OrderState, e.Quantity, e.AverageFillPrice)
    public class OrderEventArgs : EventArgs
    {
        internal OrderEventArgs(Order order, OrderState orderState, int quantity, double averageFillPrice)
        {
            Order = order;
            OrderState = orderState;
            Quantity = quantity;
            AverageFillPrice = averageFillPrice;
        }

        public Order Order { get; }
        public OrderState OrderState { get; }
        public int Quantity { get; }
        public double AverageFillPrice { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/executionupdate , .../cancel , .../accounts_cancelallorders
    // (e.Execution, e.Quantity, e.Price, e.MarketPosition, e.Time)
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
        public double Price { get; }
        public int Quantity { get; }
        public MarketPosition MarketPosition { get; }
        public DateTime Time { get; }

        // Not shown on the Help Guide pages: kept internal so scripts cannot rely on them.
        internal string ExecutionId { get; }
        internal string OrderId { get; }
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
