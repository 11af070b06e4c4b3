using System;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Data
{
    public class ReturnCalculatorTests
    {
        private static readonly DateTime D0 = new DateTime(2024, 1, 2);

        private static AssetFrame Prices()
            => new AssetFrame(new[] { D0, D0.AddDays(1), D0.AddDays(2) }, new[] { "A", "B" },
                new[] { new[] { 100.0, 110.0, 99.0 }, new[] { 50.0, 50.0, 25.0 } }, FrameKind.Prices, "p.csv");

        [Test]
        public void Simple_DropsFirstDate_AndUsesPreviousPrice()
        {
            var r = ReturnCalculator.Simple(Prices());
            Assert.That(r.Kind, Is.EqualTo(FrameKind.SimpleReturns));
            Assert.That(r.Dates, Is.EqualTo(new[] { D0.AddDays(1), D0.AddDays(2) }));
            // 110/100 - 1 = 0.1, 99/110 - 1 = -0.1, 50/50 - 1 = 0, 25/50 - 1 = -0.5 (worked by hand)
            Assert.That(r[0, 0], Is.EqualTo(0.1).Within(1e-15));
            Assert.That(r[1, 0], Is.EqualTo(-0.1).Within(1e-15));
            Assert.That(r[0, 1], Is.EqualTo(0.0));
            Assert.That(r[1, 1], Is.EqualTo(-0.5));
        }

        [Test]
        public void Log_IsLnOfPriceRatio()
        {
            var r = ReturnCalculator.Log(Prices());
            Assert.That(r.Kind, Is.EqualTo(FrameKind.LogReturns));
            Assert.That(r[0, 0], Is.EqualTo(Math.Log(1.1)).Within(1e-15));
            Assert.That(r[1, 1], Is.EqualTo(-Math.Log(2)).Within(1e-15));
            // Log returns add up: sum = ln(P_last / P_first).
            Assert.That(r[0, 0] + r[1, 0], Is.EqualTo(Math.Log(0.99)).Within(1e-15));
        }

        [Test]
        public void Returns_OfReturnFrame_AreRejected()
        {
            var r = ReturnCalculator.Simple(Prices());
            var ex = Assert.Throws<InvalidInputException>(() => ReturnCalculator.Log(r));
            Assert.That(ex!.Message, Does.Contain("p.csv").And.Contain("price frame"));
        }

        [Test]
        public void Returns_OfSinglePrice_AreRejected()
        {
            var p = new AssetFrame(new[] { D0 }, new[] { "A" }, new[] { new[] { 1.0 } }, FrameKind.Prices, "one.csv");
            Assert.That(Assert.Throws<InvalidInputException>(() => ReturnCalculator.Simple(p))!.Message, Does.Contain("one.csv").And.Contain("at least 2"));
        }
    }
}
