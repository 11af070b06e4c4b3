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
    /// Rolling one-bar value at risk of a fixed-weight basket: the chart instrument (slot 1) and up to three more
    /// instruments (slots 2-4; an empty name leaves the slot unused). Weights are relative: they are divided by the sum
    /// of their absolute values over the used slots, so at the defaults (every weight 1) the chart alone plots its own
    /// VaR and n instruments are equally weighted. Over the last <see cref="Lookback"/> simple returns it plots Core's
    /// parametric VaR <c>-(w'mu + z sqrt(w'Sigma w))</c> (sample covariance, n - 1) and historical VaR (type-7 quantile
    /// of the portfolio returns), as fractions of portfolio value, positive = loss (Core/Risk: ValueAtRisk.Parametric,
    /// ValueAtRisk.Historical, PortfolioReturnSeries).
    /// </summary>
    /// <remarks>
    /// Plots are set on the primary series only (Help Guide, "Multi-Time Frame &amp; Instruments": "Setting values to
    /// plots should be done in the primary series in OnBarUpdate()"). NinjaTrader processes the primary bar first when
    /// timestamps are equal, so a bar's value, which uses every instrument's close at or before that bar's time, is
    /// written when the next primary bar closes (the latest bar shows no value until then). With one instrument it is
    /// written at once.
    /// The extra instruments are added with AddDataSeries(instrumentName), which inherits the chart's bars settings
    /// (Help Guide, "AddDataSeries()"); BarsPeriod is not read in State.Configure (Help Guide, "BarsPeriod": not before
    /// State.DataLoaded). NinjaTrader asks for fixed AddDataSeries arguments: names typed as inputs load on charts,
    /// and a script hosting this indicator must add the same series itself (Help Guide, "AddDataSeries()", hosted
    /// indicators). The aligned closes are kept in Series with MaximumBarsLookBack.Infinite, because a default series
    /// keeps only 256 values (Help Guide, "MaximumBarsLookBack") and Lookback may exceed that.
    /// </remarks>
    public class PortfolioValueAtRisk : Indicator
    {
        // Core's AssetFrame needs strictly increasing stamps; bar times repeat on tick charts and only the values matter.
        private static readonly DateTime RowStamp = new DateTime(2000, 1, 1);
        private Series<double>[] alignedCloses;
        private string[] assetNames;
        private double[] weights;
        private int assetCount;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "Rolling parametric and historical value at risk of a basket (weights relative; fraction of value, positive = loss).";
                Name = "PortfolioValueAtRisk";
                Calculate = Calculate.OnBarClose;
                IsOverlay = false;
                DisplayInDataBox = true;
                DrawOnPricePanel = false;
                IsSuspendedWhileInactive = true;
                Lookback = 250;
                Confidence = 0.99;
                Weight1 = 1;
                Instrument2 = string.Empty;
                Weight2 = 1;
                Instrument3 = string.Empty;
                Weight3 = 1;
                Instrument4 = string.Empty;
                Weight4 = 1;
                AddPlot(Brushes.OrangeRed, "ParametricVaR");
                AddPlot(Brushes.DarkViolet, "HistoricalVaR");
            }
            else if (State == State.Configure)
            {
                // Help Guide "AddDataSeries()": AddDataSeries(string instrumentName) uses the primary's bars settings.
                foreach (string name in new[] { Instrument2, Instrument3, Instrument4 })
                    if (!string.IsNullOrWhiteSpace(name))
                        AddDataSeries(name.Trim());
            }
            else if (State == State.DataLoaded)
            {
                string[] slots = { Instrument2, Instrument3, Instrument4 };
                double[] slotWeights = { Weight2, Weight3, Weight4 };
                assetCount = 1;
                foreach (string name in slots)
                    if (!string.IsNullOrWhiteSpace(name)) assetCount++;
                assetNames = new string[assetCount];
                double[] raw = new double[assetCount];
                assetNames[0] = Instruments[0].FullName;
                raw[0] = Weight1;
                int asset = 1;
                for (int s = 0; s < slots.Length; s++)
                {
                    if (string.IsNullOrWhiteSpace(slots[s])) continue;
                    assetNames[asset] = Instruments[asset].FullName;
                    raw[asset] = slotWeights[s];
                    asset++;
                }
                weights = RelativeWeights(raw, assetNames);
                alignedCloses = new Series<double>[assetCount];
                for (int a = 0; a < assetCount; a++)
                    alignedCloses[a] = new Series<double>(this, MaximumBarsLookBack.Infinite);
            }
        }

        /// <summary>Weights divided by the sum of their absolute values (gross exposure 1); all zero is refused, naming the inputs.</summary>
        private static double[] RelativeWeights(double[] raw, string[] names)
        {
            double gross = 0;
            for (int a = 0; a < raw.Length; a++)
            {
                if (double.IsNaN(raw[a]) || double.IsInfinity(raw[a]))
                    throw new ArgumentException("PortfolioValueAtRisk: Weight " + (a + 1) + " (" + names[a] + ") must be a finite number, got " + raw[a]);
                gross += Math.Abs(raw[a]);
            }
            if (gross == 0)
                throw new ArgumentException("PortfolioValueAtRisk: the weights of the used slots (" + string.Join(", ", names) + ") are all 0; give at least one a non-zero weight");
            double[] w = new double[raw.Length];
            for (int a = 0; a < raw.Length; a++)
                w[a] = raw[a] / gross;
            return w;
        }

        protected override void OnBarUpdate()
        {
            // Help Guide "Multi-Time Frame & Instruments": plots are set in the primary series.
            if (BarsInProgress != 0)
                return;
            for (int a = 0; a < assetCount; a++)
                if (CurrentBars[a] < 0)
                    return;

            // With other instruments, the previous primary bar is the latest one every series has completed (their bars
            // stamped at this bar's time come after it); with the chart alone, this bar is.
            int barsAgo = assetCount == 1 ? 0 : 1;
            if (CurrentBars[0] < barsAgo)
                return;
            DateTime time = Times[0][barsAgo];
            for (int a = 0; a < assetCount; a++)
            {
                double close;
                if (!CloseAtOrBefore(a, time, out close))
                    return;
                alignedCloses[a][barsAgo] = close;
            }

            AssetFrame window = WindowReturns(barsAgo);
            if (window == null)
            {
                ParametricVaR.Reset(barsAgo);
                HistoricalVaR.Reset(barsAgo);
                return;
            }
            double[] mu = SampleMoments.Mean(window);
            double[,] cov = SampleMoments.Covariance(window);
            double mean = PortfolioMath.ExpectedReturn(mu, weights);
            double volatility = Math.Sqrt(Math.Max(0, PortfolioMath.Variance(cov, weights)));
            ParametricVaR[barsAgo] = ValueAtRisk.Parametric(mean, volatility, Confidence);
            HistoricalVaR[barsAgo] = ValueAtRisk.Historical(PortfolioReturnSeries.Compute(window, weights), Confidence);
        }

        /// <summary>Series a's latest close stamped at or before <paramref name="time"/>; false when it has none yet.</summary>
        private bool CloseAtOrBefore(int a, DateTime time, out double close)
        {
            for (int k = 0; k <= CurrentBars[a]; k++)
            {
                if (Times[a][k] <= time)
                {
                    close = Closes[a][k];
                    return true;
                }
            }
            close = 0;
            return false;
        }

        /// <summary>The Lookback simple returns ending at <paramref name="end"/> bars ago (oldest row first), or null while not covered.</summary>
        private AssetFrame WindowReturns(int end)
        {
            if (CurrentBars[0] < Lookback + end)
                return null;
            for (int a = 0; a < assetCount; a++)
                for (int k = end; k <= Lookback + end; k++)
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
                    columns[a][row] = alignedCloses[a][k + end] / alignedCloses[a][k + end + 1] - 1.0;
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
        [Display(Name = "Weight 1 (chart instrument)", Description = "Relative weight of the chart instrument (divided by the sum of |weights| of the used slots)", GroupName = "Parameters", Order = 3)]
        public double Weight1 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 2", Description = "Full name, e.g. NQ 12-26; empty = unused", GroupName = "Parameters", Order = 4)]
        public string Instrument2 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Weight 2", Description = "Relative weight of instrument 2", GroupName = "Parameters", Order = 5)]
        public double Weight2 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 3", Description = "Full name; empty = unused", GroupName = "Parameters", Order = 6)]
        public string Instrument3 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Weight 3", Description = "Relative weight of instrument 3", GroupName = "Parameters", Order = 7)]
        public double Weight3 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 4", Description = "Full name; empty = unused", GroupName = "Parameters", Order = 8)]
        public string Instrument4 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Weight 4", Description = "Relative weight of instrument 4", GroupName = "Parameters", Order = 9)]
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
