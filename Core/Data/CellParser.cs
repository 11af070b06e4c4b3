using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NinjaTraderPortfolio.Core.Data
{
    /// <summary>
    /// Allocation-free parsing of numbers and timestamps inside a larger string (a whole file), invariant culture.
    /// Numbers: a fast exact path for decimal literals with at most 15 significant digits and a power of ten
    /// within 10^±22 (Clinger 1990: both operands are exact doubles, so one IEEE multiply/divide rounds
    /// correctly; in cells, any digit count whose integer mantissa is at most 2^53); in cells, 16-19 significant digits
    /// above that without exponent (numpy/pandas repr) by exact integer division
    /// (<see cref="ExactQuotient"/>); anything else goes to <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/>.
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
        /// Fused scan-and-parse of the common cell shape: optional sign, digits, optional '.' and digits (at most 19
        /// significant digits, at most 22 after the point), optional spaces, then <paramref name="sep"/> or the end. On success <paramref name="pos"/>
        /// moves to the separator (or <paramref name="end"/>); on anything else it returns false with
        /// <paramref name="pos"/> unchanged, and the caller takes the general path (which also produces the error).
        /// </summary>
        public static bool TryParseSimpleCell(string s, ref int pos, int end, char sep, out double value)
            => TryParseSimpleCell(new CharCells(s), ref pos, end, sep, out value);

        /// <summary>
        /// <see cref="TryParseSimpleCell(string, ref int, int, char, out double)"/> on ASCII bytes (the streamed CSV fast path):
        /// the same cell shapes, the same value bit for bit (one body for both: <see cref="ICells"/>).
        /// </summary>
        public static bool TryParseSimpleCell(byte[] s, ref int pos, int end, byte sep, out double value)
            => TryParseSimpleCell(new ByteCells(s), ref pos, end, sep, out value);

        // One body for text and bytes; a struct type argument makes the JIT/ReadyToRun compile one copy per source, with
        // the indexer inlined (as fast as the two hand-written copies it replaces).
        private static bool TryParseSimpleCell<T>(T s, ref int pos, int end, int sep, out double value) where T : struct, ICells
        {
            value = 0;
            int i = pos;
            while (i < end && s[i] == ' ') i++;
            bool negative = false;
            if (i < end && s[i] == '-') { negative = true; i++; }
            ulong mantissa = 0;
            int significant = 0, scale = 0, digits = 0;
            while (i < end)
            {
                int d = s[i] - '0';
                if ((uint)d > 9) break;
                if (significant > 0 || d != 0) { significant++; mantissa = mantissa * 10 + (ulong)d; }
                digits++; i++;
                if (significant > 19) return false;
            }
            if (i < end && s[i] == '.')
            {
                i++;
                while (i < end)
                {
                    int d = s[i] - '0';
                    if ((uint)d > 9) break;
                    if (significant > 0 || d != 0) { significant++; mantissa = mantissa * 10 + (ulong)d; }
                    scale--; digits++; i++;
                    if (significant > 19 || scale < -22) return false;
                }
            }
            if (digits == 0) return false;
            while (i < end && s[i] == ' ') i++;
            if (i < end && s[i] != sep) return false;
            double v;
            if (mantissa <= ExactMantissa)
            {
                double m = mantissa; // exact, and so is 10^-scale: one correctly rounded division (Clinger 1990)
                v = scale == 0 ? m : m / Pow10[-scale];
            }
            else
            {
                v = ExactQuotient(mantissa, -scale);
            }
            value = negative ? -v : v;
            pos = i;
            return true;
        }

        /// <summary>A character source for <see cref="TryParseSimpleCell{T}"/>: the UTF-16 code or byte at an index.</summary>
        private interface ICells
        {
            int this[int i] { get; }
        }

        private readonly struct CharCells : ICells
        {
            private readonly string _s;
            public CharCells(string s) => _s = s;
            public int this[int i] { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _s[i]; }
        }

        private readonly struct ByteCells : ICells
        {
            private readonly byte[] _s;
            public ByteCells(byte[] s) => _s = s;
            public int this[int i] { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => _s[i]; }
        }

        // Largest integer up to which every integer is a double exactly (2^53).
        private const ulong ExactMantissa = 1UL << 53;

        private static readonly ulong[] Pow5 = MakePow5();

        private static ulong[] MakePow5()
        {
            var p = new ulong[23];
            p[0] = 1;
            for (int k = 1; k < p.Length; k++) p[k] = p[k - 1] * 5;
            return p;
        }

        /// <summary>
        /// w / 10^s correctly rounded (IEEE round to nearest, ties to even), for 10^15 &lt;= w &lt; 2^64 and 0 &lt;= s &lt;= 22: the
        /// 16-19 significant digits that numpy/pandas write (repr) are beyond the exact one-division path above.
        /// The candidate c = (double)w / 10^s is within two ulps; it is then verified and corrected exactly: with
        /// c = m 2^e and 10^s = 5^s 2^s, the value lies above the midpoint (2m+1) 2^(e-1) iff w 2^(1-e-s) &gt; (2m+1) 5^s, a
        /// comparison of 128-bit integers (5^s &lt; 2^52 is exact). Same for the lower midpoint (4m-2) 2^(e-2), or (4m-1) 2^(e-2)
        /// at the bottom of a binade.
        /// </summary>
        internal static double ExactQuotient(ulong w, int s)
        {
            double c = (double)w / Pow10[s];
            long bits = BitConverter.DoubleToInt64Bits(c);
            ulong p5 = Pow5[s];
            for (int step = 0; step < 8; step++)
            {
                ulong m = ((ulong)bits & ((1UL << 52) - 1)) | (1UL << 52);
                int e = (int)(bits >> 52) - 1075;
                int up = Compare(w, 1 - e - s, 2 * m + 1, p5);
                if (up > 0 || (up == 0 && (m & 1) != 0)) { bits++; continue; }
                int down = Compare(w, 2 - e - s, 4 * m - (m == 1UL << 52 ? 1UL : 2UL), p5);
                if (down < 0 || (down == 0 && (m & 1) != 0)) { bits--; continue; }
                return BitConverter.Int64BitsToDouble(bits);
            }
            throw new InvalidOperationException("decimal to double correction did not settle"); // unreachable: c is within 2 ulps
        }

        // Sign of w 2^shift - a b, exactly (a b < 2^128; for shift < 0 the product is shifted instead).
        private static int Compare(ulong w, int shift, ulong a, ulong b)
        {
            Multiply(a, b, out ulong phi, out ulong plo);
            ulong lhi, llo;
            if (shift >= 0)
            {
                lhi = shift == 0 ? 0 : shift >= 64 ? w << (shift - 64) : w >> (64 - shift);
                llo = shift >= 64 ? 0 : w << shift;
            }
            else
            {
                int sh = -shift;
                lhi = 0; llo = w;
                ulong nhi = sh >= 64 ? plo << (sh - 64) : (phi << sh) | (plo >> (64 - sh));
                ulong nlo = sh >= 64 ? 0 : plo << sh;
                if (sh >= 64 || (phi >> (64 - sh)) != 0) return -1;   // product overflows 128 bits: far larger than w
                phi = nhi; plo = nlo;
            }
            if (lhi != phi) return lhi > phi ? 1 : -1;
            if (llo != plo) return llo > plo ? 1 : -1;
            return 0;
        }

        // 64 x 64 -> 128-bit product from 32-bit halves.
        private static void Multiply(ulong a, ulong b, out ulong hi, out ulong lo)
        {
            ulong a0 = (uint)a, a1 = a >> 32, b0 = (uint)b, b1 = b >> 32;
            ulong p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
            ulong mid = (p00 >> 32) + (uint)p01 + (uint)p10;
            lo = (mid << 32) | (uint)p00;
            hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
        }

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
