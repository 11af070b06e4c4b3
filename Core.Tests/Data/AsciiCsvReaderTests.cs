using System;
using System.Globalization;
using System.Text;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    /// <summary>
    /// The streamed byte-level CSV path must give bit for bit the frame of the general text parser (the reference here), and
    /// must step aside (null) for everything the general path decides: errors, blank lines, non-ASCII text, lone CRs.
    /// </summary>
    public class AsciiCsvReaderTests
    {
        private static string RandomCell(Random rng)
        {
            double v = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-7, 1)); // |v| <= 0.5: valid simple returns
            switch (rng.Next(7))
            {
                case 0: return v.ToString("R", CultureInfo.InvariantCulture);            // repr: 16-17 digits, exponents for small values
                case 1: return v.ToString("E6", CultureInfo.InvariantCulture);           // exponent form
                case 2: return v.ToString("F4", CultureInfo.InvariantCulture);           // few digits
                case 3: return rng.Next(0, 1000).ToString(CultureInfo.InvariantCulture); // integers
                case 4: return " " + v.ToString("G17", CultureInfo.InvariantCulture) + " "; // padded
                case 5: return v.ToString("F19", CultureInfo.InvariantCulture);          // many digits after the point
                default: return v.ToString("G15", CultureInfo.InvariantCulture);
            }
        }

        private static string RandomFile(Random rng, out int rows, out int assets)
        {
            assets = rng.Next(1, 25);
            rows = rng.Next(2, 120);
            string nl = rng.Next(2) == 0 ? "\n" : "\r\n";
            var sb = new StringBuilder("Date");
            for (int j = 0; j < assets; j++) sb.Append(",A").Append(j.ToString(CultureInfo.InvariantCulture));
            var day = new DateTime(2001, 2, 3);
            for (int r = 0; r < rows; r++)
            {
                sb.Append(nl);
                day = day.AddDays(rng.Next(1, 4)).AddHours(rng.Next(2) == 0 ? 0 : rng.Next(1, 20));
                sb.Append(day.ToString(day.Hour == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                for (int j = 0; j < assets; j++) sb.Append(',').Append(RandomCell(rng));
            }
            if (rng.Next(2) == 0) sb.Append(nl);
            return sb.ToString();
        }

        private static void AssertSameFrame(AssetFrame actual, AssetFrame expected)
        {
            Assert.That(actual.Assets, Is.EqualTo(expected.Assets));
            Assert.That(actual.Dates, Is.EqualTo(expected.Dates));
            Assert.That(actual.Kind, Is.EqualTo(expected.Kind));
            Assert.That(actual.Source, Is.EqualTo(expected.Source));
            for (int j = 0; j < expected.AssetCount; j++)
                for (int r = 0; r < expected.Rows; r++)
                    Assert.That(BitConverter.DoubleToInt64Bits(actual.Columns[j][r]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.Columns[j][r])),
                        $"row {r}, asset {j}");
        }

        [TestCase(1), TestCase(2), TestCase(3), TestCase(4), TestCase(5), TestCase(6), TestCase(7), TestCase(8)]
        public void TryParse_SeededRandomFiles_EqualTheGeneralParserBitForBit(int seed)
        {
            var rng = new Random(seed);
            for (int k = 0; k < 10; k++)
            {
                string text = RandomFile(rng, out _, out _);
                var expected = CsvFrameLoader.Parse(text, "r.csv", FrameKind.SimpleReturns);
                // A 64-byte buffer makes every line cross refills and forces the buffer to grow for long lines.
                // parallelCells 1: the second half of every file is parsed on a second thread (on a machine with two cores).
                foreach (int buffer in new[] { 64, 1000, AsciiCsvReader.BufferSize })
                    foreach (long parallelCells in new[] { 1L, long.MaxValue })
                    {
                        var fast = AsciiCsvReader.TryParse(Encoding.ASCII.GetBytes(text), "r.csv", FrameKind.SimpleReturns, buffer, parallelCells);
                        Assert.That(fast, Is.Not.Null, $"seed {seed}, file {k}, buffer {buffer}, parallel from {parallelCells}");
                        AssertSameFrame(fast!, expected);
                    }
            }
        }

        [Test]
        public void Load_FileOnDisk_TakesTheFastPathAndEqualsTheTextParse()
        {
            var rng = new Random(77);
            string text = RandomFile(rng, out int rows, out int assets);
            using var tmp = new TempFiles();
            string path = tmp.Write("r.csv", text);
            Assert.That(AsciiCsvReader.TryLoad(path, FrameKind.SimpleReturns), Is.Not.Null);
            var viaLoader = PriceFileLoader.Load(new[] { path }, FrameKind.SimpleReturns).Frame;
            AssertSameFrame(viaLoader, CsvFrameLoader.Parse(text, path, FrameKind.SimpleReturns));
            AssertSameFrame(CsvFrameLoader.Load(path, FrameKind.SimpleReturns), CsvFrameLoader.Parse(text, path, FrameKind.SimpleReturns));
            Assert.That(viaLoader.Rows, Is.EqualTo(rows));
            Assert.That(viaLoader.AssetCount, Is.EqualTo(assets));
        }

        [TestCase("Date,A,B\n2020-01-01,1,2\n\n2020-01-02,3,4\n", TestName = "TryParse_BlankLine_StepsAside")]
        [TestCase("Date,A,B\r2020-01-01,1,2\r2020-01-02,3,4\r", TestName = "TryParse_LoneCarriageReturns_StepAside")]
        [TestCase("Date,Ä,B\n2020-01-01,1,2\n2020-01-02,3,4\n", TestName = "TryParse_NonAsciiName_StepsAside")]
        [TestCase("\uFEFFDate,A,B\n2020-01-01,1,2\n2020-01-02,3,4\n", TestName = "TryParse_ByteOrderMark_StepsAside")]
        [TestCase("Date,A,B\n2020-01-02,1,2\n2020-01-01,3,4\n", TestName = "TryParse_UnsortedDates_StepAside")]
        [TestCase("Date,A,B\n2020-01-01,1,2\n2020-01-01,3,4\n", TestName = "TryParse_DuplicateDate_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1,x\n2020-01-02,3,4\n", TestName = "TryParse_BadCell_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1,NaN\n2020-01-02,3,4\n", TestName = "TryParse_NaNCell_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1\n2020-01-02,3,4\n", TestName = "TryParse_ShortRow_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1,2,3\n2020-01-02,3,4\n", TestName = "TryParse_LongRow_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1,\n2020-01-02,3,4\n", TestName = "TryParse_EmptyCell_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1,2;5\n2020-01-02,3,4\n", TestName = "TryParse_MixedSeparators_StepAside")]
        [TestCase("Date,A,A\n2020-01-01,1,2\n2020-01-02,3,4\n", TestName = "TryParse_DuplicateAsset_StepsAside")]
        [TestCase("When,A,B\n2020-01-01,1,2\n2020-01-02,3,4\n", TestName = "TryParse_NoDateHeader_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1,2\n", TestName = "TryParse_OneRow_StepsAside")]
        [TestCase("Date,A,B\n2020-13-01,1,2\n2020-12-02,3,4\n", TestName = "TryParse_BadDate_StepsAside")]
        [TestCase("Date,A,B\n2020-01-01,1,2\n2020-01-02,3,4\n\n", TestName = "TryParse_TrailingBlankLine_StepsAside")]
        public void TryParse_WhatTheGeneralPathDecides_ReturnsNull(string text)
        {
            Assert.That(AsciiCsvReader.TryParse(Encoding.UTF8.GetBytes(text), "x.csv", FrameKind.SimpleReturns), Is.Null);
        }

        [TestCase("Date,A\n2020-01-02,1\n2020-01-01,2\n", TestName = "TryParse_DatesUnsortedAcrossTheTwoHalves_StepAside")]
        [TestCase("Date,A\n2020-01-01,1\n2020-01-02,x\n", TestName = "TryParse_BadCellInTheSecondHalf_StepsAside")]
        [TestCase("Date,A\n2020-01-01,x\n2020-01-02,2\n", TestName = "TryParse_BadCellInTheFirstHalf_StepsAside")]
        public void TryParse_TwoHalves_WhatTheGeneralPathDecides_ReturnsNull(string text)
        {
            Assert.That(AsciiCsvReader.TryParse(Encoding.ASCII.GetBytes(text), "x.csv", FrameKind.SimpleReturns, parallelCells: 1), Is.Null);
        }

        [Test]
        public void TryParse_TwoRowsInTwoHalves_EqualsTheGeneralParser()
        {
            const string text = "Date,A,B\n2020-01-01,0.5,1e-3\n2020-01-02,0.25,-0.125\n";
            var fast = AsciiCsvReader.TryParse(Encoding.ASCII.GetBytes(text), "x.csv", FrameKind.SimpleReturns, parallelCells: 1);
            Assert.That(fast, Is.Not.Null);
            AssertSameFrame(fast!, CsvFrameLoader.Parse(text, "x.csv", FrameKind.SimpleReturns));
            Assert.That(fast![1, 1], Is.EqualTo(-0.125));
        }

        [Test]
        public void TryParse_PricesAtOrBelowZero_StepAsideSoTheGeneralErrorIsThrown()
        {
            const string text = "Date,A,B\n2020-01-01,1,2\n2020-01-02,0,4\n";
            Assert.That(AsciiCsvReader.TryParse(Encoding.ASCII.GetBytes(text), "p.csv", FrameKind.Prices), Is.Null);
            Assert.That(AsciiCsvReader.TryParse(Encoding.ASCII.GetBytes(text), "p.csv", FrameKind.SimpleReturns), Is.Not.Null);
            using var tmp = new TempFiles();
            string path = tmp.Write("p.csv", text);
            var ex = Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { path }, FrameKind.Prices));
            Assert.That(ex!.Message, Does.Contain("line 3").And.Contain("'A'").And.Contain("price must be > 0"));
        }

        [Test]
        public void Load_BadCellInAFile_ReportsTheGeneralMessage()
        {
            using var tmp = new TempFiles();
            string path = tmp.Write("bad.csv", "Date,A,B\n2020-01-01,1,2\n2020-01-02,3,oops\n");
            var ex = Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { path }, FrameKind.SimpleReturns));
            Assert.That(ex!.Message, Does.Contain("bad.csv line 3").And.Contain("'B'").And.Contain("'oops' is not a number"));
        }

        [Test]
        public void Load_NonAsciiAssetName_IsReadByTheGeneralPath()
        {
            using var tmp = new TempFiles();
            string path = tmp.Write("u.csv", "Date,Zürich,B\n2020-01-01,1,2\n2020-01-02,3,4\n");
            var f = PriceFileLoader.Load(new[] { path }, FrameKind.Prices).Frame;
            Assert.That(f.Assets, Is.EqualTo(new[] { "Zürich", "B" }));
            Assert.That(f[1, 0], Is.EqualTo(3.0));
        }

        [Test]
        public void TryParseSimpleCell_BytesAndString_AgreeBitForBitOnSeededCells()
        {
            var rng = new Random(2024);
            for (int k = 0; k < 20000; k++)
            {
                string cell = RandomCell(rng);
                string s = "," + cell + ",";
                byte[] b = Encoding.ASCII.GetBytes(s);
                int ps = 1, pb = 1;
                bool okS = CellParser.TryParseSimpleCell(s, ref ps, s.Length, ',', out double vs);
                bool okB = CellParser.TryParseSimpleCell(b, ref pb, b.Length, (byte)',', out double vb);
                Assert.That(okB, Is.EqualTo(okS), cell);
                Assert.That(pb, Is.EqualTo(ps), cell);
                if (okS)
                {
                    Assert.That(BitConverter.DoubleToInt64Bits(vb), Is.EqualTo(BitConverter.DoubleToInt64Bits(vs)), cell);
                    Assert.That(vb, Is.EqualTo(double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture)), cell);
                }
            }
        }
    }
}
