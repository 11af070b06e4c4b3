using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    public class RiskBudgetsTests
    {
        [Test]
        public void Equal_GivesOneOverN()
        {
            var b = RiskBudgets.Equal(4);
            Assert.That(b.Values, Is.EqualTo(new[] { 0.25, 0.25, 0.25, 0.25 }));
        }

        [Test]
        public void FromProportions_RescalesToSumOne()
        {
            var b = RiskBudgets.FromProportions(new[] { 2.0, 1.0, 1.0 });
            Assert.That(b.Values, Is.EqualTo(new[] { 0.5, 0.25, 0.25 }));
        }

        [Test]
        public void FromMap_OrdersBudgetsLikeTheAssets()
        {
            var map = new Dictionary<string, double> { ["CL"] = 0.2, ["ES"] = 0.5, ["NQ"] = 0.3 };
            var b = RiskBudgets.FromMap(new[] { "ES", "NQ", "CL" }, map);
            Assert.That(b.Values, Is.EqualTo(new[] { 0.5, 0.3, 0.2 }));
        }

        [Test]
        public void From_AcceptsSumWithinTolerance()
        {
            var b = RiskBudgets.From(new[] { 0.1, 0.2, 0.7 + 5e-9 });
            Assert.That(b.Count, Is.EqualTo(3));
        }
    }
}
