using System.Linq;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Limits
{
    /// <summary>The declaration table of limits: ranges, the one message per limit, and the one default per limit.</summary>
    public sealed class LimitSpecTests
    {
        [Test]
        public void RangeText_ReadsAsTheDeclaredRange()
        {
            Assert.That(LimitCatalog.MaxWeight.RangeText, Is.EqualTo("a finite number"));
            Assert.That(LimitCatalog.MaxLeverage.RangeText, Is.EqualTo("> 0"));
            Assert.That(LimitCatalog.MaxTurnover.RangeText, Is.EqualTo(">= 0"));
            Assert.That(LimitCatalog.MaxParticipation.RangeText, Is.EqualTo("in (0, 1]"));
        }

        [TestCase(0.0, false)]
        [TestCase(1e-12, true)]
        [TestCase(1.0, true)]
        [TestCase(1.0000001, false)]
        [TestCase(double.NaN, false)]
        public void Participation_IsValidExactlyInsideItsHalfOpenRange(double value, bool valid)
            => Assert.That(LimitCatalog.MaxParticipation.IsValid(value), Is.EqualTo(valid));

        [Test]
        public void Infinity_IsNeverValid_EvenWhereTheRangeIsOpenAbove()
        {
            foreach (var spec in LimitCatalog.All)
            {
                Assert.That(spec.IsValid(double.PositiveInfinity), Is.False, spec.Name);
                Assert.That(spec.IsValid(double.NegativeInfinity), Is.False, spec.Name);
            }
        }

        [Test]
        public void Message_ShowsMoneyAndCountsAsTyped_AndCheckPrefixesTheCulprit()
        {
            Assert.That(LimitCatalog.MaxOrderNotional.Problem(-2.50m), Is.EqualTo("max order notional must be > 0 (currency), got -2.50"));
            Assert.That(LimitCatalog.MaxOrderQuantity.Problem(0L), Is.EqualTo("max order quantity must be > 0 (whole units), got 0"));
            Assert.That(LimitCatalog.MaxOrderQuantity.Problem(3L), Is.Null);
            var ex = Assert.Throws<InvalidInputException>(() => LimitCatalog.MaxParticipation.Check(1.5, "option --max-participation"));
            Assert.That(ex!.Message, Is.EqualTo("option --max-participation: max participation must be in (0, 1] (fraction of market volume), got 1.5"));
        }

        [Test]
        public void EveryLimit_IsDeclaredOnce_WithNameUnitAndDescription()
        {
            Assert.That(LimitCatalog.All.Select(s => s.Name).Distinct().Count(), Is.EqualTo(LimitCatalog.All.Count));
            Assert.That(LimitCatalog.All.Count, Is.EqualTo(17));
            foreach (var s in LimitCatalog.All)
                Assert.That(s.ToString(), Does.StartWith(s.Name + " (" + s.Unit + "), " + s.RangeText));
        }

        [Test]
        public void Defaults_AreTheDeclaredOnes_OnEveryFaceButTheChart()
        {
            var longOnly = PortfolioConstraints.LongOnly;
            Assert.That(longOnly.MinWeight, Is.EqualTo(LimitCatalog.MinWeight.Default).And.EqualTo(0));
            Assert.That(longOnly.MaxWeight, Is.EqualTo(LimitCatalog.MaxWeight.Default).And.EqualTo(1));
            Assert.That(longOnly.Budget, Is.EqualTo(LimitCatalog.Budget.Default).And.EqualTo(1));
            Assert.That(longOnly.MaxLeverage, Is.EqualTo(LimitCatalog.MaxLeverage.Default).And.EqualTo(1));
            var config = new LimitsConfig();
            Assert.That(config.MinWeight, Is.EqualTo(LimitCatalog.MinWeight.Default));
            Assert.That(config.MaxWeight, Is.EqualTo(LimitCatalog.MaxWeight.Default));
            // The chart face's own default, declared next to the limit with its reason, is a valid, tighter cap.
            Assert.That(LimitCatalog.MaxWeight.IsValid(LimitCatalog.ChartMaxWeightDefault), Is.True);
            Assert.That(LimitCatalog.ChartMaxWeightDefault, Is.EqualTo(0.6).And.LessThan(LimitCatalog.MaxWeight.Default!.Value));
        }
    }
}
