using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Sizing
{
    /// <summary>A sizing instrument holds its planner instrument: one validation, the planner's messages, and equality by value.</summary>
    public sealed class SizingInstrumentTests
    {
        // Messages written out by hand from the planner instrument's rules (price and point value > 0, lot >= 1, weight finite).
        [TestCase(0.0, 50.0, 1, 0.1, "price of 'ES' must be > 0, got 0")]
        [TestCase(5000.0, -1.0, 1, 0.1, "point value of 'ES' must be > 0, got -1")]
        [TestCase(5000.0, 50.0, 0, 0.1, "lot size of 'ES' must be >= 1, got 0")]
        [TestCase(5000.0, 50.0, 1, double.NaN, "target weight of 'ES' must be finite, got NaN")]
        public void BadFields_AreRefusedWithThePlannersMessages(double price, double pointValue, int lot, double weight, string message)
        {
            var sizing = Assert.Throws<InvalidInputException>(() => new SizingInstrument("ES", (decimal)price, (decimal)pointValue, lot, 0, weight))!;
            var planner = Assert.Throws<InvalidInputException>(() => new PlannerInstrument("ES", (decimal)price, (decimal)pointValue, lot, 0, weight))!;
            Assert.That(sizing.Message, Is.EqualTo(message).And.EqualTo(planner.Message));
        }

        [Test]
        public void SizingOwnChecks_KeepTheirMessages()
        {
            Assert.That(() => new SizingInstrument("ES", 5000m, 50m, 1, 0, 0.1, margin: -1m),
                Throws.InstanceOf<InvalidInputException>().With.Message.EqualTo("margin of 'ES' must be >= 0, got -1"));
            Assert.That(() => new SizingInstrument("ES", 5000m, 50m, 2, 0, 0.1, micro: new MicroContract("MES", 10)),
                Throws.InstanceOf<InvalidInputException>().With.Message.EqualTo("'ES' names micro 'MES' but has lot size 2; micros need lot size 1"));
        }

        [Test]
        public void TheFieldsAreThePlannerInstruments_AndEqualInstrumentsCompareEqual()
        {
            var a = new SizingInstrument("ES", 5000.25m, 50m, 1, -3, 0.4, " eur ", 12_000m);
            Assert.That((a.Symbol, a.Price, a.PointValue, a.LotSize, a.CurrentQuantity, a.TargetWeight, a.Currency, a.Margin),
                Is.EqualTo(("ES", 5000.25m, 50m, 1, -3L, 0.4, "EUR", (decimal?)12_000m)));
            Assert.That(a.Planner, Is.EqualTo(new PlannerInstrument("ES", 5000.25m, 50m, 1, -3, 0.4)));
            Assert.That(new SizingInstrument("ES", 5000.25m, 50m, 1, -3, 0.4, "EUR", 12_000m), Is.EqualTo(a));
            Assert.That(new SizingInstrument("ES", 5000.25m, 50m, 1, -2, 0.4, "EUR", 12_000m), Is.Not.EqualTo(a));
        }
    }
}
