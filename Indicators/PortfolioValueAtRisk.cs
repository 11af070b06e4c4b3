#region Using declarations
using System;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Windows.Media;
using System.Xml.Serialization;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.Core.Numerics;
#endregion

// This namespace holds indicators in this folder and is required. Do not change it.
namespace NinjaTrader.NinjaScript.Indicators
{
    /// <summary>
    /// Rolling one-bar value at risk of a fixed-weight basket: the chart instrument (weight 1) and up to three more
    /// instruments (slots 2-4; an empty name leaves the slot unused). Over the last <see cref="Lookback"/> simple returns
    /// it plots Core's parametric VaR <c>-(w'mu + z sqrt(w'Sigma w))</c> (sample covariance, n - 1) and historical VaR
    /// (type-7 quantile of the portfolio returns), as fractions of portfolio value, positive = loss
    /// (Core/Risk: ValueAtRisk.Parametric, ValueAtRisk.Historical, PortfolioReturnSeries).
    /// A primary bar's value uses every instrument's close stamped at that bar (its latest earlier close when it has
    /// none), so it is final once the last series' bar of that time has been processed. Warm-up bars are not plotted.
    /// </summary>
    /// <remarks>
    /// The slots are inputs read in State.Configure: NinjaTrader asks for fixed AddDataSeries arguments, so this works on
    /// charts but may fail to load where the series are needed before the inputs are known (a strategy hosting it in
    /// the Strategy Analyzer). Weights are fractions of portfolio value, rebalanced every bar; negative = short.
    /// </remarks>
    public class PortfolioValueAtRisk : Indicator
    {
        // Core's AssetFrame needs strictly increasing stamps; bar times repeat on tick charts and only the values matter.
        private static readonly DateTime RowStamp = new DateTime(2000, 1, 1);
        private const int MaxSlots = 4;
        private Series<double>[] alignedCloses;
        private string[] assetNames;
        private double[] weights;
        private int assetCount;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "Rolling parametric and historical value at risk of a fixed-weight basket (fraction of value, positive = loss).";
                Name = "PortfolioValueAtRisk";
                Calculate = Calculate.OnBarClose;
                IsOverlay = false;
                DisplayInDataBox = true;
                DrawOnPricePanel = false;
                IsSuspendedWhileInactive = true;
                Lookback = 250;
                Confidence = 0.99;
                Weight1 = 0.25;
                Instrument2 = string.Empty;
                Weight2 = 0.25;
                Instrument3 = string.Empty;
                Weight3 = 0.25;
                Instrument4 = string.Empty;
                Weight4 = 0.25;
                AddPlot(Brushes.OrangeRed, "ParametricVaR");
                AddPlot(Brushes.DarkViolet, "HistoricalVaR");
            }
            else if (State == State.Configure)
            {
                foreach (string name in new[] { Instrument2, Instrument3, Instrument4 })
                    if (!string.IsNullOrWhiteSpace(name))
                        AddDataSeries(name.Trim(), BarsPeriod.BarsPeriodType, BarsPeriod.Value);
            }
            else if (State == State.DataLoaded)
            {
                string[] slots = { Instrument2, Instrument3, Instrument4 };
                double[] slotWeights = { Weight1, Weight2, Weight3, Weight4 };
                assetCount = 1;
                foreach (string name in slots)
                    if (!string.IsNullOrWhiteSpace(name)) assetCount++;
                assetNames = new string[assetCount];
                weights = new double[assetCount];
                alignedCloses = new Series<double>[assetCount];
                assetNames[0] = Instruments[0].FullName;
                weights[0] = Weight1;
                int asset = 1;
                for (int s = 0; s < slots.Length && asset < MaxSlots; s++)
                {
                    if (string.IsNullOrWhiteSpace(slots[s])) continue;
                    assetNames[asset] = Instruments[asset].FullName;
                    weights[asset] = slotWeights[s + 1];
                    asset++;
                }
                for (int a = 0; a < assetCount; a++)
                    alignedCloses[a] = new Series<double>(this);
            }
        }

        protected override void OnBarUpdate()
        {
            for (int a = 0; a < assetCount; a++)
                if (CurrentBars[a] < 0)
                    return;

            // Every series' latest close at or before the primary bar (a series that has not yet had its bar of this
            // time shows its previous close, replaced when that bar arrives).
            if (BarsInProgress != 0 && Times[BarsInProgress][0] != Times[0][0])
                return;
            for (int a = 0; a < assetCount; a++)
                alignedCloses[a][0] = Closes[a][0];

            AssetFrame window = WindowReturns();
            if (window == null)
            {
                ParametricVaR.Reset();
                HistoricalVaR.Reset();
                return;
            }
            double[] mu = SampleMoments.Mean(window);
            double[,] cov = SampleMoments.Covariance(window);
            double mean = PortfolioMath.ExpectedReturn(mu, weights);
            double volatility = Math.Sqrt(Math.Max(0, PortfolioMath.Variance(cov, weights)));
            ParametricVaR[0] = ValueAtRisk.Parametric(mean, volatility, Confidence);
            HistoricalVaR[0] = ValueAtRisk.Historical(PortfolioReturnSeries.Compute(window, weights), Confidence);
        }

        /// <summary>The last Lookback simple returns of every asset (oldest row first), or null while the window is not covered.</summary>
        private AssetFrame WindowReturns()
        {
            if (CurrentBars[0] < Lookback)
                return null;
            for (int a = 0; a < assetCount; a++)
                for (int k = 0; k <= Lookback; k++)
                    if (!alignedCloses[a].IsValidDataPoint(k))
                        return null;

            var dates = new DateTime[Lookback];
            var columns = new double[assetCount][];
            for (int a = 0; a < assetCount; a++)
                columns[a] = new double[Lookback];
            for (int k = 0; k < Lookback; k++)
            {
                int row = Lookback - 1 - k;
                dates[row] = RowStamp.AddTicks(row);
                for (int a = 0; a < assetCount; a++)
                    columns[a][row] = alignedCloses[a][k] / alignedCloses[a][k + 1] - 1.0;
            }
            return new AssetFrame(dates, assetNames, columns, FrameKind.SimpleReturns, Name);
        }

        #region Properties
        [NinjaScriptProperty]
        [Range(3, int.MaxValue)]
        [Display(Name = "Lookback", Description = "Number of bar returns in the rolling window", GroupName = "Parameters", Order = 1)]
        public int Lookback { get; set; }

        [NinjaScriptProperty]
        [Range(0.5, 0.9999)]
        [Display(Name = "Confidence", Description = "VaR confidence, e.g. 0.99", GroupName = "Parameters", Order = 2)]
        public double Confidence { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Weight 1 (chart instrument)", Description = "Weight of the chart instrument (fraction of portfolio value)", GroupName = "Parameters", Order = 3)]
        public double Weight1 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 2", Description = "Full name, e.g. NQ 12-26; empty = unused", GroupName = "Parameters", Order = 4)]
        public string Instrument2 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Weight 2", Description = "Weight of instrument 2 (fraction)", GroupName = "Parameters", Order = 5)]
        public double Weight2 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 3", Description = "Full name; empty = unused", GroupName = "Parameters", Order = 6)]
        public string Instrument3 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Weight 3", Description = "Weight of instrument 3 (fraction)", GroupName = "Parameters", Order = 7)]
        public double Weight3 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 4", Description = "Full name; empty = unused", GroupName = "Parameters", Order = 8)]
        public string Instrument4 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Weight 4", Description = "Weight of instrument 4 (fraction)", GroupName = "Parameters", Order = 9)]
        public double Weight4 { get; set; }

        [Browsable(false)]
        [XmlIgnore]
        public Series<double> ParametricVaR
        {
            get { return Values[0]; }
        }

        [Browsable(false)]
        [XmlIgnore]
        public Series<double> HistoricalVaR
        {
            get { return Values[1]; }
        }
        #endregion
    }
}

