using System;
using System.Globalization;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    /// <summary>
    /// The cell fast path must give the very double the BCL parser gives (both round correctly): checked bit for bit on
    /// seeded random repr strings (the 16-17 digit shape numpy and pandas write), random 16-19 digit literals and hand-made
    /// halfway cases (ties to even).
    /// </summary>
    public class CellParserTests
    {
        private static void AssertSameAsBcl(string text)
        {
            string cell = text + ",";
            int pos = 0;
            Assert.That(CellParser.TryParseSimpleCell(cell, ref pos, cell.Length, ',', out double v), Is.True, text);
            Assert.That(pos, Is.EqualTo(text.Length), text);
            double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.That(BitConverter.DoubleToInt64Bits(v), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), $"'{text}': {v:R} vs {expected:R}");
        }

        [Test]
        public void SimpleCell_RoundTripStringsOfRandomReturns_ParseToTheSameBits()
        {
            var rng = new Random(20261125);
            int checkedCount = 0;
            for (int k = 0; k < 200_000; k++)
            {
                double x = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-4, 6));
                string text = x.ToString("R", CultureInfo.InvariantCulture);
                if (text.IndexOf('E') >= 0) continue;   // exponent notation takes the general path
                AssertSameAsBcl(text);
                checkedCount++;
            }
            Assert.That(checkedCount, Is.GreaterThan(150_000));
        }

        [Test]
        public void SimpleCell_MantissasAroundTwoToThe53_ParseToTheBclBits()
        {
            // 2^53 = 9007199254740992: at or below it the 16-digit mantissa is exact and one division rounds correctly;
            // above it the exact integer check decides. Both sides, every scale up to 22 digits after the point.
            var rng = new Random(53);
            foreach (ulong w in new[] { 9007199254740990UL, 9007199254740991UL, 9007199254740992UL, 9007199254740993UL, 9007199254740995UL, 9999999999999999UL, 1000000000000001UL })
                for (int scale = 0; scale <= 22; scale++)
                    for (int k = 0; k < 3; k++)
                    {
                        ulong m = k == 0 ? w : w - (ulong)rng.Next(0, 1000);
                        string digits = m.ToString(CultureInfo.InvariantCulture);
                        string text = scale == 0 ? digits : scale < digits.Length
                            ? digits.Substring(0, digits.Length - scale) + "." + digits.Substring(digits.Length - scale)
                            : "0." + new string('0', scale - digits.Length) + digits;
                        int pos = 0;
                        Assert.That(CellParser.TryParseSimpleCell(text, ref pos, text.Length, ',', out double v), Is.True, text);
                        Assert.That(BitConverter.DoubleToInt64Bits(v), Is.EqualTo(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture))), text);
                    }
        }

        [Test]
        public void SimpleCell_RandomLongLiterals_ParseToTheSameBits()
        {
            var rng = new Random(7);
            for (int k = 0; k < 100_000; k++)
            {
                int digits = rng.Next(16, 20);
                var chars = new char[digits];
                chars[0] = (char)('1' + rng.Next(9));
                for (int i = 1; i < digits; i++) chars[i] = (char)('0' + rng.Next(10));
                string body = new string(chars);
                int after = rng.Next(0, Math.Min(digits, 22) + 1);
                string text = after == 0 ? body : body.Substring(0, digits - after) + "." + body.Substring(digits - after);
                if (text.StartsWith(".", StringComparison.Ordinal)) text = "0" + text;
                AssertSameAsBcl(rng.Next(2) == 0 ? text : "-" + text);
            }
        }

        [TestCase("9007199254740993")]          // 2^53 + 1: halfway, ties to even (down)
        [TestCase("9007199254740995")]          // 2^53 + 3: halfway, ties to even (up)
        [TestCase("9007199254740993.0000001")]  // just above halfway: up
        [TestCase("0.1000000000000000055511151231257827")] // > 22 decimals: general path, not this one
        [TestCase("18446744073709551615")]      // 20 digits: general path
        [TestCase("0.30000000000000004")]
        [TestCase("1.7976931348623157")]
        [TestCase("0.0000000000000000000001234567890123456")]
        public void SimpleCell_HalfwayAndEdgeCases_MatchTheBclOrDecline(string text)
        {
            string cell = text + ",";
            int pos = 0;
            bool ok = CellParser.TryParseSimpleCell(cell, ref pos, cell.Length, ',', out double v);
            double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (ok) Assert.That(BitConverter.DoubleToInt64Bits(v), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), text);
            else Assert.That(pos, Is.EqualTo(0), "declined cells leave the position unchanged");
        }

        [Test]
        public void SimpleCell_DeclinedLongCell_IsStillReadExactlyByTheLoader()
        {
            var frame = CsvFrameLoader.Parse("Date,A\n2020-01-01,0.1000000000000000055511151231257827\n2020-01-02,9007199254740993\n", "t", FrameKind.SimpleReturns);
            Assert.That(frame.Columns[0][0], Is.EqualTo(0.1));
            Assert.That(frame.Columns[0][1], Is.EqualTo(9007199254740992.0));
        }
    }
}
