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
        /// <summary>Raw (fractional) Kelly: no shrinkage, cap far above the sample's values.</summary>
        private static double?[] Run(string asset, int lookback, double fraction, double riskFree)
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioKellyFraction>(SampleBars.Daily)
                .WithBars(asset, bars[asset])
                .WithInputs(i => { i.Lookback = lookback; i.Fraction = fraction; i.RiskFreeRate = riskFree; i.Shrinkage = false; i.MaxLeverage = 100; });
            return ScriptHost<PortfolioKellyFraction>.PlotValues(host.Run(asset), 0);
        }

        private static double?[] RunOn(double[] closes, Action<PortfolioKellyFraction> inputs)
        {
            var start = new DateTime(2024, 1, 2);
            var host = new ScriptHost<PortfolioKellyFraction>(SampleBars.Daily)
                .WithBars("X", closes.Select((c, d) => SampleBars.Bar(start.AddDays(d), c)))
                .WithInputs(inputs);
            return ScriptHost<PortfolioKellyFraction>.PlotValues(host.Run("X"), 0);
        }

        [Test]
        public void Defaults_AreHalfKellyOver250Bars_ShrunkAndCappedAt2_EqualToNumpy()
        {
            var expected = IndicatorReference.Read("kelly_dax_250_defaults.csv").Select(e => e.Values[0]).ToList();
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioKellyFraction>(SampleBars.Daily).WithBars("DAX", bars["DAX"]);

            PortfolioKellyFraction indicator = host.Run("DAX");

            Assert.That(new object[] { indicator.Lookback, indicator.Fraction, indicator.Shrinkage, indicator.MaxLeverage }, Is.EqualTo(new object[] { 250, 0.5, true, 2.0 }));
            IndicatorReference.AssertPlotEquals(ScriptHost<PortfolioKellyFraction>.PlotValues(indicator, 0), expected, 1e-11, "kelly");
            Assert.That(expected.Where(v => v != null).Select(v => Math.Abs(v.Value)), Is.All.LessThanOrEqualTo(2.0));
        }

        [Test]
        public void Shrinkage_HandWorked_ScalesByOneMinusOneOverTSquared()
        {
            // Returns +10%, +20%, +30% (closes 100, 110, 132, 171.6): mean 0.2, sample variance 0.01, n = 3, so
            // t^2 = 0.04 / (0.01 / 3) = 12 and s = 11/12; half Kelly 0.5 x 0.2 / 0.01 = 10, shrunk 10 x 11/12.
            double?[] plotted = RunOn(new[] { 100, 110, 132, 171.6 }, i => { i.Lookback = 3; i.Fraction = 0.5; i.Shrinkage = true; i.MaxLeverage = 100; });

            Assert.That(plotted[3], Is.EqualTo(10.0 * 11.0 / 12.0).Within(1e-9));
        }

        [Test]
        public void Shrinkage_DriftWithinOneStandardError_PlotsZero()
        {
            // Returns +10%, -5%, +10%: mean 0.05, variance 0.0075, n = 3: t^2 = 0.0025 / 0.0025 = 1, so s = 0.
            double?[] plotted = RunOn(new[] { 100, 110, 104.5, 114.95 }, i => { i.Lookback = 3; i.Shrinkage = true; });

            Assert.That(plotted[3], Is.EqualTo(0.0).Within(1e-12));
        }

        [TestCase(new[] { 100, 110, 132, 171.6 }, 2.0)]
        [TestCase(new[] { 100, 90, 72, 50.4 }, -2.0)]
        public void MaxLeverage_CapsBothSigns(double[] closes, double expected)
        {
            // Half Kelly of +10/+20/+30% is 10 and of -10/-20/-30% is -10; both are capped at 2.
            double?[] plotted = RunOn(closes, i => { i.Lookback = 3; i.Fraction = 0.5; i.Shrinkage = false; i.MaxLeverage = 2; });

            Assert.That(plotted[3], Is.EqualTo(expected));
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
                .WithInputs(i => { i.Lookback = 3; i.Fraction = 0.5; i.RiskFreeRate = 0; i.Shrinkage = false; i.MaxLeverage = 100; });

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
                .WithInputs(i => { i.Lookback = 3; i.Fraction = 0.5; i.RiskFreeRate = 0; i.Shrinkage = false; i.MaxLeverage = 100; });

            double?[] plotted = ScriptHost<PortfolioKellyFraction>.PlotValues(host.Run("X"), 0);

            Assert.That(plotted[3], Is.EqualTo(0.5 * 0.05 / 0.0075).Within(1e-9));
        }
    }
}
