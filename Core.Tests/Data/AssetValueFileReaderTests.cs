using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    public class AssetValueFileReaderTests
    {
        private static readonly string[] Known = { "ES", "NQ", "CL" };

        [Test]
        public void ReadWeights_ValidFile_KeepsOrderAndAligns()
        {
            using var tmp = new TempFiles();
            var t = AssetValueFileReader.ReadWeights(tmp.Write("w.csv", "Asset,Weight\nNQ,0.25\nES, 0.5\nCL,-0.25\n"), Known);
            Assert.That(t.Assets, Is.EqualTo(new[] { "NQ", "ES", "CL" }));
            Assert.That(t.Align(Known), Is.EqualTo(new[] { 0.5, 0.25, -0.25 }));
            Assert.That(t["CL"], Is.EqualTo(-0.25));
        }

        [Test]
        public void ReadSectors_ValidFile_ReadsLabels()
        {
            using var tmp = new TempFiles();
            var t = AssetValueFileReader.ReadSectors(tmp.Write("s.csv", "Asset;Sector\nES;Equity\nNQ;Equity\nCL;Energy\n"), Known);
            Assert.That(t.Align(Known), Is.EqualTo(new[] { "Equity", "Equity", "Energy" }));
        }

        [Test]
        public void ReadExpectedReturns_PartialFileAllowed_WhenNotRequired()
        {
            using var tmp = new TempFiles();
            var t = AssetValueFileReader.ReadExpectedReturns(tmp.Write("mu.csv", "Asset,ExpectedReturn\nES,0.001\n"), Known, requireAll: false);
            Assert.That(t.Align(Known, 0.0), Is.EqualTo(new[] { 0.001, 0.0, 0.0 }));
            Assert.That(Assert.Throws<InvalidInputException>(() => t.Align(Known))!.Message, Does.Contain("mu.csv").And.Contain("'NQ'"));
        }

        [Test]
        public void ReadWeights_EveryProblem_IsListedWithLine()
        {
            using var tmp = new TempFiles();
            string path = tmp.Write("w.csv", "Asset,Weight\nES,0.5\nES,0.1\nGC,0.2\nNQ,abc\nCL,NaN\nZN\n");
            var ex = Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadWeights(path, Known));
            Assert.That(ex!.Message, Does.Contain("w.csv")
                .And.Contain("line 3: duplicate asset 'ES' (first on line 2)")
                .And.Contain("line 4: unknown asset 'GC'")
                .And.Contain("line 5, asset 'NQ': 'abc' is not a number")
                .And.Contain("line 6, asset 'CL'").And.Contain("not finite")
                .And.Contain("line 7: 1 cells"));
        }

        [Test]
        public void ReadSectors_MissingAsset_IsNamed()
        {
            using var tmp = new TempFiles();
            string path = tmp.Write("s.csv", "Asset,Sector\nES,Equity\nNQ,Equity\n");
            var ex = Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadSectors(path, Known));
            Assert.That(ex!.Message, Does.Contain("s.csv").And.Contain("missing asset 'CL'"));
        }

        [Test]
        public void ReadRiskBudgets_NegativeOrAllZero_IsRejected()
        {
            using var tmp = new TempFiles();
            string neg = tmp.Write("b.csv", "Asset,Budget\nES,0.5\nNQ,-0.1\nCL,0.6\n");
            Assert.That(Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadRiskBudgets(neg, Known))!.Message,
                Does.Contain("b.csv").And.Contain("line 3, asset 'NQ': must be >= 0"));
            string zero = tmp.Write("z.csv", "Asset,Budget\nES,0\nNQ,0\nCL,0\n");
            Assert.That(Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadRiskBudgets(zero, Known))!.Message,
                Does.Contain("z.csv").And.Contain("every budget is 0"));
        }

        [Test]
        public void Read_WrongHeaderEmptyOrHeaderOnly_IsRejected()
        {
            using var tmp = new TempFiles();
            Assert.That(Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadWeights(tmp.Write("h.csv", "Symbol,Weight\nES,1\n")))!.Message,
                Does.Contain("h.csv' line 1").And.Contain("header must be 'Asset,Weight'").And.Contain("'Symbol,Weight'"));
            Assert.That(Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadWeights(tmp.Write("e.csv", "")))!.Message,
                Does.Contain("e.csv").And.Contain("empty"));
            Assert.That(Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadWeights(tmp.Write("o.csv", "Asset,Weight\n")))!.Message,
                Does.Contain("o.csv").And.Contain("no rows"));
            Assert.That(Assert.Throws<InvalidInputException>(() => AssetValueFileReader.ReadWeights("/nope/w.csv"))!.Message,
                Does.Contain("/nope/w.csv").And.Contain("does not exist"));
        }
    }
}
