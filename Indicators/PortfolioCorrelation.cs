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
    /// over the last <see cref="Period"/> returns. The value for a primary bar uses both closes stamped at that bar
    /// (the second instrument's latest close at or before it when it has no bar then), so it is set once the
    /// second series' bar with the same timestamp has been processed (NinjaTrader processes the primary first).
    /// Undefined values (warm-up, a flat window) are left unset and are not plotted.
    /// </summary>
    /// <remarks>
    /// NinjaTrader asks for fixed AddDataSeries arguments; this indicator reads the second instrument from its input,
    /// which works on charts but may fail to load where NinjaTrader needs the series before the inputs are known
    /// (e.g. when hosted by a strategy in the Strategy Analyzer). Pearson: r = cov(x, y) / (sd(x) sd(y)), computed by
    /// Core (CorrelationAnalyzer.RollingCorrelation).
    /// </remarks>
    public class PortfolioCorrelation : Indicator
    {
        private Series<double> secondClose;
        private double[] x;
        private double[] y;

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
                SecondInstrument = "ES 12-26";
                AddPlot(Brushes.DodgerBlue, "Correlation");
                AddLine(Brushes.DarkGray, 0, "Zero");
            }
            else if (State == State.Configure)
            {
                AddDataSeries(SecondInstrument, BarsPeriod.BarsPeriodType, BarsPeriod.Value);
            }
            else if (State == State.DataLoaded)
            {
                secondClose = new Series<double>(this);
                x = new double[Period];
                y = new double[Period];
            }
        }

        protected override void OnBarUpdate()
        {
            if (CurrentBars[0] < 0 || CurrentBars[1] < 0)
                return;

            if (BarsInProgress == 0)
                secondClose[0] = Closes[1][0];
            else if (BarsInProgress == 1 && Times[1][0] == Times[0][0])
                secondClose[0] = Closes[1][0];
            else
                return;

            double correlation = ReturnCorrelation();
            if (double.IsNaN(correlation))
                Correlation.Reset();
            else
                Correlation[0] = correlation;
        }

        /// <summary>
        /// Pearson correlation of the last Period simple returns (oldest first), NaN while undefined. The figure is
        /// Core's <see cref="CorrelationAnalyzer.RollingCorrelation"/> over exactly one window, so the indicator and
        /// Core's batch series agree by construction.
        /// </summary>
        private double ReturnCorrelation()
        {
            if (CurrentBars[0] < Period)
                return double.NaN;
            for (int k = 0; k <= Period; k++)
                if (!secondClose.IsValidDataPoint(k))
                    return double.NaN;

            for (int k = 0; k < Period; k++)
            {
                int row = Period - 1 - k;
                x[row] = Closes[0][k] / Closes[0][k + 1] - 1.0;
                y[row] = secondClose[k] / secondClose[k + 1] - 1.0;
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
        [Display(Name = "Second instrument", Description = "Full name of the instrument to correlate with, e.g. ES 12-26", GroupName = "Parameters", Order = 2)]
        public string SecondInstrument { get; set; }

        [Browsable(false)]
        [XmlIgnore]
        public Series<double> Correlation
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
