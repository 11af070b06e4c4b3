namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/position
    // Mirrored: Account, AveragePrice, Instrument, MarketPosition, Quantity (GetUnrealizedProfitLoss is not mirrored).
    public class Position
    {
        internal Position(Account account, Instrument instrument)
        {
            Account = account;
            Instrument = instrument;
            MarketPosition = MarketPosition.Flat;
        }

        public Account Account { get; }
        public double AveragePrice { get; internal set; }
        public Instrument Instrument { get; }
        public MarketPosition MarketPosition { get; internal set; }
        public int Quantity { get; internal set; }

        public override string ToString() => $"instrument='{Instrument}' marketPosition={MarketPosition} quantity={Quantity} averagePrice={AveragePrice}";

        // Host-only: takes over another position's state (adoption of an account position; null = flat).
        internal void AdoptFrom(Position other)
        {
            Quantity = other?.Quantity ?? 0;
            AveragePrice = other?.AveragePrice ?? 0;
            MarketPosition = other?.MarketPosition ?? MarketPosition.Flat;
        }

        // Host-only: applies a fill (signed quantity: + buys, - sells) with average-price bookkeeping.
        internal void ApplyFill(int signedQuantity, double price)
        {
            int before = MarketPosition == MarketPosition.Short ? -Quantity : Quantity;
            int after = before + signedQuantity;
            if (after == 0)
                AveragePrice = 0;
            else if (before == 0 || System.Math.Sign(before) != System.Math.Sign(after))
                AveragePrice = price;
            else if (System.Math.Abs(after) > System.Math.Abs(before))
                AveragePrice = (AveragePrice * System.Math.Abs(before) + price * System.Math.Abs(signedQuantity)) / System.Math.Abs(after);
            Quantity = System.Math.Abs(after);
            MarketPosition = after > 0 ? MarketPosition.Long : after < 0 ? MarketPosition.Short : MarketPosition.Flat;
        }
    }
}
