using System;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Windows.Media;
using System.Xml.Serialization;
using NinjaTrader.Data;
using NinjaTrader.Gui;

namespace NinjaTrader.NinjaScript.Indicators
{
    // https://developer.ninjatrader.com/docs/desktop/working_with_brushes , .../addplot , .../addline , .../seriest
    public class DocUsageIndicator : Indicator
    {
        private Series<double> spread;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "usage";
                Name = "DocUsageIndicator";
                Calculate = Calculate.OnBarClose;
                IsOverlay = false;
                DisplayInDataBox = true;
                DrawOnPricePanel = false;
                IsSuspendedWhileInactive = true;
                BarsRequiredToPlot = 5;
                Period = 10;
                LineBrush = Brushes.Orange;
                AddPlot(Brushes.Goldenrod, "Spread");
                AddLine(Brushes.Gray, 0, "Zero");
            }
            else if (State == State.Configure)
            {
                AddDataSeries(new BarsPeriod { BarsPeriodType = BarsPeriodType.Minute, Value = 5 });
                AddDataSeries(BarsPeriodType.Minute, 15);
                AddDataSeries("ES 12-26", BarsPeriodType.Minute, 1);
                AddDataSeries("YM 12-26");
                AddDataSeries("ES 12-26", BarsPeriodType.Minute, 1, MarketDataType.Last);
                AddDataSeries("NQ 12-26", new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 });
                AddDataSeries("NQ 12-26", new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 }, "CME US Index Futures ETH");
                AddDataSeries("NQ 12-26", new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 }, "CME US Index Futures ETH", true);
                AddDataSeries("NQ 12-26", new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 }, 500, "CME US Index Futures ETH", null);
            }
            else if (State == State.DataLoaded)
            {
                spread = new Series<double>(this);
            }
        }

        protected override void OnBarUpdate()
        {
            if (BarsInProgress != 0 || CurrentBars[0] < Period || CurrentBars[4] < 0)
                return;
            spread[0] = Closes[0][0] - Closes[4][0];
            if (spread.IsValidDataPoint(1) && IsFirstTickOfBar)
                Value[0] = spread[0] - spread[1];
            else
                Values[0].Reset();
            DateTime t = Times[4][0];
            double volume = Volume[0] + Volumes[4][1];
            Print(Instrument.FullName + " " + Instruments[4].MasterInstrument.Name + " " + t + " " + BarsArray[4].Count + " " + Input[0]);
            Print(High[0] - Low[0] + Open[0] + CurrentBar + Bars.GetClose(0) + BarsPeriod.Value + BarsPeriods[1].Value + Input.GetValueAt(0) + volume);
        }

        [NinjaScriptProperty]
        [Range(1, int.MaxValue)]
        [Display(Name = "Period", GroupName = "Parameters", Order = 1)]
        public int Period { get; set; }

        [XmlIgnore]
        [Display(Name = "Line colour", GroupName = "Visuals", Order = 2)]
        public Brush LineBrush { get; set; }

        [Browsable(false)]
        public string LineBrushSerialize
        {
            get { return Serialize.BrushToString(LineBrush); }
            set { LineBrush = Serialize.StringToBrush(value); }
        }
    }
}
