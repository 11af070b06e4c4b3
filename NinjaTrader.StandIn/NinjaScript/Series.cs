using System;
using System.Collections.Generic;

namespace NinjaTrader.NinjaScript
{
    // https://developer.ninjatrader.com/docs/desktop/seriest : new Series<T>(this) in State.DataLoaded; one slot
    // per bar of the owner's primary series; this[barsAgo] get/set; Reset(), Reset(int barsAgo).
    // Slots that were never set are not valid data points and read as default(T).
    // .../maximumbarslookback : with MaximumBarsLookBack.TwoHundredFiftySix (the owner's default) "only the last 256
    // values of the series object will be stored in memory and be accessible for reference" (a ring buffer), and
    // .../isvaliddatapoint , .../isvaliddatapointat : calling them on such a series "will throw an error". The Help
    // Guide does not say what an older read returns, so the stand-in treats it as an error: with
    // HostRules.EnforceMaximumBarsLookBack it throws ArgumentOutOfRangeException, otherwise it records the breach in
    // the owner's HostRules.Violations and returns the stored value.
    public class Series<T> : ISeries<T>
    {
        /// <summary>Values kept by a MaximumBarsLookBack.TwoHundredFiftySix series (barsAgo 0..255).</summary>
        internal const int LookBack256 = 256;

        private readonly List<T> values = new List<T>();
        private readonly List<bool> isSet = new List<bool>();
        private readonly NinjaScriptBase owner;

        public Series(NinjaScriptBase ninjascriptBase)
            : this(ninjascriptBase, ninjascriptBase?.MaximumBarsLookBack ?? MaximumBarsLookBack.TwoHundredFiftySix)
        {
        }

        // .../seriest : Series<T>(ninjaScriptBase, maximumBarsLookBack)
        public Series(NinjaScriptBase ninjascriptBase, MaximumBarsLookBack maximumBarsLookBack)
        {
            if (ninjascriptBase == null) throw new ArgumentNullException(nameof(ninjascriptBase));
            owner = ninjascriptBase;
            MaximumBarsLookBack = maximumBarsLookBack;
            ninjascriptBase.RegisterSeries(this);
            int bars = ninjascriptBase.PrimaryBarCount;
            for (int i = 0; i < bars; i++) AddSlot();
        }

        // Host-only (the Help Guide documents the constructor parameter, not a property on the series).
        internal MaximumBarsLookBack MaximumBarsLookBack { get; }

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

        public T GetValueAt(int barIndex)
        {
            CheckLookBack(values.Count - 1 - barIndex, nameof(barIndex));
            return values[barIndex];
        }

        public bool IsValidDataPoint(int barsAgo)
        {
            CheckValidityCall(nameof(IsValidDataPoint));
            int index = values.Count - 1 - barsAgo;
            return index >= 0 && index < values.Count && isSet[index];
        }

        public bool IsValidDataPointAt(int barIndex)
        {
            CheckValidityCall(nameof(IsValidDataPointAt));
            return barIndex >= 0 && barIndex < values.Count && isSet[barIndex];
        }

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
            CheckLookBack(barsAgo, nameof(barsAgo));
            return index;
        }

        private void CheckLookBack(int barsAgo, string parameter)
        {
            if (MaximumBarsLookBack == MaximumBarsLookBack.TwoHundredFiftySix && barsAgo >= LookBack256)
                owner.Rules.Breach(owner.Rules.EnforceMaximumBarsLookBack,
                    $"'{owner.Name}' read a MaximumBarsLookBack.TwoHundredFiftySix Series<{typeof(T).Name}> {LookBack256} or more bars back; only the last {LookBack256} values are kept (https://developer.ninjatrader.com/docs/desktop/maximumbarslookback)",
                    m => new ArgumentOutOfRangeException(parameter, m));
        }

        private void CheckValidityCall(string method)
        {
            if (MaximumBarsLookBack == MaximumBarsLookBack.TwoHundredFiftySix)
                owner.Rules.Breach(owner.Rules.EnforceMaximumBarsLookBack,
                    $"'{owner.Name}' called {method} on a MaximumBarsLookBack.TwoHundredFiftySix Series<{typeof(T).Name}>, which throws in NinjaTrader (https://developer.ninjatrader.com/docs/desktop/{method.ToLowerInvariant()})",
                    m => new InvalidOperationException(m));
        }
    }
}
