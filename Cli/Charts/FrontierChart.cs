using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using ScottPlot;

namespace NinjaTraderPortfolio.Cli.Charts
{
    /// <summary>Efficient frontier (annualised volatility vs return, percent) with each method's portfolio marked.</summary>
    internal static class FrontierChart
    {
        public static void Save(string path, IReadOnlyList<OptimizationResult> frontier, IReadOnlyList<OptimizationResult> portfolios, int periodsPerYear, string data)
        {
            double sv = Math.Sqrt(periodsPerYear) * 100, sr = periodsPerYear * 100;
            var plt = new Plot();
            var line = plt.Add.Scatter(frontier.Select(p => p.Volatility * sv).ToArray(), frontier.Select(p => p.ExpectedReturn * sr).ToArray());
            line.LegendText = "efficient frontier (max 60% per index)";
            line.Color = Colors.Gray;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            var shapes = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.Cross };
            for (int i = 0; i < portfolios.Count; i++)
            {
                var p = portfolios[i];
                var m = plt.Add.Marker(p.Volatility * sv, p.ExpectedReturn * sr, shapes[i % shapes.Length], 14, ChartStyle.Color(i));
                m.LegendText = $"{p.Method} ({p.Weights.Sum() * 100:0}% invested)";
            }
            plt.Title($"Efficient frontier and the optimizers' portfolios ({data})");
            plt.XLabel("volatility, % per year");
            plt.YLabel("expected return, % per year");
            plt.ShowLegend(Alignment.LowerRight);
            plt.SavePng(path, ChartStyle.Width, ChartStyle.Height);
        }
    }
}
