using System;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>Kelly fractions against Thorp, "The Kelly criterion in blackjack, sports betting and the stock market" (2006).</summary>
    public sealed class KellyCriterionTests
    {
        [Test]
        public void SingleBet_ThorpCoinTossP051EvenMoney_Stakes2Percent()
        {
            // Thorp section 2: even-money bet (b = 1) won with p = 0.51: f* = p - q = 0.02.
            Assert.That(KellyCriterion.SingleBet(0.51, 1.0), Is.EqualTo(0.02).Within(1e-15));
            // g(f*) = 0.51 ln 1.02 + 0.49 ln 0.98 = 2.00013e-4 (by hand: ln 1.02 = 0.0198026, ln 0.98 = -0.0202027).
            Assert.That(KellyCriterion.SingleBetGrowth(0.51, 1.0, 0.02), Is.EqualTo(0.51 * Math.Log(1.02) + 0.49 * Math.Log(0.98)).Within(1e-17));
            Assert.That(KellyCriterion.SingleBetGrowth(0.51, 1.0, 0.02), Is.EqualTo(2.00013e-4).Within(1e-9));
        }

        [Test]
        public void SingleBet_OddsTwoToOne_IsPMinusQOverB()
        {
            // p = 0.4 at 2:1: f* = 0.4 - 0.6/2 = 0.1; growth is maximal there (neighbours grow less).
            Assert.That(KellyCriterion.SingleBet(0.4, 2.0), Is.EqualTo(0.1).Within(1e-15));
            double g = KellyCriterion.SingleBetGrowth(0.4, 2.0, 0.1);
            Assert.That(g, Is.GreaterThan(KellyCriterion.SingleBetGrowth(0.4, 2.0, 0.09)));
            Assert.That(g, Is.GreaterThan(KellyCriterion.SingleBetGrowth(0.4, 2.0, 0.11)));
        }

        [Test]
        public void SingleBet_UnfavourableBet_IsNegative()
            => Assert.That(KellyCriterion.SingleBet(0.45, 1.0), Is.EqualTo(-0.1).Within(1e-15));

        [Test]
        public void Continuous_ThorpStockMarketExample_Leverage222AndGrowth1156()
        {
            // Thorp section 7: m = 0.11, r = 0.06, s = 0.15: f* = 0.05 / 0.0225 = 2.22, g(f*) = r + (m - r)^2 / (2 s^2) = 0.1156.
            double f = KellyCriterion.Continuous(0.11, 0.06, 0.15);
            Assert.That(f, Is.EqualTo(2.2222222222222222).Within(1e-14));
            Assert.That(KellyCriterion.ContinuousGrowth(0.11, 0.06, 0.15, f), Is.EqualTo(0.06 + 0.0025 / 0.045).Within(1e-15));
            Assert.That(KellyCriterion.ContinuousGrowth(0.11, 0.06, 0.15, f), Is.EqualTo(0.1156).Within(1e-4));
            // Half Kelly keeps 3/4 of the excess growth: g(f/2) - r = 0.75 (g(f) - r).
            Assert.That(KellyCriterion.ContinuousGrowth(0.11, 0.06, 0.15, f / 2) - 0.06, Is.EqualTo(0.75 * 0.0025 / 0.045).Within(1e-15));
        }

        [TestCase(-0.1, 1.0)]
        [TestCase(1.1, 1.0)]
        [TestCase(double.NaN, 1.0)]
        [TestCase(0.5, 0.0)]
        [TestCase(0.5, -1.0)]
        public void SingleBet_BadInput_Throws(double p, double b)
            => Assert.That(() => KellyCriterion.SingleBet(p, b), Throws.InstanceOf<ArgumentException>());

        [Test]
        public void Continuous_ZeroVolatility_Throws()
            => Assert.That(() => KellyCriterion.Continuous(0.1, 0.05, 0), Throws.InstanceOf<ArgumentException>());
    }
}
