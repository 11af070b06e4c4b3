using System;
using System.Linq;
using NinjaTrader.NinjaScript.Indicators;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Indicators
{
    [TestFixture]
    public class PortfolioKellyFractionTests
    {
        private static double?[] Run(string asset, int lookback, double fraction, double riskFree)
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioKellyFraction>(SampleBars.Daily)
                .WithBars(asset, bars[asset])
                .WithInputs(i => { i.Lookback = lookback; i.Fraction = fraction; i.RiskFreeRate = riskFree; });
            return ScriptHost<PortfolioKellyFraction>.PlotValues(host.Run(asset), 0);
        }

        [TestCase("DAX", 60, 0.5, 0.0, "kelly_dax_60_half.csv")]
        [TestCase("FTSE", 250, 1.0, 0.0001, "kelly_ftse_250_full.csv")]
        public void PlottedKelly_EqualsNumpyBatch_OnEuStockMarkets(string asset, int lookback, double fraction, double riskFree, string reference)
        {
            var expected = IndicatorReference.Read(reference).Select(e => e.Values[0]).ToList();

            double?[] plotted = Run(asset, lookback, fraction, riskFree);

            // Kelly leverages reach ~50 on calm windows: compare relative to the value.
            Assert.That(plotted, Has.Length.EqualTo(expected.Count));
            for (int i = 0; i < expected.Count; i++)
            {
                if (expected[i] == null) Assert.That(plotted[i], Is.Null, $"bar {i}");
                else Assert.That(plotted[i], Is.EqualTo(expected[i].Value).Within(1e-11 * Math.Max(1, Math.Abs(expected[i].Value))), $"bar {i}");
            }
        }

        [Test]
        public void PlottedKelly_EqualsCoreKellyCriterion_OnCoreWindows()
        {
            const int lookback = 60;
            AssetFrame returns = IndicatorReference.SampleReturns().Select(new[] { "SMI" });

            double?[] plotted = Run("SMI", lookback, 0.25, 0.0002);

            for (int bar = lookback; bar < plotted.Length; bar += 41)
            {
                AssetFrame window = returns.Slice(bar - lookback, lookback);
                double expected = 0.25 * KellyCriterion.Continuous(SampleMoments.Mean(window)[0], 0.0002, Math.Sqrt(SampleMoments.Covariance(window)[0, 0]));
                Assert.That(plotted[bar], Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))), $"bar {bar}");
            }
        }

        [Test]
        public void HandWorkedCase_AndFlatWindowIsNotPlotted()
        {
            // Returns +10%, -5%, +10% (closes 100, 110, 104.5, 114.95): mean 0.05, sample variance 0.0075,
            // full Kelly 0.05 / 0.0075 = 6.666..., half Kelly 3.333...; then three flat closes: variance 0, unset.
            var start = new DateTime(2024, 1, 2);
            var closes = new[] { 100, 110, 104.5, 114.95, 114.95, 114.95, 114.95 };
            var host = new ScriptHost<PortfolioKellyFraction>(SampleBars.Daily)
                .WithBars("X", closes.Select((c, d) => SampleBars.Bar(start.AddDays(d), c)))
                .WithInputs(i => { i.Lookback = 3; i.Fraction = 0.5; i.RiskFreeRate = 0; });

            double?[] plotted = ScriptHost<PortfolioKellyFraction>.PlotValues(host.Run("X"), 0);

            Assert.That(plotted.Take(3), Is.All.Null);
            Assert.That(plotted[3], Is.EqualTo(0.5 * 0.05 / 0.0075).Within(1e-9));
            Assert.That(plotted[6], Is.Null);
        }

        [Test]
        public void RepeatedBarTimes_AsOnTickCharts_AreAccepted()
        {
            var t = new DateTime(2024, 1, 2, 9, 30, 0);
            var closes = new[] { 100, 110, 104.5, 114.95 };
            var host = new ScriptHost<PortfolioKellyFraction>(SampleBars.Daily)
                .WithBars("X", closes.Select(c => SampleBars.Bar(t, c)))
                .WithInputs(i => { i.Lookback = 3; i.Fraction = 0.5; i.RiskFreeRate = 0; });

            double?[] plotted = ScriptHost<PortfolioKellyFraction>.PlotValues(host.Run("X"), 0);

            Assert.That(plotted[3], Is.EqualTo(0.5 * 0.05 / 0.0075).Within(1e-9));
        }
    }
}
