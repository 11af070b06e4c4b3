using System;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    public class AssetFrameTests
    {
        private static readonly DateTime D0 = new DateTime(2024, 1, 2);

        [Test]
        public void Constructor_WithUnsortedDates_NamesTheRow()
        {
            var ex = Assert.Throws<InvalidInputException>(() => new AssetFrame(
                new[] { D0, D0.AddDays(2), D0.AddDays(1) }, new[] { "A" }, new[] { new[] { 1.0, 2.0, 3.0 } }, FrameKind.Prices, "p.csv"));
            Assert.That(ex!.Message, Does.Contain("p.csv").And.Contain("row 3").And.Contain("2024-01-03"));
        }

        [Test]
        public void Constructor_WithNonPositivePrice_NamesAssetAndDate()
        {
            var ex = Assert.Throws<InvalidInputException>(() => new AssetFrame(
                new[] { D0, D0.AddDays(1) }, new[] { "ES", "NQ" }, new[] { new[] { 1.0, 2.0 }, new[] { 3.0, -1.0 } }, FrameKind.Prices, "p.csv"));
            Assert.That(ex!.Message, Does.Contain("'NQ'").And.Contain("2024-01-03").And.Contain("-1"));
        }

        [Test]
        public void Constructor_WithDuplicateAsset_Throws()
        {
            var ex = Assert.Throws<InvalidInputException>(() => new AssetFrame(
                new[] { D0 }, new[] { "ES", "ES" }, new[] { new[] { 1.0 }, new[] { 2.0 } }, FrameKind.Prices));
            Assert.That(ex!.Message, Does.Contain("duplicate asset name 'ES'"));
        }

        [Test]
        public void Select_ReordersColumns_AndUnknownAssetIsNamed()
        {
            var f = new AssetFrame(new[] { D0 }, new[] { "A", "B" }, new[] { new[] { 1.0 }, new[] { 2.0 } }, FrameKind.Prices);
            var s = f.Select(new[] { "B", "A" });
            Assert.That(s[0, 0], Is.EqualTo(2.0));
            var ex = Assert.Throws<InvalidInputException>(() => f.Select(new[] { "C" }));
            Assert.That(ex!.Message, Does.Contain("unknown asset 'C'"));
        }
    }
}
