using System.Globalization;
using System.Text;

namespace NinjaTraderPortfolio.Core.Data.Json
{
    /// <summary>
    /// Writes one compact JSON object (no spaces, members in call order), the counterpart of <see cref="JsonTextParser"/>:
    /// <c>new JsonTextWriter().String("side", "Buy").Number("quantity", 3).ToString()</c> gives
    /// <c>{"side":"Buy","quantity":3}</c>. Strings escape only <c>"</c>, <c>\</c> and control characters (as
    /// <c>\u00XX</c>, lower-case hex); numbers use the invariant culture, and a decimal keeps its scale
    /// (<c>4321.250</c> stays <c>4321.250</c>), so it parses back to the identical value.
    /// </summary>
    public sealed class JsonTextWriter
    {
        private readonly StringBuilder _sb = new StringBuilder("{");
        private bool _first = true;

        /// <summary>Appends a string member.</summary>
        public JsonTextWriter String(string name, string value)
        {
            Guard.NotNull(value, nameof(value));
            AppendString(Name(name), value);
            return this;
        }

        /// <summary>Appends an integer member.</summary>
        public JsonTextWriter Number(string name, int value)
        {
            Name(name).Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        /// <summary>Appends a decimal member, digits and scale exactly as <see cref="decimal.ToString(System.IFormatProvider)"/> (invariant).</summary>
        public JsonTextWriter Number(string name, decimal value)
        {
            Name(name).Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        /// <summary>The object written so far, closed with <c>}</c>.</summary>
        public override string ToString() => _sb.ToString() + "}";

        /// <summary>Appends <paramref name="value"/> as a quoted JSON string to <paramref name="sb"/>.</summary>
        public static StringBuilder AppendString(StringBuilder sb, string value)
        {
            Guard.NotNull(sb, nameof(sb));
            Guard.NotNull(value, nameof(value));
            sb.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"');
        }

        private StringBuilder Name(string name)
        {
            Guard.NotNull(name, nameof(name));
            if (!_first) _sb.Append(',');
            _first = false;
            return AppendString(_sb, name).Append(':');
        }
    }
}
