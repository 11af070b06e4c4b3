using System.IO;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    /// <summary>
    /// Estimators on the bundled samples against numpy/sklearn answers saved by
    /// References/Statistics/generate_covariance_references.py (eustock: simple returns, gcc: log returns).
    /// </summary>
    public class CovarianceReferenceTests
    {
        private const double Relative = 1e-10;

        private static AssetFrame Returns(string prefix)
        {
            string dir = Path.Combine(TestContext.CurrentContext.TestDirectory, "samples");
            if (prefix == "random-30x60")
                return CsvFrameLoader.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "Statistics", "random-30x60-returns.csv"), FrameKind.SimpleReturns);
            return prefix == "eustock"
                ? ReturnCalculator.Simple(CsvFrameLoader.Load(Path.Combine(dir, "eustockmarkets-prices.csv")))
                : ReturnCalculator.Log(CsvFrameLoader.Load(Path.Combine(dir, "gccindex-prices.csv")));
        }

        [TestCase("eustock")]
        [TestCase("gcc")]
        public void Mean_MatchesNumpy(string prefix)
        {
            var expected = ReferenceFile.Load(prefix + "-mean.csv").Row;
            var mean = SampleMoments.Mean(Returns(prefix));
            for (int j = 0; j < expected.Length; j++)
                Assert.That(mean[j], Is.EqualTo(expected[j]).Within(Relative * System.Math.Abs(expected[j])), $"mean[{j}]");
        }

        [TestCase("eustock")]
        [TestCase("gcc")]
        public void SampleCovariance_MatchesNumpyCov(string prefix)
        {
            var r = Returns(prefix);
            var expected = ReferenceFile.Load(prefix + "-sample.csv").Matrix;
            MatrixAssert.RelativelyEqual(SampleMoments.Covariance(r), expected, Relative, prefix + " sample");
            var est = CovarianceEstimator.Estimate(r, CovarianceMethod.Sample);
            MatrixAssert.RelativelyEqual(est.ToArray(), expected, Relative, prefix + " estimator");
            Assert.That(est.ShrinkageIntensity, Is.Null);
            Assert.That(est.Warnings, Is.Empty);
        }

        [TestCase("eustock", EwmaMean.Zero, "-ewma-zero.csv")]
        [TestCase("eustock", EwmaMean.Weighted, "-ewma-wmean.csv")]
        [TestCase("gcc", EwmaMean.Zero, "-ewma-zero.csv")]
        [TestCase("gcc", EwmaMean.Weighted, "-ewma-wmean.csv")]
        [TestCase("random-30x60", EwmaMean.Zero, "-ewma-zero.csv")]
        public void Ewma_MatchesNumpyRecursion(string prefix, EwmaMean mean, string file)
        {
            var expected = ReferenceFile.Load(prefix + file).Matrix;
            var est = CovarianceEstimator.Estimate(Returns(prefix), new CovarianceOptions(CovarianceMethod.Ewma, ewmaLambda: 0.94, ewmaMean: mean));
            MatrixAssert.RelativelyEqual(est.ToArray(), expected, Relative, prefix + file);
            Assert.That(est.Method, Is.EqualTo(CovarianceMethod.Ewma));
        }

        [TestCase("eustock")]
        [TestCase("gcc")]
        [TestCase("random-30x60")]
        public void LedoitWolfIdentity_MatchesSklearn(string prefix)
        {
            var reference = ReferenceFile.Load(prefix + "-lw-identity.csv");
            var est = CovarianceEstimator.Estimate(Returns(prefix), CovarianceMethod.LedoitWolf);
            MatrixAssert.RelativelyEqual(est.ToArray(), reference.Matrix, Relative, prefix + " LW identity");
            Assert.That(est.ShrinkageIntensity!.Value, Is.EqualTo(reference.Shrinkage!.Value).Within(Relative * reference.Shrinkage.Value));
        }

        [TestCase("eustock")]
        [TestCase("gcc")]
        [TestCase("random-30x60")]
        public void LedoitWolfConstantCorrelation_MatchesPaperFormulaInNumpy(string prefix)
        {
            var reference = ReferenceFile.Load(prefix + "-lw-cc.csv");
            var est = CovarianceEstimator.Estimate(Returns(prefix), CovarianceMethod.LedoitWolfConstantCorrelation);
            MatrixAssert.RelativelyEqual(est.ToArray(), reference.Matrix, Relative, prefix + " LW constant correlation");
            Assert.That(reference.Shrinkage!.Value, Is.GreaterThan(0).And.LessThan(1), "reference intensity is interior, so the test can fail");
            Assert.That(est.ShrinkageIntensity!.Value, Is.EqualTo(reference.Shrinkage.Value).Within(Relative * reference.Shrinkage.Value));
        }

        [Test]
        public void Annualised_IsPerPeriodTimesPeriods()
        {
            var r = Returns("eustock");
            var expected = ReferenceFile.Load("eustock-sample.csv").Matrix;
            var est = CovarianceEstimator.Estimate(r, new CovarianceOptions(CovarianceMethod.Sample, periodsPerYear: 260));
            Assert.That(est.PeriodsPerYear, Is.EqualTo(260));
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++)
                    Assert.That(est[i, j], Is.EqualTo(expected[i, j] * 260).Within(Relative * System.Math.Abs(expected[i, j] * 260)));
            var perPeriod = CovarianceEstimator.Estimate(r, CovarianceMethod.Sample);
            Assert.That(est.ConditionNumber, Is.EqualTo(perPeriod.ConditionNumber).Within(1e-9 * perPeriod.ConditionNumber));
            var mean = Annualisation.Mean(SampleMoments.Mean(r), 260);
            var expectedMean = ReferenceFile.Load("eustock-mean.csv").Row;
            Assert.That(mean[0], Is.EqualTo(expectedMean[0] * 260).Within(Relative * System.Math.Abs(expectedMean[0] * 260)));
        }
    }
}
