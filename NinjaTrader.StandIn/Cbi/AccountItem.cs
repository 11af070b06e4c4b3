namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/accountitem : the documented names. Their numeric values are
    // not documented, so none are written here and scripts must not persist this enum as a number.
    public enum AccountItem
    {
        BuyingPower, CashValue, Commission, ExcessIntradayMargin, ExcessInitialMargin, ExcessMaintenanceMargin,
        ExcessPositionMargin, Fee, GrossRealizedProfitLoss, InitialMargin, IntradayMargin, LongOptionValue,
        LookAheadMaintenanceMargin, LongStockValue, MaintenanceMargin, NetLiquidation, NetLiquidationByCurrency,
        PositionMargin, RealizedProfitLoss, ShortOptionValue, ShortStockValue, SodCashValue, SodLiquidatingValue,
        UnrealizedProfitLoss, TotalCashBalance,
    }

    // https://developer.ninjatrader.com/docs/desktop/get (Currency.UsDollar in the example).
    // Only the member used by the Help Guide is mirrored.
    public enum Currency { UsDollar }

    // https://developer.ninjatrader.com/docs/desktop/createorder ("customOrder: Custom order if it is being used";
    // the examples pass null). Opaque here.
    public class CustomOrder { }
}
