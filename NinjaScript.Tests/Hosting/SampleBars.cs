using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTrader.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Hosting
{
    /// <summary>Loads the bundled sample price files (Date,Asset1,Asset2,...) as daily bars, one list per asset.</summary>
    internal static class SampleBars
    {
        internal static BarsPeriod Daily => new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 };

        internal static string SamplePath(string fileName) =>
            Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", fileName);

        /// <summary>Each close becomes a bar with open = high = low = close (the samples hold closes only).</summary>
        internal static Dictionary<string, List<BarRecord>> LoadCsv(string path)
        {
            string[] lines = File.ReadAllLines(path);
            string[] header = lines[0].Split(',');
            var result = header.Skip(1).ToDictionary(name => name, _ => new List<BarRecord>());
            foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
            {
                string[] cells = line.Split(',');
                DateTime time = DateTime.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                for (int c = 1; c < header.Length; c++)
                {
                    double close = double.Parse(cells[c], CultureInfo.InvariantCulture);
                    result[header[c]].Add(Bar(time, close));
                }
            }
            return result;
        }

        internal static BarRecord Bar(DateTime time, double close) => new BarRecord(time, close, close, close, close, 0);
    }
}
