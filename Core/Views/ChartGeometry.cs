using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Views
{
    /// <summary>Scaling and colours of the frontier chart and the correlation heat map (pure functions, tested without WPF).</summary>
    public static class ChartGeometry
    {
        /// <summary>
        /// Maps (volatility, return) points into a <paramref name="width"/> x <paramref name="height"/> canvas with
        /// <paramref name="margin"/> pixels on each side: x grows with volatility, y grows downwards (WPF), so the highest
        /// return is at the top. A flat range is centred.
        /// </summary>
        public static IReadOnlyList<(double X, double Y)> Scale(IReadOnlyList<(double Volatility, double Return)> points, double width, double height, double margin)
        {
            if (points == null) throw new ArgumentNullException(nameof(points));
            var result = new List<(double, double)>(points.Count);
            if (points.Count == 0) return result;
            double minX = double.MaxValue, maxX = double.MinValue, minY = double.MaxValue, maxY = double.MinValue;
            foreach (var p in points)
            {
                minX = Math.Min(minX, p.Volatility); maxX = Math.Max(maxX, p.Volatility);
                minY = Math.Min(minY, p.Return); maxY = Math.Max(maxY, p.Return);
            }
            double w = width - 2 * margin, h = height - 2 * margin;
            foreach (var p in points)
            {
                double fx = maxX > minX ? (p.Volatility - minX) / (maxX - minX) : 0.5;
                double fy = maxY > minY ? (p.Return - minY) / (maxY - minY) : 0.5;
                result.Add((margin + fx * w, margin + (1 - fy) * h));
            }
            return result;
        }

        /// <summary>Heat-map colour of a correlation in [-1, 1]: -1 blue (0,0,255), 0 white, +1 red (255,0,0), linear between.</summary>
        public static (byte R, byte G, byte B) HeatColor(double correlation)
        {
            if (double.IsNaN(correlation)) return (128, 128, 128);
            double c = Math.Max(-1, Math.Min(1, correlation));
            byte fade = (byte)Math.Round(255 * (1 - Math.Abs(c)));
            return c >= 0 ? ((byte)255, fade, fade) : (fade, fade, (byte)255);
        }
    }
}
