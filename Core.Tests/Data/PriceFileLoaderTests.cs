using System;
using System.IO;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    public class PriceFileLoaderTests
    {
        [Test]
        public void Load_OneCsv_ReturnsFrameWithNothingDropped()
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv");
            var r = PriceFileLoader.Load(new[] { path });
            Assert.That(r.Frame.Rows, Is.EqualTo(1860));
            Assert.That(r.Frame.Assets, Is.EqualTo(new[] { "DAX", "SMI", "CAC", "FTSE" }));
            Assert.That(r.Alignment.AnyDropped, Is.False);
            Assert.That(r.Alignment.AlignedRows, Is.EqualTo(1860));
            Assert.That(r.Warnings, Is.Empty);
        }

        [Test]
        public void Load_ThreeExports_InnerJoinsAndReportsDrops()
        {
            using var tmp = new TempFiles();
            // ES has 10-02..10-06; NQ misses 10-04; CL (comma-separated) misses 10-02 and has an extra 10-09.
            string es = tmp.Write("ES 12-23.Last.txt",
                "20231002;100;101;99;100.5;10\n20231003;100;101;99;100.25;10\n20231004;100;101;99;100.75;10\n20231005;100;101;99;101;10\n20231006;100;101;99;101.5;10\n");
            string nq = tmp.Write("NQ 12-23.Last.txt",
                "20231002;200;201;199;200.5;5\n20231003;200;201;199;200.25;5\n20231005;200;201;199;201;5\n20231006;200;201;199;201.5;5\n");
            string cl = tmp.Write("CL 11-23.Last.txt",
                "20231003,90,91,89,90.5,7\n20231004,90,91,89,90.25,7\n20231005,90,91,89,91,7\n20231006,90,91,89,91.5,7\n20231009,90,91,89,92,7\n");
            var r = PriceFileLoader.Load(new[] { es, nq, cl });
            var f = r.Frame;
            Assert.That(f.Assets, Is.EqualTo(new[] { "ES 12-23", "NQ 12-23", "CL 11-23" }));
            Assert.That(f.Dates, Is.EqualTo(new[] { new DateTime(2023, 10, 3), new DateTime(2023, 10, 5), new DateTime(2023, 10, 6) }));
            Assert.That(f[1, 0], Is.EqualTo(101.0));
            Assert.That(f[1, 1], Is.EqualTo(201.0));
            Assert.That(f[2, 2], Is.EqualTo(91.5));

            var a = r.Alignment;
            Assert.That(a.AlignedRows, Is.EqualTo(3));
            Assert.That(a.Sources[0].Rows, Is.EqualTo(5));
            Assert.That(a.Sources[0].DroppedRows, Is.EqualTo(2));
            Assert.That(a.Sources[0].FirstDropped, Is.EqualTo(new[] { new DateTime(2023, 10, 2), new DateTime(2023, 10, 4) }));
            Assert.That(a.Sources[1].DroppedRows, Is.EqualTo(1));
            Assert.That(a.Sources[1].FirstDropped, Is.EqualTo(new[] { new DateTime(2023, 10, 2) }));
            Assert.That(a.Sources[2].DroppedRows, Is.EqualTo(2));
            Assert.That(a.Sources[2].FirstDropped, Is.EqualTo(new[] { new DateTime(2023, 10, 4), new DateTime(2023, 10, 9) }));
            var lines = a.Describe();
            Assert.That(lines, Has.Count.EqualTo(3));
            Assert.That(lines[0], Does.Contain("ES 12-23.Last.txt").And.Contain("dropped 2 of 5").And.Contain("2023-10-02, 2023-10-04"));
        }

        [Test]
        public void Load_MinuteExports_AlignOnTimestamps()
        {
            using var tmp = new TempFiles();
            string es = tmp.Write("ES 12-23.Last.txt", "20231002 133100;1;2;1;1.5;1\n20231002 133200;1;2;1;1.25;1\n20231002 133300;1;2;1;1.75;1\n");
            string nq = tmp.Write("NQ 12-23.Last.txt", "20231002 133100,3,4,3,3.5,1\n20231002 133300,3,4,3,3.75,1\n");
            var r = PriceFileLoader.Load(new[] { es, nq });
            Assert.That(r.Frame.Dates, Is.EqualTo(new[] { new DateTime(2023, 10, 2, 13, 31, 0), new DateTime(2023, 10, 2, 13, 33, 0) }));
            Assert.That(r.Frame[1, 0], Is.EqualTo(1.75));
            Assert.That(r.Alignment.Sources[0].FirstDropped, Is.EqualTo(new[] { new DateTime(2023, 10, 2, 13, 32, 0) }));
        }

        [Test]
        public void Load_ExportWithOhlcIssue_CarriesWarning()
        {
            using var tmp = new TempFiles();
            string es = tmp.Write("ES 12-23.Last.txt", "20231002;1;2;3;2.5;1\n20231003;1;2;1;1.5;1\n");
            var r = PriceFileLoader.Load(new[] { es });
            Assert.That(r.SanityIssues, Has.Count.EqualTo(1));
            Assert.That(r.Warnings[0], Does.Contain("line 1").And.Contain("high 2 < low 3"));
        }

        [Test]
        public void Load_NoCommonTimestamps_NamesEachSourceRange()
        {
            using var tmp = new TempFiles();
            string a = tmp.Write("A.Last.txt", "20231002;1;2;1;1.5;1\n20231003;1;2;1;1.5;1\n");
            string b = tmp.Write("B.Last.txt", "20231002 100000;1;2;1;1.5;1\n20231002 100100;1;2;1;1.5;1\n");
            var ex = Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { a, b }));
            Assert.That(ex!.Message, Does.Contain("share 0 timestamp").And.Contain("A.Last.txt 2023-10-02..2023-10-03").And.Contain("B.Last.txt"));
        }

        [Test]
        public void Load_SameInstrumentTwice_IsRejected()
        {
            using var tmp = new TempFiles();
            string a = tmp.Write("ES.Last.txt", "20231002;1;2;1;1.5;1\n20231003;1;2;1;1.5;1\n");
            Directory.CreateDirectory(Path.Combine(tmp.Dir, "b"));
            string b = tmp.Write(Path.Combine("b", "ES.Last.txt"), "20231002;1;2;1;1.5;1\n20231003;1;2;1;1.5;1\n");
            var ex = Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { a, b }));
            Assert.That(ex!.Message, Does.Contain("duplicate asset name 'ES'"));
            ex = Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { a, a }));
            Assert.That(ex!.Message, Does.Contain("given twice"));
        }

        [Test]
        public void Load_CsvAndExport_AreJoined()
        {
            using var tmp = new TempFiles();
            string csv = tmp.Write("p.csv", "Date,SPY\n2023-10-02,420\n2023-10-03,421\n2023-10-04,422\n");
            string es = tmp.Write("ES 12-23.Last.txt", "20231003;1;2;1;1.5;1\n20231004;1;2;1;1.75;1\n");
            var r = PriceFileLoader.Load(new[] { csv, es });
            Assert.That(r.Frame.Assets, Is.EqualTo(new[] { "SPY", "ES 12-23" }));
            Assert.That(r.Frame.Rows, Is.EqualTo(2));
            Assert.That(r.Alignment.Sources[0].FirstDropped, Is.EqualTo(new[] { new DateTime(2023, 10, 2) }));
        }

        [Test]
        public void Load_TxtFileWithBadFirstLine_IsReadAsExport()
        {
            using var tmp = new TempFiles();
            string es = tmp.Write("ES 12-23.Last.txt", "2023-10-02;1;2;1;1.5;1\n20231003;1;2;1;1.5;1\n");
            var ex = Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { es }));
            Assert.That(ex!.Message, Does.Contain("ES 12-23.Last.txt line 1").And.Contain("yyyyMMdd"));
            string csv = tmp.Write("prices.txt", "Date,A\n2023-10-02,1\n2023-10-03,2\n");
            Assert.That(PriceFileLoader.Load(new[] { csv }).Frame.Assets, Is.EqualTo(new[] { "A" }));
        }

        [Test]
        public void Load_EmptyListOrMissingFile_IsRejected()
        {
            Assert.That(Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(Array.Empty<string>()))!.Message, Does.Contain("no price file"));
            Assert.That(Assert.Throws<InvalidInputException>(() => PriceFileLoader.Load(new[] { "/nope/ES.Last.txt" }))!.Message, Does.Contain("/nope/ES.Last.txt"));
        }
    }
}
