using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Risk;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk
{
    public class ValueAtRiskTests
    {
        // Standard normal table: Phi^-1(0.05) = -1.6448536269514722, Phi^-1(0.01) = -2.3263478740408408.
        private const double Z95 = -1.6448536269514722;
        private const double Z99 = -2.3263478740408408;

        // Ten returns, hand-sorted: -0.05 -0.03 -0.02 -0.01 0 0.01 0.015 0.02 0.03 0.04.
        private static readonly double[] Ten = { 0.03, -0.02, 0.01, -0.05, 0.00, 0.02, -0.01, 0.04, -0.03, 0.015 };

        [Test]
        public void TailZ_MatchesNormalTable()
        {
            Assert.That(ValueAtRisk.TailZ(0.95), Is.EqualTo(Z95).Within(1e-14));
            Assert.That(ValueAtRisk.TailZ(0.99), Is.EqualTo(Z99).Within(1e-14));
        }

        [Test]
        public void Parametric_IsMinusMeanPlusZSigma()
            => Assert.That(ValueAtRisk.Parametric(0.001, 0.02, 0.99), Is.EqualTo(-(0.001 + Z99 * 0.02)).Within(1e-15));

        [TestCase(0.90, 0.032)]  // h = 9 * 0.10 = 0.9: -0.05 + 0.9 * (-0.03 + 0.05) = -0.032
        [TestCase(0.80, 0.022)]  // h = 1.8: -0.03 + 0.8 * (-0.02 + 0.03) = -0.022
        [TestCase(0.95, 0.041)]  // h = 0.45: -0.05 + 0.45 * 0.02 = -0.041
        [TestCase(0.50, -0.005)] // h = 4.5: 0 + 0.5 * 0.01 = 0.005 (a gain, so VaR is negative)
        public void Historical_OnHandSortedSample_InterpolatesType7(double c, double expected)
            => Assert.That(ValueAtRisk.Historical(Ten, c), Is.EqualTo(expected).Within(1e-15));

        [TestCase(0.90, 0.05)]   // returns <= -0.032: {-0.05}
        [TestCase(0.80, 0.04)]   // returns <= -0.022: {-0.05, -0.03}
        [TestCase(0.95, 0.05)]   // returns <= -0.041: {-0.05}
        [TestCase(0.60, 0.0275)] // q = -0.01 + 0.6 * 0.01 = -0.004: {-0.05,-0.03,-0.02,-0.01}, mean -0.0275
        public void HistoricalCVaR_OnHandSortedSample_AveragesTheTail(double c, double expected)
            => Assert.That(ExpectedShortfall.Historical(Ten, c), Is.EqualTo(expected).Within(1e-15));

        [Test]
        public void Type7_AtEndsReturnsMinAndMax()
        {
            Assert.That(EmpiricalQuantile.Type7(Ten, 0), Is.EqualTo(-0.05));
            Assert.That(EmpiricalQuantile.Type7(Ten, 1), Is.EqualTo(0.04));
            Assert.That(Ten[0], Is.EqualTo(0.03), "input must not be sorted in place");
        }

        [Test]
        public void ParametricCVaR_IsMeanOfNormalTail()
        {
            // phi(-1.6448536) = exp(-z^2/2)/sqrt(2 pi) = 0.10313564037537128; /0.05 = 2.0627128075074257.
            Assert.That(ExpectedShortfall.TailFactor(0.95), Is.EqualTo(2.0627128075074257).Within(1e-13));
            Assert.That(ExpectedShortfall.Parametric(0.0, 1.0, 0.95), Is.EqualTo(2.0627128075074257).Within(1e-13));
        }

        [Test]
        public void CornishFisher_MatchesPublishedExample()
        {
            // AcadiFi, "How does the Cornish-Fisher expansion adjust VaR for non-normality" (worked example):
            // daily sigma = 1.2%, S = -0.7, excess K = 4.5, 99%: z_CF = -3.708 and -z_CF sigma = 3.708 x 1.2% = 4.45%
            // (normal: 2.326 x 1.2% = 2.79%). The source rounds intermediates to 3-4 digits, and it then ADDS the mean
            // (0.03%) to get 4.48%, whereas our convention -(mu + z sigma) subtracts it; so compare at mu = 0.
            Assert.That(ValueAtRisk.CornishFisherZ(Z99, -0.7, 4.5), Is.EqualTo(-3.708).Within(1e-3));
            Assert.That(ValueAtRisk.Modified(0.0, 0.012, -0.7, 4.5, 0.99), Is.EqualTo(0.0445).Within(5e-5));
            Assert.That(ValueAtRisk.Parametric(0.0, 0.012, 0.99), Is.EqualTo(0.0279).Within(5e-5));
            Assert.That(ValueAtRisk.Modified(0.0003, 0.012, -0.7, 4.5, 0.99), Is.EqualTo(ValueAtRisk.Modified(0.0, 0.012, -0.7, 4.5, 0.99) - 0.0003).Within(1e-15));
        }

        // Mir (D library) documentation, mir.stat.distribution.cornish_fisher.cornishFisherInvCDF examples
        // (opendlang.org/library/mir.stat.distribution.cornish_fisher.cornishFisherInvCDF.2.html): quantile p, skewness,
        // excess kurtosis -> Cornish-Fisher standardised quantile, printed to 7 significant digits.
        [TestCase(0.5, 1.0, 0.0, -0.1666667)]
        [TestCase(0.5, -1.0, 0.0, 0.1666667)]
        [TestCase(0.9, 0.1, 0.0, 1.292868)]
        [TestCase(0.9, 0.1, 1.0, 1.220374)]
        [TestCase(0.9, 0.1, -1.0, 1.365363)]
        [TestCase(0.99, 0.1, 0.0, 2.396116)]
        [TestCase(0.99, 0.1, 1.0, 2.629904)]
        [TestCase(0.99, 0.1, -1.0, 2.162328)]
        [TestCase(0.01, 0.1, 0.0, -2.249053)]
        [TestCase(0.01, 0.1, 1.0, -2.482841)]
        [TestCase(0.01, 0.1, -1.0, -2.015265)]
        public void CornishFisher_MatchesMirDocumentationTable(double p, double skew, double kurt, double expected)
            => Assert.That(ValueAtRisk.CornishFisherZ(MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p), skew, kurt), Is.EqualTo(expected).Within(5e-7));

        [Test]
        public void CornishFisher_WithNormalMoments_EqualsParametric()
            => Assert.That(ValueAtRisk.Modified(0.001, 0.02, 0, 0, 0.975), Is.EqualTo(ValueAtRisk.Parametric(0.001, 0.02, 0.975)).Within(1e-16));

        [Test]
        public void HigherMoments_OnHandSample_MatchClosedForm()
        {
            // x = {0, 0, 0, 1}: mean 1/4, m2 = 3/16, m3 = (3(-1/4)^3 + (3/4)^3)/4 = 3/32, m4 = (3/256 + 81/256)/4 = 21/256.
            var x = new[] { 0.0, 0, 0, 1 };
            Assert.That(HigherMoments.Skewness(x), Is.EqualTo((3.0 / 32) / Math.Pow(3.0 / 16, 1.5)).Within(1e-14));
            Assert.That(HigherMoments.ExcessKurtosis(x), Is.EqualTo((21.0 / 256) / (9.0 / 256) - 3).Within(1e-14));
        }

        [Test]
        public void HorizonScaling_UsesSquareRootOfTime()
        {
            Assert.That(HorizonScaling.Volatility(0.01, 4), Is.EqualTo(0.02).Within(1e-16));
            Assert.That(HorizonScaling.ParametricVaR(0.001, 0.01, 0.95, 4), Is.EqualTo(-(0.004 + Z95 * 0.02)).Within(1e-15));
            Assert.That(HorizonScaling.ParametricCVaR(0.001, 0.01, 0.95, 9), Is.EqualTo(-(0.009 - 0.03 * 2.0627128075074257)).Within(1e-13));
            Assert.That(HorizonScaling.SquareRootOfTime(0.02, 25), Is.EqualTo(0.1).Within(1e-16));
        }

        [TestCase(0.0)]
        [TestCase(1.0)]
        [TestCase(-0.5)]
        [TestCase(double.NaN)]
        public void Confidence_OutsideOpenUnitInterval_IsRejected(double c)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ValueAtRisk.Parametric(0, 0.01, c));
            Assert.That(ex!.Message, Does.Contain("confidence"));
            Assert.Throws<ArgumentOutOfRangeException>(() => ValueAtRisk.Historical(Ten, c));
        }

        [Test]
        public void Historical_WithNaN_NamesIndex()
        {
            var ex = Assert.Throws<ArgumentException>(() => ValueAtRisk.Historical(new[] { 0.01, double.NaN, 0.0 }, 0.95));
            Assert.That(ex!.Message, Does.Contain("[1]").And.Contain("NaN"));
        }

        [Test]
        public void Historical_WithOneObservation_IsRejected()
            => Assert.Throws<InvalidInputException>(() => ValueAtRisk.Historical(new[] { 0.01 }, 0.95));

        [Test]
        public void Modified_WithConstantSeries_IsRejected()
        {
            var ex = Assert.Throws<InvalidInputException>(() => ValueAtRisk.Modified(new[] { 0.01, 0.01, 0.01 }, 0.95));
            Assert.That(ex!.Message, Does.Contain("zero variance"));
        }

        [Test]
        public void Parametric_WithNegativeVolatility_IsRejected()
            => Assert.Throws<ArgumentOutOfRangeException>(() => ValueAtRisk.Parametric(0, -0.01, 0.95));

        [Test]
        public void WeightedHistorical_OnHandSample_UsesCumulativeWeights()
        {
            // Sorted returns -0.05, -0.03, 0.01, 0.02 with weights 0.1, 0.2, 0.3, 0.4 (shuffled below).
            var r = new[] { 0.01, -0.05, 0.02, -0.03 };
            var a = new[] { 0.3, 0.1, 0.4, 0.2 };
            Assert.That(WeightedHistoricalVaR.ValueAtRisk(r, a, 0.9), Is.EqualTo(0.05));        // cumulative 0.1 reaches 0.1
            Assert.That(WeightedHistoricalVaR.ValueAtRisk(r, a, 0.75), Is.EqualTo(0.03));       // 0.1, then 0.3 >= 0.25
            Assert.That(WeightedHistoricalVaR.ConditionalValueAtRisk(r, a, 0.75), Is.EqualTo((0.1 * 0.05 + 0.2 * 0.03) / 0.3).Within(1e-15));
            // Equal weights: the inverse empirical CDF (type 1): 10 returns, p = 0.2 -> the 2nd smallest.
            Assert.That(WeightedHistoricalVaR.ValueAtRisk(Ten, Enumerable.Repeat(0.1, 10).ToArray(), 0.8), Is.EqualTo(0.03));
            Assert.Throws<InvalidInputException>(() => WeightedHistoricalVaR.ValueAtRisk(r, new[] { 0.5, 0.5, 0.5, -0.5 }, 0.9));
            Assert.Throws<InvalidInputException>(() => WeightedHistoricalVaR.ValueAtRisk(r, new[] { 0.3, 0.3, 0.3, 0.3 }, 0.9));
            Assert.Throws<InvalidInputException>(() => WeightedHistoricalVaR.ValueAtRisk(r, new[] { 0.5, 0.5 }, 0.9));
        }

        [Test]
        public void Type7_BadInput_IsRejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => EmpiricalQuantile.Type7(Ten, 1.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => EmpiricalQuantile.Type7(Ten, double.NaN));
            Assert.Throws<ArgumentException>(() => EmpiricalQuantile.Type7(new double[0], 0.5));
            Assert.Throws<ArgumentException>(() => EmpiricalQuantile.Type7(new[] { 1.0, double.PositiveInfinity }, 0.5));
        }

        [Test]
        public void HorizonScaling_WithZeroPeriods_IsRejected()
            => Assert.Throws<ArgumentOutOfRangeException>(() => HorizonScaling.Volatility(0.01, 0));
    }
}
