using System;

namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/order
    // Read-only for scripts; the platform (here: the host) updates state. The *Changed members are set by
    // AddOns before Account.Change() (https://developer.ninjatrader.com/docs/desktop/change).
    public class Order
    {
        internal Order() { }

        public Account Account { get; internal set; }
        public double AverageFillPrice { get; internal set; }
        public int Filled { get; internal set; }
        public string FromEntrySignal { get; internal set; }
        public DateTime Gtd { get; internal set; }
        public bool HasOverfill { get; internal set; }
        public Instrument Instrument { get; internal set; }
        public bool IsBacktestOrder { get; internal set; }
        public bool IsLiveUntilCancelled { get; internal set; }
        public double LimitPrice { get; internal set; }
        public double LimitPriceChanged { get; set; }
        public string Name { get; internal set; }
        public string Oco { get; internal set; }
        public OrderAction OrderAction { get; internal set; }
        public string OrderId { get; internal set; }
        public OrderState OrderState { get; internal set; }
        public OrderType OrderType { get; internal set; }
        public int Quantity { get; internal set; }
        public int QuantityChanged { get; set; }
        public double StopPrice { get; internal set; }
        public double StopPriceChanged { get; set; }
        public DateTime Time { get; internal set; }
        public TimeInForce TimeInForce { get; internal set; }

        // Host-only: a cancel was requested and not refused; a fill now is an overfill (.../ignoreoverfill).
        internal bool CancelRequested { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/isterminalstate
        public static bool IsTerminalState(OrderState orderState) =>
            orderState == OrderState.Cancelled || orderState == OrderState.Filled
            || orderState == OrderState.Rejected || orderState == OrderState.Unknown;

        public override string ToString() =>
            $"orderId='{OrderId}' name='{Name}' state={OrderState} instrument='{Instrument}' action={OrderAction} type={OrderType} quantity={Quantity} limit={LimitPrice} stop={StopPrice} filled={Filled} averageFillPrice={AverageFillPrice}";
    }
}
