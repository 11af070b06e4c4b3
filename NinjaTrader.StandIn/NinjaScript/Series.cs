using System;
using System.Collections.Generic;

namespace NinjaTrader.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/seriest : new Series<T>(this) in State.DataLoaded; one slot
    // per bar of the owner's primary series; this[barsAgo] get/set; Reset(), Reset(int barsAgo).
    // Slots that were never set are not valid data points and read as default(T).
    public class Series<T> : ISeries<T>
    {
        private readonly List<T> values = new List<T>();
        private readonly List<bool> isSet = new List<bool>();

        public Series(NinjaScriptBase ninjascriptBase)
        {
            if (ninjascriptBase == null) throw new ArgumentNullException(nameof(ninjascriptBase));
            ninjascriptBase.RegisterSeries(this);
            int bars = ninjascriptBase.PrimaryBarCount;
            for (int i = 0; i < bars; i++) AddSlot();
        }

        public T this[int barsAgo]
        {
            get => values[ToIndex(barsAgo)];
            set
            {
                int index = ToIndex(barsAgo);
                values[index] = value;
                isSet[index] = true;
            }
        }

        public int Count => values.Count;

        public T GetValueAt(int barIndex) => values[barIndex];

        public bool IsValidDataPoint(int barsAgo)
        {
            int index = values.Count - 1 - barsAgo;
            return index >= 0 && index < values.Count && isSet[index];
        }

        public bool IsValidDataPointAt(int barIndex) => barIndex >= 0 && barIndex < values.Count && isSet[barIndex];

        public void Reset() => Reset(0);

        public void Reset(int barsAgo)
        {
            int index = ToIndex(barsAgo);
            values[index] = default(T);
            isSet[index] = false;
        }

        // Host-only: the owner's primary series got a new bar.
        internal void AddSlot()
        {
            values.Add(default(T));
            isSet.Add(false);
        }

        private int ToIndex(int barsAgo)
        {
            int index = values.Count - 1 - barsAgo;
            if (index < 0 || index >= values.Count)
                throw new ArgumentOutOfRangeException(nameof(barsAgo), $"barsAgo {barsAgo} is outside the {values.Count} bars of this series");
            return index;
        }
    }
}
