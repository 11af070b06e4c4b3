using System;
using System.Collections.Generic;

namespace NinjaTrader.NinjaScript
{
    /// <summary>
    /// Host-only: which Help Guide usage rules the stand-in enforces for one script. A rule that is not enforced is
    /// still detected: its breach is recorded in <see cref="Violations"/> (once per distinct message) and the script
    /// gets the lenient old behaviour, so tests of scripts that do not comply yet keep running while a fidelity test
    /// can assert that no rule was broken. An enforced rule throws <see cref="InvalidOperationException"/> (or
    /// <see cref="ArgumentOutOfRangeException"/> for series reads) naming the rule and its Help Guide page.
    /// </summary>
    internal sealed class HostRules
    {
        private readonly List<string> violations = new List<string>();
        private readonly HashSet<string> seen = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// https://developer.ninjatrader.com/docs/desktop/barsperiod ("should NOT be accessed within the OnStateChange
        /// method before the State has reached State.DataLoaded") and .../instrument (same warning for the Instrument's
        /// properties): reading BarsPeriod/BarsPeriods/Instrument/Instruments in SetDefaults or Configure.
        /// Default false: the current scripts read BarsPeriod in State.Configure.
        /// </summary>
        internal bool EnforceDataLoadedOnlyMembers { get; set; }

        /// <summary>
        /// https://developer.ninjatrader.com/docs/desktop/adddataseries : arguments "should be hardcoded and NOT dependent
        /// on ... user input". Detected when an instrument name equals a [NinjaScriptProperty] string input's value.
        /// Default false: the current scripts add their instrument slots from inputs (as NinjaTrader's own Correlation does).
        /// </summary>
        internal bool EnforceHardcodedAddDataSeries { get; set; }

        /// <summary>
        /// https://developer.ninjatrader.com/docs/desktop/maximumbarslookback and .../seriest: a custom Series&lt;T&gt;
        /// with MaximumBarsLookBack.TwoHundredFiftySix (the default) keeps only the last 256 values, and
        /// IsValidDataPoint/IsValidDataPointAt on it "will throw an error" (.../isvaliddatapoint, .../isvaliddatapointat).
        /// Default false: the current indicators call IsValidDataPoint on default (256) series.
        /// </summary>
        internal bool EnforceMaximumBarsLookBack { get; set; }

        /// <summary>
        /// https://developer.ninjatrader.com/docs/desktop/startbehavior : with StartBehavior.AdoptAccountPosition the
        /// strategy's positions become the account's at State.Realtime. When not enforced the strategy keeps its
        /// historical (virtual) positions and each one that differs from the account's is recorded. Default false: the
        /// current strategy's realtime tests rely on the virtual positions it built on history.
        /// </summary>
        internal bool EnforceAccountAdoption { get; set; }

        /// <summary>
        /// https://developer.ninjatrader.com/docs/desktop/marketdata : MarketData.Update is subscribed through
        /// instrument.Dispatcher.InvokeAsync. Checked on <see cref="Platform"/> (AddOn code has no script host).
        /// Default false: the current AddOn subscribes directly.
        /// </summary>
        internal bool EnforceInstrumentDispatcher { get; set; }

        /// <summary>Rules for platform-level code outside a hosted script (AddOns): reset it in tests that change it.</summary>
        internal static HostRules Platform { get; private set; } = new HostRules();

        /// <summary>Host-only: a fresh <see cref="Platform"/> (nothing enforced, nothing recorded).</summary>
        internal static void ResetPlatform() => Platform = new HostRules();

        internal IReadOnlyList<string> Violations => violations;

        /// <summary>Records a breach (lenient) or throws (enforced).</summary>
        internal void Breach(bool enforced, string message, Func<string, Exception> exception)
        {
            if (enforced) throw exception(message);
            if (seen.Add(message)) violations.Add(message);
        }
    }
}
