namespace NinjaTrader.Data
{
    // https://developer.ninjatrader.com/docs/desktop/barsperiod (BarsPeriodType, Value; object-initializer use
    // as in .../barsrequest). Value2 and the other members are not mirrored.
    public class BarsPeriod
    {
        public BarsPeriodType BarsPeriodType { get; set; }

        public int Value { get; set; }

        public override string ToString() => Value + " " + BarsPeriodType;
    }

    // https://developer.ninjatrader.com/docs/desktop/adddataseries (periodType values). The names are
    // documented; NinjaTrader's numeric values are not, so none are written here and scripts must not persist them.
    public enum BarsPeriodType { Tick, Volume, Range, Second, Minute, Day, Week, Month, Year }

    // https://developer.ninjatrader.com/docs/desktop/marketdataeventargs (MarketDataType values; numbers not documented)
    public enum MarketDataType { Ask, Bid, DailyHigh, DailyLow, DailyVolume, Last, LastClose, Opening, OpenInterest, Settlement }
}
