// Order and position enums of NinjaTrader.Cbi. Numeric values are part of the shape (workspaces and
// templates serialize them); they follow the project's NT8 facts sheet (shared/docs/ninjatrader-api.md).
namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/order (OrderAction values)
    public enum OrderAction { Buy = 0, BuyToCover = 1, Sell = 2, SellShort = 3 }

    // https://developer.ninjatrader.com/docs/desktop/order (OrderType values)
    public enum OrderType { Limit = 0, Market = 1, MIT = 2, StopLimit = 3, StopMarket = 4, Unknown = 99 }

    // https://developer.ninjatrader.com/docs/desktop/order (OrderState values table)
    public enum OrderState
    {
        Accepted = 0, Cancelled = 1, Filled = 2, Initialized = 3, PartFilled = 4, CancelSubmitted = 5,
        ChangeSubmitted = 6, Submitted = 7, TriggerPending = 8, Rejected = 9, Working = 10, CancelPending = 11,
        ChangePending = 12, Suspended = 13, AcceptedByRisk = 50, Unknown = 99,
    }

    // https://developer.ninjatrader.com/docs/desktop/createorder (timeInForce values)
    public enum TimeInForce { Day = 0, Gtc = 1, Ioc = 2, Opg = 3, Gtd = 4 }

    // https://developer.ninjatrader.com/docs/desktop/position (MarketPosition values)
    public enum MarketPosition { Long = 0, Short = 1, Flat = 2 }

    // https://developer.ninjatrader.com/docs/desktop/createorder (orderEntry values)
    public enum OrderEntry { Automated = 0, Manual = 1 }

    // https://developer.ninjatrader.com/docs/desktop/onorderupdate ("error: ... Possible values are: ErrorCode.LoginExpired,
    // ErrorCode.LogOnFailed, ErrorCode.NoError, ErrorCode.OrderRejected, ErrorCode.OrderRejectedByRisk, ErrorCode.Panic,
    // ErrorCode.UnableToCancelOrder, ErrorCode.UnableToChangeOrder, ErrorCode.UnableToSubmitOrder, ErrorCode.UserAbort")
    // and .../request. Only NoError's number (0) is taken from the facts sheet; the others' numbers are not documented,
    // so scripts must not persist them as numbers.
    public enum ErrorCode
    {
        NoError = 0, LoginExpired, LogOnFailed, OrderRejected, OrderRejectedByRisk, Panic, UnableToCancelOrder,
        UnableToChangeOrder, UnableToSubmitOrder, UserAbort,
    }
}
