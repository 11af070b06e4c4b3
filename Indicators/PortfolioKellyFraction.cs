#region Using declarations
using System;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Windows.Media;
using System.Xml.Serialization;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NinjaTraderPortfolio.Core.Statistics;
#endregion

// This namespace holds indicators in this folder and is required. Do not change it.
namespace NinjaTrader.NinjaScript.Indicators
{
    /// <summary>
    /// Rolling Kelly leverage of the input series (the chart instrument's closes by default): over the last
    /// <see cref="Lookback"/> simple returns, <c>Fraction x (mu - r) / sigma^2</c> with the arithmetic mean mu and the sample
    /// variance sigma^2 (n - 1) per bar, and r the risk-free rate per bar (Thorp 2006, continuous case; Core's
    /// KellyCriterion.Continuous). 1 = fully invested, 2 = twice levered, negative = short. Warm-up bars and flat
    /// windows (sigma = 0, Kelly undefined) are not plotted.
    /// </summary>
    public class PortfolioKellyFraction : Indicator
    {
        // Core's AssetFrame needs strictly increasing stamps; bar times repeat on tick charts and only the values matter.
        private static readonly DateTime RowStamp = new DateTime(2000, 1, 1);
        private double[] window;
        private string[] assetName;
        private DateTime[] dates;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "Rolling (fractional) Kelly leverage (mu - r) / sigma^2 of the chart instrument's returns.";
                Name = "PortfolioKellyFraction";
                Calculate = Calculate.OnBarClose;
                IsOverlay = false;
                DisplayInDataBox = true;
                DrawOnPricePanel = false;
                IsSuspendedWhileInactive = true;
                Lookback = 60;
                Fraction = 0.5;
                RiskFreeRate = 0;
                AddPlot(Brushes.SeaGreen, "Kelly");
                AddLine(Brushes.DarkGray, 0, "Zero");
            }
            else if (State == State.DataLoaded)
            {
                window = new double[Lookback];
                dates = new DateTime[Lookback];
                assetName = new[] { Instrument == null ? "input" : Instrument.FullName };
            }
        }

        protected override void OnBarUpdate()
        {
            if (CurrentBar < Lookback)
                return;
            for (int k = 0; k < Lookback; k++)
            {
                int row = Lookback - 1 - k;
                window[row] = Input[k] / Input[k + 1] - 1.0;
                dates[row] = RowStamp.AddTicks(row);
            }
            var frame = new AssetFrame(dates, assetName, new[] { window }, FrameKind.SimpleReturns, Name);
            double mean = SampleMoments.Mean(frame)[0];
            double variance = SampleMoments.Covariance(frame)[0, 0];
            if (!(variance > 0))
            {
                Kelly.Reset();
                return;
            }
            Kelly[0] = Fraction * KellyCriterion.Continuous(mean, RiskFreeRate, Math.Sqrt(variance));
        }

        #region Properties
        [NinjaScriptProperty]
        [Range(2, int.MaxValue)]
        [Display(Name = "Lookback", Description = "Number of bar returns in the rolling window", GroupName = "Parameters", Order = 1)]
        public int Lookback { get; set; }

        [NinjaScriptProperty]
        [Range(0.01, 1.0)]
        [Display(Name = "Kelly fraction", Description = "Multiple of full Kelly, e.g. 0.5 = half Kelly", GroupName = "Parameters", Order = 2)]
        public double Fraction { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Risk-free rate per bar", Description = "Risk-free return per bar (fraction), e.g. 0.0001", GroupName = "Parameters", Order = 3)]
        public double RiskFreeRate { get; set; }

        [Browsable(false)]
        [XmlIgnore]
        public Series<double> Kelly
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
		private PortfolioKellyFraction[] cachePortfolioKellyFraction;
		public PortfolioKellyFraction PortfolioKellyFraction(int lookback, double fraction, double riskFreeRate)
		{
			return PortfolioKellyFraction(Input, lookback, fraction, riskFreeRate);
		}

		public PortfolioKellyFraction PortfolioKellyFraction(ISeries<double> input, int lookback, double fraction, double riskFreeRate)
		{
			if (cachePortfolioKellyFraction != null)
				for (int idx = 0; idx < cachePortfolioKellyFraction.Length; idx++)
					if (cachePortfolioKellyFraction[idx] != null && cachePortfolioKellyFraction[idx].Lookback == lookback && cachePortfolioKellyFraction[idx].Fraction == fraction && cachePortfolioKellyFraction[idx].RiskFreeRate == riskFreeRate && cachePortfolioKellyFraction[idx].EqualsInput(input))
						return cachePortfolioKellyFraction[idx];
			return CacheIndicator<PortfolioKellyFraction>(new PortfolioKellyFraction(){ Lookback = lookback, Fraction = fraction, RiskFreeRate = riskFreeRate }, input, ref cachePortfolioKellyFraction);
		}
	}
}

namespace NinjaTrader.NinjaScript.MarketAnalyzerColumns
{
	public partial class MarketAnalyzerColumn : MarketAnalyzerColumnBase
	{
		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(int lookback, double fraction, double riskFreeRate)
		{
			return indicator.PortfolioKellyFraction(Input, lookback, fraction, riskFreeRate);
		}

		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(ISeries<double> input , int lookback, double fraction, double riskFreeRate)
		{
			return indicator.PortfolioKellyFraction(input, lookback, fraction, riskFreeRate);
		}
	}
}

namespace NinjaTrader.NinjaScript.Strategies
{
	public partial class Strategy : NinjaTrader.Gui.NinjaScript.StrategyRenderBase
	{
		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(int lookback, double fraction, double riskFreeRate)
		{
			return indicator.PortfolioKellyFraction(Input, lookback, fraction, riskFreeRate);
		}

		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(ISeries<double> input , int lookback, double fraction, double riskFreeRate)
		{
			return indicator.PortfolioKellyFraction(input, lookback, fraction, riskFreeRate);
		}
	}
}

#endregion
