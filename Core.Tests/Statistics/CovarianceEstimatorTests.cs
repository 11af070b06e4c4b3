using System;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    public class CovarianceEstimatorTests
    {
        private static readonly DateTime D0 = new DateTime(2024, 1, 2);

        private static AssetFrame Frame(FrameKind kind, params double[][] cols)
        {
            var dates = new DateTime[cols[0].Length];
            for (int i = 0; i < dates.Length; i++) dates[i] = D0.AddDays(i);
            var names = new string[cols.Length];
            for (int j = 0; j < names.Length; j++) names[j] = ((char)('A' + j)).ToString();
            return new AssetFrame(dates, names, cols, kind, "r.csv");
        }

        [TestCase("sample", CovarianceMethod.Sample)]
        [TestCase("EWMA", CovarianceMethod.Ewma)]
        [TestCase("ledoit-wolf", CovarianceMethod.LedoitWolf)]
        [TestCase("ledoit-wolf-cc", CovarianceMethod.LedoitWolfConstantCorrelation)]
        public void MethodNames_RoundTrip(string name, CovarianceMethod method)
        {
            Assert.That(CovarianceMethodNames.Parse(name), Is.EqualTo(method));
            Assert.That(CovarianceMethodNames.Parse(CovarianceMethodNames.ToName(method)), Is.EqualTo(method));
        }

        [Test]
        public void MethodNames_Unknown_ListsChoices()
        {
            var ex = Assert.Throws<InvalidInputException>(() => CovarianceMethodNames.Parse("shrunk"));
            Assert.That(ex!.Message, Does.Contain("'shrunk'").And.Contain(CovarianceMethodNames.Choices));
        }

        [Test]
        public void Estimate_OnPrices_IsRejected()
        {
            var p = Frame(FrameKind.Prices, new[] { 1.0, 2.0, 3.0 });
            var ex = Assert.Throws<InvalidInputException>(() => CovarianceEstimator.Estimate(p, CovarianceMethod.Sample));
            Assert.That(ex!.Message, Does.Contain("r.csv").And.Contain("prices"));
        }

        [TestCase(CovarianceMethod.Sample)]
        [TestCase(CovarianceMethod.Ewma)]
        [TestCase(CovarianceMethod.LedoitWolf)]
        [TestCase(CovarianceMethod.LedoitWolfConstantCorrelation)]
        public void Estimate_ConstantAsset_IsNamed(CovarianceMethod method)
        {
            var r = Frame(FrameKind.SimpleReturns, new[] { 0.01, -0.02, 0.03 }, new[] { 0.001, 0.001, 0.001 });
            var ex = Assert.Throws<InvalidInputException>(() => CovarianceEstimator.Estimate(r, method));
            Assert.That(ex!.Message, Does.Contain("asset 'B'").And.Contain("constant"));
        }

        [Test]
        public void Estimate_OneObservation_IsRejected()
        {
            var r = Frame(FrameKind.SimpleReturns, new[] { 0.01 });
            var ex = Assert.Throws<InvalidInputException>(() => CovarianceEstimator.Estimate(r, CovarianceMethod.Ewma));
            Assert.That(ex!.Message, Does.Contain("r.csv").And.Contain("at least 2"));
        }

        [Test]
        public void Estimate_ConstantCorrelationWithOneAsset_IsRejected()
        {
            var r = Frame(FrameKind.SimpleReturns, new[] { 0.01, 0.02, -0.01 });
            var ex = Assert.Throws<InvalidInputException>(() => CovarianceEstimator.Estimate(r, CovarianceMethod.LedoitWolfConstantCorrelation));
            Assert.That(ex!.Message, Does.Contain("at least 2 assets"));
        }

        [Test]
        public void Estimate_NearlyCollinearAssets_WarnsAboutConditioning()
        {
            var rng = new Random(3);
            var a = new double[100];
            var b = new double[100];
            for (int i = 0; i < 100; i++) { a[i] = rng.NextDouble() - 0.5; b[i] = a[i] * 2 + 1e-7 * (rng.NextDouble() - 0.5); }
            var est = CovarianceEstimator.Estimate(Frame(FrameKind.LogReturns, a, b), CovarianceMethod.Sample);
            Assert.That(est.ConditionNumber, Is.GreaterThan(1e10));
            Assert.That(est.Warnings, Has.Count.EqualTo(1));
            Assert.That(est.Warnings[0], Does.Contain("ill-conditioned").Or.Contain("singular"));
        }

        [Test]
        public void Annualise_MultipliesAndRefusesTwice()
        {
            var r = RandomFrames.Returns(50, 3, 9);
            var est = CovarianceEstimator.Estimate(r, CovarianceMethod.Sample);
            var annual = est.Annualise(252);
            Assert.That(annual[1, 2], Is.EqualTo(est[1, 2] * 252));
            Assert.That(annual.Volatilities()[0], Is.EqualTo(Math.Sqrt(est[0, 0] * 252)).Within(1e-15));
            Assert.That(annual.PeriodsPerYear, Is.EqualTo(252));
            Assert.That(est.PeriodsPerYear, Is.Null);
            Assert.Throws<InvalidOperationException>(() => annual.Annualise(252));
        }

        [Test]
        public void FromMatrix_Indefinite_RepairsWithWarningOrThrows()
        {
            var m = new[,] { { 4.0, 1.8, 1.8 }, { 1.8, 1.0, -0.9 }, { 1.8, -0.9, 1.0 } };
            var names = new[] { "ES", "NQ", "CL" };
            var est = CovarianceEstimator.FromMatrix(names, m, new CovarianceOptions(), source: "cov.csv");
            Assert.That(est.Warnings, Has.Count.EqualTo(1));
            Assert.That(est.Warnings[0], Does.Contain("cov.csv").And.Contain("not positive semidefinite").And.Contain("repaired"));
            Assert.That(PsdCheck.Analyse(est.ToArray()).IsPositiveDefinite, Is.True);
            Assert.That(est[0, 0], Is.EqualTo(4.0).Within(1e-12));
            var ex = Assert.Throws<InvalidInputException>(() => CovarianceEstimator.FromMatrix(names, m, new CovarianceOptions(repairNonPsd: false), source: "cov.csv"));
            Assert.That(ex!.Message, Does.Contain("cov.csv").And.Contain("not positive semidefinite"));
        }

        [Test]
        public void FromMatrix_ZeroVariance_NamesAsset()
        {
            var ex = Assert.Throws<InvalidInputException>(() => CovarianceEstimator.FromMatrix(new[] { "ES", "NQ" }, new[,] { { 1.0, 0.0 }, { 0.0, 0.0 } }, new CovarianceOptions()));
            Assert.That(ex!.Message, Does.Contain("'NQ'"));
        }

        [Test]
        public void FromMatrix_WellConditioned_IsUnchangedAndAnnualised()
        {
            var m = new[,] { { 4.0, 1.0 }, { 1.0, 2.0 } };
            var est = CovarianceEstimator.FromMatrix(new[] { "A", "B" }, m, new CovarianceOptions(periodsPerYear: 12));
            Assert.That(est[0, 1], Is.EqualTo(12.0));
            Assert.That(est.Warnings, Is.Empty);
            Assert.That(est.ConditionNumber, Is.EqualTo((3 + Math.Sqrt(2)) / (3 - Math.Sqrt(2))).Within(1e-12));
        }

        [Test]
        public void Estimate_IsImmutable()
        {
            var est = CovarianceEstimator.Estimate(RandomFrames.Returns(50, 3, 10), CovarianceMethod.Sample);
            var copy = est.ToArray();
            copy[0, 0] = -1;
            Assert.That(est[0, 0], Is.GreaterThan(0));
        }

        [Test]
        public void PublicConstructor_ChecksShapeSymmetryAndIntensity()
        {
            Assert.Throws<ArgumentException>(() => new CovarianceEstimate(new[] { "A", "B" }, new[,] { { 1.0, 0.2 }, { 0.3, 1.0 } }, CovarianceMethod.Sample, null, 2, Array.Empty<string>()));
            Assert.Throws<ArgumentException>(() => new CovarianceEstimate(new[] { "A" }, new[,] { { 1.0, 0.2 }, { 0.2, 1.0 } }, CovarianceMethod.Sample, null, 2, Array.Empty<string>()));
            Assert.Throws<ArgumentOutOfRangeException>(() => new CovarianceEstimate(new[] { "A" }, new[,] { { 1.0 } }, CovarianceMethod.LedoitWolf, 1.5, 1, Array.Empty<string>()));
        }
    }
}
