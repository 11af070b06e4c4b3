using System;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    public class NinjaTraderExportLoaderTests
    {
        private const string DailySemicolon =
            "20231002;4300.25;4330.5;4280;4310.75;1523400\r\n" +
            "20231003;4310.75;4315;4250.25;4260.5;1802211\r\n" +
            "20231004;4260.5;4290;4255;4288.25;1400000\r\n";

        private const string MinuteComma =
            "20231002 133100,4300.25,4301.5,4299.75,4301,1250\n" +
            "20231002 133200,4301,4302.25,4300.5,4302,980\n" +
            "20231002 133300,4302,4302.5,4301,4301.25,1100\n";

        [TestCase("ES 12-23.Last.txt", "ES 12-23")]
        [TestCase("/data/NQ 03-24.Last.txt", "NQ 03-24")]
        [TestCase("EURUSD.Bid.txt", "EURUSD")]
        [TestCase("CL.txt", "CL")]
        public void InstrumentFromFileName_StripsExportSuffix(string path, string instrument)
            => Assert.That(NinjaTraderExportLoader.InstrumentFromFileName(path), Is.EqualTo(instrument));

        [Test]
        public void Load_DailySemicolonExport_ReadsBarsAndUsesFileName()
        {
            using var tmp = new TempFiles();
            var s = NinjaTraderExportLoader.Load(tmp.Write("ES 12-23.Last.txt", DailySemicolon));
            Assert.That(s.Instrument, Is.EqualTo("ES 12-23"));
            Assert.That(s.IsIntraday, Is.False);
            Assert.That(s.Count, Is.EqualTo(3));
            Assert.That(s.Times[1], Is.EqualTo(new DateTime(2023, 10, 3)));
            Assert.That(s.Open[1], Is.EqualTo(4310.75));
            Assert.That(s.High[1], Is.EqualTo(4315));
            Assert.That(s.Low[1], Is.EqualTo(4250.25));
            Assert.That(s.Close[1], Is.EqualTo(4260.5));
            Assert.That(s.Volume[1], Is.EqualTo(1802211L));
            Assert.That(s.SanityIssues, Is.Empty);
            var f = s.ToCloseFrame();
            Assert.That(f.Assets, Is.EqualTo(new[] { "ES 12-23" }));
            Assert.That(f[2, 0], Is.EqualTo(4288.25));
        }

        [Test]
        public void Load_MinuteCommaExport_ReadsTimes()
        {
            using var tmp = new TempFiles();
            var s = NinjaTraderExportLoader.Load(tmp.Write("NQ 12-23.Last.txt", MinuteComma));
            Assert.That(s.IsIntraday, Is.True);
            Assert.That(s.Times[0], Is.EqualTo(new DateTime(2023, 10, 2, 13, 31, 0)));
            Assert.That(s.Times[2], Is.EqualTo(new DateTime(2023, 10, 2, 13, 33, 0)));
            Assert.That(s.Close[2], Is.EqualTo(4301.25));
            Assert.That(s.Volume[0], Is.EqualTo(1250L));
        }

        [TestCase(';', false)]
        [TestCase(',', false)]
        [TestCase(';', true)]
        [TestCase(',', true)]
        public void Load_EitherSeparatorDailyOrMinute_GivesSameBars(char sep, bool minute)
        {
            string t1 = minute ? "20231002 153000" : "20231002", t2 = minute ? "20231002 153100" : "20231003";
            string text = $"{t1}{sep}4300.25{sep}4330.5{sep}4280{sep}4310.75{sep}15\r\n{t2}{sep}4310.75{sep}4315{sep}4250.25{sep}4260.5{sep}18\r\n";
            using var tmp = new TempFiles();
            var s = NinjaTraderExportLoader.Load(tmp.Write("CL 01-24.Last.txt", text));
            Assert.That(s.Instrument, Is.EqualTo("CL 01-24"));
            Assert.That(s.IsIntraday, Is.EqualTo(minute));
            Assert.That(s.Times[1], Is.EqualTo(minute ? new DateTime(2023, 10, 2, 15, 31, 0) : new DateTime(2023, 10, 3)));
            Assert.That(s.Close, Is.EqualTo(new[] { 4310.75, 4260.5 }));
            Assert.That(s.Volume, Is.EqualTo(new[] { 15L, 18L }));
        }

        [Test]
        public void Load_BinaryExport_NamesFileAndLine()
        {
            using var tmp = new TempFiles();
            string path = tmp.WriteBytes("ES 12-23.Last.txt", new byte[] { (byte)'2', (byte)'0', (byte)'2', (byte)'3', 0x00, 0xFF, 0x10, 0x00, 0x00 });
            var ex = Assert.Throws<InvalidInputException>(() => NinjaTraderExportLoader.Load(path));
            Assert.That(ex!.Message, Does.Contain("ES 12-23.Last.txt").And.Contain("line 1").And.Contain("binary"));
            ex = Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { path }));
            Assert.That(ex!.Message, Does.Contain("ES 12-23.Last.txt").And.Contain("binary"));
        }

        [Test]
        public void Load_EmptyExport_SaysEmpty()
        {
            using var tmp = new TempFiles();
            var ex = Assert.Throws<InvalidInputException>(() => NinjaTraderExportLoader.Load(tmp.Write("ES.Last.txt", "")));
            Assert.That(ex!.Message, Does.Contain("ES.Last.txt").And.Contain("empty"));
        }

        [Test]
        public void Parse_InconsistentOhlc_IsReportedWithLineAndDate()
        {
            var s = NinjaTraderExportLoader.Parse(
                "20231002;4300;4280;4330;4310;10\n" +      // high < low
                "20231003;4400;4315;4250;4260;10\n" +      // open above high
                "20231004;4260;4290;4255;4250;10\n" +      // close below low
                "20231005;4260;4290;4255;4260;10\n", "x.Last.txt", "X");
            Assert.That(s.SanityIssueCount, Is.EqualTo(3));
            Assert.That(s.SanityIssues[0], Does.Contain("x.Last.txt line 1 (2023-10-02)").And.Contain("high 4280 < low 4330"));
            Assert.That(s.SanityIssues[1], Does.Contain("line 2").And.Contain("open 4400 outside"));
            Assert.That(s.SanityIssues[2], Does.Contain("line 3").And.Contain("close 4250 outside"));
        }

        private static InvalidInputException Rejects(string text)
        {
            var ex = Assert.Throws<InvalidInputException>(() => NinjaTraderExportLoader.Parse(text, "ES 12-23.Last.txt", "ES 12-23"));
            Assert.That(ex!.Message, Does.Contain("ES 12-23.Last.txt"));
            return ex;
        }

        [Test]
        public void Parse_MixedSeparators_NamesLine()
            => Assert.That(Rejects("20231002;1;2;1;1;10\n20231003,1,2,1,1,10\n").Message, Does.Contain("line 2").And.Contain("mixed separators"));

        [Test]
        public void Parse_RaggedRow_NamesLine()
            => Assert.That(Rejects("20231002;1;2;1;1;10\n20231003;1;2;1;1\n").Message, Does.Contain("line 2").And.Contain("5 fields"));

        [Test]
        public void Parse_TickExport_IsRejected()
            => Assert.That(Rejects("20231002 133100 0000000;4300.25;2\n20231002 133100 0000001;4300.5;1\n").Message, Does.Contain("tick data"));

        [Test]
        public void Parse_MixedDailyAndMinute_NamesLine()
            => Assert.That(Rejects("20231002;1;2;1;1;10\n20231003 100000;1;2;1;1;10\n").Message, Does.Contain("line 2").And.Contain("mixes daily"));

        [Test]
        public void Parse_NonPositiveClose_NamesLineDateAndColumn()
            => Assert.That(Rejects("20231002;1;2;1;1;10\n20231003;1;2;1;0;10\n").Message, Does.Contain("line 2 (2023-10-03)").And.Contain("column 'close'").And.Contain("> 0"));

        [Test]
        public void Parse_NaNPrice_NamesColumn()
            => Assert.That(Rejects("20231002;1;NaN;1;1;10\n20231003;1;2;1;1;10\n").Message, Does.Contain("line 1").And.Contain("column 'high'").And.Contain("not finite"));

        [Test]
        public void Parse_NonNumericPrice_NamesColumn()
            => Assert.That(Rejects("20231002;1;2;1;1;10\n20231003;1;2;x1;1;10\n").Message, Does.Contain("line 2").And.Contain("column 'low'").And.Contain("'x1' is not a number"));

        [Test]
        public void Parse_FractionalVolume_NamesColumn()
            => Assert.That(Rejects("20231002;1;2;1;1;10.5\n20231003;1;2;1;1;10\n").Message, Does.Contain("line 1").And.Contain("column 'volume'"));

        [Test]
        public void Parse_DuplicateAndUnsortedTimestamps_NameLine()
        {
            Assert.That(Rejects("20231002;1;2;1;1;10\n20231002;1;2;1;1;10\n").Message, Does.Contain("line 2").And.Contain("duplicate timestamp 2023-10-02"));
            Assert.That(Rejects("20231003;1;2;1;1;10\n20231002;1;2;1;1;10\n").Message, Does.Contain("line 2").And.Contain("not sorted"));
        }

        [Test]
        public void Parse_BadTimestamp_NamesLine()
            => Assert.That(Rejects("20231002;1;2;1;1;10\n2023-10-03;1;2;1;1;10\n").Message, Does.Contain("line 2").And.Contain("'2023-10-03'"));

        [Test]
        public void Parse_SingleBar_SaysAtLeastTwo()
            => Assert.That(Rejects("20231002;1;2;1;1;10\n").Message, Does.Contain("at least 2"));
    }
}
