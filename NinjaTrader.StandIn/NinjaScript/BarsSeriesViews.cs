using System;
using NinjaTrader.Data;

namespace NinjaTrader.NinjaScript
{
    // Host-only views of one Bars object as ISeries (Close/Closes, Open/Opens, Time/Times ...): barsAgo counts back
    // from that Bars' current bar, as in NinjaTrader. NinjaTrader's concrete series types are not mirrored.
    internal sealed class BarsValueSeries : ISeries<double>
    {
        private readonly Bars bars;
        private readonly Func<BarRecord, double> select;

        internal BarsValueSeries(Bars bars, Func<BarRecord, double> select)
        {
            this.bars = bars;
            this.select = select;
        }

        public double this[int barsAgo] => select(bars[ToIndex(barsAgo)]);

        public int Count => bars.CurrentBar + 1;

        public double GetValueAt(int barIndex) => select(bars[barIndex]);

        public bool IsValidDataPoint(int barsAgo) => barsAgo >= 0 && barsAgo <= bars.CurrentBar;

        public bool IsValidDataPointAt(int barIndex) => barIndex >= 0 && barIndex <= bars.CurrentBar;

        private int ToIndex(int barsAgo)
        {
            if (barsAgo < 0 || barsAgo > bars.CurrentBar)
                throw new ArgumentOutOfRangeException(nameof(barsAgo), $"barsAgo {barsAgo} with CurrentBar {bars.CurrentBar} of '{bars.Instrument?.FullName}'");
            return bars.CurrentBar - barsAgo;
        }
    }

    internal sealed class BarsTimeSeries : ISeries<DateTime>
    {
        private readonly Bars bars;

        internal BarsTimeSeries(Bars bars)
        {
            this.bars = bars;
        }

        public DateTime this[int barsAgo]
        {
            get
            {
                if (barsAgo < 0 || barsAgo > bars.CurrentBar)
                    throw new ArgumentOutOfRangeException(nameof(barsAgo), $"barsAgo {barsAgo} with CurrentBar {bars.CurrentBar}");
                return bars.GetTime(bars.CurrentBar - barsAgo);
            }
        }

        public int Count => bars.CurrentBar + 1;

        public DateTime GetValueAt(int barIndex) => bars.GetTime(barIndex);

        public bool IsValidDataPoint(int barsAgo) => barsAgo >= 0 && barsAgo <= bars.CurrentBar;

        public bool IsValidDataPointAt(int barIndex) => barIndex >= 0 && barIndex <= bars.CurrentBar;
    }
}
