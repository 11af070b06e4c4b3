using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Indicators
{
    /// <summary>Reads the saved numpy references and Core's batch view of the bundled sample.</summary>
    internal static class IndicatorReference
    {
        /// <summary>Rows of a reference CSV (first line a provenance comment, second the header); empty cells are null.</summary>
        internal static List<(string Date, double?[] Values)> Read(string fileName)
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "Indicators", fileName);
            return File.ReadAllLines(path).Skip(2).Where(l => l.Length > 0)
                .Select(line => line.Split(','))
                .Select(c => (c[0], c.Skip(1).Select(v => v.Length == 0 ? (double?)null : double.Parse(v, CultureInfo.InvariantCulture)).ToArray()))
                .ToList();
        }

        /// <summary>Core's simple returns of the sample (row t-1 is the return into price row t), loaded the way the CLI loads it.</summary>
        internal static AssetFrame SampleReturns() =>
            ReturnCalculator.Simple(CsvFrameLoader.Load(Hosting.SampleBars.SamplePath("eustockmarkets-prices.csv")));

        /// <summary>
        /// The reference with its last bar unset: a multi-instrument indicator writes a bar's value when the next
        /// primary bar closes (plots are set on the primary series), so the last bar of a run has none.
        /// </summary>
        internal static List<double?> LastBarPending(List<double?> expected)
        {
            var copy = new List<double?>(expected);
            copy[copy.Count - 1] = null;
            return copy;
        }

        internal static void AssertPlotEquals(double?[] plotted, IReadOnlyList<double?> expected, double tolerance, string what)
        {
            Assert.That(plotted, Has.Length.EqualTo(expected.Count), what);
            for (int i = 0; i < expected.Count; i++)
            {
                if (expected[i] == null)
                    Assert.That(plotted[i], Is.Null, $"{what}: bar {i} should not be plotted");
                else
                    Assert.That(plotted[i], Is.EqualTo(expected[i].Value).Within(tolerance), $"{what}: bar {i}");
            }
        }
    }
}
