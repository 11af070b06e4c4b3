using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    /// <summary>Bad covariance, budgets and options are rejected with a message naming the culprit.</summary>
    public class BadInputTests
    {
        private static readonly string[] Assets = { "ES", "NQ", "CL" };
        private static readonly RiskParityOptimizer Optimizer = new RiskParityOptimizer();

        private static double[,] GoodCovariance()
            => RiskParityTestData.Covariance(new[] { 0.2, 0.25, 0.4 }, RiskParityTestData.ConstantCorrelation(3, 0.3));

        [Test]
        public void Optimize_WithNaNInCovariance_NamesTheCell()
        {
            var cov = GoodCovariance();
            cov[1, 2] = double.NaN;
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, cov));
            Assert.That(ex!.Message, Does.Contain("[1,2]").And.Contain("'NQ'").And.Contain("'CL'").And.Contain("NaN"));
        }

        [Test]
        public void Optimize_WithNonSquareCovariance_Throws()
        {
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Solve(new double[3, 2]));
            Assert.That(ex!.Message, Does.Contain("square").And.Contain("3x2"));
        }

        [Test]
        public void Optimize_WithCovarianceSizeNotMatchingAssets_Throws()
        {
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(new[] { "ES", "NQ" }, GoodCovariance()));
            Assert.That(ex!.Message, Does.Contain("3x3").And.Contain("2 assets"));
        }

        [Test]
        public void Optimize_WithBudgetCountNotMatchingAssets_Throws()
        {
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, GoodCovariance(), RiskBudgets.From(new[] { 0.5, 0.5 })));
            Assert.That(ex!.Message, Does.Contain("2 risk budgets for 3 assets"));
        }

        [Test]
        public void Optimize_WithExpectedReturnsOfWrongLength_Throws()
        {
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, GoodCovariance(), null, new[] { 0.1, 0.2 }));
            Assert.That(ex!.Message, Does.Contain("2 expected returns for 3 assets"));
        }

        [Test]
        public void Optimize_WithZeroVarianceAsset_NamesTheAsset()
        {
            var cov = GoodCovariance();
            for (int k = 0; k < 3; k++) cov[2, k] = cov[k, 2] = 0;
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, cov));
            Assert.That(ex!.Message, Does.Contain("'CL'").And.Contain("zero variance"));
        }

        [Test]
        public void Optimize_WithNegativeVariance_NamesTheAsset()
        {
            var cov = GoodCovariance();
            cov[0, 0] = -0.01;
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, cov));
            Assert.That(ex!.Message, Does.Contain("'ES'").And.Contain("negative variance"));
        }

        [Test]
        public void Optimize_WithAsymmetricCovariance_NamesBothCells()
        {
            var cov = GoodCovariance();
            cov[0, 1] += 0.001;
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, cov));
            Assert.That(ex!.Message, Does.Contain("not symmetric").And.Contain("[1,0]").And.Contain("[0,1]"));
        }

        [Test]
        public void Optimize_WithCorrelationAboveOne_NamesThePair()
        {
            var cov = GoodCovariance();
            cov[0, 2] = cov[2, 0] = 1.5 * 0.2 * 0.4;
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, cov));
            Assert.That(ex!.Message, Does.Contain("not positive semi-definite").And.Contain("'ES'").And.Contain("'CL'"));
        }

        // Pairwise correlations each in [-1, 1] but jointly impossible: rho12 = rho13 = 0.9, rho23 = -0.9 (eigenvalue < 0).
        [Test]
        public void Optimize_WithIndefiniteCovariance_Throws()
        {
            var corr = new[,] { { 1.0, 0.9, 0.9 }, { 0.9, 1.0, -0.9 }, { 0.9, -0.9, 1.0 } };
            var cov = RiskParityTestData.Covariance(new[] { 0.2, 0.25, 0.4 }, corr);
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(Assets, cov));
            Assert.That(ex!.Message, Does.Contain("not positive semi-definite").And.Contain("'CL'"));
        }

        [Test]
        public void Optimize_WithPriceFrame_AsksForReturns()
        {
            var frame = new AssetFrame(new[] { new DateTime(2024, 1, 2), new DateTime(2024, 1, 3), new DateTime(2024, 1, 4) },
                new[] { "ES", "NQ" }, new[] { new[] { 1.0, 2.0, 1.5 }, new[] { 3.0, 3.5, 3.2 } }, FrameKind.Prices, "p.csv");
            var ex = Assert.Throws<InvalidInputException>(() => Optimizer.Optimize(frame));
            Assert.That(ex!.Message, Does.Contain("p.csv").And.Contain("returns"));
        }

        [Test]
        public void Budgets_NotSummingToOne_ReportTheSum()
        {
            var ex = Assert.Throws<InvalidInputException>(() => RiskBudgets.From(new[] { 0.5, 0.3, 0.1 }, Assets));
            Assert.That(ex!.Message, Does.Contain("sum to 1").And.Contain("0.9"));
        }

        [Test]
        public void Budgets_WithNegativeAndNaNEntries_NameEveryBadEntry()
        {
            var ex = Assert.Throws<InvalidInputException>(() => RiskBudgets.From(new[] { -0.2, double.NaN, 1.2 }, Assets));
            Assert.That(ex!.Message, Does.Contain("budget[0] ('ES') = -0.2").And.Contain("budget[1] ('NQ') = NaN"));
        }

        [Test]
        public void Budgets_WithZeroEntry_Throw()
        {
            var ex = Assert.Throws<InvalidInputException>(() => RiskBudgets.From(new[] { 0.0, 0.5, 0.5 }));
            Assert.That(ex!.Message, Does.Contain("budget[0] = 0"));
        }

        [Test]
        public void Budgets_Empty_Throw()
            => Assert.Throws<InvalidInputException>(() => RiskBudgets.From(Array.Empty<double>()));

        [Test]
        public void Budgets_FromMapWithUnknownAsset_NameIt()
        {
            var map = new Dictionary<string, double> { ["ES"] = 0.5, ["NQ"] = 0.25, ["CL"] = 0.15, ["GC"] = 0.1 };
            var ex = Assert.Throws<InvalidInputException>(() => RiskBudgets.FromMap(Assets, map));
            Assert.That(ex!.Message, Does.Contain("unknown asset(s) 'GC'"));
        }

        [Test]
        public void Budgets_FromMapWithMissingAsset_NameIt()
        {
            var map = new Dictionary<string, double> { ["ES"] = 0.5, ["NQ"] = 0.5 };
            var ex = Assert.Throws<InvalidInputException>(() => RiskBudgets.FromMap(Assets, map));
            Assert.That(ex!.Message, Does.Contain("no risk budget").And.Contain("'CL'"));
        }

        [Test]
        public void Options_WithNonPositiveTolerance_Throw()
            => Assert.Throws<ArgumentOutOfRangeException>(() => new RiskParityOptions(tolerance: 0));

        [Test]
        public void Options_WithNegativeIterationCap_Throw()
            => Assert.Throws<ArgumentOutOfRangeException>(() => new RiskParityOptions(maxIterations: -1));
    }
}
