namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/get and .../onaccountitemupdate: members used in the
    // Help Guide examples (CashValue, BuyingPower, RealizedProfitLoss, GrossRealizedProfitLoss).
    // Numeric values are not documented, so this enum must not be persisted by our scripts.
    public enum AccountItem { BuyingPower, CashValue, GrossRealizedProfitLoss, RealizedProfitLoss, UnrealizedProfitLoss }

    // https://developer.ninjatrader.com/docs/desktop/get (Currency.UsDollar in the example).
    // Only the member used by the Help Guide is mirrored.
    public enum Currency { UsDollar }

    // https://developer.ninjatrader.com/docs/desktop/createorder ("customOrder: Custom order if it is being used";
    // the examples pass null). Opaque here.
    public class CustomOrder { }
}
