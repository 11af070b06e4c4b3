using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Tests.Execution;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary><c>ntportfolio schedule</c> in-process: the Almgren-Chriss acceptance example, TWAP/VWAP totals, exit codes.</summary>
    public sealed class ScheduleCommandTests
    {
        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.RunCommand("schedule", args);

        private static readonly string[] Table1 =
            { "--horizon", "5", "--slices", "5", "--sigma", "0.95", "--eta", "2.5e-6", "--gamma", "2.5e-7", "--epsilon", "0.0625" };

        [Test]
        public void Is_ReproducesAlmgrenChrissExample_TrajectoryToTheShare_EAndStdDev()
        {
            var r = ReferenceData.KeyValues("almgren_chriss_2000_example.csv");
            var res = Run(new[] { "--strategy", "is", "--quantity", "1000000", "--risk-aversion", "1e-6", "--format", "json" }.Concat(Table1).ToArray());
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var root = JsonDocument.Parse(res.Out).RootElement;
            Assert.That(root.GetProperty("strategy").GetString(), Is.EqualTo("is"));
            var slices = root.GetProperty("slices").EnumerateArray().ToList();
            Assert.That(slices, Has.Count.EqualTo(5));
            double holding = 1_000_000;
            for (int j = 0; j < 5; j++)
            {
                Assert.That(slices[j].GetProperty("index").GetInt32(), Is.EqualTo(j));
                Assert.That(slices[j].GetProperty("time").GetDouble(), Is.EqualTo(j));
                holding -= slices[j].GetProperty("quantity").GetInt64();
                Assert.That(holding, Is.EqualTo(r[$"x{j + 1}_rounded"]), $"holding after slice {j}");
            }
            Assert.That(root.GetProperty("expectedCost").GetDouble(), Is.EqualTo(r["E_closed_form"]).Within(1e-9).Percent);
            Assert.That(root.GetProperty("costStdDev").GetDouble(), Is.EqualTo(r["sqrtV_closed_form"]).Within(1e-9).Percent);
        }

        [Test]
        public void Twap_ReportsLinearTrajectoryCost()
        {
            var r = ReferenceData.KeyValues("almgren_chriss_2000_example.csv");
            var res = Run(new[] { "--strategy", "twap", "--quantity", "1000000", "--format", "json" }.Concat(Table1).ToArray());
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var root = JsonDocument.Parse(res.Out).RootElement;
            Assert.That(root.GetProperty("slices").EnumerateArray().Select(s => s.GetProperty("quantity").GetInt64()), Is.All.EqualTo(200_000));
            Assert.That(root.GetProperty("expectedCost").GetDouble(), Is.EqualTo(r["twap_E"]).Within(1e-9).Percent);
            Assert.That(root.GetProperty("costStdDev").GetDouble(), Is.EqualTo(r["twap_sqrtV"]).Within(1e-9).Percent);
        }

        [TestCase("twap", "7", "5", 5)]
        [TestCase("twap", "1", "10", 1)]
        [TestCase("vwap", "7", "5", 5)]
        [TestCase("vwap", "1", "10", 10)]
        public void AwkwardSizes_SumToParent(string strategy, string quantity, string slices, int expectedSlices)
        {
            var res = Run("--strategy", strategy, "--quantity", quantity, "--horizon", "1", "--slices", slices, "--eta", "1e-6", "--gamma", "0", "--format", "json");
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            var s = JsonDocument.Parse(res.Out).RootElement.GetProperty("slices").EnumerateArray().Select(x => x.GetProperty("quantity").GetInt64()).ToList();
            Assert.That(s.Sum(), Is.EqualTo(long.Parse(quantity)));
            Assert.That(s, Has.Count.EqualTo(expectedSlices));
        }

        [Test]
        public void DerivedImpact_FromAdvAndEpsilon_MatchesTable1()
        {
            // AC 2000: eta = spread / (1% of 5M ADV) = 2.5e-6, gamma = spread / (10% of ADV) = 2.5e-7 with spread 1/8.
            var explicitRes = Run(new[] { "--strategy", "is", "--quantity", "1000000", "--risk-aversion", "1e-6", "--format", "json" }.Concat(Table1).ToArray());
            var derived = Run("--strategy", "is", "--quantity", "1000000", "--risk-aversion", "1e-6", "--horizon", "5", "--slices", "5", "--sigma", "0.95",
                "--epsilon", "0.0625", "--adv", "5000000", "--format", "json");
            Assert.That(derived.Code, Is.EqualTo(0), derived.Err);
            Assert.That(JsonDocument.Parse(derived.Out).RootElement.GetProperty("expectedCost").GetDouble(),
                Is.EqualTo(JsonDocument.Parse(explicitRes.Out).RootElement.GetProperty("expectedCost").GetDouble()).Within(1e-9).Percent);
        }

        [Test]
        public void Table_PrintsSlicesAndCost()
        {
            var res = Run(new[] { "--strategy", "is", "--quantity", "1000000", "--risk-aversion", "1e-6", "--price", "50" }.Concat(Table1).ToArray());
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            Assert.That(res.Out, Does.Contain("458044").And.Contain("62142").And.Contain("bp of notional"));
        }

        [TestCase(new[] { "--strategy", "fast", "--quantity", "1", "--horizon", "1", "--slices", "1", "--eta", "1", "--gamma", "0" }, "--strategy")]
        [TestCase(new[] { "--strategy", "twap", "--quantity", "1.5", "--horizon", "1", "--slices", "1", "--eta", "1", "--gamma", "0" }, "--quantity")]
        [TestCase(new[] { "--strategy", "twap", "--quantity", "5", "--horizon", "1", "--slices", "0", "--eta", "1", "--gamma", "0" }, "--slices")]
        [TestCase(new[] { "--strategy", "is", "--quantity", "5", "--horizon", "1", "--slices", "2" }, "--eta")]
        [TestCase(new[] { "--strategy", "is", "--quantity", "5", "--horizon", "5", "--slices", "5", "--eta", "1e-7", "--gamma", "2.5e-7" }, "eta - gamma*tau/2")]
        public void BadArguments_ExitTwoNamingTheCulprit(string[] args, string culprit)
        {
            var res = Run(args);
            Assert.That(res.Code, Is.EqualTo(2), res.Err);
            Assert.That(res.Err, Does.Contain(culprit));
            Assert.That(res.Out, Is.Empty);
        }

        [Test]
        public void VwapCapThatCannotFinish_ExitsThree()
        {
            var res = Run("--strategy", "vwap", "--quantity", "1000", "--horizon", "1", "--slices", "4", "--eta", "1e-6", "--gamma", "0",
                "--adv", "1000", "--participation-cap", "0.5");
            Assert.That(res.Code, Is.EqualTo(3), res.Err);
            Assert.That(res.Err, Does.Contain("participation cap"));
        }
    }
}
