using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Views;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;

namespace NinjaTraderPortfolio.Core.Tests.Views
{
    /// <summary>The Portfolio Manager's computations (the WPF window only displays them).</summary>
    [TestFixture]
    public class PortfolioViewModelTests
    {
        private static string SamplePath(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", name);

        [Test]
        public void PortfolioRows_WeightIsQuantityTimesPriceTimesPointValueOverValue()
        {
            // ES: 2 x 4000 x 50 = 400,000 of 1,000,000 = 0.4 vs target 0.5: drift -0.1. NQ: -1 x 15000 x 20 = -0.3.
            var rows = PortfolioRows.Compute(new[] { "ES", "NQ" }, new[] { "Equity", null }, new[] { 50.0, 20.0 }, new[] { 2, -1 },
                new[] { 4000.0, 15000.0 }, new[] { 0.5, 0.0 }, 1000000);

            Assert.That(rows[0].Weight, Is.EqualTo(0.4).Within(1e-15));
            Assert.That(rows[0].Drift, Is.EqualTo(-0.1).Within(1e-15));
            Assert.That(rows[1].Weight, Is.EqualTo(-0.3).Within(1e-15));
            Assert.That(rows[1].Sector, Is.EqualTo(string.Empty));
            Assert.That(PortfolioRows.Compute(new[] { "ES" }, new[] { "" }, new[] { 50.0 }, new[] { 1 }, new[] { 1.0 }, null, 10)[0].Target, Is.NaN);
            Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioRows.Compute(new[] { "ES" }, new[] { "" }, new[] { 50.0 }, new[] { 1 }, new[] { 1.0 }, null, 0));
        }
        [Test]
        public void HeatColor_IsBlueWhiteRed()
        {
            Assert.That(ChartGeometry.HeatColor(-1), Is.EqualTo(((byte)0, (byte)0, (byte)255)));
            Assert.That(ChartGeometry.HeatColor(0), Is.EqualTo(((byte)255, (byte)255, (byte)255)));
            Assert.That(ChartGeometry.HeatColor(1), Is.EqualTo(((byte)255, (byte)0, (byte)0)));
            Assert.That(ChartGeometry.HeatColor(0.5), Is.EqualTo(((byte)255, (byte)128, (byte)128)));
        }
        [Test]
        public void FrontierScale_PutsLowestVolatilityLeftAndHighestReturnOnTop()
        {
            var points = ChartGeometry.Scale(new[] { (0.01, 0.001), (0.02, 0.003), (0.03, 0.002) }, 200, 100, 10);

            double[] expected = { 10, 90, 100, 10, 190, 50 };
            Assert.That(points.SelectMany(p => new[] { p.X, p.Y }), Is.EqualTo(expected).Within(1e-9));
        }
        [Test]
        public void Analysis_UsesCoreOnTheSample_AndTheFrontierRunsFromMinimumVarianceUp()
        {
            AssetFrame returns = ReturnCalculator.Simple(CsvFrameLoader.Load(SamplePath("eustockmarkets-prices.csv")));
            var targets = new TargetWeightCalculator(PortfolioMethod.MaximumSharpe, 0.6, 1, 0);

            PortfolioAnalysisResult result = PortfolioAnalysis.Run(returns, targets, 0.99, 8, 1000000m);

            Assert.That(result.Optimization.Weights, Is.EqualTo(targets.Compute(returns).Weights).Within(1e-12));
            RiskReport expected = PortfolioRiskAnalyzer.Analyze(returns, result.Optimization.CopyWeights(), 0.99);
            Assert.That(result.Risk.ParametricVaR, Is.EqualTo(expected.ParametricVaR).Within(1e-15));
            Assert.That(result.Risk.HistoricalCVaR, Is.EqualTo(expected.HistoricalCVaR).Within(1e-15));
            Assert.That(result.Frontier, Has.Count.EqualTo(8));
            Assert.That(result.Frontier.Select(p => p.Volatility), Is.Ordered.Ascending);
            Assert.That(result.Optimization.Sharpe, Is.GreaterThanOrEqualTo(result.Frontier.Max(p => p.Sharpe) - 1e-9), "max Sharpe beats every frontier point");
            Assert.That(result.Correlation[1, 0], Is.EqualTo(result.Correlation[0, 1]));
            Assert.That(result.Stress.Select(s => s.Scenario), Does.Contain("Market -20%"));
            Assert.That(result.Stress.First(s => s.Scenario == "Market -20%").LossFraction, Is.EqualTo(0.2).Within(1e-12), "fully invested, every asset -20%");
        }
        [Test]
        public void RebalancePreview_RoutesEachOrder_OrFallsBackToTwapWhenLiquidityIsUnknown()
        {
            var plan = new RebalancePlanner().Plan(new[]
            {
                new PlannerInstrument("ES", 4000m, 50m, 1, 0, 0.5),
                new PlannerInstrument("NQ", 15000m, 20m, 1, 0, 0.5),
            }, 2000000m);
            var liquidity = new Dictionary<string, InstrumentLiquidity> { ["ES"] = new InstrumentLiquidity(0.01, 1500000, 0.00005) };

            var rows = RebalancePreview.Compute(plan, liquidity, 30.0 / 1440, 6, 0);

            Assert.That(rows.Select(r => r.Trade.Instrument.Symbol), Is.EqualTo(new[] { "ES", "NQ" }));
            Assert.That(rows[0].Algorithm, Is.EqualTo("market"), "5 contracts of 1.5M ADV at 0.5 bp spread");
            Assert.That(rows[0].ExpectedCost, Is.GreaterThan(0));
            Assert.That(rows[1].Algorithm, Is.EqualTo("twap"));
            Assert.That(rows[1].ExpectedCost, Is.NaN);
            Assert.That(rows[1].Schedule.Slices.Sum(s => s.Quantity), Is.EqualTo(Math.Abs(rows[1].Trade.OrderQuantity)));
            var start = new DateTime(2026, 11, 25, 15, 0, 0);
            var timed = RebalancePreview.Slices(rows[1], start);
            Assert.That(timed[timed.Count - 1].Deadline, Is.EqualTo(start.AddMinutes(30)).Within(TimeSpan.FromMilliseconds(1)));
        }
    }
}
