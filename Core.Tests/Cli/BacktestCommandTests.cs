using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Cli;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary><c>ntportfolio backtest</c> in-process.</summary>
    public sealed class BacktestCommandTests
    {
        private string _dir = "";

        private static string Eu => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv");

        [SetUp]
        public void SetUp()
        {
            _dir = Path.Combine(Path.GetTempPath(), "ntp-backtest-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
        }

        [TearDown]
        public void TearDown() => Directory.Delete(_dir, true);

        private string F(string name, string text)
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllText(path, text);
            return path;
        }

        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(new[] { "backtest" }.Concat(args).ToArray(), stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        // The hand-worked case of BacktesterTests.TwoAssets_OneMonthlyRebalance_EqualsHandResult through the CLI:
        // equity 9700, 9600, 9430, 10180; commission 2 per unit; turnover 750 / 9450.
        [Test]
        public void Json_HandWorkedCase_MatchesAndHasEveryField()
        {
            var prices = F("p.csv", "Date,A,B\n2024-01-30,100,50\n2024-01-31,102,48\n2024-02-01,105,45\n2024-02-02,110,50\n");
            var weights = F("w.csv", "Asset,Weight\nA,0.5\nB,0.5\n");
            var ins = F("i.csv", "Asset,Adv,Spread\nA,1e12,0\nB,1e12,0\n");
            var res = Run("--prices", prices, "--weights", weights, "--rebalance", "monthly", "--initial-capital", "10000",
                "--costs", "model", "--commission-per-unit", "2", "--instruments", ins, "--format", "json");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var root = JsonDocument.Parse(res.Out).RootElement;
            Assert.That(root.GetProperty("finalEquity").GetDecimal(), Is.EqualTo(10180m).Within(0.01m)); // impact ~ sqrt(5/1e12) is tiny
            Assert.That(root.GetProperty("totalReturn").GetDouble(), Is.EqualTo(0.018).Within(1e-6));
            Assert.That(root.GetProperty("turnover").GetDouble(), Is.EqualTo(750.0 / 9450).Within(1e-6));
            Assert.That(root.GetProperty("trades").GetInt32(), Is.EqualTo(4));
            foreach (var name in new[] { "annualizedReturn", "volatility", "sharpe", "maxDrawdown" })
                Assert.That(root.TryGetProperty(name, out _), Is.True, name);
            var curve = root.GetProperty("equityCurve").EnumerateArray().ToList();
            Assert.That(curve.Select(e => e.GetProperty("date").GetString()), Is.EqualTo(new[] { "2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02" }));
            Assert.That(curve[1].GetProperty("equity").GetDecimal(), Is.EqualTo(9600m).Within(0.01m));
            // max drawdown: peak 9700 -> trough 9430
            Assert.That(root.GetProperty("maxDrawdown").GetDouble(), Is.EqualTo(1 - 9430.0 / 9700).Within(1e-5));
        }

        [Test]
        public void CostsNone_HandWorkedCase_IsExact()
        {
            var prices = F("p.csv", "Date,A,B\n2024-01-30,100,50\n2024-01-31,102,48\n2024-02-01,105,45\n2024-02-02,110,50\n");
            var weights = F("w.csv", "Asset,Weight\nA,0.5\nB,0.5\n");
            // Without commission: bar 2 equity 50x105 + 100x45 = 9750, targets 4875: 46.43 A -> 46, 108.33 B -> 108;
            // final 46x110 + 108x50 + cash (10000 - 10000 + 4x105 - 8x45 = 60) = 5060 + 5400 + 60 = 10520.
            var res = Run("--prices", prices, "--weights", weights, "--rebalance", "monthly", "--initial-capital", "10000", "--costs", "none", "--format", "json");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            Assert.That(JsonDocument.Parse(res.Out).RootElement.GetProperty("finalEquity").GetDecimal(), Is.EqualTo(10520m));
        }

        [Test]
        public void SameArguments_TwiceGiveIdenticalBytes_IncludingReport()
        {
            string[] Args(string report) => new[] { "--prices", Eu, "--method", "min-variance", "--lookback", "60", "--max-weight", "0.6",
                "--rebalance", "monthly", "--initial-capital", "1000000", "--costs", "none", "--format", "json", "--report", report };
            var a = Run(Args(Path.Combine(_dir, "a")));
            var b = Run(Args(Path.Combine(_dir, "b")));
            Assert.That(a.Code, Is.EqualTo(0), a.Err);
            Assert.That(b.Out, Is.EqualTo(a.Out));
            foreach (var file in new[] { "equity.csv", "weights.csv", "fills.csv", "rebalances.csv", "summary.json" })
                Assert.That(File.ReadAllBytes(Path.Combine(_dir, "b", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_dir, "a", file))), file);
            Assert.That(File.ReadAllText(Path.Combine(_dir, "a", "summary.json")), Is.EqualTo(a.Out));
        }

        [Test]
        public void MethodMode_StartsAfterTheLookback_AndRespectsMaxWeight()
        {
            var report = Path.Combine(_dir, "r");
            var res = Run("--prices", Eu, "--method", "min-variance", "--lookback", "120", "--max-weight", "0.4", "--rebalance", "quarterly",
                "--initial-capital", "1000000", "--costs", "none", "--format", "json", "--report", report, "--fractional");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var curve = JsonDocument.Parse(res.Out).RootElement.GetProperty("equityCurve");
            Assert.That(curve.GetArrayLength(), Is.EqualTo(1860 - 120));
            var lines = File.ReadAllLines(Path.Combine(report, "rebalances.csv")).Skip(1).ToList();
            Assert.That(lines, Is.Not.Empty);
            foreach (var l in lines)
                foreach (var cell in l.Split(',').Skip(4))
                    Assert.That(double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(0.4 + 1e-9), l);
        }

        // Max-Sharpe needs a window with some return above the risk-free rate; the early 1991 windows have none.
        [Test]
        public void InfeasibleWindow_ExitThree_NamingTheDate()
        {
            var res = Run("--prices", Eu, "--method", "max-sharpe", "--lookback", "120", "--max-weight", "0.4", "--rebalance", "quarterly",
                "--initial-capital", "1000000", "--costs", "none", "--risk-free", "0.5");
            Assert.That(res.Code, Is.EqualTo(3), res.Err);
            Assert.That(res.Err, Does.Match(@"at \d{4}-\d{2}-\d{2} \(window of 120 returns\)"));
        }

        [Test]
        public void Table_ShowsTheFigures()
        {
            var weights = F("w.csv", "Asset,Weight\nDAX,1\n");
            var res = Run("--prices", Eu, "--weights", weights, "--rebalance", "none", "--initial-capital", "1000000", "--costs", "none");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            Assert.That(res.Out, Does.Contain("final equity").And.Contain("max drawdown").And.Contain("sharpe"));
        }

        [TestCase(new[] { "--weights", "W", "--initial-capital", "1000", "--costs", "none" }, "--rebalance")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--costs", "none" }, "--initial-capital")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000" }, "--costs")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "yearly", "--initial-capital", "1000", "--costs", "none" }, "yearly")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "drift:2", "--initial-capital", "1000", "--costs", "none" }, "drift band")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "-5", "--costs", "none" }, "--initial-capital")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none", "--commission-per-unit", "1" }, "--costs model")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "model" }, "--instruments")]
        [TestCase(new[] { "--weights", "W", "--method", "min-variance", "--lookback", "5", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none" }, "--method")]
        [TestCase(new[] { "--method", "min-variance", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none" }, "--lookback")]
        [TestCase(new[] { "--method", "min-variance", "--lookback", "1", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none" }, "--lookback")]
        [TestCase(new[] { "--method", "min-variance", "--lookback", "60", "--frontier", "5", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none" }, "--frontier")]
        [TestCase(new[] { "--method", "min-variance", "--lookback", "60", "--bogus", "5", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none" }, "--bogus")]
        [TestCase(new[] { "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none" }, "--weights")]
        [TestCase(new[] { "--weights", "W", "--lookback", "20", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none" }, "--lookback")]
        public void BadArguments_ExitTwo_NamingTheCulprit(string[] args, string culprit)
        {
            var weights = F("w.csv", "Asset,Weight\nDAX,0.5\nSMI,0.5\n");
            var full = new[] { "--prices", Eu }.Concat(args.Select(x => x == "W" ? weights : x)).ToArray();
            var res = Run(full);
            Assert.That(res.Code, Is.EqualTo(2), res.Err);
            Assert.That(res.Err, Does.Contain(culprit));
            Assert.That(res.Out, Is.Empty);
        }

        [Test]
        public void WeightsNamingAnUnknownAsset_ExitTwo()
        {
            var weights = F("w.csv", "Asset,Weight\nDAX,0.5\nNIKKEI,0.5\n");
            var res = Run("--prices", Eu, "--weights", weights, "--rebalance", "monthly", "--initial-capital", "1000000", "--costs", "none");
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("NIKKEI"));
        }

        [Test]
        public void LookbackLongerThanTheData_ExitTwo()
        {
            var res = Run("--prices", Eu, "--method", "min-variance", "--lookback", "5000", "--rebalance", "monthly", "--initial-capital", "1000000", "--costs", "none");
            Assert.That(res.Code, Is.EqualTo(2), res.Err);
            Assert.That(res.Err, Does.Contain("1860 bars"));
        }

        [Test]
        public void UnsortedPrices_ExitTwo_NamingTheRow()
        {
            var prices = F("p.csv", "Date,A\n2024-01-02,100\n2024-01-01,101\n");
            var weights = F("w.csv", "Asset,Weight\nA,1\n");
            var res = Run("--prices", prices, "--weights", weights, "--rebalance", "none", "--initial-capital", "1000", "--costs", "none");
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("2024-01-01"));
        }
    }
}
