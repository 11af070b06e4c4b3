using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Backtesting;
using ScottPlot;

namespace NinjaTraderPortfolio.Cli.Charts
{
    /// <summary>
    /// Weights held over the backtest in percent of equity: stacked areas for long-only portfolios, one line per asset when
    /// any weight is negative (stacking shorts would mislead).
    /// </summary>
    internal static class WeightsChart
    {
        public static void Save(string path, BacktestResult r, string title)
        {
            double[] xs = r.EquityCurve.Select(e => e.Date.ToOADate()).ToArray();
            var plt = new Plot();
            if (r.Weights.Any(w => w.Any(x => x < 0)))
            {
                for (int a = 0; a < r.Assets.Count; a++)
                {
                    var line = plt.Add.Scatter(xs, r.Weights.Select(w => 100 * w[a]).ToArray());
                    line.MarkerSize = 0;
                    line.Color = ChartStyle.Color(a);
                    line.LegendText = r.Assets[a];
                }
                plt.Add.HorizontalLine(0, 1, Colors.Black);
                plt.Axes.DateTimeTicksBottom();
                plt.Title(title);
                plt.YLabel("weight, % of equity");
                plt.ShowLegend(Alignment.UpperLeft);
                plt.SavePng(path, ChartStyle.Width, ChartStyle.Height);
                return;
            }
            var lower = new double[xs.Length];
            for (int a = 0; a < r.Assets.Count; a++)
            {
                var upper = new double[xs.Length];
                for (int t = 0; t < xs.Length; t++) upper[t] = lower[t] + 100 * r.Weights[t][a];
                var fill = plt.Add.FillY(xs, upper, lower);
                fill.FillColor = ChartStyle.Color(a).WithAlpha(0.75);
                fill.LineColor = ChartStyle.Color(a);
                fill.LegendText = r.Assets[a];
                lower = upper;
            }
            plt.Axes.DateTimeTicksBottom();
            plt.Axes.SetLimitsY(0, 105);
            plt.Title(title);
            plt.YLabel("weight, % of equity");
            plt.ShowLegend(Alignment.LowerLeft);
            plt.SavePng(path, ChartStyle.Width, ChartStyle.Height);
        }
    }
}
