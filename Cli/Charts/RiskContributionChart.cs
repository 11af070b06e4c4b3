using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using ScottPlot;

namespace NinjaTraderPortfolio.Cli.Charts
{
    /// <summary>Each method's risk contributions per asset (percent of portfolio variance), as grouped bars.</summary>
    internal static class RiskContributionChart
    {
        public static void Save(string path, IReadOnlyList<OptimizationResult> portfolios)
        {
            var plt = new Plot();
            var assets = portfolios[0].Assets;
            int groups = portfolios.Count, n = assets.Count;
            double width = 0.8 / n;
            for (int a = 0; a < n; a++)
            {
                var bars = new List<Bar>();
                for (int g = 0; g < groups; g++)
                    bars.Add(new Bar { Position = g + (a - (n - 1) / 2.0) * width, Value = 100 * portfolios[g].RiskContributions[a], Size = width * 0.95, FillColor = ChartStyle.Color(a) });
                var bp = plt.Add.Bars(bars);
                bp.LegendText = assets[a];
            }
            plt.Axes.Bottom.SetTicks(Enumerable.Range(0, groups).Select(g => (double)g).ToArray(), portfolios.Select(p => p.Method).ToArray());
            plt.Axes.Margins(bottom: 0);
            plt.Title("Risk contributions by method (share of portfolio variance)");
            plt.YLabel("% of variance");
            plt.ShowLegend(Alignment.UpperRight);
            plt.SavePng(path, ChartStyle.Width, ChartStyle.Height);
        }
    }
}
