namespace NinjaTrader.Data
{
    // https://developer.ninjatrader.com/docs/desktop/tradinghours : a trading hours template (sessions, holidays).
    // Mirrored only as a type to pass around (BarsRequest.TradingHours, MasterInstrument.TradingHours); no members.
    public class TradingHours
    {
        internal TradingHours(string name)
        {
            Name = name;
        }

        // Host-only: the template's name, for tests.
        internal string Name { get; }
    }
}
