using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>
    /// Golden outputs: the JSON of optimize (each method), risk, schedule, rebalance and backtest on the bundled samples,
    /// saved under <c>Cli/Golden/</c> from the CLI at commit 071dd83 (see Golden/README.md). Numbers must agree to 1e-9
    /// relative, everything else exactly. Set <c>NTP_GOLDEN_WRITE</c> to the source Golden folder to regenerate them
    /// (only after a documented behaviour change).
    /// </summary>
    public sealed class GoldenOutputTests
    {
        private const double RelativeTolerance = 1e-9;

        private static string Sample(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", name);

        private static string Input(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Cli", "Golden", "inputs", name);

        private static string Expected(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Cli", "Golden", name + ".json");

        private static readonly string Eu = "eustockmarkets-prices.csv";
        private static readonly string Gcc = "gccindex-prices.csv";

        /// <summary>Case name and the command line (sample and input names are resolved when the case runs).</summary>
        private static IEnumerable<TestCaseData> Cases()
        {
            TestCaseData Case(string name, params string[] args) => new TestCaseData(name, args).SetName("CliJson_" + name + "_MatchesTheGoldenOutput");

            yield return Case("optimize-min-variance", "optimize", "--prices", "@" + Eu, "--method", "min-variance", "--format", "json");
            yield return Case("optimize-min-variance-limits", "optimize", "--prices", "@" + Eu, "--method", "min-variance", "--covariance", "ledoit-wolf",
                "--max-weight", "0.4", "--sectors", "%sectors.csv", "--sector-max", "eurozone=0.5", "--format", "json");
            yield return Case("optimize-min-variance-gcc", "optimize", "--prices", "@" + Gcc, "--method", "min-variance", "--max-weight", "0.3", "--format", "json");
            yield return Case("optimize-max-sharpe", "optimize", "--prices", "@" + Eu, "--method", "max-sharpe", "--max-weight", "0.6",
                "--risk-free", "0.01", "--periods-per-year", "252", "--format", "json");
            yield return Case("optimize-target-return", "optimize", "--prices", "@" + Eu, "--method", "target-return", "--target-return", "0.1",
                "--periods-per-year", "252", "--format", "json");
            yield return Case("optimize-target-volatility", "optimize", "--prices", "@" + Eu, "--method", "target-volatility", "--target-volatility", "0.12",
                "--periods-per-year", "252", "--format", "json");
            yield return Case("optimize-kelly", "optimize", "--prices", "@" + Eu, "--method", "kelly", "--kelly-fraction", "0.5", "--format", "json");
            yield return Case("optimize-risk-parity", "optimize", "--prices", "@" + Gcc, "--method", "risk-parity", "--format", "json");
            yield return Case("optimize-mixed", "optimize", "--prices", "@" + Eu, "--method", "mixed", "--mix", "min-variance=0.5,risk-parity=0.25,kelly=0.25",
                "--max-weight", "0.5", "--format", "json");
            yield return Case("optimize-frontier", "optimize", "--prices", "@" + Eu, "--method", "min-variance", "--frontier", "5", "--format", "json");
            yield return Case("risk-eu", "risk", "--prices", "@" + Eu, "--weights", "%weights.csv", "--confidence", "0.99", "--lambda", "0.94",
                "--horizon", "10", "--benchmark", "FTSE", "--format", "json");
            yield return Case("risk-gcc-equal", "risk", "--prices", "@" + Gcc, "--weights", "equal", "--confidence", "0.95", "--format", "json");
            yield return Case("schedule-twap", "schedule", "--strategy", "twap", "--quantity", "1000", "--horizon", "1", "--slices", "8", "--adv", "100000", "--epsilon", "0.01", "--format", "json");
            yield return Case("schedule-vwap", "schedule", "--strategy", "vwap", "--quantity", "50000", "--horizon", "1", "--slices", "10", "--adv", "200000",
                "--participation-cap", "0.3", "--price", "100", "--sigma", "0.5", "--epsilon", "0.01", "--format", "json");
            yield return Case("schedule-is", "schedule", "--strategy", "is", "--quantity", "100000", "--horizon", "5", "--slices", "10", "--sigma", "0.95",
                "--eta", "2.5e-6", "--gamma", "2.5e-7", "--epsilon", "0.0625", "--risk-aversion", "1e-6", "--price", "50", "--format", "json");
            yield return Case("rebalance-targets", "rebalance", "--positions", "%positions.csv", "--prices", "@" + Eu, "--equity", "5000000",
                "--targets", "%weights.csv", "--instruments", "%rebalance-instruments.csv", "--cash-buffer", "0.02", "--min-trade", "1000", "--format", "json");
            yield return Case("rebalance-optimizer", "rebalance", "--positions", "%positions.csv", "--prices", "@" + Eu, "--equity", "5000000",
                "--method", "min-variance", "--max-weight", "0.4", "--instruments", "%rebalance-instruments.csv", "--slices", "5", "--format", "json");
            yield return Case("backtest-fixed", "backtest", "--prices", "@" + Eu, "--weights", "%weights.csv", "--rebalance", "monthly",
                "--initial-capital", "1000000", "--costs", "model", "--commission-per-unit", "0.5", "--instruments", "%backtest-instruments.csv", "--format", "json");
            yield return Case("backtest-min-variance", "backtest", "--prices", "@" + Eu, "--method", "min-variance", "--lookback", "60", "--max-weight", "0.6",
                "--rebalance", "monthly", "--initial-capital", "1000000", "--costs", "none", "--format", "json");
            yield return Case("backtest-risk-parity", "backtest", "--prices", "@" + Eu, "--method", "risk-parity", "--lookback", "120",
                "--rebalance", "quarterly", "--initial-capital", "1000000", "--costs", "none", "--cash-buffer", "0.05", "--format", "json");
            yield return Case("backtest-max-sharpe-drift", "backtest", "--prices", "@" + Eu, "--method", "max-sharpe", "--lookback", "250", "--max-weight", "0.5",
                "--rebalance", "drift:0.05", "--initial-capital", "1000000", "--costs", "none", "--fractional", "--format", "json");
            yield return Case("backtest-kelly", "backtest", "--prices", "@" + Eu, "--method", "kelly", "--kelly-fraction", "0.25", "--lookback", "120",
                "--rebalance", "monthly", "--initial-capital", "1000000", "--costs", "none", "--format", "json");
        }

        [TestCaseSource(nameof(Cases))]
        public void GoldenCase(string name, string[] args)
        {
            var resolved = args.Select(x => x.StartsWith("@", StringComparison.Ordinal) ? Sample(x.Substring(1))
                : x.StartsWith("%", StringComparison.Ordinal) ? Input(x.Substring(1)) : x).ToArray();
            var res = CliRunner.Run(resolved);
            Assert.That(res.Code, Is.EqualTo(0), res.Err);

            string? writeTo = Environment.GetEnvironmentVariable("NTP_GOLDEN_WRITE");
            if (!string.IsNullOrEmpty(writeTo))
            {
                File.WriteAllText(Path.Combine(writeTo, name + ".json"), res.Out);
                Assert.Inconclusive("golden output written to " + writeTo);
            }

            using var expected = JsonDocument.Parse(File.ReadAllText(Expected(name)));
            using var actual = JsonDocument.Parse(res.Out);
            var differences = new List<string>();
            Compare(expected.RootElement, actual.RootElement, "$", differences);
            Assert.That(differences, Is.Empty, name + ": " + string.Join("\n", differences.Take(20)));
        }

        [Test]
        public void Compare_NumbersApartByMoreThanTheTolerance_AreReported()
        {
            using var a = JsonDocument.Parse("{\"x\":[1.0,\"s\",{\"y\":2.0}]}");
            using var b = JsonDocument.Parse("{\"x\":[1.000000001,\"s\",{\"y\":2.0}]}");
            using var c = JsonDocument.Parse("{\"x\":[1.0000000000001,\"s\",{\"y\":2.0}]}");
            var diffs = new List<string>();
            Compare(a.RootElement, b.RootElement, "$", diffs);
            Assert.That(diffs, Is.EqualTo(new[] { "$.x[0]: expected 1.0, got 1.000000001" }));
            diffs.Clear();
            Compare(a.RootElement, c.RootElement, "$", diffs);
            Assert.That(diffs, Is.Empty);
        }

        /// <summary>Structural comparison: same keys in the same order, same strings, numbers within the relative tolerance.</summary>
        private static void Compare(JsonElement e, JsonElement a, string path, List<string> diffs)
        {
            if (e.ValueKind != a.ValueKind)
            {
                diffs.Add($"{path}: expected {e.ValueKind} {e.GetRawText()}, got {a.ValueKind} {a.GetRawText()}");
                return;
            }
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var ep = e.EnumerateObject().ToList();
                    var ap = a.EnumerateObject().ToList();
                    var en = ep.Select(p => p.Name).ToList();
                    var an = ap.Select(p => p.Name).ToList();
                    if (!en.SequenceEqual(an))
                    {
                        diffs.Add($"{path}: expected keys [{string.Join(",", en)}], got [{string.Join(",", an)}]");
                        return;
                    }
                    for (int i = 0; i < ep.Count; i++) Compare(ep[i].Value, ap[i].Value, path + "." + ep[i].Name, diffs);
                    break;
                case JsonValueKind.Array:
                    int n = e.GetArrayLength();
                    if (n != a.GetArrayLength())
                    {
                        diffs.Add($"{path}: expected {n} elements, got {a.GetArrayLength()}");
                        return;
                    }
                    for (int i = 0; i < n; i++) Compare(e[i], a[i], $"{path}[{i}]", diffs);
                    break;
                case JsonValueKind.Number:
                    double x = e.GetDouble(), y = a.GetDouble();
                    if (!(Math.Abs(x - y) <= RelativeTolerance * Math.Max(Math.Abs(x), Math.Abs(y))) && x != y)
                        diffs.Add($"{path}: expected {e.GetRawText()}, got {a.GetRawText()}");
                    break;
                default:
                    if (e.GetRawText() != a.GetRawText()) diffs.Add($"{path}: expected {e.GetRawText()}, got {a.GetRawText()}");
                    break;
            }
        }
    }
}
