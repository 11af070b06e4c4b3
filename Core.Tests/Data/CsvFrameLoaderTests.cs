using System;
using System.Globalization;
using System.IO;
using System.Text;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    public class CsvFrameLoaderTests
    {
        private static string Sample(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", name);

        private static InvalidInputException Rejects(string content, string name = "p.csv", FrameKind kind = FrameKind.Prices)
        {
            using var tmp = new TempFiles();
            string path = tmp.Write(name, content);
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Load(path, kind));
            Assert.That(ex!.Message, Does.Contain(name), "message names the file");
            return ex;
        }

        [Test]
        public void Load_EuStockMarkets_Has1860RowsAndFourAssets()
        {
            var f = CsvFrameLoader.Load(Sample("eustockmarkets-prices.csv"));
            Assert.That(f.Rows, Is.EqualTo(1860));
            Assert.That(f.Assets, Is.EqualTo(new[] { "DAX", "SMI", "CAC", "FTSE" }));
            Assert.That(f.Kind, Is.EqualTo(FrameKind.Prices));
            Assert.That(f.Dates[0], Is.EqualTo(new DateTime(1991, 7, 1)));
            // First row of the file: 1991-07-01,1628.75,1678.1,1772.8,2443.6
            Assert.That(f[0, 0], Is.EqualTo(1628.75));
            Assert.That(f[0, 1], Is.EqualTo(1678.1));
            Assert.That(f[0, 2], Is.EqualTo(1772.8));
            Assert.That(f[0, 3], Is.EqualTo(2443.6));
        }

        [Test]
        public void Load_EveryCellOfBothSamples_EqualsDoubleParse()
        {
            foreach (var name in new[] { "eustockmarkets-prices.csv", "gccindex-prices.csv" })
            {
                var f = CsvFrameLoader.Load(Sample(name));
                var lines = File.ReadAllLines(Sample(name));
                Assert.That(f.Rows, Is.EqualTo(lines.Length - 1), name);
                for (int i = 1; i < lines.Length; i++)
                {
                    var cells = lines[i].Split(',');
                    Assert.That(f.Dates[i - 1], Is.EqualTo(DateTime.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    for (int j = 1; j < cells.Length; j++)
                        Assert.That(f[i - 1, j - 1], Is.EqualTo(double.Parse(cells[j], CultureInfo.InvariantCulture)), $"{name} line {i + 1} col {j}");
                }
            }
        }

        [Test]
        public void Parse_RandomNumbers_BitIdenticalToDoubleParse()
        {
            // Property: the fast path and the fallback give exactly double.Parse's correctly rounded result.
            var rng = new Random(12345);
            var sb = new StringBuilder("Date,A,B,C,D\n");
            var expected = new double[400, 4];
            var d0 = new DateTime(2020, 1, 1);
            for (int i = 0; i < 400; i++)
            {
                sb.Append(d0.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                for (int j = 0; j < 4; j++)
                {
                    string s = j switch
                    {
                        0 => (rng.NextDouble() * 5000).ToString("F" + rng.Next(0, 8), CultureInfo.InvariantCulture),
                        1 => (rng.NextDouble() * 2 - 1).ToString("R", CultureInfo.InvariantCulture),
                        2 => ((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 30))).ToString("E" + rng.Next(0, 16), CultureInfo.InvariantCulture),
                        _ => (rng.Next(1, 100000) / 100.0).ToString(CultureInfo.InvariantCulture),
                    };
                    expected[i, j] = double.Parse(s, CultureInfo.InvariantCulture);
                    sb.Append(',').Append(s);
                }
                sb.Append('\n');
            }
            var f = CsvFrameLoader.Parse(sb.ToString(), "random.csv", FrameKind.LogReturns); // any finite number is a log return
            for (int i = 0; i < 400; i++)
                for (int j = 0; j < 4; j++)
                    Assert.That(BitConverter.DoubleToInt64Bits(f[i, j]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i, j])), $"row {i} col {j}");
        }

        [Test]
        public void Parse_LargeFile500x1260_ReadsEveryCell()
        {
            var rng = new Random(7);
            var sb = new StringBuilder("Date");
            for (int j = 0; j < 500; j++) sb.Append(",A").Append(j);
            sb.Append('\n');
            var d0 = new DateTime(2019, 1, 1);
            var last = new string[500];
            for (int i = 0; i < 1260; i++)
            {
                sb.Append(d0.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                for (int j = 0; j < 500; j++)
                {
                    last[j] = (10 + rng.NextDouble() * 1000).ToString("F4", CultureInfo.InvariantCulture);
                    sb.Append(',').Append(last[j]);
                }
                sb.Append('\n');
            }
            var f = CsvFrameLoader.Parse(sb.ToString(), "big.csv");
            Assert.That(f.Rows, Is.EqualTo(1260));
            Assert.That(f.AssetCount, Is.EqualTo(500));
            for (int j = 0; j < 500; j++) Assert.That(f[1259, j], Is.EqualTo(double.Parse(last[j], CultureInfo.InvariantCulture)));
        }

        [Test]
        public void Parse_IsoTimestampsWithTimeAndT_BothRead()
        {
            var f = CsvFrameLoader.Parse("Date,A\n2024-01-02 09:30:00,1\n2024-01-02T09:31:00,2\n2024-01-02T09:32:15.5Z,3\n", "t.csv");
            Assert.That(f.Dates[0], Is.EqualTo(new DateTime(2024, 1, 2, 9, 30, 0)));
            Assert.That(f.Dates[1], Is.EqualTo(new DateTime(2024, 1, 2, 9, 31, 0)));
            Assert.That(f.Dates[2], Is.EqualTo(new DateTime(2024, 1, 2, 9, 32, 15, 500)));
        }

        [Test]
        public void Parse_BomCrlfQuotesSemicolonsAndBlankLines_AreAccepted()
        {
            var f = CsvFrameLoader.Parse("\"Date\";\"ES 12-23\"; NQ \r\n2024-01-02; 4700.25 ;16000\r\n\r\n2024-01-03;4710.5;16100\r\n", "s.csv");
            Assert.That(f.Assets, Is.EqualTo(new[] { "ES 12-23", "NQ" }));
            Assert.That(f[1, 0], Is.EqualTo(4710.5));
            Assert.That(f.Rows, Is.EqualTo(2));
            using var tmp = new TempFiles();
            var bom = new UTF8Encoding(true).GetPreamble();
            var body = Encoding.UTF8.GetBytes("Date,A\n2024-01-02,1\n2024-01-03,2\n");
            var bytes = new byte[bom.Length + body.Length];
            bom.CopyTo(bytes, 0); body.CopyTo(bytes, bom.Length);
            Assert.That(CsvFrameLoader.Load(tmp.WriteBytes("bom.csv", bytes)).Rows, Is.EqualTo(2));
        }

        [Test]
        public void Parse_Returns_AllowNegativeValues()
        {
            var f = CsvFrameLoader.Parse("Date,A\n2024-01-02,-0.01\n2024-01-03,0.02\n", "r.csv", FrameKind.SimpleReturns);
            Assert.That(f[0, 0], Is.EqualTo(-0.01));
            Assert.That(f.Kind, Is.EqualTo(FrameKind.SimpleReturns));
        }

        [Test]
        public void Load_MissingFile_NamesThePath()
        {
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Load("/no/such/dir/prices.csv"));
            Assert.That(ex!.Message, Does.Contain("/no/such/dir/prices.csv").And.Contain("does not exist"));
        }

        [Test]
        public void Load_EmptyFile_SaysEmpty()
        {
            Assert.That(Rejects("").Message, Does.Contain("is empty"));
            Assert.That(Rejects("  \n\n").Message, Does.Contain("is empty"));
        }

        [Test]
        public void Load_HeaderOnly_SaysNoDataRows()
            => Assert.That(Rejects("Date,A,B\n").Message, Does.Contain("header but no data rows"));

        [Test]
        public void Load_SingleObservation_SaysAtLeastTwo()
            => Assert.That(Rejects("Date,A\n2024-01-02,1\n").Message, Does.Contain("1 observation").And.Contain("at least 2"));

        [TestCase("NaN")]
        [TestCase("Infinity")]
        [TestCase("-Infinity")]
        [TestCase("1e999")]
        public void Load_NonFiniteValue_NamesLineDateAndColumn(string cell)
        {
            var ex = Rejects($"Date,A,B\n2024-01-02,1,2\n2024-01-03,3,{cell}\n");
            Assert.That(ex.Message, Does.Contain("line 3").And.Contain("2024-01-03").And.Contain("column 'B'").And.Contain("not finite"));
        }

        [TestCase("abc")]
        [TestCase("1,5x")]
        [TestCase("#N/A")]
        [TestCase("0x10")]
        public void Load_NonNumericCell_NamesLineAndColumn(string cell)
        {
            var ex = Rejects($"Date,A\n2024-01-02,1\n2024-01-03,{cell}\n");
            if (cell.Contains(','))
                Assert.That(ex.Message, Does.Contain("line 3").And.Contain("ragged"));
            else
                Assert.That(ex.Message, Does.Contain("line 3").And.Contain("column 'A'").And.Contain($"'{cell}' is not a number"));
        }

        [Test]
        public void Load_EmptyCell_NamesLineAndColumn()
            => Assert.That(Rejects("Date,A,B\n2024-01-02,1,\n2024-01-03,1,2\n").Message, Does.Contain("line 2").And.Contain("column 'B'").And.Contain("empty cell"));

        [Test]
        public void Load_RaggedRows_NameTheLine()
        {
            Assert.That(Rejects("Date,A,B\n2024-01-02,1,2\n2024-01-03,1\n").Message, Does.Contain("line 3").And.Contain("ragged").And.Contain("2 cells"));
            Assert.That(Rejects("Date,A,B\n2024-01-02,1,2,3\n2024-01-03,1,2\n").Message, Does.Contain("line 2").And.Contain("ragged"));
        }

        [Test]
        public void Load_DuplicateDate_NamesLineAndDate()
            => Assert.That(Rejects("Date,A\n2024-01-02,1\n2024-01-03,2\n2024-01-03,3\n").Message, Does.Contain("line 4").And.Contain("duplicate date 2024-01-03"));

        [Test]
        public void Load_UnsortedDates_NamesLineAndBothDates()
            => Assert.That(Rejects("Date,A\n2024-01-03,1\n2024-01-02,2\n").Message, Does.Contain("line 3").And.Contain("not sorted").And.Contain("2024-01-02 comes after 2024-01-03"));

        [Test]
        public void Load_BadDate_NamesLineAndCell()
        {
            Assert.That(Rejects("Date,A\n2024-01-02,1\n02/01/2024,2\n").Message, Does.Contain("line 3").And.Contain("'02/01/2024'").And.Contain("date"));
            Assert.That(Rejects("Date,A\n2024-01-02,1\n2024-02-30,2\n").Message, Does.Contain("line 3").And.Contain("'2024-02-30'"));
        }

        [Test]
        public void Load_DuplicateAssetName_NamesBothColumns()
            => Assert.That(Rejects("Date,ES,NQ,ES\n2024-01-02,1,2,3\n2024-01-03,1,2,3\n").Message, Does.Contain("duplicate asset name 'ES'").And.Contain("columns 2 and 4"));

        [Test]
        public void Load_EmptyAssetName_NamesColumn()
            => Assert.That(Rejects("Date,ES,\n2024-01-02,1,2\n2024-01-03,1,2\n").Message, Does.Contain("column 3").And.Contain("empty"));

        [Test]
        public void Load_HeaderWithoutDate_IsRejected()
            => Assert.That(Rejects("Day,A\n2024-01-02,1\n2024-01-03,2\n").Message, Does.Contain("first header column must be 'Date'").And.Contain("'Day'"));

        [TestCase("0")]
        [TestCase("-12.5")]
        public void Load_NonPositivePrice_NamesLineDateColumnAndValue(string cell)
        {
            var ex = Rejects($"Date,A,B\n2024-01-02,1,2\n2024-01-03,{cell},2\n");
            Assert.That(ex.Message, Does.Contain("line 3").And.Contain("2024-01-03").And.Contain("column 'A'").And.Contain("price must be > 0").And.Contain(cell));
        }

        [Test]
        public void Load_MixedSeparators_NamesLine()
        {
            Assert.That(Rejects("Date,A,B\n2024-01-02,1,2\n2024-01-03;1;2\n").Message, Does.Contain("line 3").And.Contain("mixed separators"));
            Assert.That(Rejects("Date,A;B\n2024-01-02,1,2\n").Message, Does.Contain("line 1").And.Contain("mixed separators"));
        }

        [Test]
        public void Load_BinaryFile_NamesLineAndByte()
        {
            using var tmp = new TempFiles();
            string path = tmp.WriteBytes("bin.csv", new byte[] { (byte)'D', (byte)'a', (byte)'t', (byte)'e', (byte)'\n', 0x00, 0x01, 0x02 });
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Load(path));
            Assert.That(ex!.Message, Does.Contain("bin.csv").And.Contain("line 2").And.Contain("binary").And.Contain("0x00"));
        }

        [Test]
        public void Load_InvalidUtf8_NamesLineAndOffset()
        {
            using var tmp = new TempFiles();
            var bytes = Encoding.ASCII.GetBytes("Date,A\n2024-01-02,1\n2024-01-03,2\xE9\n");
            bytes[bytes.Length - 2] = 0xE9; // Latin-1 'é', invalid as UTF-8 here
            string path = tmp.WriteBytes("latin1.csv", bytes);
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Load(path));
            Assert.That(ex!.Message, Does.Contain("latin1.csv").And.Contain("line 3").And.Contain("invalid UTF-8").And.Contain("0xE9"));
        }

        [Test]
        public void Load_Utf16File_SaysSaveAsUtf8()
        {
            using var tmp = new TempFiles();
            string path = tmp.WriteBytes("u16.csv", Encoding.Unicode.GetPreamble());
            var ex = Assert.Throws<InvalidInputException>(() => CsvFrameLoader.Load(path));
            Assert.That(ex!.Message, Does.Contain("u16.csv").And.Contain("UTF-16"));
        }

        [Test]
        public void Load_Utf8AssetNames_AreKept()
        {
            var f = CsvFrameLoader.Parse("Date,Société Générale,Nestlé\n2024-01-02,1,2\n2024-01-03,1,2\n", "u.csv");
            Assert.That(f.Assets, Is.EqualTo(new[] { "Société Générale", "Nestlé" }));
        }
    }
}
