using System;

namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/execution
    public class Execution
    {
        internal Execution() { }

        public Account Account { get; internal set; }
        public int BarsInProgress { get; internal set; }
        public double Commission { get; internal set; }
        public string ExecutionId { get; internal set; }
        public Instrument Instrument { get; internal set; }
        public MarketPosition MarketPosition { get; internal set; }
        public string Name { get; internal set; }
        public Order Order { get; internal set; }
        public string OrderId { get; internal set; }
        public int Position { get; internal set; }
        public int PositionStrategy { get; internal set; }
        public double Price { get; internal set; }
        public int Quantity { get; internal set; }
        public double Rate { get; internal set; }
        public double Slippage { get; internal set; }
        public DateTime Time { get; internal set; }

        public override string ToString() =>
            $"executionId='{ExecutionId}' instrument='{Instrument}' marketPosition={MarketPosition} quantity={Quantity} price={Price} time={Time:O}";
    }
}
