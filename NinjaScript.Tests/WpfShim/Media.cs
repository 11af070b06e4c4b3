// Test-only stand-in for the few WPF media types that indicator and strategy sources use (brushes for plots
// and lines). WPF does not run on Linux; the real types are used by the net48 compile check (NinjaScript.Check).
// Colour values are WPF's named colours.
namespace System.Windows.Media
{
    public abstract class Brush
    {
    }

    public sealed class SolidColorBrush : Brush
    {
        public SolidColorBrush(Color color)
        {
            Color = color;
        }

        public Color Color { get; }

        public override string ToString() => Color.ToString();
    }

    public readonly struct Color : IEquatable<Color>
    {
        private Color(byte a, byte r, byte g, byte b)
        {
            A = a;
            R = r;
            G = g;
            B = b;
        }

        public byte A { get; }
        public byte R { get; }
        public byte G { get; }
        public byte B { get; }

        public static Color FromArgb(byte a, byte r, byte g, byte b) => new Color(a, r, g, b);

        public static Color FromRgb(byte r, byte g, byte b) => new Color(255, r, g, b);

        public bool Equals(Color other) => A == other.A && R == other.R && G == other.G && B == other.B;

        public override bool Equals(object obj) => obj is Color other && Equals(other);

        public override int GetHashCode() => (A << 24) | (R << 16) | (G << 8) | B;

        public override string ToString() => $"#{A:X2}{R:X2}{G:X2}{B:X2}";
    }

    public static class Brushes
    {
        public static SolidColorBrush Black { get; } = Solid(0xFF000000);
        public static SolidColorBrush Blue { get; } = Solid(0xFF0000FF);
        public static SolidColorBrush DarkGray { get; } = Solid(0xFFA9A9A9);
        public static SolidColorBrush DodgerBlue { get; } = Solid(0xFF1E90FF);
        public static SolidColorBrush Goldenrod { get; } = Solid(0xFFDAA520);
        public static SolidColorBrush Gray { get; } = Solid(0xFF808080);
        public static SolidColorBrush Green { get; } = Solid(0xFF008000);
        public static SolidColorBrush Orange { get; } = Solid(0xFFFFA500);
        public static SolidColorBrush OrangeRed { get; } = Solid(0xFFFF4500);
        public static SolidColorBrush DarkViolet { get; } = Solid(0xFF9400D3);
        public static SolidColorBrush SeaGreen { get; } = Solid(0xFF2E8B57);
        public static SolidColorBrush Red { get; } = Solid(0xFFFF0000);
        public static SolidColorBrush Transparent { get; } = Solid(0x00FFFFFF);
        public static SolidColorBrush White { get; } = Solid(0xFFFFFFFF);

        private static SolidColorBrush Solid(uint argb) =>
            new SolidColorBrush(Color.FromArgb((byte)(argb >> 24), (byte)(argb >> 16), (byte)(argb >> 8), (byte)argb));
    }
}
