using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary><c>ntportfolio demo</c> in-process: files, database contents and their agreement with the printed figures.</summary>
    public sealed class DemoCommandTests : ScratchFolderFixture
    {
        public DemoCommandTests() : base("ntp-demo") { }

        private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.RunCommand("demo", args);

        [Test]
        public void Demo_WritesDatabaseChartsAndReport_ThatAgree()
        {
            string outDir = Path.Combine(Dir, "out");
            var res = Run("--out", outDir);
            Assert.That(res.Code, Is.EqualTo(0), res.Err);
            foreach (var name in new[] { "min-variance", "max-sharpe", "target-volatility", "risk-parity", "kelly", "Rebalance of the sample account", "Backtest" })
                Assert.That(res.Out, Does.Contain(name));
            foreach (var png in new[] { "frontier.png", "equity-drawdown.png", "weights.png", "risk-contributions.png" })
            {
                var bytes = File.ReadAllBytes(Path.Combine(outDir, png));
                Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), png);
                Assert.That(bytes.Length, Is.GreaterThan(10_000), png);
            }
            var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "backtest", "summary.json"))).RootElement;
            var curve = summary.GetProperty("equityCurve").EnumerateArray().ToList();

            using var store = new SqlitePortfolioStore(Path.Combine(outDir, "portfolio.db"));
            Assert.That(store.LoadPortfolioNames(), Is.EqualTo(new[] { "balanced-fixed", "euro-index-futures" }));
            var days = store.LoadDailyPerformance("euro-index-futures:backtest", new DateTime(1990, 1, 1), new DateTime(2000, 1, 1));
            Assert.That(days.Count, Is.EqualTo(curve.Count));
            Assert.That(days[days.Count - 1].Equity, Is.EqualTo(summary.GetProperty("finalEquity").GetDecimal()));
            // Daily P&L adds up: initial capital + sum of P&L = final equity.
            Assert.That(summary.GetProperty("initialCapital").GetDecimal() + days.Sum(d => d.Pnl), Is.EqualTo(days[days.Count - 1].Equity));
            Assert.That(days.Sum(d => d.Commissions), Is.EqualTo(summary.GetProperty("commissions").GetDecimal() + summary.GetProperty("impactCosts").GetDecimal()));
            var fills = store.LoadFills(new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            Assert.That(fills.Count, Is.EqualTo(summary.GetProperty("trades").GetInt32()));
            var targets = store.LoadTargets("optimizer:risk-parity", new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            Assert.That(targets.Sum(t => t.TargetWeight), Is.EqualTo(1.0).Within(1e-9));
            var rebalance = store.LoadRebalance("euro-index-futures/19980814T160000Z");
            Assert.That(rebalance, Is.Not.Null);
            Assert.That(rebalance!.Targets.Count, Is.EqualTo(4));
        }

        [Test]
        public void Demo_RunTwice_ReplacesItsDatabase()
        {
            string outDir = Path.Combine(Dir, "out");
            Assert.That(Run("--out", outDir).Code, Is.EqualTo(0));
            var again = Run("--out", outDir);
            Assert.That(again.Code, Is.EqualTo(0), again.Err);
        }

        [Test]
        public void AFolderHoldingSomeoneElsesDatabase_IsRefused_AndTheFileIsUntouched()
        {
            string outDir = Path.Combine(Dir, "mine");
            Directory.CreateDirectory(outDir);
            string db = Path.Combine(outDir, "portfolio.db");
            File.WriteAllText(db, "my own notes, not a demo database");
            var res = Run("--out", outDir);
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("portfolio.db").And.Contain("demo did not write"));
            Assert.That(File.ReadAllText(db), Is.EqualTo("my own notes, not a demo database"));
            Assert.That(Directory.GetFileSystemEntries(outDir), Has.Length.EqualTo(1), "nothing else was written");
        }

        [Test]
        public void MissingPriceFile_ExitTwo_NamingIt()
        {
            var res = Run("--out", Path.Combine(Dir, "o"), "--prices", Path.Combine(Dir, "nope.csv"));
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("nope.csv"));
        }

        [Test]
        public void OutIsAFile_ExitTwo()
        {
            var file = Path.Combine(Dir, "f");
            File.WriteAllText(file, "x");
            var res = Run("--out", file);
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("is a file"));
        }

        [Test]
        public void ConfigWithoutTheSampleInstruments_ExitTwo_NamingTheSymbol()
        {
            var cfg = Path.Combine(Dir, "c.json");
            File.WriteAllText(cfg, "{\"portfolios\": [{\"name\": \"p\", \"account\": \"a\", \"instruments\": [{\"symbol\": \"NIKKEI\"}, {\"symbol\": \"DAX\"}]}]}");
            var res = Run("--out", Path.Combine(Dir, "o"), "--config", cfg);
            Assert.That(res.Code, Is.EqualTo(2));
            Assert.That(res.Err, Does.Contain("NIKKEI"));
        }
    }
}
