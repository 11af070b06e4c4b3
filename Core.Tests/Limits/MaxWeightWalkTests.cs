using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Tests.Cli;
using NinjaTraderPortfolio.Core.Tests.Optimization;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Limits
{
    /// <summary>
    /// The max weight limit is validated once, where the user enters it, against its one declaration
    /// (<see cref="LimitCatalog.MaxWeight"/>): the CLI option, the JSON config member and the strategy's property give the
    /// same declared message, and a value that cannot fit the instruments gets the same feasibility text on every face.
    /// </summary>
    public sealed class MaxWeightWalkTests
    {
        private static readonly string[] Eu4 = { "DAX", "SMI", "CAC", "FTSE" };

        private static string Eu => OptimizationSamples.TestPath("samples", "eustockmarkets-prices.csv");

        private static PortfolioManagerConfig Config(double maxWeight) => new PortfolioManagerConfig
        {
            Portfolios =
            {
                new PortfolioConfig
                {
                    Name = "p", Account = "Sim101",
                    Instruments = Eu4.Select(s => new InstrumentConfig { Symbol = s }).ToList(),
                    Limits = new LimitsConfig { MaxWeight = maxWeight },
                },
            },
        };

        [Test]
        public void NonFiniteMaxWeight_GetsTheOneDeclaredMessage_FromCliConfigAndStrategyProperty()
        {
            string declared = LimitCatalog.MaxWeight.Message("NaN");
            Assert.That(declared, Is.EqualTo("max weight must be a finite number (fraction of portfolio value), got NaN"));

            var optimize = CliRunner.Run("optimize", "--prices", Eu, "--method", "min-variance", "--max-weight", "NaN");
            Assert.That(optimize.Code, Is.EqualTo(2), optimize.Err);
            Assert.That(optimize.Err, Does.Contain("option --max-weight: " + declared));

            var backtest = CliRunner.Run("backtest", "--prices", Eu, "--method", "min-variance", "--lookback", "60", "--max-weight", "NaN");
            Assert.That(backtest.Code, Is.EqualTo(2), backtest.Err);
            Assert.That(backtest.Err, Does.Contain("option --max-weight: " + declared));

            Assert.That(PortfolioConfigValidator.Check(Config(double.NaN)), Does.Contain("portfolios[0].limits.maxWeight: " + declared));

            var ex = Assert.Throws<InvalidInputException>(() =>
                TargetWeightCalculator.ForInstruments(PortfolioMethod.MinimumVariance, double.NaN, "property Max weight", 0.5, 0, Eu4));
            Assert.That(ex!.Message, Is.EqualTo("property Max weight: " + declared));
        }

        [Test]
        public void MaxWeightTooSmallForTheBudget_GetsTheOneFeasibilityText_OnEveryFace()
        {
            const string conflict = "max weight 0.2 x 4 assets = 0.8 < 1 (budget)";

            var optimize = CliRunner.Run("optimize", "--prices", Eu, "--method", "min-variance", "--max-weight", "0.2");
            Assert.That(optimize.Code, Is.EqualTo(3), optimize.Err);
            Assert.That(optimize.Err, Does.Contain(conflict));

            Assert.That(PortfolioConfigValidator.Check(Config(0.2)), Is.EqualTo(new[] { "portfolios[0].limits: " + conflict }));

            var ex = Assert.Throws<InfeasibleException>(() =>
                TargetWeightCalculator.ForInstruments(PortfolioMethod.MinimumVariance, 0.2, "property Max weight", 0.5, 0, Eu4));
            Assert.That(ex!.Message, Does.Contain(conflict));
            // Risk parity ignores the limits, so the same value is no error there.
            Assert.That(() => TargetWeightCalculator.ForInstruments(PortfolioMethod.RiskParity, 0.2, "property Max weight", 0.5, 0, Eu4), Throws.Nothing);
        }

        [Test]
        public void InnerLayers_TakeTheValidatedValueWithoutTheirOwnRangeCheck()
        {
            // Two uncorrelated assets with variances 0.01 and 0.04: minimum variance is w ~ 1/variance = (0.8, 0.2).
            // A cap of 1.5 (valid: any finite number; the old (0, 1] copy in the calculator refused it) never binds;
            // a cap of 0.7 binds: w = (0.7, 0.3).
            var assets = new[] { "A", "B" };
            var mean = new[] { 0.001, 0.001 };
            var cov = new[,] { { 0.01, 0 }, { 0, 0.04 } };
            var loose = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 1.5, 1, 0).Compute(assets, mean, cov).CopyWeights();
            var tight = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 0.7, 1, 0).Compute(assets, mean, cov).CopyWeights();
            Assert.That(loose, Is.EqualTo(new[] { 0.8, 0.2 }).Within(1e-9));
            Assert.That(tight, Is.EqualTo(new[] { 0.7, 0.3 }).Within(1e-9));
        }

        [Test]
        public void ConfigMaxWeightAboveOne_IsValid_LikeTheCliOption()
        {
            // One declared range on both faces: the CLI always took 1.5 (with shorts and leverage it is a real cap).
            Assert.That(PortfolioConfigValidator.Check(Config(1.5)), Is.Empty);
            var r = CliRunner.Run("optimize", "--prices", Eu, "--method", "min-variance", "--max-weight", "1.5", "--format", "json");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
        }
    }
}
