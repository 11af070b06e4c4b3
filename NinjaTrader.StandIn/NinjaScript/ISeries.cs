namespace NinjaTrader.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/iseriest , .../isvaliddatapoint , .../isvaliddatapointat ,
    // .../getvalueat : this[barsAgo], Count, GetValueAt(barIndex), IsValidDataPoint(barsAgo), IsValidDataPointAt(barIndex).
    public interface ISeries<T>
    {
        T this[int barsAgo] { get; }

        int Count { get; }

        T GetValueAt(int barIndex);

        bool IsValidDataPoint(int barsAgo);

        bool IsValidDataPointAt(int barIndex);
    }
}