#region NinjaScript generated code. Neither change nor remove.

namespace NinjaTrader.NinjaScript.Indicators
{
	public partial class Indicator : NinjaTrader.Gui.NinjaScript.IndicatorRenderBase
	{
		private PortfolioValueAtRisk[] cachePortfolioValueAtRisk;
		public PortfolioValueAtRisk PortfolioValueAtRisk(int lookback, double confidence, double weight1, string instrument2, double weight2, string instrument3, double weight3, string instrument4, double weight4)
		{
			return PortfolioValueAtRisk(Input, lookback, confidence, weight1, instrument2, weight2, instrument3, weight3, instrument4, weight4);
		}

		public PortfolioValueAtRisk PortfolioValueAtRisk(ISeries<double> input, int lookback, double confidence, double weight1, string instrument2, double weight2, string instrument3, double weight3, string instrument4, double weight4)
		{
			if (cachePortfolioValueAtRisk != null)
				for (int idx = 0; idx < cachePortfolioValueAtRisk.Length; idx++)
					if (cachePortfolioValueAtRisk[idx] != null && cachePortfolioValueAtRisk[idx].Lookback == lookback && cachePortfolioValueAtRisk[idx].Confidence == confidence && cachePortfolioValueAtRisk[idx].Weight1 == weight1 && cachePortfolioValueAtRisk[idx].Instrument2 == instrument2 && cachePortfolioValueAtRisk[idx].Weight2 == weight2 && cachePortfolioValueAtRisk[idx].Instrument3 == instrument3 && cachePortfolioValueAtRisk[idx].Weight3 == weight3 && cachePortfolioValueAtRisk[idx].Instrument4 == instrument4 && cachePortfolioValueAtRisk[idx].Weight4 == weight4 && cachePortfolioValueAtRisk[idx].EqualsInput(input))
						return cachePortfolioValueAtRisk[idx];
			return CacheIndicator<PortfolioValueAtRisk>(new PortfolioValueAtRisk(){ Lookback = lookback, Confidence = confidence, Weight1 = weight1, Instrument2 = instrument2, Weight2 = weight2, Instrument3 = instrument3, Weight3 = weight3, Instrument4 = instrument4, Weight4 = weight4 }, input, ref cachePortfolioValueAtRisk);
		}
	}
}

