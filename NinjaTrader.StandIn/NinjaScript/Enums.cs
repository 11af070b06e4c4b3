namespace NinjaTrader.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/onstatechange (State values; numbers from the project's NT8 facts sheet)
    public enum State
    {
        Undefined = 0, SetDefaults = 1, Configure = 2, Active = 3, DataLoaded = 4, Historical = 5,
        Transition = 6, Realtime = 7, Terminated = 8, Finalized = 9,
    }

    // https://developer.ninjatrader.com/docs/desktop/calculate
    public enum Calculate { OnBarClose = 0, OnEachTick = 1, OnPriceChange = 2 }

    // https://developer.ninjatrader.com/docs/desktop/entryhandling
    public enum EntryHandling { AllEntries = 0, UniqueEntries = 1 }

    // https://developer.ninjatrader.com/docs/desktop/startbehavior
    public enum StartBehavior
    {
        AdoptAccountPosition = 0, ImmediatelySubmit = 1, ImmediatelySubmitSynchronizeAccount = 2,
        WaitUntilFlat = 3, WaitUntilFlatSynchronizeAccount = 4,
    }

    // https://developer.ninjatrader.com/docs/desktop/realtimeerrorhandling (names documented; numbers are not,
    // so none are written here and scripts must not persist them)
    public enum RealtimeErrorHandling { IgnoreAllErrors, StopCancelClose, StopCancelCloseIgnoreRejects }
}

namespace NinjaTrader.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/maximumbarslookback (names documented; numbers are not)
    public enum MaximumBarsLookBack { TwoHundredFiftySix, Infinite }
}
