using System;
using System.Collections.Generic;
using System.Windows.Media;
using NinjaTrader.Cbi;
using NinjaTrader.Data;

namespace NinjaTrader.NinjaScript
{
    // Common base of indicators, strategies and Market Analyzer columns: data access, multi-series, plots.
    // Host-only members are internal; everything public/protected mirrors a Help Guide page cited above it.
    public abstract class NinjaScriptBase : NinjaScript
    {
        private readonly List<DataSeriesRequest> dataSeriesRequests = new List<DataSeriesRequest>();
        private readonly List<Series<double>> values = new List<Series<double>>();
        private readonly List<object> ownedSeries = new List<object>();
        private readonly List<Action> seriesSlotAdders = new List<Action>();
        private readonly List<PlotDefinition> plots = new List<PlotDefinition>();
        private readonly List<LineDefinition> lines = new List<LineDefinition>();
        private Series<double>[] valuesArray = new Series<double>[0];
        private ISeries<double>[] closes = new ISeries<double>[0];
        private ISeries<double>[] opens = new ISeries<double>[0];
        private ISeries<double>[] highs = new ISeries<double>[0];
        private ISeries<double>[] lows = new ISeries<double>[0];
        private ISeries<DateTime>[] times = new ISeries<DateTime>[0];
        private ISeries<double>[] volumes = new ISeries<double>[0];
        private ISeries<double> input;
        private BarsPeriod[] barsPeriods = new BarsPeriod[0];
        private Instrument[] instruments = new Instrument[0];

        protected NinjaScriptBase()
        {
            BarsInProgress = 0;
            CurrentBars = new int[0];
            BarsArray = new Bars[0];
            Instruments = new Instrument[0];
            BarsPeriods = new BarsPeriod[0];
        }

        // ---- properties set in State.SetDefaults ----

