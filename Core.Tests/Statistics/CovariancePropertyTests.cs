using System;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    public class CovariancePropertyTests
    {
        [TestCase(1, 2, 1)]
        [TestCase(2, 5, 2)]
        [TestCase(3, 255, 3)]
        [TestCase(5, 256, 4)]
        [TestCase(7, 257, 5)]
        [TestCase(9, 1000, 6)]
        [TestCase(37, 301, 7)]
        [TestCase(500, 1260, 8)]
        public void SampleCovariance_FastPath_EqualsNaiveDotProducts(int assets, int rows, int seed)
        {
            var r = RandomFrames.Returns(rows, assets, seed);
            var fast = SampleMoments.Covariance(r);
            var naive = SampleMoments.CovarianceNaive(r);
            MatrixAssert.Symmetric(fast, "fast");
            MatrixAssert.CovarianceEqual(fast, naive, 1e-12, "fast vs naive");
        }

        [TestCase(3, 7, 11)]
        [TestCase(6, 300, 12)]
        public void CrossProductKernel_Rectangular_EqualsNaive(int assets, int rows, int seed)
        {
            var a = RandomFrames.Returns(rows, assets, seed);
            var b = RandomFrames.Returns(rows, assets + 3, seed + 100);
            var fast = CrossProductKernel.Cross(a.Columns, b.Columns);
            var naive = CrossProductKernel.Naive(a.Columns, b.Columns);
            for (int i = 0; i < assets; i++)
                for (int j = 0; j < assets + 3; j++)
                    Assert.That(fast[i, j], Is.EqualTo(naive[i, j]).Within(1e-12 * Math.Sqrt(naive[i, i % assets] * naive[i, i % assets]) + 1e-12 * Math.Abs(naive[i, j])));
        }

        [TestCase(CovarianceMethod.Sample)]
        [TestCase(CovarianceMethod.Ewma)]
        [TestCase(CovarianceMethod.LedoitWolf)]
        [TestCase(CovarianceMethod.LedoitWolfConstantCorrelation)]
        public void EveryMethod_OnSeededData_IsSymmetricPsdAndKeepsOrder(CovarianceMethod method)
        {
            for (int seed = 1; seed <= 5; seed++)
            {
                var r = RandomFrames.Returns(200, 12, seed);
                var est = CovarianceEstimator.Estimate(r, method);
                var m = est.ToArray();
                MatrixAssert.Symmetric(m, $"{method} seed {seed}");
                var psd = PsdCheck.Analyse(m);
                Assert.That(psd.IsPositiveDefinite, Is.True, $"{method} seed {seed} min eigenvalue {psd.MinEigenvalue}");
                Assert.That(est.ConditionNumber, Is.EqualTo(psd.ConditionNumber).Within(1e-9 * psd.ConditionNumber));
                Assert.That(est.Assets, Is.EqualTo(r.Assets));
                Assert.That(est.Warnings, Is.Empty);
            }
        }

        [Test]
        public void SharedCovariance_AskedTwiceForOneFrame_GivesEqualIndependentCopies()
        {
            var r = RandomFrames.Returns(80, 7, 41);
            var first = SampleMoments.SharedCovariance(r);
            var naive = SampleMoments.CovarianceNaive(r);
            first[0, 0] = -1;   // the caller owns what it gets: this must not reach the next caller
            var second = SampleMoments.SharedCovariance(r);
            for (int i = 0; i < 7; i++)
                for (int j = 0; j < 7; j++)
                    Assert.That(second[i, j], Is.EqualTo(naive[i, j]).Within(1e-15 * Math.Sqrt(naive[i, i] * naive[j, j])), $"[{i},{j}]");
        }

        [Test]
        public void LedoitWolf_WithFewerObservationsThanAssets_IsWellConditioned()
        {
            var r = RandomFrames.Returns(30, 60, 21);
            var sample = CovarianceEstimator.Estimate(r, CovarianceMethod.Sample);
            Assert.That(sample.ConditionNumber, Is.EqualTo(double.PositiveInfinity).Or.GreaterThan(1e10));
            Assert.That(sample.Warnings, Has.Some.Contain("30 observations for 60 assets"));
            foreach (var m in new[] { CovarianceMethod.LedoitWolf, CovarianceMethod.LedoitWolfConstantCorrelation })
            {
                var lw = CovarianceEstimator.Estimate(r, m);
                Assert.That(lw.ConditionNumber, Is.LessThan(1e6), m.ToString());
                Assert.That(lw.ShrinkageIntensity, Is.GreaterThan(0).And.LessThanOrEqualTo(1), m.ToString());
                Assert.That(lw.Warnings, Is.Empty, m.ToString());
            }
        }

        [Test]
        public void LedoitWolf_ShrinkageShrinksWithMoreData()
        {
            // The optimal intensity is O(1/T): the same process observed 10x longer needs less shrinkage.
            var shortRun = CovarianceEstimator.Estimate(RandomFrames.Returns(100, 20, 31), CovarianceMethod.LedoitWolf);
            var longRun = CovarianceEstimator.Estimate(RandomFrames.Returns(1000, 20, 31), CovarianceMethod.LedoitWolf);
            Assert.That(longRun.ShrinkageIntensity!.Value, Is.LessThan(shortRun.ShrinkageIntensity!.Value));
        }
    }
}
