#region Using declarations
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Windows;
using System.Windows.Controls;
using System.Windows.Media;
using System.Windows.Shapes;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Views;
#endregion

namespace NinjaTrader.Gui.NinjaScript
{
    /// <summary>The Portfolio Manager's two drawings, in plain WPF: the efficient frontier and the correlation heat map (geometry and colours from <see cref="ChartGeometry"/>).</summary>
    public static class PortfolioCharts
    {
        /// <summary>Draws the frontier as a line and the chosen portfolio as a red dot on <paramref name="canvas"/>.</summary>
        public static void DrawFrontier(Canvas canvas, PortfolioAnalysisResult analysis)
        {
            canvas.Children.Clear();
            var points = analysis.Frontier.Select(p => (p.Volatility, p.ExpectedReturn)).ToList();
            points.Add((analysis.Optimization.Volatility, analysis.Optimization.ExpectedReturn));
            var xy = ChartGeometry.Scale(points, canvas.Width, canvas.Height, 20);
            var line = new Polyline { Stroke = Brushes.DodgerBlue, StrokeThickness = 2 };
            for (int i = 0; i < xy.Count - 1; i++)
                line.Points.Add(new Point(xy[i].X, xy[i].Y));
            canvas.Children.Add(line);
            var chosen = new Ellipse { Width = 8, Height = 8, Fill = Brushes.Red };
            Canvas.SetLeft(chosen, xy[xy.Count - 1].X - 4);
            Canvas.SetTop(chosen, xy[xy.Count - 1].Y - 4);
            canvas.Children.Add(chosen);
        }

        /// <summary>Fills <paramref name="grid"/> with one coloured, labelled cell per pair of assets.</summary>
        public static void DrawHeatMap(Grid grid, IReadOnlyList<string> assets, double[,] correlation)
        {
            grid.Children.Clear();
            grid.RowDefinitions.Clear();
            grid.ColumnDefinitions.Clear();
            int n = assets.Count;
            for (int i = 0; i <= n; i++)
            {
                grid.RowDefinitions.Add(new RowDefinition { Height = new GridLength(28) });
                grid.ColumnDefinitions.Add(new ColumnDefinition { Width = new GridLength(i == 0 ? 90 : 56) });
            }
            for (int i = 0; i < n; i++)
            {
                Place(grid, new TextBlock { Text = assets[i] }, i + 1, 0);
                Place(grid, new TextBlock { Text = assets[i], TextTrimming = TextTrimming.CharacterEllipsis }, 0, i + 1);
                for (int j = 0; j < n; j++)
                {
                    var c = ChartGeometry.HeatColor(correlation[i, j]);
                    var cell = new Border { Background = new SolidColorBrush(Color.FromRgb(c.R, c.G, c.B)), Margin = new Thickness(1) };
                    cell.Child = new TextBlock { Text = correlation[i, j].ToString("0.00", CultureInfo.InvariantCulture), HorizontalAlignment = HorizontalAlignment.Center, VerticalAlignment = VerticalAlignment.Center };
                    Place(grid, cell, i + 1, j + 1);
                }
            }
        }

        private static void Place(Grid grid, UIElement element, int row, int column)
        {
            Grid.SetRow(element, row);
            Grid.SetColumn(element, column);
            grid.Children.Add(element);
        }
    }
}
