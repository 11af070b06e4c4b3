using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Cli.Commands;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Simulation;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>
    /// The hostile-user classes of issue 15 against <c>execute</c> in-process: silent loss (truncated, emptied or mistyped
    /// journal), resume identity (formatting never changes it; a later day is a new execution), a held store, kill paths
    /// of any kind, special files refused before reading, and bounded counts. Each is refused with exit 2 or 3 and one line
    /// naming the culprit, or completes with exact totals; none is reported Completed with orders missing at the broker.
    /// </summary>
    [NonParallelizable]
    public sealed class ExecuteHostileTests : ScratchFolderFixture
    {
        public ExecuteHostileTests() : base("ntp-exhost") { }

        private string Orders => Path.Combine(Dir, "orders.csv");
        private string Db => Path.Combine(Dir, "exec.db");
        private string Journal => Path.Combine(Dir, "broker.jsonl");

        [SetUp]
        public void WriteOrders() => File.WriteAllText(Orders, "Instrument,Side,Quantity\nES 12-25,Buy,50\nNQ 12-25,Sell,21\n");

        private (int Code, string Out, string Err) Run(params string[] extra)
        {
            var defaults = new Dictionary<string, string>
            {
                ["--orders"] = Orders, ["--strategy"] = "twap", ["--slices"] = "5", ["--slice-interval-ms"] = "10", ["--broker"] = "sim",
                ["--price"] = "250.5", ["--db"] = Db, ["--broker-journal"] = Journal,
            };
            var args = new List<string>();
            foreach (var kv in defaults) if (!extra.Contains(kv.Key)) { args.Add(kv.Key); args.Add(kv.Value); }
            args.AddRange(extra);
            var r = CliRunner.RunCommand("execute", args.ToArray());
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return r;
        }

        private int JournalLines => File.Exists(Journal) ? File.ReadAllLines(Journal).Length : 0;

        private static void AssertOneLine(string err, params string[] mentions)
        {
            var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(1), err);
            Assert.That(lines[0], Does.StartWith("error: "));
            foreach (var m in mentions) Assert.That(err, Does.Contain(m));
            Assert.That(err, Does.Not.Contain("internal error").And.Not.Contain("   at "));
        }

        [Test]
        public void ATruncatedJournal_IsRefusedOnReRun_NeverReportedCompleted()
        {
            Assert.That(Run().Code, Is.EqualTo(0));
            var lines = File.ReadAllLines(Journal);
            File.WriteAllLines(Journal, lines.Take(lines.Length / 2));
            var r = Run();
            Assert.That(r.Code, Is.EqualTo(2));
            AssertOneLine(r.Err, "the broker does not hold it", "do not agree");
            Assert.That(r.Out, Is.Empty);
        }

        [Test]
        public void AnEmptiedJournal_IsRefusedOnReRun()
        {
            Assert.That(Run().Code, Is.EqualTo(0));
            File.WriteAllText(Journal, "");
            var r = Run();
            Assert.That(r.Code, Is.EqualTo(2));
            AssertOneLine(r.Err, "the broker does not hold it");
        }

        [Test]
        public void AMistypedJournalOnResume_IsRefused_AndTheRealJournalIsUntouched()
        {
            Assert.That(Run().Code, Is.EqualTo(0));
            string before = File.ReadAllText(Journal);
            var r = Run("--broker-journal", Path.Combine(Dir, "brokr.jsonl"));
            Assert.That(r.Code, Is.EqualTo(2));
            AssertOneLine(r.Err, "the broker does not hold it");
            Assert.That(File.ReadAllText(Journal), Is.EqualTo(before));
        }

        [Test]
        public void AStoreHeldByAnotherExecution_IsRefusedWithExit3NamingTheHolder_AndNothingIsSent()
        {
            using (FileLease.Acquire(Db, "execution store", "execution 'other'", createFolder: true))
            {
                var r = Run();
                Assert.That(r.Code, Is.EqualTo(3));
                AssertOneLine(r.Err, "execution store", "is in use by process", "execution 'other'");
            }
            Assert.That(JournalLines, Is.EqualTo(0));
            Assert.That(Run().Code, Is.EqualTo(0), "released: the next run trades");
        }

        [Test]
        public void AJournalHeldByAnotherWriter_IsRefusedWithExit3NamingTheHolder()
        {
            using (FileLease.Acquire(Journal, "broker journal", "a paper-trading broker"))
            {
                var r = Run();
                Assert.That(r.Code, Is.EqualTo(3));
                AssertOneLine(r.Err, "broker journal", "a paper-trading broker");
            }
        }

        [Test]
        public void OrdersWrittenDifferently_GiveTheSameExecution_AndResumeIt()
        {
            var first = Run();
            Assert.That(first.Code, Is.EqualTo(0));
            int lines = JournalLines;
            File.WriteAllText(Orders, "\n\"Instrument\",\"Side\",\"Quantity\"\r\n\n  \"NQ 12-25\" , sell, 21 \r\n\nES 12-25,BUY,\"50\"\n\n");
            var again = Run();
            Assert.That(again.Code, Is.EqualTo(0), again.Err);
            var json = JsonDocument.Parse(again.Out).RootElement;
            Assert.That(json.GetProperty("executionId").GetString(), Is.EqualTo(JsonDocument.Parse(first.Out).RootElement.GetProperty("executionId").GetString()));
            Assert.That(json.GetProperty("resumed").GetBoolean(), Is.True);
            Assert.That(JournalLines, Is.EqualTo(lines), "nothing re-sent");
        }

        [Test]
        public void TheDefaultExecutionId_IgnoresFormatting_ButChangesWithTheDay()
        {
            var a = new[] { new ExecuteOrderRow(2, "ES", OrderSide.Buy, 5), new ExecuteOrderRow(3, "NQ", OrderSide.Sell, 2) };
            var b = new[] { new ExecuteOrderRow(7, "NQ", OrderSide.Sell, 2), new ExecuteOrderRow(9, "ES", OrderSide.Buy, 5) };
            var day = new DateTime(2026, 12, 5, 23, 59, 0, DateTimeKind.Utc);
            Assert.That(ExecuteOrdersFile.ExecutionId(a, day), Is.EqualTo(ExecuteOrdersFile.ExecutionId(b, day)));
            Assert.That(ExecuteOrdersFile.ExecutionId(a, day), Does.EndWith("_20261205"));
            Assert.That(ExecuteOrdersFile.ExecutionId(a, day.AddMinutes(2)), Is.Not.EqualTo(ExecuteOrdersFile.ExecutionId(a, day)), "a later day is a new execution");
            var c = new[] { new ExecuteOrderRow(2, "ES", OrderSide.Buy, 6), new ExecuteOrderRow(3, "NQ", OrderSide.Sell, 2) };
            Assert.That(ExecuteOrdersFile.ExecutionId(c, day), Is.Not.EqualTo(ExecuteOrdersFile.ExecutionId(a, day)));
        }

        [Test]
        public void QuotedInstrumentNamesAndCrOnlyLineEndings_AreRead()
        {
            File.WriteAllText(Orders, "Instrument,Side,Quantity\r\"ES 12-25\",Buy,50\r\"NQ 12-25\",Sell,21\r");
            var r = Run();
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var instruments = JsonDocument.Parse(r.Out).RootElement.GetProperty("parents").EnumerateArray().Select(p => p.GetProperty("instrument").GetString()).ToList();
            Assert.That(instruments, Is.EquivalentTo(new[] { "ES 12-25", "NQ 12-25" }));
            Assert.That(File.ReadAllLines(Journal).Select(BrokerJournal.Parse).All(e => !e.Instrument.Contains('"')), Is.True);
        }

        [Test]
        public void AKillPathThatIsAFolder_TripsTheSwitch()
        {
            string kill = Path.Combine(Dir, "STOP");
            Directory.CreateDirectory(kill);
            var r = Run("--kill-file", kill);
            Assert.That(r.Code, Is.EqualTo(3));
            AssertOneLine(r.Err, "kill switch", "STOP");
            Assert.That(JournalLines, Is.EqualTo(0));
        }

        [Test]
        public void OrdersThatAreAFolderOrADevice_AreRefusedBeforeReading()
        {
            var r = Run("--orders", Dir);
            Assert.That(r.Code, Is.EqualTo(2));
            AssertOneLine(r.Err, "orders file", "is a directory");
            if (File.Exists("/dev/zero"))
            {
                var z = Run("--orders", "/dev/zero");
                Assert.That(z.Code, Is.EqualTo(2));
                AssertOneLine(z.Err, "orders file '/dev/zero' is a character device");
            }
        }

        [Test]
        public void AFifoWithoutWriter_IsRefusedAtOnce_NotWaitedOn()
        {
            string fifo = Path.Combine(Dir, "orders.fifo");
            using (var mk = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false }))
            {
                if (mk == null) Assert.Ignore("mkfifo is not available");
                mk.WaitForExit();
                if (mk.ExitCode != 0) Assert.Ignore("mkfifo failed");
            }
            // Run on a worker so a regression (blocking open) fails the test instead of hanging the suite.
            var task = System.Threading.Tasks.Task.Run(() => Run("--orders", fifo));
            Assert.That(task.Wait(30_000), Is.True, "refused without waiting for a writer");
            Assert.That(task.Result.Code, Is.EqualTo(2));
            AssertOneLine(task.Result.Err, "is a FIFO");
        }
    }
}
