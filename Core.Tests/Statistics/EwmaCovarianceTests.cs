using System;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    public class EwmaCovarianceTests
    {
        private static readonly DateTime D0 = new DateTime(2024, 1, 2);

        [Test]
        public void Weights_SumToOne_NewestLargest()
        {
            var w = EwmaCovariance.Weights(50, 0.94);
            double sum = 0;
            foreach (var x in w) sum += x;
            Assert.That(sum, Is.EqualTo(1.0).Within(1e-15));
            Assert.That(w[49] / w[48], Is.EqualTo(1 / 0.94).Within(1e-14));
            Assert.That(w[49], Is.EqualTo(0.06 / (1 - Math.Pow(0.94, 50))).Within(1e-16));
        }

        [Test]
        public void TwoObservations_MatchHandWorkedValue()
        {
            // r = [1, 3], lambda = 0.5: w = [0.5, 1] / 1.5; zero mean: (0.5*1 + 9)/1.5 = 19/3.
            // Weighted mean m = (0.5 + 3)/1.5 = 7/3; var = (0.5*(4/3)^2 + (2/3)^2)/1.5 = (8/9 + 4/9)/1.5 = 8/9.
            var f = new AssetFrame(new[] { D0, D0.AddDays(1) }, new[] { "A" }, new[] { new[] { 1.0, 3.0 } }, FrameKind.SimpleReturns);
            Assert.That(EwmaCovariance.Compute(f, 0.5)[0, 0], Is.EqualTo(19.0 / 3).Within(1e-14));
            Assert.That(EwmaCovariance.Compute(f, 0.5, EwmaMean.Weighted)[0, 0], Is.EqualTo(8.0 / 9).Within(1e-15));
        }

        [TestCase(0.0)]
        [TestCase(1.0)]
        [TestCase(double.NaN)]
        public void Lambda_OutsideOpenUnitInterval_IsRejected(double lambda)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new CovarianceOptions(CovarianceMethod.Ewma, ewmaLambda: lambda));
        }
    }
}
