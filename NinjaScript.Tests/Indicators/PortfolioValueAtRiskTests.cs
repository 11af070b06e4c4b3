using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript.Indicators;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Indicators
{
    [TestFixture]
    public class PortfolioValueAtRiskTests
    {
        private static PortfolioValueAtRisk Run(string[] assets, double[] weights, int lookback, double confidence, DateTime? realtimeFrom = null)
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioValueAtRisk>(SampleBars.Daily).WithInputs(i =>
            {
                i.Lookback = lookback;
                i.Confidence = confidence;
                i.Weight1 = weights[0];
                i.Instrument2 = assets.Length > 1 ? assets[1] : string.Empty;
                i.Weight2 = weights.Length > 1 ? weights[1] : 0;
                i.Instrument3 = assets.Length > 2 ? assets[2] : string.Empty;
                i.Weight3 = weights.Length > 2 ? weights[2] : 0;
                i.Instrument4 = assets.Length > 3 ? assets[3] : string.Empty;
                i.Weight4 = weights.Length > 3 ? weights[3] : 0;
            });
            // A regression to BarsPeriod in State.Configure or to a 256-value series read too far back throws.
            host.Rules.EnforceDataLoadedOnlyMembers = true;
            host.Rules.EnforceMaximumBarsLookBack = true;
            host.RealtimeFrom = realtimeFrom;
            foreach (string a in assets)
                host.WithBars(a, bars[a]);
            return host.Run(assets[0]);
        }

        [TestCase(new[] { "DAX", "SMI", "CAC", "FTSE" }, new[] { 0.4, 0.3, 0.2, 0.1 }, 250, 0.99, "var_dax_smi_cac_ftse_250.csv")]
        [TestCase(new[] { "FTSE", "DAX" }, new[] { 0.7, -0.3 }, 60, 0.95, "var_ftse_dax_60.csv")]
        public void PlottedVaR_EqualsNumpyBatch_OnEuStockMarkets(string[] assets, double[] weights, int lookback, double confidence, string reference)
        {
            var expected = IndicatorReference.Read(reference);

            var indicator = Run(assets, weights, lookback, confidence);

            // Plots are set on the primary series: with other instruments a bar's value is written when the next primary
            // bar closes, so the last bar has none yet.
            IndicatorReference.AssertPlotEquals(ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 0), IndicatorReference.LastBarPending(expected.Select(e => e.Values[0]).ToList()), 1e-12, "parametric");
            IndicatorReference.AssertPlotEquals(ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 1), IndicatorReference.LastBarPending(expected.Select(e => e.Values[1]).ToList()), 1e-12, "historical");
        }

        [Test]
        public void Defaults_OnTheChartInstrumentAlone_PlotItsOwnVaR_EqualToNumpy()
        {
            var expected = IndicatorReference.Read("var_dax_alone_250_defaults.csv");
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioValueAtRisk>(SampleBars.Daily).WithBars("DAX", bars["DAX"]);
            host.Rules.EnforceDataLoadedOnlyMembers = true;
            host.Rules.EnforceMaximumBarsLookBack = true;

            var indicator = host.Run("DAX");

            IndicatorReference.AssertPlotEquals(ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 0), expected.Select(e => e.Values[0]).ToList(), 1e-12, "parametric");
            IndicatorReference.AssertPlotEquals(ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 1), expected.Select(e => e.Values[1]).ToList(), 1e-12, "historical");
        }

        [Test]
        public void Weights_AreRelative_ScaledWeightsPlotTheSameVaR()
        {
            string[] assets = { "DAX", "CAC" };
            var scaled = Run(assets, new[] { 3.0, 1.0 }, 60, 0.99);
            var fractions = Run(assets, new[] { 0.75, 0.25 }, 60, 0.99);

            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(scaled, 0), Is.EqualTo(ScriptHost<PortfolioValueAtRisk>.PlotValues(fractions, 0)));
            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(scaled, 1), Is.EqualTo(ScriptHost<PortfolioValueAtRisk>.PlotValues(fractions, 1)));
            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(scaled, 0).Count(v => v != null), Is.GreaterThan(1000));
        }

        [Test]
        public void AllWeightsZero_IsRefused_NamingTheInstruments()
        {
            var error = Assert.Throws<ArgumentException>(() => Run(new[] { "DAX", "CAC" }, new[] { 0.0, 0.0 }, 60, 0.99));

            Assert.That(error.Message, Does.Contain("DAX").And.Contain("CAC").And.Contain("all 0"));
        }

        [Test]
        public void LookbackBeyond256Bars_EqualsCoreOnEveryCheckedWindow()
        {
            // A default custom series keeps 256 values in NinjaTrader (enforced by the stand-in here): this passes only
            // because the aligned closes are MaximumBarsLookBack.Infinite.
            string[] assets = { "DAX", "FTSE" };
            double[] weights = { 0.5, 0.5 };
            AssetFrame returns = IndicatorReference.SampleReturns().Select(assets);

            var indicator = Run(assets, weights, 300, 0.99);
            double?[] parametric = ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 0);

            Assert.That(parametric.Take(300), Is.All.Null);
            for (int bar = 300; bar < parametric.Length - 1; bar += 101)
            {
                RiskReport report = PortfolioRiskAnalyzer.Analyze(returns.Slice(bar - 300, 300), weights, 0.99);
                Assert.That(parametric[bar], Is.EqualTo(report.ParametricVaR).Within(1e-13), $"bar {bar}");
            }
        }

        [Test]
        public void PlottedVaR_EqualsCoreRiskReport_OnEveryWindow()
        {
            string[] assets = { "DAX", "SMI", "CAC", "FTSE" };
            double[] weights = { 0.4, 0.3, 0.2, 0.1 };
            const int lookback = 250;
            AssetFrame returns = IndicatorReference.SampleReturns().Select(assets);

            var indicator = Run(assets, weights, lookback, 0.99);
            double?[] parametric = ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 0);
            double?[] historical = ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 1);

            Assert.That(parametric.Take(lookback), Is.All.Null);
            for (int bar = lookback; bar < parametric.Length - 1; bar += 37)
            {
                RiskReport report = PortfolioRiskAnalyzer.Analyze(returns.Slice(bar - lookback, lookback), weights, 0.99);
                Assert.That(parametric[bar], Is.EqualTo(report.ParametricVaR).Within(1e-13), $"parametric, bar {bar}");
                Assert.That(historical[bar], Is.EqualTo(report.HistoricalVaR).Within(1e-15), $"historical, bar {bar}");
            }
        }

        [Test]
        public void RealtimeBars_PlotTheSameValuesAsHistoricalBars()
        {
            string[] assets = { "DAX", "CAC" };
            double[] weights = { 0.5, 0.5 };
            var historical = Run(assets, weights, 60, 0.99);
            var withRealtime = Run(assets, weights, 60, 0.99, new DateTime(1996, 1, 2));

            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(withRealtime, 0), Is.EqualTo(ScriptHost<PortfolioValueAtRisk>.PlotValues(historical, 0)));
            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(withRealtime, 1), Is.EqualTo(ScriptHost<PortfolioValueAtRisk>.PlotValues(historical, 1)));
        }

        [Test]
        public void HandWorkedCase_SingleInstrument_ParametricAndHistorical()
        {
            // Returns +10%, -10%, +10%, -10% (closes 100, 110, 99, 108.9, 98.01): mean 0, sample sd = sqrt(0.04/3);
            // parametric VaR at 0.95 = -z sd = 1.6448536269514722 x 0.11547005383792516; historical: type-7 quantile at
            // 0.05 of (-0.1, -0.1, 0.1, 0.1) is -0.1, so VaR 0.1.
            var start = new DateTime(2024, 1, 2);
            var closes = new[] { 100, 110, 99, 108.9, 98.01 };
            var host = new ScriptHost<PortfolioValueAtRisk>(SampleBars.Daily)
                .WithBars("X", closes.Select((c, d) => SampleBars.Bar(start.AddDays(d), c)))
                .WithInputs(i => { i.Lookback = 4; i.Confidence = 0.95; i.Weight1 = 1; });

            var indicator = host.Run("X");

            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 0)[4], Is.EqualTo(1.6448536269514722 * Math.Sqrt(0.04 / 3)).Within(1e-12));
            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 1)[4], Is.EqualTo(0.1).Within(1e-12));
            Assert.That(ScriptHost<PortfolioValueAtRisk>.PlotValues(indicator, 0).Take(4), Is.All.Null);
        }

        [Test]
        public void EmptySlots_AddNoDataSeries()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioValueAtRisk>(SampleBars.Daily)
                .WithBars("DAX", bars["DAX"]).WithBars("CAC", bars["CAC"])
                .WithInputs(i => { i.Instrument2 = string.Empty; i.Instrument3 = "CAC"; i.Instrument4 = " "; });

            var indicator = host.Run("DAX");

            Assert.That(indicator.BarsArray.Select(b => b.Instrument.FullName), Is.EqualTo(new[] { "DAX", "CAC" }));
        }
    }
}
