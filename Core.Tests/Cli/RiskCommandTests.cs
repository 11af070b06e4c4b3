using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Tests.Risk;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    public class RiskCommandTests : ScratchFolderFixture
    {
        public RiskCommandTests() : base("ntp-risk") { }

        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

        private static string Prices(string file) => RiskTestData.SamplePath(file);

        public static int[] Cases => RiskReferenceTests.Cases;

        [TestCaseSource(nameof(Cases))]
        public void Json_OnSampleData_MatchesNumpy(int index)
        {
            var c = RiskTestData.Reference("risk_reference.json").GetProperty("cases")[index];
            var assets = RiskTestData.Strings(c.GetProperty("assets"));
            var w = RiskTestData.Doubles(c.GetProperty("weights"));
            string weights = index == 1
                ? Write("w.csv", "Asset,Weight\n" + string.Join("\n", assets.Select((a, i) => a + "," + w[i].ToString("R", CultureInfo.InvariantCulture))) + "\n")
                : "equal";
            var args = new[] { "risk", "--prices", Prices(c.GetProperty("file").GetString()!), "--weights", weights,
                "--confidence", c.GetProperty("confidence").GetDouble().ToString("R", CultureInfo.InvariantCulture), "--format", "json", "--lambda", "0.94" }.ToList();
            if (c.GetProperty("benchmark").ValueKind == JsonValueKind.String) args.AddRange(new[] { "--benchmark", c.GetProperty("benchmark").GetString()! });
            var (code, output, err) = Run(args.ToArray());
            Assert.That(code, Is.EqualTo(0), err);
            var j = JsonDocument.Parse(output).RootElement;
            var e = c.GetProperty("expected");
            foreach (var key in new[] { "volatility", "parametricVaR", "historicalVaR", "modifiedVaR", "parametricCVaR", "historicalCVaR",
                "diversificationRatio", "averageCorrelation", "meanReturn", "skewness", "excessKurtosis", "effectiveNumberOfBets" })
                RiskTestData.AssertRel(j.GetProperty(key).GetDouble(), e.GetProperty(key).GetDouble(), 1e-8, key);
            foreach (var key in new[] { "componentVaR", "marginalVaR", "incrementalVaR", "componentCVaR" })
            {
                var x = RiskTestData.Doubles(e.GetProperty(key));
                Assert.That(j.GetProperty(key).EnumerateObject().Select(p => p.Name), Is.EqualTo(assets), key);
                for (int i = 0; i < assets.Length; i++) RiskTestData.AssertRel(j.GetProperty(key).GetProperty(assets[i]).GetDouble(), x[i], 1e-8, $"{key}.{assets[i]}");
            }
            if (c.GetProperty("benchmark").ValueKind == JsonValueKind.String)
            {
                var b = j.GetProperty("benchmark");
                RiskTestData.AssertRel(b.GetProperty("beta").GetDouble(), e.GetProperty("beta").GetDouble(), 1e-8, "beta");
                RiskTestData.AssertRel(b.GetProperty("correlation").GetDouble(), e.GetProperty("benchmarkCorrelation").GetDouble(), 1e-8, "correlation");
                RiskTestData.AssertRel(b.GetProperty("trackingError").GetDouble(), e.GetProperty("trackingError").GetDouble(), 1e-8, "trackingError");
            }
            var ew = j.GetProperty("ewma");
            foreach (var key in new[] { "volatility", "parametricVaR", "parametricCVaR", "meanReturn", "historicalVaR", "historicalCVaR" })
                RiskTestData.AssertRel(ew.GetProperty(key).GetDouble(), e.GetProperty("ewma").GetProperty(key).GetDouble(), 1e-8, "ewma " + key);
        }

        [Test]
        public void Json_FromReturnsFile_MatchesNumpy()
        {
            var frame = RiskTestData.SampleReturns("eustockmarkets-prices.csv");
            var sb = new StringBuilder("Date," + string.Join(",", frame.Assets) + "\n");
            for (int t = 0; t < frame.Rows; t++)
                sb.Append(frame.Dates[t].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                  .Append(string.Join(",", Enumerable.Range(0, frame.AssetCount).Select(i => frame[t, i].ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
            var (code, output, err) = Run("risk", "--returns", Write("r.csv", sb.ToString()), "--weights", "equal", "--confidence", "0.95", "--format", "json");
            Assert.That(code, Is.EqualTo(0), err);
            var j = JsonDocument.Parse(output).RootElement;
            var e = RiskTestData.Reference("risk_reference.json").GetProperty("cases")[0].GetProperty("expected");
            foreach (var key in new[] { "parametricVaR", "historicalVaR", "modifiedVaR", "historicalCVaR" })
                RiskTestData.AssertRel(j.GetProperty(key).GetDouble(), e.GetProperty(key).GetDouble(), 1e-8, key);
            Assert.That(j.TryGetProperty("stress", out _), Is.False);
        }

        [Test]
        public void Stress_InJson_ReportsLossesAndContributions()
        {
            string stress = Write("s.csv", "Scenario,Kind,Target,Value\nCrash,market,,-0.1\nCrash,asset,DAX,-0.3\nCrash,sector,Swiss,-0.2\n" +
                "Summer,history,1991-07-02:1991-07-03,\nWorst,worst,5,2\nPanic,volatility,,2\nPanic,correlation,,0.5\n");
            string sectors = Write("sec.csv", "Asset,Sector\nSMI,Swiss\nDAX,Euro\n");
            var (code, output, err) = Run("risk", "--prices", Prices("eustockmarkets-prices.csv"), "--weights", "equal", "--confidence", "0.99",
                "--stress", stress, "--sectors", sectors, "--value", "200000", "--format", "json");
            Assert.That(code, Is.EqualTo(0), err);
            var j = JsonDocument.Parse(output).RootElement;
            Assert.That(j.GetProperty("portfolioValue").GetDecimal(), Is.EqualTo(200000m));
            var s = j.GetProperty("stress").EnumerateArray().ToArray();
            Assert.That(s.Select(x => x.GetProperty("scenario").GetString()), Is.EqualTo(new[] { "Crash", "Summer", "Worst", "Worst", "Panic" }));
            // Crash: DAX -0.3, SMI -0.2 (sector), CAC and FTSE -0.1 (market): loss 0.25 (0.3 + 0.2 + 0.1 + 0.1) = 0.175.
            Assert.That(s[0].GetProperty("loss").GetDouble(), Is.EqualTo(0.175).Within(1e-15));
            Assert.That(s[0].GetProperty("lossCurrency").GetDecimal(), Is.EqualTo(35000m).Within(0.0001m));
            Assert.That(s[0].GetProperty("positions").GetProperty("SMI").GetProperty("return").GetDouble(), Is.EqualTo(-0.2));
            // Summer: returns of 1991-07-02 and 07-03 from the sample prices, compounded = P(07-03)/P(07-01) - 1.
            double summer = -0.25 * ((1606.51 / 1628.75 - 1) + (1678.6 / 1678.1 - 1) + (1718 / 1772.8 - 1) + (2448.2 / 2443.6 - 1));
            Assert.That(s[1].GetProperty("loss").GetDouble(), Is.EqualTo(summer).Within(1e-12));
            Assert.That(s[2].GetProperty("loss").GetDouble(), Is.GreaterThanOrEqualTo(s[3].GetProperty("loss").GetDouble()));
            Assert.That(s[4].GetProperty("loss").GetDouble(), Is.GreaterThan(j.GetProperty("parametricVaR").GetDouble()));
            Assert.That(s[4].GetProperty("positions").GetProperty("DAX").GetProperty("return").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }

        [Test]
        public void Json_HorizonAndConcentration_MatchClosedFormAndNumpy()
        {
            var (code, output, err) = Run("risk", "--prices", Prices("gccindex-prices.csv"), "--weights", "equal", "--confidence", "0.99",
                "--horizon", "10", "--format", "json");
            Assert.That(code, Is.EqualTo(0), err);
            var j = JsonDocument.Parse(output).RootElement;
            double mu = j.GetProperty("meanReturn").GetDouble(), vol = j.GetProperty("volatility").GetDouble();
            var h = j.GetProperty("horizon");
            Assert.That(h.GetProperty("periods").GetInt32(), Is.EqualTo(10));
            RiskTestData.AssertRel(h.GetProperty("volatility").GetDouble(), Math.Sqrt(10) * vol, 1e-14, "horizon volatility");
            RiskTestData.AssertRel(h.GetProperty("parametricVaR").GetDouble(), -(10 * mu - 2.3263478740408408 * Math.Sqrt(10) * vol), 1e-12, "horizon VaR");
            RiskTestData.AssertRel(h.GetProperty("historicalVaR").GetDouble(), Math.Sqrt(10) * j.GetProperty("historicalVaR").GetDouble(), 1e-14, "horizon historical VaR");
            // Equal weights over all 11 GCC columns: the numpy top-3 variance shares saved for the correlation analyzer.
            var top = RiskTestData.Reference("risk_reference.json").GetProperty("correlation").GetProperty("top3");
            var c = j.GetProperty("riskConcentration");
            Assert.That(RiskTestData.Strings(c.GetProperty("topAssets")), Is.EqualTo(RiskTestData.Strings(top.GetProperty("assets"))));
            RiskTestData.AssertRel(c.GetProperty("topShare").GetDouble(), RiskTestData.Doubles(top.GetProperty("shares")).Sum(), 1e-8, "topShare");
            Assert.That(c.GetProperty("concentrated").GetBoolean(), Is.False);
        }

        [Test]
        public void Table_IsTheDefaultFormat()
        {
            var (code, output, err) = Run("risk", "--prices", Prices("eustockmarkets-prices.csv"), "--weights", "equal", "--confidence", "0.99", "--benchmark", "FTSE");
            Assert.That(code, Is.EqualTo(0), err);
            Assert.That(output, Does.Contain("parametric VaR").And.Contain("historical CVaR").And.Contain("vs FTSE").And.Contain("DAX"));
            Assert.That(output.Split('\n').Where(l => l.StartsWith("  FTSE ", StringComparison.Ordinal)), Is.Empty, "the benchmark is not a portfolio asset with equal weights");
            Assert.That(output.Split('\n').Count(l => l.StartsWith("  DAX ", StringComparison.Ordinal)), Is.EqualTo(1));
        }

        [TestCase(new[] { "--weights", "equal", "--confidence", "0.99" }, "exactly one of --returns")]
        [TestCase(new[] { "--prices", "P", "--returns", "P", "--weights", "equal", "--confidence", "0.99" }, "exactly one of --returns")]
        [TestCase(new[] { "--prices", "P", "--confidence", "0.99" }, "--weights")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal" }, "--confidence")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "1.5" }, "(0, 1)")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "abc" }, "--confidence")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "0.99", "--format", "xml" }, "table|json")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "0.99", "--benchmark", "SPX" }, "benchmark 'SPX'")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "0.99", "--lambda", "1" }, "--lambda")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "0.99", "--value", "-5" }, "--value")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "0.99", "--horizon", "0" }, "--horizon")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "0.99", "--sectors", "x.csv" }, "--stress")]
        [TestCase(new[] { "--prices", "P", "--weights", "equal", "--confidence", "0.99", "--bogus", "1" }, "unknown option --bogus")]
        [TestCase(new[] { "--prices", "missing.csv", "--weights", "equal", "--confidence", "0.99" }, "does not exist")]
        public void BadArguments_ExitTwoWithOneLineAndNoOutput(string[] rest, string message)
        {
            var args = new[] { "risk" }.Concat(rest.Select(x => x == "P" ? Prices("eustockmarkets-prices.csv") : x)).ToArray();
            var (code, output, err) = Run(args);
            Assert.That(code, Is.EqualTo(2), err);
            Assert.That(output, Is.Empty);
            Assert.That(err.Trim().Split('\n').Length, Is.EqualTo(1));
            Assert.That(err, Does.StartWith("error: ").And.Contain(message));
        }

        [Test]
        public void WeightsFile_WithUnknownAsset_IsNamed()
        {
            var (code, _, err) = Run("risk", "--prices", Prices("eustockmarkets-prices.csv"), "--weights", Write("w.csv", "Asset,Weight\nDAX,0.5\nNIKKEI,0.5\n"), "--confidence", "0.99");
            Assert.That(code, Is.EqualTo(2));
            Assert.That(err, Does.Contain("NIKKEI"));
        }

        [Test]
        public void WeightsFile_WithNaN_IsRejected()
        {
            var (code, _, err) = Run("risk", "--prices", Prices("eustockmarkets-prices.csv"), "--weights", Write("w.csv", "Asset,Weight\nDAX,NaN\nSMI,0.5\n"), "--confidence", "0.99");
            Assert.That(code, Is.EqualTo(2), err);
        }

        [Test]
        public void ZeroWeights_AreRejectedAsZeroVariance()
        {
            var (code, _, err) = Run("risk", "--prices", Prices("eustockmarkets-prices.csv"), "--weights", Write("w.csv", "Asset,Weight\nDAX,0\nSMI,0\n"), "--confidence", "0.99");
            Assert.That(code, Is.EqualTo(2));
            Assert.That(err, Does.Contain("variance"));
        }

        [Test]
        public void StressFile_Errors_NameFileAndLine()
        {
            string stress = Write("s.csv", "Scenario,Kind,Target,Value\nCrash,asset,NIKKEI,-0.3\n");
            var (code, output, err) = Run("risk", "--prices", Prices("eustockmarkets-prices.csv"), "--weights", "equal", "--confidence", "0.99", "--stress", stress);
            Assert.That(code, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(err, Does.Contain("NIKKEI"));
            var (code2, _, err2) = Run("risk", "--prices", Prices("eustockmarkets-prices.csv"), "--weights", "equal", "--confidence", "0.99", "--stress", Write("t.csv", "Scenario,Kind,Target,Value\nX,meteor,,1\n"));
            Assert.That(code2, Is.EqualTo(2));
            Assert.That(err2, Does.Contain("t.csv").And.Contain("line 2"));
        }

        [Test]
        public void Help_ShowsUsage()
        {
            var (code, output, _) = Run("help", "risk");
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("--confidence").And.Contain("--stress"));
        }
    }
}
