#region Using declarations
using System;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Windows.Media;
using System.Xml.Serialization;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.Core.Risk;
#endregion

// This namespace holds indicators in this folder and is required. Do not change it.
namespace NinjaTrader.NinjaScript.Indicators
{
    /// <summary>
    /// Rolling Pearson correlation between the simple returns of the chart instrument and of a second instrument,
    /// over the last <see cref="Period"/> returns (Core's CorrelationAnalyzer.RollingCorrelation: r = cov(x, y) /
    /// (sd(x) sd(y))). A bar's value uses both closes at or before that bar's time. Undefined values (warm-up, a flat
    /// window) are not plotted. The second instrument has no default (a futures contract would expire): until one is
    /// entered, nothing is added and nothing is plotted.
    /// </summary>
    /// <remarks>
    /// Plots are set on the primary series only (Help Guide, "Multi-Time Frame &amp; Instruments"): NinjaTrader processes
    /// the primary bar first when timestamps are equal, so a bar's value is written when the next primary bar closes.
    /// The second series is added with AddDataSeries(instrumentName), inheriting the chart's bars settings, as
    /// NinjaTrader's own Correlation indicator does; BarsPeriod is not read in State.Configure (Help Guide,
    /// "AddDataSeries()", "BarsPeriod"). A script hosting this indicator must add the same series itself. The second
    /// instrument's aligned closes are kept with MaximumBarsLookBack.Infinite (a default series keeps 256 values; Help
    /// Guide, "MaximumBarsLookBack"). The plot is named ReturnCorrelation: a member named Correlation would hide
    /// NinjaTrader's built-in Correlation indicator method (warning CS0108).
    /// </remarks>
    public class PortfolioCorrelation : Indicator
    {
        private Series<double> secondClose;
        private double[] x;
        private double[] y;
        private bool hasSecond;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "Rolling Pearson correlation of the chart instrument's returns with a second instrument's returns.";
                Name = "PortfolioCorrelation";
                Calculate = Calculate.OnBarClose;
                IsOverlay = false;
                DisplayInDataBox = true;
                DrawOnPricePanel = false;
                IsSuspendedWhileInactive = true;
                Period = 20;
                SecondInstrument = string.Empty;
                AddPlot(Brushes.DodgerBlue, "ReturnCorrelation");
                AddLine(Brushes.DarkGray, 0, "Zero");
            }
            else if (State == State.Configure)
            {
                // Help Guide "AddDataSeries()": AddDataSeries(string instrumentName) uses the primary's bars settings.
                if (!string.IsNullOrWhiteSpace(SecondInstrument))
                    AddDataSeries(SecondInstrument.Trim());
            }
            else if (State == State.DataLoaded)
            {
                hasSecond = !string.IsNullOrWhiteSpace(SecondInstrument);
                if (!hasSecond)
                    Print("PortfolioCorrelation: no second instrument entered; nothing is plotted.");
                secondClose = new Series<double>(this, MaximumBarsLookBack.Infinite);
                x = new double[Period];
                y = new double[Period];
            }
        }

        protected override void OnBarUpdate()
        {
            // Help Guide "Multi-Time Frame & Instruments": plots are set in the primary series.
            if (!hasSecond || BarsInProgress != 0 || CurrentBars[0] < 1 || CurrentBars[1] < 0)
                return;

            // The previous primary bar is the latest one the second series has completed too.
            DateTime time = Times[0][1];
            for (int k = 0; k <= CurrentBars[1]; k++)
            {
                if (Times[1][k] <= time)
                {
                    secondClose[1] = Closes[1][k];
                    break;
                }
            }
            if (!secondClose.IsValidDataPoint(1))
                return;

            double correlation = WindowCorrelation(1);
            if (double.IsNaN(correlation))
                ReturnCorrelation.Reset(1);
            else
                ReturnCorrelation[1] = correlation;
        }

        /// <summary>
        /// Pearson correlation of the Period simple returns ending <paramref name="end"/> bars ago (oldest first), NaN
        /// while undefined; Core's <see cref="CorrelationAnalyzer.RollingCorrelation"/> over exactly one window.
        /// </summary>
        private double WindowCorrelation(int end)
        {
            if (CurrentBars[0] < Period + end)
                return double.NaN;
            for (int k = end; k <= Period + end; k++)
                if (!secondClose.IsValidDataPoint(k))
                    return double.NaN;

            for (int k = 0; k < Period; k++)
            {
                int row = Period - 1 - k;
                x[row] = Closes[0][k + end] / Closes[0][k + end + 1] - 1.0;
                y[row] = secondClose[k + end] / secondClose[k + end + 1] - 1.0;
            }
            double[] rolling = CorrelationAnalyzer.RollingCorrelation(x, y, Period);
            return rolling[Period - 1];
        }

        #region Properties
        [NinjaScriptProperty]
        [Range(2, int.MaxValue)]
        [Display(Name = "Period", Description = "Number of returns in the rolling window", GroupName = "Parameters", Order = 1)]
        public int Period { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Second instrument", Description = "Full name of the instrument to correlate with, e.g. FDAX 03-27 (empty: nothing is plotted)", GroupName = "Parameters", Order = 2)]
        public string SecondInstrument { get; set; }

        [Browsable(false)]
        [XmlIgnore]
        public Series<double> ReturnCorrelation
        {
            get { return Values[0]; }
        }
        #endregion
    }
}

