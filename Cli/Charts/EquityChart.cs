using System.Linq;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Analytics.Performance;
using ScottPlot;

namespace NinjaTraderPortfolio.Cli.Charts
{
    /// <summary>Backtest equity (top) and drawdown from the running peak in percent (bottom), on a shared date axis.</summary>
    internal static class EquityChart
    {
        public static void Save(string path, BacktestResult r, string title)
        {
            double[] xs = r.EquityCurve.Select(e => e.Date.ToOADate()).ToArray();
            double[] eq = r.EquityCurve.Select(e => (double)e.Equity / 1e6).ToArray();
            double[] dd = PerformanceCalculator.DrawdownSeries(r.EquityCurve.Select(e => e.Equity).ToList()).Select(d => -100 * d).ToArray();

            var mp = new Multiplot();
            mp.AddPlots(2);
            var top = mp.GetPlot(0);
            var bottom = mp.GetPlot(1);
            var eqLine = top.Add.Scatter(xs, eq);
            eqLine.MarkerSize = 0;
            eqLine.LineWidth = 2;
            eqLine.Color = ChartStyle.Color(0);
            top.Axes.DateTimeTicksBottom();
            top.Title(title);
            top.YLabel("equity, million");
            var fill = bottom.Add.FillY(xs, dd, new double[xs.Length]);
            fill.FillColor = ChartStyle.Color(3).WithAlpha(0.5);
            fill.LineColor = ChartStyle.Color(3);
            bottom.Axes.DateTimeTicksBottom();
            bottom.YLabel("drawdown, %");
            bottom.Axes.SetLimitsY(dd.Min() * 1.1, 0.5);
            mp.SharedAxes.ShareX(new[] { top, bottom });
            mp.SavePng(path, ChartStyle.Width, ChartStyle.Height + 100);
        }
    }
}
