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
    /// <see cref="Lookback"/> simple returns, <c>Fraction x s x (mu - r) / sigma^2</c> with the arithmetic mean mu and the
    /// sample variance sigma^2 (n - 1) per bar, and r the risk-free rate per bar (Thorp 2006, continuous case; Core's
    /// KellyCriterion.Continuous), then capped to +-<see cref="MaxLeverage"/>. 1 = fully invested, 2 = twice levered,
    /// negative = short. Warm-up bars and flat windows (sigma = 0, Kelly undefined) are not plotted.
    /// </summary>
    /// <remarks>
    /// Raw Kelly divides a noisy mean by a small variance: half-Kelly over 60 DAX daily returns swings from -27x to +36x.
    /// Three defaults tame it, each can be turned off: a one-year window (Lookback 250 bars); shrinkage of the excess mean
    /// toward zero by the positive-part James-Stein factor s = max(0, 1 - 1/t^2), t = (mu - r) / (sigma / sqrt(n)) the
    /// mean's t-statistic (s = 0 while the drift is within one standard error of zero, s -> 1 as it becomes certain;
    /// Shrinkage = false gives s = 1); and a cap of 2x leverage (MaxLeverage). Input must keep Lookback + 1 values: bar
    /// data and plots do; another script's custom series keeps 256 unless it is MaximumBarsLookBack.Infinite (Help
    /// Guide, "MaximumBarsLookBack").
    /// </remarks>
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
                Lookback = 250;
                Fraction = 0.5;
                RiskFreeRate = 0;
                Shrinkage = true;
                MaxLeverage = 2;
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
            double excess = mean - RiskFreeRate;
            double shrink = 1.0;
            if (Shrinkage)
            {
                double t2 = excess * excess / (variance / Lookback);
                shrink = t2 > 1 ? 1 - 1 / t2 : 0;
            }
            double kelly = Fraction * shrink * KellyCriterion.Continuous(mean, RiskFreeRate, Math.Sqrt(variance));
            Kelly[0] = Math.Max(-MaxLeverage, Math.Min(MaxLeverage, kelly));
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

        [NinjaScriptProperty]
        [Display(Name = "Shrinkage", Description = "Shrink the mean toward zero by max(0, 1 - 1/t^2), t its t-statistic", GroupName = "Parameters", Order = 4)]
        public bool Shrinkage { get; set; }

        [NinjaScriptProperty]
        [Range(0.1, 100.0)]
        [Display(Name = "Max leverage", Description = "Cap on the plotted leverage, both signs (e.g. 2 = 2x long or short)", GroupName = "Parameters", Order = 5)]
        public double MaxLeverage { get; set; }

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
		public PortfolioKellyFraction PortfolioKellyFraction(int lookback, double fraction, double riskFreeRate, bool shrinkage, double maxLeverage)
		{
			return PortfolioKellyFraction(Input, lookback, fraction, riskFreeRate, shrinkage, maxLeverage);
		}

		public PortfolioKellyFraction PortfolioKellyFraction(ISeries<double> input, int lookback, double fraction, double riskFreeRate, bool shrinkage, double maxLeverage)
		{
			if (cachePortfolioKellyFraction != null)
				for (int idx = 0; idx < cachePortfolioKellyFraction.Length; idx++)
					if (cachePortfolioKellyFraction[idx] != null && cachePortfolioKellyFraction[idx].Lookback == lookback && cachePortfolioKellyFraction[idx].Fraction == fraction && cachePortfolioKellyFraction[idx].RiskFreeRate == riskFreeRate && cachePortfolioKellyFraction[idx].Shrinkage == shrinkage && cachePortfolioKellyFraction[idx].MaxLeverage == maxLeverage && cachePortfolioKellyFraction[idx].EqualsInput(input))
						return cachePortfolioKellyFraction[idx];
			return CacheIndicator<PortfolioKellyFraction>(new PortfolioKellyFraction(){ Lookback = lookback, Fraction = fraction, RiskFreeRate = riskFreeRate, Shrinkage = shrinkage, MaxLeverage = maxLeverage }, input, ref cachePortfolioKellyFraction);
		}
	}
}

namespace NinjaTrader.NinjaScript.MarketAnalyzerColumns
{
	public partial class MarketAnalyzerColumn : MarketAnalyzerColumnBase
	{
		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(int lookback, double fraction, double riskFreeRate, bool shrinkage, double maxLeverage)
		{
			return indicator.PortfolioKellyFraction(Input, lookback, fraction, riskFreeRate, shrinkage, maxLeverage);
		}

		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(ISeries<double> input , int lookback, double fraction, double riskFreeRate, bool shrinkage, double maxLeverage)
		{
			return indicator.PortfolioKellyFraction(input, lookback, fraction, riskFreeRate, shrinkage, maxLeverage);
		}
	}
}

namespace NinjaTrader.NinjaScript.Strategies
{
	public partial class Strategy : NinjaTrader.Gui.NinjaScript.StrategyRenderBase
	{
		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(int lookback, double fraction, double riskFreeRate, bool shrinkage, double maxLeverage)
		{
			return indicator.PortfolioKellyFraction(Input, lookback, fraction, riskFreeRate, shrinkage, maxLeverage);
		}

		public Indicators.PortfolioKellyFraction PortfolioKellyFraction(ISeries<double> input , int lookback, double fraction, double riskFreeRate, bool shrinkage, double maxLeverage)
		{
			return indicator.PortfolioKellyFraction(input, lookback, fraction, riskFreeRate, shrinkage, maxLeverage);
		}
	}
}

#endregion