namespace NinjaTrader.NinjaScript.MarketAnalyzerColumns
{
	public partial class MarketAnalyzerColumn : MarketAnalyzerColumnBase
	{
		public Indicators.PortfolioValueAtRisk PortfolioValueAtRisk(int lookback, double confidence, double weight1, string instrument2, double weight2, string instrument3, double weight3, string instrument4, double weight4)
		{
			return indicator.PortfolioValueAtRisk(Input, lookback, confidence, weight1, instrument2, weight2, instrument3, weight3, instrument4, weight4);
		}

		public Indicators.PortfolioValueAtRisk PortfolioValueAtRisk(ISeries<double> input , int lookback, double confidence, double weight1, string instrument2, double weight2, string instrument3, double weight3, string instrument4, double weight4)
		{
			return indicator.PortfolioValueAtRisk(input, lookback, confidence, weight1, instrument2, weight2, instrument3, weight3, instrument4, weight4);
		}
	}
}

namespace NinjaTrader.NinjaScript.Strategies
{
	public partial class Strategy : NinjaTrader.Gui.NinjaScript.StrategyRenderBase
	{
		public Indicators.PortfolioValueAtRisk PortfolioValueAtRisk(int lookback, double confidence, double weight1, string instrument2, double weight2, string instrument3, double weight3, string instrument4, double weight4)
		{
			return indicator.PortfolioValueAtRisk(Input, lookback, confidence, weight1, instrument2, weight2, instrument3, weight3, instrument4, weight4);
		}

		public Indicators.PortfolioValueAtRisk PortfolioValueAtRisk(ISeries<double> input , int lookback, double confidence, double weight1, string instrument2, double weight2, string instrument3, double weight3, string instrument4, double weight4)
		{
			return indicator.PortfolioValueAtRisk(input, lookback, confidence, weight1, instrument2, weight2, instrument3, weight3, instrument4, weight4);
		}
	}
}

#endregion
