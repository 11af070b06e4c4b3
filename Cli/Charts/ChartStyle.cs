using ScottPlot;

namespace NinjaTraderPortfolio.Cli.Charts
{
    /// <summary>Shared chart settings: size and a colour per series (Category10, colour-blind tolerable).</summary>
    internal static class ChartStyle
    {
        public const int Width = 1000;
        public const int Height = 600;

        private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

        public static Color Color(int i) => Palette.GetColor(i);
    }
}
