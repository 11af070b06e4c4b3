using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary><c>ntportfolio backtest</c> in-process.</summary>
    public sealed class BacktestCommandTests : ScratchFolderFixture
    {
        public BacktestCommandTests() : base("ntp-backtest") { }

        private static string Eu => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv");

        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.RunCommand("backtest", args);

        // The hand-worked case of BacktesterTests.TwoAssets_OneMonthlyRebalance_EqualsHandResult through the CLI:
        // equity 9700, 9600, 9430, 10180; commission 2 per unit; turnover 750 / 9450.
        [Test]
        public void Json_HandWorkedCase_MatchesAndHasEveryField()
        {
            var prices = Write("p.csv", "Date,A,B\n2024-01-30,100,50\n2024-01-31,102,48\n2024-02-01,105,45\n2024-02-02,110,50\n");
            var weights = Write("w.csv", "Asset,Weight\nA,0.5\nB,0.5\n");
            var ins = Write("i.csv", "Asset,Adv,Spread\nA,1e12,0\nB,1e12,0\n");
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
            var prices = Write("p.csv", "Date,A,B\n2024-01-30,100,50\n2024-01-31,102,48\n2024-02-01,105,45\n2024-02-02,110,50\n");
            var weights = Write("w.csv", "Asset,Weight\nA,0.5\nB,0.5\n");
            // Without commission: bar 2 equity 50x105 + 100x45 = 9750, targets 4875: 46.43 A -> 46, 108.33 B -> 108;
            // final 46x110 + 108x50 + cash (10000 - 10000 + 4x105 - 8x45 = 60) = 5060 + 5400 + 60 = 10520.
            var res = Run("--prices", prices, "--weights", weights, "--rebalance", "monthly", "--initial-capital", "10000", "--costs", "none", "--format", "json");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            Assert.That(JsonDocument.Parse(res.Out).RootElement.GetProperty("finalEquity").GetDecimal(), Is.EqualTo(10520m));
        }

        // The hand-worked case of SlicedExecutionTests.TwoAssets_TwapInTwoSlices_ChildQuantitiesPricesAndCostsEqualTheHandResult
        // through the CLI: final equity 9,627.70665, commissions 256, delay 280, impact 141.29335, fills.csv with the children.
        [Test]
        public void ExecutionTwap_HandWorkedCase_ReportsTheSlicingCosts()
        {
            var prices = Write("p.csv", "Date,A,B\n2024-01-02,100,20\n2024-01-03,110,20\n2024-01-04,99,20\n2024-01-05,105,20\n");
            var weights = Write("w.csv", "Asset,Weight\nA,0.61\nB,0.39\n");
            var ins = Write("i.csv", "Asset,Adv,Spread\nA,400,0.002\nB,1000,0.01\n");
            var report = Path.Combine(Dir, "report");
            var res = Run("--prices", prices, "--weights", weights, "--rebalance", "none", "--initial-capital", "10000", "--costs", "model",
                "--commission-per-unit", "1", "--instruments", ins, "--execution", "twap", "--slices", "2", "--format", "json", "--report", report);
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var root = JsonDocument.Parse(res.Out).RootElement;
            Assert.That(root.GetProperty("execution").GetString(), Is.EqualTo("twap x 2"));
            Assert.That(root.GetProperty("finalEquity").GetDecimal(), Is.EqualTo(9627.70665m).Within(0.00001m));
            Assert.That(root.GetProperty("delayCosts").GetDecimal(), Is.EqualTo(280m));
            Assert.That(root.GetProperty("commissions").GetDecimal(), Is.EqualTo(256m));
            Assert.That(root.GetProperty("slicingCosts").GetDecimal(), Is.EqualTo(280m + 256m + 141.29335m).Within(0.00001m));
            var fills = File.ReadAllLines(Path.Combine(report, "fills.csv"));
            Assert.That(fills[0], Is.EqualTo("Date,Asset,Quantity,Price,Commission,ImpactCost,DecisionDate,DecisionPrice,DelayCost"));
            Assert.That(fills.Skip(1).Select(l => string.Join(",", l.Split(',').Take(3))),
                Is.EqualTo(new[] { "2024-01-03,A,31", "2024-01-03,B,98", "2024-01-04,A,30", "2024-01-04,B,97" }));
            var table = Run("--prices", prices, "--weights", weights, "--rebalance", "none", "--initial-capital", "10000", "--costs", "model",
                "--commission-per-unit", "1", "--instruments", ins, "--execution", "twap", "--slices", "2");
            Assert.That(table.Out, Does.Contain("twap x 2").And.Contain("delay vs decision close").And.Contain("slicing cost"));
        }

        [Test]
        public void SameArguments_TwiceGiveIdenticalBytes_IncludingReport()
        {
            string[] Args(string report) => new[] { "--prices", Eu, "--method", "min-variance", "--lookback", "60", "--max-weight", "0.6",
                "--rebalance", "monthly", "--initial-capital", "1000000", "--costs", "none", "--format", "json", "--report", report };
            var a = Run(Args(Path.Combine(Dir, "a")));
            var b = Run(Args(Path.Combine(Dir, "b")));
            Assert.That(a.Code, Is.EqualTo(0), a.Err);
            Assert.That(b.Out, Is.EqualTo(a.Out));
            foreach (var file in new[] { "equity.csv", "weights.csv", "fills.csv", "rebalances.csv", "summary.json" })
                Assert.That(File.ReadAllBytes(Path.Combine(Dir, "b", file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(Dir, "a", file))), file);
            Assert.That(File.ReadAllText(Path.Combine(Dir, "a", "summary.json")), Is.EqualTo(a.Out));
        }

        // Two NinjaTrader minute exports, point values 50 and 20, capital 10,000,000, 0.5/0.5, whole contracts, daily:
        //   11-01 09:31 ES 5000 NQ 12500: 20 ES (5,000,000) + 20 NQ (5,000,000), cash 0
        //   11-02 09:31 (first bar of the new day) ES 5100 NQ 11000: E = 5,100,000 + 4,400,000 = 9,500,000; targets 4,750,000:
        //     ES 18.63 -> {18, 19}, NQ 21.59 -> {21, 22}; (19, 22) is over the 9.5 M budget; squared weight errors:
        //     (19, 21) 0.01^2 + 0.013684^2 = 0.000287 < (18, 22) 0.016842^2 + 0.009474^2 = 0.000373 -> sell 1 ES, buy 1 NQ;
        //     cash = 1 x 5100 x 50 - 1 x 11000 x 20 = 35,000
        //   11-02 09:33 ES 5050 NQ 12200: E = 35,000 + 19 x 5050 x 50 + 21 x 12200 x 20 = 9,956,500
        [Test]
        public void NinjaTraderMinuteExports_DailyPolicy_RebalancesAtTheFirstBarOfTheNextDay()
        {
            var es = Write("ES 12-23.Last.txt", "20231101 093100;5000;5000;5000;5000;10\n20231101 093200;5010;5010;5010;5010;10\n20231101 093300;5020;5020;5020;5020;10\n" +
                "20231102 093100;5100;5100;5100;5100;10\n20231102 093200;5000;5000;5000;5000;10\n20231102 093300;5050;5050;5050;5050;10\n");
            var nq = Write("NQ 12-23.Last.txt", "20231101 093100;12500;12500;12500;12500;10\n20231101 093200;12400;12400;12400;12400;10\n20231101 093300;12450;12450;12450;12450;10\n" +
                "20231102 093100;11000;11000;11000;11000;10\n20231102 093200;12100;12100;12100;12100;10\n20231102 093300;12200;12200;12200;12200;10\n");
            var weights = Write("w.csv", "Asset,Weight\nES 12-23,0.5\nNQ 12-23,0.5\n");
            var ins = Write("i.csv", "Asset,PointValue\nES 12-23,50\nNQ 12-23,20\n");
            var report = Path.Combine(Dir, "r");
            var res = Run("--prices", es, "--prices", nq, "--weights", weights, "--instruments", ins, "--rebalance", "daily",
                "--initial-capital", "10000000", "--costs", "none", "--format", "json", "--report", report);
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var root = JsonDocument.Parse(res.Out).RootElement;
            Assert.That(root.GetProperty("finalEquity").GetDecimal(), Is.EqualTo(9_956_500m));
            Assert.That(root.GetProperty("trades").GetInt32(), Is.EqualTo(4));
            var curve = root.GetProperty("equityCurve").EnumerateArray().ToList();
            Assert.That(curve[3].GetProperty("date").GetString(), Is.EqualTo("2023-11-02 09:31:00"));
            Assert.That(curve[3].GetProperty("equity").GetDecimal(), Is.EqualTo(9_500_000m));
            var fills = File.ReadAllLines(Path.Combine(report, "fills.csv")).Skip(3).ToList();
            Assert.That(fills, Is.EqualTo(new[] { "2023-11-02 09:31:00,ES 12-23,-1,5100,0,0", "2023-11-02 09:31:00,NQ 12-23,1,11000,0,0" }));
        }

        [Test]
        public void Output_DoesNotDependOnTheCurrentCulture()
        {
            var weights = Write("w.csv", "Asset,Weight\nDAX,0.3\nSMI,0.3\nCAC,0.2\nFTSE,0.2\n");
            string[] args = { "--prices", Eu, "--weights", weights, "--rebalance", "drift:0.02", "--initial-capital", "1234567.89", "--costs", "none", "--format", "json" };
            var saved = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                // A German-style culture built by hand (the test machine may run in globalization-invariant mode).
                var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
                comma.NumberFormat.NumberDecimalSeparator = ",";
                comma.NumberFormat.NumberGroupSeparator = ".";
                comma.NumberFormat.CurrencyDecimalSeparator = ",";
                comma.NumberFormat.PercentDecimalSeparator = ",";
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
                var a = Run(args);
                System.Globalization.CultureInfo.CurrentCulture = comma;
                Assert.That(1.5.ToString(), Is.EqualTo("1,5")); // the culture is in force
                var b = Run(args);
                Assert.That(a.Code, Is.EqualTo(0), a.Err);
                Assert.That(b.Out, Is.EqualTo(a.Out));
                var tableDe = Run(args.Take(args.Length - 2).ToArray());
                Assert.That(tableDe.Out, Does.Contain("1,234,567.89"));
            }
            finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
        }

        [Test]
        public void MethodMode_StartsAfterTheLookback_AndRespectsMaxWeight()
        {
            var report = Path.Combine(Dir, "r");
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
            var weights = Write("w.csv", "Asset,Weight\nDAX,1\n");
            var res = Run("--prices", Eu, "--weights", weights, "--rebalance", "none", "--initial-capital", "1000000", "--costs", "none");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            Assert.That(res.Out, Does.Contain("final equity").And.Contain("max drawdown").And.Contain("sharpe"));
        }

        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none", "--slices", "3" }, "--execution")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none", "--execution", "twap" }, "--slices")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none", "--execution", "twap", "--slices", "0" }, "--slices")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none", "--execution", "pov", "--slices", "2" }, "--execution")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none", "--execution", "twap", "--slices", "2", "--fractional" }, "--fractional")]
        [TestCase(new[] { "--weights", "W", "--rebalance", "monthly", "--initial-capital", "1000", "--costs", "none", "--execution", "twap", "--slices", "2", "--is-eta", "2" }, "--is-eta")]
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
            var weights = Write("w.csv", "Asset,Weight\nDAX,0.5\nSMI,0.5\n");
            var full = new[] { "--prices", Eu }.Concat(args.Select(x => x == "W" ? weights : x)).ToArray();
            var res = Run(full);
            Assert.That(res.Code, Is.EqualTo(2), res.Err);
            Assert.That(res.Err, Does.Contain(culprit));
            Assert.That(res.Out, Is.Empty);
        }

        [Test]
        public void WeightsNamingAnUnknownAsset_ExitTwo()
        {
            var weights = Write("w.csv", "Asset,Weight\nDAX,0.5\nNIKKEI,0.5\n");
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
            var prices = Write("p.csv", "Date,A\n2024-01-02,100\n2024-01-01,101\n");
            var weights = Write("w.csv", "Asset,Weight\nA,1\n");
            var res = Run("--prices", prices, "--weights", weights, "--rebalance", "none", "--initial-capital", "1000", "--costs", "none");
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("2024-01-01"));
        }
    }
}
