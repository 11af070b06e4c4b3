using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript.Indicators;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Indicators
{
    [TestFixture]
    public class PortfolioCorrelationTests
    {
        private static readonly DateTime Day1 = new DateTime(2024, 1, 2);

        private static double?[] Run(Dictionary<string, List<BarRecord>> bars, string primary, string second, int period, DateTime? realtimeFrom = null)
        {
            var host = new ScriptHost<PortfolioCorrelation>(SampleBars.Daily)
                .WithInputs(i => { i.Period = period; i.SecondInstrument = second; });
            // A regression to BarsPeriod in State.Configure or to a 256-value series read too far back throws.
            host.Rules.EnforceDataLoadedOnlyMembers = true;
            host.Rules.EnforceMaximumBarsLookBack = true;
            host.RealtimeFrom = realtimeFrom;
            foreach (KeyValuePair<string, List<BarRecord>> series in bars)
                host.WithBars(series.Key, series.Value);
            return ScriptHost<PortfolioCorrelation>.PlotValues(host.Run(primary), 0);
        }

        private static List<BarRecord> Closes(params double[] closes) =>
            closes.Select((c, d) => SampleBars.Bar(Day1.AddDays(d), c)).ToList();

        private static (string Date, double? Value)[] ReadReference(string fileName)
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "Indicators", fileName);
            return File.ReadAllLines(path).Skip(2)
                .Select(line => line.Split(','))
                .Select(c => (c[0], c[1].Length == 0 ? (double?)null : double.Parse(c[1], CultureInfo.InvariantCulture)))
                .ToArray();
        }

        [TestCase("DAX", "FTSE", 20, "correlation_dax_ftse_20.csv")]
        [TestCase("SMI", "CAC", 60, "correlation_smi_cac_60.csv")]
        public void PlottedValues_EqualNumpyBatchCorrelation_OnEuStockMarkets(string primary, string second, int period, string reference)
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var expected = ReadReference(reference);

            double?[] plotted = Run(new Dictionary<string, List<BarRecord>> { [primary] = bars[primary], [second] = bars[second] }, primary, second, period);

            Assert.That(plotted, Has.Length.EqualTo(expected.Length));
            // Plots are set on the primary series: a bar's value is written when the next primary bar closes.
            Assert.That(plotted[expected.Length - 1], Is.Null, "the last bar waits for the next primary bar");
            for (int i = 0; i < expected.Length - 1; i++)
            {
                if (expected[i].Value == null)
                    Assert.That(plotted[i], Is.Null, $"bar {i} ({expected[i].Date}) should not be plotted");
                else
                    Assert.That(plotted[i], Is.EqualTo(expected[i].Value.Value).Within(1e-12), $"bar {i} ({expected[i].Date})");
            }
        }

        [TestCase("DAX", "FTSE", 20)]
        [TestCase("SMI", "CAC", 60)]
        public void PlottedValues_EqualCoreRollingCorrelation_OnEuStockMarkets(string primary, string second, int period)
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var returns = IndicatorReference.SampleReturns();
            // Core's batch series over all returns; return row t - 1 is the return into price bar t.
            double[] batch = NinjaTraderPortfolio.Core.Risk.CorrelationAnalyzer.RollingCorrelation(
                returns.CopyColumn(returns.IndexOf(primary)), returns.CopyColumn(returns.IndexOf(second)), period);

            double?[] plotted = Run(new Dictionary<string, List<BarRecord>> { [primary] = bars[primary], [second] = bars[second] }, primary, second, period);

            Assert.That(plotted[0], Is.Null);
            for (int bar = 1; bar < plotted.Length - 1; bar++)
            {
                double expected = batch[bar - 1];
                if (double.IsNaN(expected)) Assert.That(plotted[bar], Is.Null, $"bar {bar}");
                else Assert.That(plotted[bar], Is.EqualTo(expected).Within(1e-14), $"bar {bar}");
            }
        }

        [Test]
        public void RealtimeBars_PlotTheSameValuesAsHistoricalBars()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var pair = new Dictionary<string, List<BarRecord>> { ["DAX"] = bars["DAX"], ["FTSE"] = bars["FTSE"] };
            DateTime split = bars["DAX"][1000].Time;

            double?[] historical = Run(pair, "DAX", "FTSE", 20);
            double?[] withRealtime = Run(pair, "DAX", "FTSE", 20, split);

            Assert.That(withRealtime, Is.EqualTo(historical));
        }

        [Test]
        public void HandWorkedCase_UsesSameDayClosesOfBothInstruments()
        {
            // x returns (+10%, -10%, +10%), y returns (+20%, -10%, 0%): sxy = 2/75, sxx = 2/75, syy = 7/150,
            // r = sxy / sqrt(sxx syy) = sqrt(4/7). The primary bar is processed before the second series' bar of the
            // same day, so a value built from the previous day's y would differ. Day 4's value is written when day 5's
            // primary bar closes, and day 5's waits for a day 6.
            var bars = new Dictionary<string, List<BarRecord>>
            {
                ["X"] = Closes(100, 110, 99, 108.9, 120),
                ["Y"] = Closes(50, 60, 54, 54, 70),
            };

            double?[] plotted = Run(bars, "X", "Y", 3);

            Assert.That(plotted.Take(3), Is.All.Null);
            Assert.That(plotted[3], Is.EqualTo(Math.Sqrt(4.0 / 7.0)).Within(1e-12));
            Assert.That(plotted[4], Is.Null);
        }

        [Test]
        public void SecondInstrumentMissingADay_UsesItsLatestEarlierClose()
        {
            // Y has no bar on day 2: its day-1 close (60) stands for day 2, so y returns are (+20%, 0%, -10%).
            var bars = new Dictionary<string, List<BarRecord>>
            {
                ["X"] = Closes(100, 110, 99, 108.9, 120),
                ["Y"] = Closes(50, 60, 0, 54, 70).Where((_, d) => d != 2).ToList(),
            };

            double?[] plotted = Run(bars, "X", "Y", 3);

            double[] x = { 0.1, -0.1, 0.1 }, y = { 0.2, 0.0, -0.1 };
            Assert.That(plotted[3], Is.EqualTo(Pearson(x, y)).Within(1e-12));
        }

        [Test]
        public void FlatSecondInstrument_LeavesCorrelationUnset()
        {
            var bars = new Dictionary<string, List<BarRecord>>
            {
                ["X"] = Closes(100, 110, 99, 108.9, 100, 101),
                ["Y"] = Closes(50, 50, 50, 50, 50, 50),
            };

            Assert.That(Run(bars, "X", "Y", 3), Is.All.Null);
        }

        [Test]
        public void SecondInstrumentStartingLater_PlotsOnlyOnceTheWindowIsCovered()
        {
            var bars = new Dictionary<string, List<BarRecord>>
            {
                ["X"] = Closes(100, 101, 103, 102, 105, 104, 106),
                ["Y"] = Closes(0, 0, 40, 41, 39, 42, 43).Skip(2).Select((b, d) => SampleBars.Bar(Day1.AddDays(d + 2), b.Close)).ToList(),
            };

            double?[] plotted = Run(bars, "X", "Y", 3);

            Assert.That(plotted.Take(5), Is.All.Null);
            double[] x = { 102.0 / 103 - 1, 105.0 / 102 - 1, 104.0 / 105 - 1 }, y = { 41.0 / 40 - 1, 39.0 / 41 - 1, 42.0 / 39 - 1 };
            Assert.That(plotted[5], Is.EqualTo(Pearson(x, y)).Within(1e-12));
        }

        [Test]
        public void NoSecondInstrument_ByDefault_AddsNoSeriesAndPlotsNothing()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var host = new ScriptHost<PortfolioCorrelation>(SampleBars.Daily).WithBars("DAX", bars["DAX"]);

            PortfolioCorrelation indicator = host.Run("DAX");

            Assert.That(indicator.SecondInstrument, Is.Empty, "the default names no (expiring) contract");
            Assert.That(indicator.BarsArray, Has.Length.EqualTo(1));
            Assert.That(ScriptHost<PortfolioCorrelation>.PlotValues(indicator, 0), Is.All.Null);
        }

        [Test]
        public void PeriodBeyond256Bars_UsesTheWholeWindow_AsCoreDoes()
        {
            // A default custom series keeps 256 values in NinjaTrader; the stand-in enforces that here, so this passes only
            // because the aligned closes are kept with MaximumBarsLookBack.Infinite.
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var returns = IndicatorReference.SampleReturns();
            double[] batch = NinjaTraderPortfolio.Core.Risk.CorrelationAnalyzer.RollingCorrelation(
                returns.CopyColumn(returns.IndexOf("DAX")), returns.CopyColumn(returns.IndexOf("SMI")), 300);

            double?[] plotted = Run(new Dictionary<string, List<BarRecord>> { ["DAX"] = bars["DAX"], ["SMI"] = bars["SMI"] }, "DAX", "SMI", 300);

            Assert.That(plotted.Take(300), Is.All.Null);
            for (int bar = 300; bar < plotted.Length - 1; bar += 97)
                Assert.That(plotted[bar], Is.EqualTo(batch[bar - 1]).Within(1e-14), $"bar {bar}");
        }

        /// <summary>Textbook two-pass Pearson correlation (independent of the indicator's streaming code).</summary>
        private static double Pearson(double[] x, double[] y)
        {
            double mx = x.Average(), my = y.Average();
            double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
            return sxy / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
        }
    }
}
