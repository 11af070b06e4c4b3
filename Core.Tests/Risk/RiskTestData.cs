using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk
{
    /// <summary>Sample data and saved references for the risk tests.</summary>
    internal static class RiskTestData
    {
        public static string SamplePath(string file) => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", file);

        public static string ReferencePath(string file) => Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "Risk", file);

        /// <summary>Simple returns P_t/P_{t-1} - 1 of a Date,asset... price CSV (the definition the references use).</summary>
        public static AssetFrame SampleReturns(string file)
        {
            var lines = File.ReadAllLines(SamplePath(file)).Where(l => l.Length > 0).ToArray();
            var assets = lines[0].Split(',').Skip(1).ToArray();
            var dates = new List<DateTime>();
            var prices = assets.Select(_ => new List<double>()).ToArray();
            foreach (var line in lines.Skip(1))
            {
                var f = line.Split(',');
                dates.Add(DateTime.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture));
                for (int j = 0; j < assets.Length; j++) prices[j].Add(double.Parse(f[j + 1], CultureInfo.InvariantCulture));
            }
            var cols = prices.Select(p => Enumerable.Range(1, p.Count - 1).Select(t => p[t] / p[t - 1] - 1.0).ToArray()).ToArray();
            return new AssetFrame(dates.Skip(1).ToList(), assets, cols, FrameKind.SimpleReturns, file);
        }

        public static JsonElement Reference(string file)
            => JsonDocument.Parse(File.ReadAllText(ReferencePath(file))).RootElement;

        public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

        public static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

        /// <summary>Relative agreement |a - e| &lt;= tol max(|e|, tiny).</summary>
        public static void AssertRel(double actual, double expected, double tol, string what)
            => Assert.That(actual, Is.EqualTo(expected).Within(tol * Math.Max(Math.Abs(expected), 1e-300)), what);

        public static double[] RandomNormals(Random rng, int n)
        {
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
                x[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
            return x;
        }
    }
}