#region NinjaScript generated code. Neither change nor remove.

namespace NinjaTrader.NinjaScript.Indicators
{
	public partial class Indicator : NinjaTrader.Gui.NinjaScript.IndicatorRenderBase
	{
		private PortfolioCorrelation[] cachePortfolioCorrelation;
		public PortfolioCorrelation PortfolioCorrelation(int period, string secondInstrument)
		{
			return PortfolioCorrelation(Input, period, secondInstrument);
		}

		public PortfolioCorrelation PortfolioCorrelation(ISeries<double> input, int period, string secondInstrument)
		{
			if (cachePortfolioCorrelation != null)
				for (int idx = 0; idx < cachePortfolioCorrelation.Length; idx++)
					if (cachePortfolioCorrelation[idx] != null && cachePortfolioCorrelation[idx].Period == period && cachePortfolioCorrelation[idx].SecondInstrument == secondInstrument && cachePortfolioCorrelation[idx].EqualsInput(input))
						return cachePortfolioCorrelation[idx];
			return CacheIndicator<PortfolioCorrelation>(new PortfolioCorrelation(){ Period = period, SecondInstrument = secondInstrument }, input, ref cachePortfolioCorrelation);
		}
	}
}

namespace NinjaTrader.NinjaScript.MarketAnalyzerColumns
{
	public partial class MarketAnalyzerColumn : MarketAnalyzerColumnBase
	{
		public Indicators.PortfolioCorrelation PortfolioCorrelation(int period, string secondInstrument)
		{
			return indicator.PortfolioCorrelation(Input, period, secondInstrument);
		}

		public Indicators.PortfolioCorrelation PortfolioCorrelation(ISeries<double> input , int period, string secondInstrument)
		{
			return indicator.PortfolioCorrelation(input, period, secondInstrument);
		}
	}
}

namespace NinjaTrader.NinjaScript.Strategies
{
	public partial class Strategy : NinjaTrader.Gui.NinjaScript.StrategyRenderBase
	{
		public Indicators.PortfolioCorrelation PortfolioCorrelation(int period, string secondInstrument)
		{
			return indicator.PortfolioCorrelation(Input, period, secondInstrument);
		}

		public Indicators.PortfolioCorrelation PortfolioCorrelation(ISeries<double> input , int period, string secondInstrument)
		{
			return indicator.PortfolioCorrelation(input, period, secondInstrument);
		}
	}
}

#endregion
