using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Allocation-free parsing of numbers and timestamps inside a larger string (a whole file), invariant culture.
    /// Numbers: a fast exact path for decimal literals with at most 15 significant digits and a power of ten
    /// within 10^±22 (Clinger 1990: both operands are exact doubles, so one IEEE multiply/divide rounds
    /// correctly); anything else goes to <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/>.
    /// </summary>
    internal static class CellParser
    {
        private static readonly double[] Pow10 =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>
        /// Parses s[start, end) as a number. False when it is not a number; true with a possibly non-finite
        /// value for "NaN", "Infinity" or an overflowing literal (callers reject those with their own message).
        /// </summary>
        public static bool TryParseDouble(string s, int start, int end, out double value)
        {
            value = 0;
            if (start >= end) return false;
            int i = start;
            bool negative = false;
            if (s[i] == '-' || s[i] == '+') { negative = s[i] == '-'; i++; }
            long mantissa = 0;
            int significant = 0, scale = 0, digits = 0;
            while (i < end && (uint)(s[i] - '0') <= 9)
            {
                int d = s[i] - '0';
                if (significant > 0 || d != 0) { significant++; if (significant <= 18) mantissa = mantissa * 10 + d; else scale++; }
                digits++; i++;
            }
            if (i < end && s[i] == '.')
            {
                i++;
                while (i < end && (uint)(s[i] - '0') <= 9)
                {
                    int d = s[i] - '0';
                    if (significant > 0 || d != 0) { significant++; if (significant <= 18) { mantissa = mantissa * 10 + d; scale--; } }
                    else scale--;
                    digits++; i++;
                }
            }
            if (digits == 0) return Fallback(s, start, end, out value);
            if (i < end && (s[i] == 'e' || s[i] == 'E'))
            {
                i++;
                bool expNeg = false;
                if (i < end && (s[i] == '-' || s[i] == '+')) { expNeg = s[i] == '-'; i++; }
                int exp = 0, expDigits = 0;
                while (i < end && (uint)(s[i] - '0') <= 9)
                {
                    if (exp < 100000) exp = exp * 10 + (s[i] - '0');
                    expDigits++; i++;
                }
                if (expDigits == 0) return false;
                scale += expNeg ? -exp : exp;
            }
            if (i != end) return Fallback(s, start, end, out value);
            if (significant > 15 || scale < -22 || scale > 22) return Fallback(s, start, end, out value);
            double m = mantissa;
            double v = scale >= 0 ? m * Pow10[scale] : m / Pow10[-scale];
            value = negative ? -v : v;
            return true;
        }

        /// <summary>
        /// Fused scan-and-parse of the common cell shape: optional sign, digits, optional '.' and digits (at most 15
        /// significant digits), optional spaces, then <paramref name="sep"/> or the end. On success <paramref name="pos"/>
        /// moves to the separator (or <paramref name="end"/>); on anything else it returns false with
        /// <paramref name="pos"/> unchanged, and the caller takes the general path (which also produces the error).
        /// </summary>
        [MethodImpl(JitOptimize)]
        public static bool TryParseSimpleCell(string s, ref int pos, int end, char sep, out double value)
        {
            value = 0;
            int i = pos;
            while (i < end && s[i] == ' ') i++;
            bool negative = false;
            if (i < end && s[i] == '-') { negative = true; i++; }
            long mantissa = 0;
            int significant = 0, scale = 0, digits = 0;
            while (i < end)
            {
                int d = s[i] - '0';
                if ((uint)d > 9) break;
                if (significant > 0 || d != 0) { significant++; mantissa = mantissa * 10 + d; }
                digits++; i++;
                if (significant > 15) return false;
            }
            if (i < end && s[i] == '.')
            {
                i++;
                while (i < end)
                {
                    int d = s[i] - '0';
                    if ((uint)d > 9) break;
                    if (significant > 0 || d != 0) { significant++; mantissa = mantissa * 10 + d; }
                    scale--; digits++; i++;
                    if (significant > 15 || scale < -22) return false;
                }
            }
            if (digits == 0) return false;
            while (i < end && s[i] == ' ') i++;
            if (i < end && s[i] != sep) return false;
            double m = mantissa;
            double v = scale == 0 ? m : m / Pow10[-scale];
            value = negative ? -v : v;
            pos = i;
            return true;
        }

        /// <summary>MethodImplOptions.AggressiveOptimization (netstandard2.0 lacks the name; .NET Framework ignores it): full JIT at first call.</summary>
        internal const MethodImplOptions JitOptimize = (MethodImplOptions)512;

        private static bool Fallback(string s, int start, int end, out double value)
            => double.TryParse(s.Substring(start, end - start), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        /// <summary>
        /// Parses an ISO timestamp in s[start, end): <c>yyyy-MM-dd</c>, optionally followed by a space or <c>T</c> and
        /// <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffff</c>, optionally ending in <c>Z</c>. Kind is Unspecified.
        /// </summary>
        public static bool TryParseIsoTimestamp(string s, int start, int end, out DateTime value)
        {
            value = default;
            if (end - start < 10) return false;
            if (!Digits(s, start, 4, out int y) || s[start + 4] != '-' || !Digits(s, start + 5, 2, out int mo) || s[start + 7] != '-' || !Digits(s, start + 8, 2, out int d))
                return false;
            int i = start + 10;
            int h = 0, mi = 0, sec = 0;
            long ticks = 0;
            if (i < end && s[end - 1] == 'Z') end--;
            if (i < end)
            {
                if (s[i] != ' ' && s[i] != 'T') return false;
                i++;
                if (end - i < 5 || !Digits(s, i, 2, out h) || s[i + 2] != ':' || !Digits(s, i + 3, 2, out mi)) return false;
                i += 5;
                if (i < end)
                {
                    if (end - i < 3 || s[i] != ':' || !Digits(s, i + 1, 2, out sec)) return false;
                    i += 3;
                    if (i < end)
                    {
                        if (s[i] != '.' || end - i < 2 || end - i > 8) return false;
                        int n = end - i - 1;
                        if (!Digits(s, i + 1, n, out int frac)) return false;
                        ticks = frac;
                        for (int k = n; k < 7; k++) ticks *= 10;
                        i = end;
                    }
                }
            }
            return Build(y, mo, d, h, mi, sec, ticks, out value);
        }

        /// <summary>NinjaTrader export timestamp: <c>yyyyMMdd</c> or <c>yyyyMMdd HHmmss</c> in s[start, end).</summary>
        public static bool TryParseNinjaTraderTimestamp(string s, int start, int end, out DateTime value)
        {
            value = default;
            int len = end - start;
            if (len != 8 && len != 15) return false;
            if (!Digits(s, start, 4, out int y) || !Digits(s, start + 4, 2, out int mo) || !Digits(s, start + 6, 2, out int d)) return false;
            int h = 0, mi = 0, sec = 0;
            if (len == 15)
            {
                if (s[start + 8] != ' ' || !Digits(s, start + 9, 2, out h) || !Digits(s, start + 11, 2, out mi) || !Digits(s, start + 13, 2, out sec))
                    return false;
            }
            return Build(y, mo, d, h, mi, sec, 0, out value);
        }

        private static bool Build(int y, int mo, int d, int h, int mi, int sec, long ticks, out DateTime value)
        {
            value = default;
            if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return false;
            value = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Unspecified).AddTicks(ticks);
            return true;
        }

        private static bool Digits(string s, int start, int count, out int value)
        {
            value = 0;
            for (int k = 0; k < count; k++)
            {
                int c = s[start + k] - '0';
                if ((uint)c > 9) return false;
                value = value * 10 + c;
            }
            return true;
        }
    }
}