        // https://developer.ninjatrader.com/docs/desktop/calculate
        public Calculate Calculate { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/isoverlay
        public bool IsOverlay { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/displayindatabox
        public bool DisplayInDataBox { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/drawonpricepanel
        public bool DrawOnPricePanel { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/issuspendedwhileinactive
        public bool IsSuspendedWhileInactive { get; set; }

        // https://developer.ninjatrader.com/docs/desktop/barsrequiredtoplot
        public int BarsRequiredToPlot { get; set; }

        // ---- data ----

        // https://developer.ninjatrader.com/docs/desktop/barsinprogress
        public int BarsInProgress { get; private set; }

        // https://developer.ninjatrader.com/docs/desktop/currentbar : CurrentBars[BarsInProgress]
        public int CurrentBar => CurrentBars.Length == 0 ? -1 : CurrentBars[BarsInProgress];

        // https://developer.ninjatrader.com/docs/desktop/currentbars : -1 until series i has its first bar
        public int[] CurrentBars { get; private set; }

        // https://developer.ninjatrader.com/docs/desktop/barsarray
        public Bars[] BarsArray { get; private set; }

        // https://developer.ninjatrader.com/docs/desktop/bars (the Bars of BarsInProgress)
        public Bars Bars => BarsArray.Length == 0 ? null : BarsArray[BarsInProgress];

        // https://developer.ninjatrader.com/docs/desktop/barsperiods , .../barsperiod
        // .../barsperiod: "This property should NOT be accessed within the OnStateChange method before the State has
        // reached State.DataLoaded"; a read in SetDefaults/Configure breaches HostRules.EnforceDataLoadedOnlyMembers.
        public BarsPeriod[] BarsPeriods
        {
            get { CheckDataLoaded(nameof(BarsPeriods), "barsperiods"); return barsPeriods; }
            private set => barsPeriods = value;
        }

        public BarsPeriod BarsPeriod
        {
            get
            {
                CheckDataLoaded(nameof(BarsPeriod), "barsperiod");
                return barsPeriods.Length == 0 ? null : barsPeriods[BarsInProgress];
            }
        }

        // https://developer.ninjatrader.com/docs/desktop/instrument , .../instruments
        // .../instrument: "The properties in this class should NOT be accessed within the OnStateChange() method before
        // the State has reached State.DataLoaded" (same host rule as BarsPeriod).
        public Instrument Instrument
        {
            get
            {
                CheckDataLoaded(nameof(Instrument), "instrument");
                return instruments.Length == 0 ? null : instruments[BarsInProgress];
            }
        }

        public Instrument[] Instruments
        {
            get { CheckDataLoaded(nameof(Instruments), "instruments"); return instruments; }
            private set => instruments = value;
        }

        // https://developer.ninjatrader.com/docs/desktop/maximumbarslookback : default TwoHundredFiftySix; custom
        // Series<T> built with new Series<T>(this) take this value (plots and bar data are always Infinite).
        public MaximumBarsLookBack MaximumBarsLookBack { get; set; } = MaximumBarsLookBack.TwoHundredFiftySix;

        // https://developer.ninjatrader.com/docs/desktop/close , .../closes (and open/high/low/time likewise).
        // Typed as ISeries<T>: NinjaTrader's concrete series classes are not mirrored.
        public ISeries<double> Close => closes[BarsInProgress];
        public ISeries<double>[] Closes => closes;
        public ISeries<double> Open => opens[BarsInProgress];
        public ISeries<double>[] Opens => opens;
        public ISeries<double> High => highs[BarsInProgress];
        public ISeries<double>[] Highs => highs;
        public ISeries<double> Low => lows[BarsInProgress];
        public ISeries<double>[] Lows => lows;
        public ISeries<DateTime> Time => times[BarsInProgress];
        public ISeries<DateTime>[] Times => times;

        // https://developer.ninjatrader.com/docs/desktop/iseries_volume : "An ISeries<double> object" (volume as double)
        public ISeries<double> Volume => volumes[BarsInProgress];
        public ISeries<double>[] Volumes => volumes;

        // https://developer.ninjatrader.com/docs/desktop/input : the series the script runs on (primary Close by default)
        public ISeries<double> Input => input ?? (closes.Length > 0 ? closes[0] : null);

        // https://developer.ninjatrader.com/docs/desktop/isfirsttickofbar (always true with Calculate.OnBarClose)
        public bool IsFirstTickOfBar { get; private set; }

        // ---- plots ----

        // https://developer.ninjatrader.com/docs/desktop/values , .../value
        public Series<double>[] Values => valuesArray;

        public Series<double> Value => valuesArray.Length == 0 ? null : valuesArray[0];

        // https://developer.ninjatrader.com/docs/desktop/addplot : AddPlot(Brush brush, string name)
        protected void AddPlot(Brush brush, string name)
        {
            plots.Add(new PlotDefinition(brush, name));
            // .../maximumbarslookback: "Series<double> objects that hold indicator plot values always use MaximumBarsLookBack.Infinite".
            values.Add(new Series<double>(this, MaximumBarsLookBack.Infinite));
            valuesArray = values.ToArray();
        }

        // https://developer.ninjatrader.com/docs/desktop/addline : AddLine(Brush brush, double value, string name)
        protected void AddLine(Brush brush, double value, string name)
        {
            lines.Add(new LineDefinition(brush, value, name));
        }

        // ---- multi-series ----
        // https://developer.ninjatrader.com/docs/desktop/adddataseries : call only in State.Configure, with fixed arguments.

        protected void AddDataSeries(BarsPeriod barsPeriod) => RequestSeries(null, barsPeriod);

        protected void AddDataSeries(BarsPeriodType periodType, int period) =>
            RequestSeries(null, new BarsPeriod { BarsPeriodType = periodType, Value = period });

        // "AddDataSeries(string instrumentName) //only for R15 and higher": the primary's bars period.
        // NinjaTrader resolves the primary's period itself, so the script does not read BarsPeriod (null = primary's).
        protected void AddDataSeries(string instrumentName) => RequestSeries(instrumentName, null);

        protected void AddDataSeries(string instrumentName, BarsPeriodType periodType, int period) =>
            RequestSeries(instrumentName, new BarsPeriod { BarsPeriodType = periodType, Value = period });

        protected void AddDataSeries(string instrumentName, BarsPeriodType periodType, int period, MarketDataType marketDataType) =>
            RequestSeries(instrumentName, new BarsPeriod { BarsPeriodType = periodType, Value = period });

        protected void AddDataSeries(string instrumentName, BarsPeriod barsPeriod) => RequestSeries(instrumentName, barsPeriod);

        protected void AddDataSeries(string instrumentName, BarsPeriod barsPeriod, string tradingHoursName) =>
            RequestSeries(instrumentName, barsPeriod);

        protected void AddDataSeries(string instrumentName, BarsPeriod barsPeriod, string tradingHoursName, bool? isResetOnNewTradingDay) =>
            RequestSeries(instrumentName, barsPeriod);

        protected void AddDataSeries(string instrumentName, BarsPeriod barsPeriod, int barsToLoad, string tradingHoursName, bool? isResetOnNewTradingDay) =>
            RequestSeries(instrumentName, barsPeriod);

        // ---- events ----

        // https://developer.ninjatrader.com/docs/desktop/onbarupdate
        protected virtual void OnBarUpdate()
        {
        }

        // https://developer.ninjatrader.com/docs/desktop/onconnectionstatusupdate
        protected virtual void OnConnectionStatusUpdate(ConnectionStatusEventArgs connectionStatusUpdate)
        {
        }

        // Host-only: delivers a connection status change to the script.
        internal void RaiseConnectionStatusUpdate(ConnectionStatusEventArgs e) => OnConnectionStatusUpdate(e);

        // https://developer.ninjatrader.com/docs/desktop/print : Print(object value)
        public void Print(object value)
        {
            PrintLog.Add(value == null ? string.Empty : value.ToString());
        }

        // ---- host-only ----

        internal IReadOnlyList<DataSeriesRequest> DataSeriesRequests => dataSeriesRequests;

        // Host-only: the script the host is currently running (its state change or bar update). Indicators created
        // through CacheIndicator, also via the Strategy/MarketAnalyzerColumn "indicator" helper, belong to it.
        [ThreadStatic]
        internal static NinjaScriptBase Running;

        private readonly List<IndicatorBase> childIndicators = new List<IndicatorBase>();

        internal IReadOnlyList<IndicatorBase> ChildIndicators => childIndicators;

        internal void AddChildIndicator(IndicatorBase indicator) => childIndicators.Add(indicator);

        internal IReadOnlyList<PlotDefinition> PlotDefinitions => plots;

        internal IReadOnlyList<LineDefinition> LineDefinitions => lines;

        internal List<string> PrintLog { get; } = new List<string>();

        internal int PrimaryBarCount => CurrentBars.Length == 0 ? 0 : CurrentBars[0] + 1;

        internal void RegisterSeries<T>(Series<T> series)
        {
            ownedSeries.Add(series);
            seriesSlotAdders.Add(series.AddSlot);
        }

        internal void SetInput(ISeries<double> series) => input = series;

        /// <summary>Host-only: the Help Guide usage rules enforced or recorded for this script (see HostRules).</summary>
        internal HostRules Rules { get; set; } = new HostRules();

        private void CheckDataLoaded(string member, string page)
        {
            if (State == State.SetDefaults || State == State.Configure)
                Rules.Breach(Rules.EnforceDataLoadedOnlyMembers,
                    $"'{Name}' read {member} in State.{State}; https://developer.ninjatrader.com/docs/desktop/{page} says it must not be accessed before State.DataLoaded",
                    m => new InvalidOperationException(m));
        }

        /// <summary>Host-only: the primary instrument and bars period are known from State.Configure on.</summary>
        internal void SetPrimary(Instrument instrument, BarsPeriod barsPeriod)
        {
            Instruments = new[] { instrument };
            BarsPeriods = new[] { barsPeriod };
        }

        /// <summary>Host-only: attaches the loaded bars (index 0 = primary) before State.DataLoaded.</summary>
        internal void AttachBars(Bars[] bars)
        {
            BarsArray = bars;
            CurrentBars = new int[bars.Length];
            Instruments = new Instrument[bars.Length];
            BarsPeriods = new BarsPeriod[bars.Length];
            closes = new ISeries<double>[bars.Length];
            opens = new ISeries<double>[bars.Length];
            highs = new ISeries<double>[bars.Length];
            lows = new ISeries<double>[bars.Length];
            times = new ISeries<DateTime>[bars.Length];
            volumes = new ISeries<double>[bars.Length];
            for (int i = 0; i < bars.Length; i++)
            {
                CurrentBars[i] = -1;
                bars[i].CurrentBar = -1;
                instruments[i] = bars[i].Instrument;
                barsPeriods[i] = bars[i].BarsPeriod;
                closes[i] = new BarsValueSeries(bars[i], r => r.Close);
                opens[i] = new BarsValueSeries(bars[i], r => r.Open);
                highs[i] = new BarsValueSeries(bars[i], r => r.High);
                lows[i] = new BarsValueSeries(bars[i], r => r.Low);
                times[i] = new BarsTimeSeries(bars[i]);
                volumes[i] = new BarsValueSeries(bars[i], r => r.Volume);
            }
        }

        /// <summary>Host-only: series <paramref name="barsInProgress"/> closes its next bar; OnBarUpdate runs for it.</summary>
        internal void ProcessBar(int barsInProgress) => ProcessBar(barsInProgress, true);

        /// <summary>Host-only: as ProcessBar; with notify false the bar joins its series without an OnBarUpdate call.</summary>
        internal void ProcessBar(int barsInProgress, bool notify)
        {
            Bars bars = BarsArray[barsInProgress];
            bars.CurrentBar++;
            CurrentBars[barsInProgress] = bars.CurrentBar;
            if (barsInProgress == 0)
                foreach (Action addSlot in seriesSlotAdders) addSlot();
            if (!notify) return;
            BarsInProgress = barsInProgress;
            IsFirstTickOfBar = true;
            OnBarUpdate();
        }

        internal void SetBarsInProgress(int barsInProgress) => BarsInProgress = barsInProgress;

        private void RequestSeries(string instrumentName, BarsPeriod barsPeriod)
        {
            if (State != State.Configure)
                throw new InvalidOperationException($"AddDataSeries must be called in State.Configure (called in State.{State})");
            CheckHardcoded(instrumentName);
            dataSeriesRequests.Add(new DataSeriesRequest(instrumentName, barsPeriod));
        }

        // .../adddataseries: "Arguments supplied to AddDataSeries() should be hardcoded and NOT dependent on run-time
        // variables which cannot be reliably obtained during State.Configure (e.g., Instrument, Bars, or user input)".
        // The stand-in recognises user input as an instrument name equal to a [NinjaScriptProperty] string input's value.
        private void CheckHardcoded(string instrumentName)
        {
            if (string.IsNullOrWhiteSpace(instrumentName)) return;
            foreach (System.Reflection.PropertyInfo property in GetType().GetProperties())
            {
                if (property.PropertyType != typeof(string) || !property.IsDefined(typeof(NinjaScriptPropertyAttribute), true) || !property.CanRead)
                    continue;
                if (property.GetValue(this) is string input && input.Trim() == instrumentName.Trim())
                {
                    Rules.Breach(Rules.EnforceHardcodedAddDataSeries,
                        $"'{Name}' passed the user input {property.Name} ('{instrumentName}') to AddDataSeries; https://developer.ninjatrader.com/docs/desktop/adddataseries asks for hardcoded arguments",
                        m => new InvalidOperationException(m));
                    return;
                }
            }
        }
    }

    // Host-only record of an AddDataSeries call (null instrument = the primary instrument).
    internal sealed class DataSeriesRequest
    {
        internal DataSeriesRequest(string instrumentName, BarsPeriod barsPeriod)
        {
            InstrumentName = instrumentName;
            BarsPeriod = barsPeriod;
        }

        internal string InstrumentName { get; }
        internal BarsPeriod BarsPeriod { get; }
    }

    internal sealed class PlotDefinition
    {
        internal PlotDefinition(Brush brush, string name)
        {
            Brush = brush;
            Name = name;
        }

        internal Brush Brush { get; }
        internal string Name { get; }
    }

    internal sealed class LineDefinition
    {
        internal LineDefinition(Brush brush, double value, string name)
        {
            Brush = brush;
            Value = value;
            Name = name;
        }

        internal Brush Brush { get; }
        internal double Value { get; }
        internal string Name { get; }
    }
}
