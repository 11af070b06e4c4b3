using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Cli;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Hostile
{
    /// <summary>
    /// End to end through <c>Program.Run</c>: every hostile file and configuration is refused with the documented exit code
    /// (2 bad input, 3 infeasible limits), one line naming the culprit, nothing on stdout, and never a stack trace; the
    /// documented safe results (shrinkage when rows &lt; assets, an inactive cap above 1) succeed. Loader unit tests live
    /// in Core.Tests/Data; this is the user's view.
    /// </summary>
    public sealed class HostileInputTests
    {
        private string _dir = null!;

        [SetUp]
        public void SetUp() { _dir = Path.Combine(Path.GetTempPath(), "ntp-hostile-" + Guid.NewGuid().ToString("N")); Directory.CreateDirectory(_dir); }

        [TearDown]
        public void TearDown() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

        private static string Prices => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv");

        private (int Code, string Out, string Err) Run(HostileCase c)
        {
            string file = "";
            if (c.FileName.Length > 0)
            {
                file = Path.Combine(_dir, c.FileName);
                File.WriteAllBytes(file, c.Content);
            }
            // Valid companions for cases that break one file of several.
            File.WriteAllText(Path.Combine(_dir, "pos.csv"), "Asset,Quantity\nDAX,1\n");
            File.WriteAllText(Path.Combine(_dir, "tg.csv"), "Asset,Weight\nDAX,0.5\nSMI,0.5\n");
            var args = c.Args.Select(a => a.Replace("{file}", file).Replace("{prices}", Prices).Replace("{dir}", _dir)).ToArray();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        private static IEnumerable<TestCaseData> Cases() => HostileCorpus.Refusals().Select(c => new TestCaseData(c).SetName("Hostile_" + c.Name.Replace(' ', '_')));

        [TestCaseSource(nameof(Cases))]
        public void Corpus_IsRefusedWithTheDocumentedExitCodeAndAMessageNamingTheCulprit(HostileCase c)
        {
            var r = Run(c);
            Assert.That(r.Code, Is.EqualTo(c.ExitCode), r.Err);
            var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            string error = lines.Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
            Assert.That(error.Length, Is.GreaterThan("error: ".Length));
            foreach (var m in c.MustMention) Assert.That(r.Err, Does.Contain(m), "the message (with its warnings) names the culprit");
            Assert.That(lines.All(l => l.StartsWith("error: ", StringComparison.Ordinal) || l.StartsWith("warning: ", StringComparison.Ordinal)), Is.True, r.Err);
            Assert.That(r.Err, Does.Not.Contain("   at ").And.Not.Contain("internal error"));
            Assert.That(r.Out, Is.Empty, "nothing on stdout on failure");
        }

        [Test]
        public void Corpus_CoversEveryDefectTheIssueLists()
        {
            var names = HostileCorpus.Refusals().Select(c => c.Name).ToList();
            foreach (var kind in new[] { "csv", "nt" })
                foreach (var defect in new[] { "empty", "header only", "NaN", "Infinity", "non-numeric", "ragged row", "duplicate timestamp",
                    "unsorted timestamps", "mixed separators", "non-UTF-8 bytes", "zero price", "negative price" })
                    Assert.That(names, Does.Contain(kind + " " + defect));
            foreach (var n in new[] { "csv binary (zip header)", "csv one row", "nt one bar", "csv constant series", "csv perfectly collinear assets",
                "csv fewer rows than assets (sample covariance)", "config negative max weight", "config caps cannot sum to one", "config unknown sector",
                "config unknown instrument in sectors", "config min above max" })
                Assert.That(names, Does.Contain(n));
            Assert.That(names.Distinct().Count(), Is.EqualTo(names.Count));
        }

        [TestCase("ledoit-wolf")]
        [TestCase("ledoit-wolf-cc")]
        public void FewerRowsThanAssets_WithShrinkage_IsADocumentedSafeResult(string covariance)
        {
            var c = new HostileCase("shrinkage", "prices.csv", System.Text.Encoding.UTF8.GetBytes(HostileCorpus.RandomWalk(10, 30, 7)),
                new[] { "optimize", "--prices", "{file}", "--method", "min-variance", "--covariance", covariance, "--format", "json" }, 0);
            var r = Run(c);
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var w = JsonDocument.Parse(r.Out).RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Value.GetDouble()).ToList();
            Assert.That(w, Has.Count.EqualTo(30));
            Assert.That(w.Sum(), Is.EqualTo(1.0).Within(1e-8));
            Assert.That(w.All(x => x >= -1e-10 && x <= 1 + 1e-10), Is.True);
        }

        [Test]
        public void CapAboveOne_IsInactiveForALongOnlyBudget_ADocumentedSafeResult()
        {
            var c = new HostileCase("cap 1.5", "", Array.Empty<byte>(),
                new[] { "optimize", "--prices", "{prices}", "--method", "min-variance", "--max-weight", "1.5", "--format", "json" }, 0);
            var capped = Run(c);
            var plain = Run(new HostileCase("cap 1", "", Array.Empty<byte>(), new[] { "optimize", "--prices", "{prices}", "--method", "min-variance", "--format", "json" }, 0));
            Assert.That(capped.Code, Is.EqualTo(0), capped.Err);
            var a = JsonDocument.Parse(capped.Out).RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Value.GetDouble()).ToList();
            var b = JsonDocument.Parse(plain.Out).RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Value.GetDouble()).ToList();
            Assert.That(a, Is.EqualTo(b).Within(1e-9));
        }
    }
}
