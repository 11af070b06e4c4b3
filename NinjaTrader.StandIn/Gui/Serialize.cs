using System;
using System.Globalization;
using System.Windows.Media;

namespace NinjaTrader.Gui
{
    // https://developer.ninjatrader.com/docs/desktop/working_with_brushes ("Serialize.BrushToString(...)" /
    // "Serialize.StringToBrush(...)" in the [Browsable(false)] string twin of a [XmlIgnore] Brush input).
    // Stand-in format: "#AARRGGBB" for solid brushes; NinjaTrader's own text format is not documented.
    public static class Serialize
    {
        public static string BrushToString(Brush brush)
        {
            if (brush == null) return string.Empty;
            if (brush is SolidColorBrush solid)
            {
                Color c = solid.Color;
                return string.Format(CultureInfo.InvariantCulture, "#{0:X2}{1:X2}{2:X2}{3:X2}", c.A, c.R, c.G, c.B);
            }
            throw new NotSupportedException("the stand-in serializes solid colour brushes only, got " + brush.GetType().Name);
        }

        public static Brush StringToBrush(string brush)
        {
            if (string.IsNullOrEmpty(brush)) return null;
            if (brush.Length != 9 || brush[0] != '#')
                throw new FormatException("expected a brush as #AARRGGBB, got '" + brush + "'");
            uint argb = uint.Parse(brush.Substring(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return new SolidColorBrush(Color.FromArgb((byte)(argb >> 24), (byte)(argb >> 16), (byte)(argb >> 8), (byte)argb));
        }
    }
}
