using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Cli;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary><c>ntportfolio execute</c> in-process: completion, idempotent re-run, guards, kill file, mismatched state.</summary>
    public sealed class ExecuteCommandTests
    {
        private string _dir = null!;
        private string _orders = null!;

        [SetUp]
        public void SetUp()
        {
            _dir = Path.Combine(Path.GetTempPath(), "ntp-exec-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dir);
            _orders = Path.Combine(_dir, "orders.csv");
            File.WriteAllText(_orders, "Instrument,Side,Quantity\nES 12-25,Buy,50\nNQ 12-25,sell,21\n");
        }

        [TearDown]
        public void TearDown() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

        private string Db => Path.Combine(_dir, "exec.db");
        private string Journal => Path.Combine(_dir, "broker.jsonl");

        private (int Code, string Out, string Err) Run(params string[] extra)
        {
            var defaults = new[] { "--orders", _orders, "--strategy", "twap", "--slices", "5", "--slice-interval-ms", "10",
                "--broker", "sim", "--price", "250.5", "--db", Db, "--broker-journal", Journal };
            var args = new List<string> { "execute" };
            for (int i = 0; i < defaults.Length; i += 2)
                if (!extra.Contains(defaults[i])) { args.Add(defaults[i]); args.Add(defaults[i + 1]); }
            args.AddRange(extra);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        private int JournalLines => File.Exists(Journal) ? File.ReadAllLines(Journal).Length : 0;

        [TestCase("twap")]
        [TestCase("vwap")]
        [TestCase("is")]
        public void Execute_FillsEveryOrderExactly_AndAReRunSendsNothing(string strategy)
        {
            var r = Run("--strategy", strategy, "--sim-partial-rate", "0.5", "--sim-venue-cancel-rate", "0.2", "--sim-seed", "4");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var parents = JsonDocument.Parse(r.Out).RootElement.GetProperty("parents").EnumerateArray().ToList();
            Assert.That(parents.Select(p => (p.GetProperty("instrument").GetString(), p.GetProperty("filled").GetInt64(), p.GetProperty("status").GetString())),
                Is.EqualTo(new[] { ("ES 12-25", 50L, "Completed"), ("NQ 12-25", 21L, "Completed") }));
            Assert.That(parents[1].GetProperty("side").GetString(), Is.EqualTo("Sell"));
            Assert.That(parents[0].GetProperty("averagePrice").GetDouble(), Is.EqualTo(250.5));
            int lines = JournalLines;
            var again = Run("--strategy", strategy, "--sim-partial-rate", "0.5", "--sim-venue-cancel-rate", "0.2", "--sim-seed", "4");
            Assert.That(again.Code, Is.EqualTo(0), again.Err);
            Assert.That(JsonDocument.Parse(again.Out).RootElement.GetProperty("resumed").GetBoolean(), Is.True);
            Assert.That(JournalLines, Is.EqualTo(lines));
            var entries = File.ReadAllLines(Journal).Select(BrokerJournal.Parse).ToList();
            Assert.That(entries.Select(e => e.ClientOrderId).Distinct().Count(), Is.EqualTo(entries.Count));
            Assert.That(entries.All(e => e.Side == (e.Instrument == "ES 12-25" ? OrderSide.Buy : OrderSide.Sell)), Is.True);
        }

        [Test]
        public void Execute_LiveAccountWithoutOptIn_IsRefusedBeforeAnythingIsSent()
        {
            var r = Run("--account", "DU1234567");
            Assert.That(r.Code, Is.EqualTo(3), "a guard refusal exits 3, as the help says");
            Assert.That(r.Err, Does.Contain("LiveAccount").And.Contain("DU1234567").And.Contain("--allow-live-account"));
            Assert.That(File.Exists(Journal), Is.False);
            Assert.That(Run("--account", "DU1234567", "--allow-live-account").Code, Is.EqualTo(0));
        }

        [TestCase(new[] { "--max-order-notional", "250" }, "OrderNotional", "order notional 250.5")]
        [TestCase(new[] { "--max-daily-quantity", "70" }, "DailyQuantity", "total 71")]
        [TestCase(new[] { "--max-daily-notional", "17785" }, "DailyNotional", "17785.5")]
        [TestCase(new[] { "--max-participation", "0.001", "--market-volume", "99" }, "Participation", "the maximum participation is 0.001")]
        [TestCase(new[] { "--max-price-age-ms", "60000", "--price-time", "2020-01-02T15:30:00Z" }, "StalePrice", "2020-01-02T15:30:00")]
        public void Execute_AGuardThatCannotBeMet_RefusesWithExit3NamingTheGuard(string[] options, string guard, string detail)
        {
            var r = Run(options);
            Assert.That(r.Code, Is.EqualTo(3), r.Err);
            Assert.That(r.Err, Does.Contain(guard).And.Contain(detail));
            Assert.That(r.Out, Is.Empty);
            Assert.That(JournalLines, Is.EqualTo(0), "nothing is sent");
        }

        [TestCase(new[] { "--max-order-quantity", "3" }, 3)]
        [TestCase(new[] { "--max-order-notional", "1002" }, 4)]
        [TestCase(new[] { "--max-participation", "0.1", "--market-volume", "29" }, 2)]
        public void Execute_PerOrderCapsBelowTheSliceSize_SplitSlicesIntoChildrenWithinTheCap(string[] options, int cap)
        {
            var r = Run(options.Concat(new[] { "--slice-interval-ms", "50" }).ToArray());
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var entries = File.ReadAllLines(Journal).Select(BrokerJournal.Parse).ToList();
            Assert.That(entries.Max(e => e.Quantity), Is.EqualTo(cap));
            Assert.That(entries.Where(e => e.Instrument == "ES 12-25").Sum(e => e.Quantity), Is.EqualTo(50));
            Assert.That(entries.Where(e => e.Instrument == "NQ 12-25").Sum(e => e.Quantity), Is.EqualTo(21));
        }

        [Test]
        public void Execute_AtTheGuardLimits_Completes()
        {
            // ES 50 in 5 slices = 10 per child; 71 in total; 71 x 250.5 = 17785.5.
            var r = Run("--max-order-quantity", "10", "--max-order-notional", "2505", "--max-daily-quantity", "71", "--max-daily-notional", "17785.5",
                "--slice-interval-ms", "200");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
        }

        [Test]
        public void Execute_RefusalsThatNeedNoFile_ComeBeforeTheStoreFolderAndJournalAreCreated()
        {
            // The session's precondition rule, run by the CLI first with its option names: nothing is created, not even the
            // store's folder (which the store lease would otherwise create).
            string db = Path.Combine(_dir, "state", "exec.db");
            var live = Run("--account", "DU1234567", "--db", db);
            Assert.That(live.Code, Is.EqualTo(3));
            Assert.That(live.Err.Trim(), Is.EqualTo("error: trading guard LiveAccount refused the order: account 'DU1234567' is not a simulation account "
                + "(Sim..., Playback..., Backtest); pass --allow-live-account to trade it"));
            string kill = Path.Combine(_dir, "STOP");
            File.WriteAllText(kill, "");
            var killed = Run("--kill-file", kill, "--db", db);
            Assert.That(killed.Code, Is.EqualTo(3));
            Assert.That(killed.Err.Trim(), Is.EqualTo($"error: trading guard KillSwitch refused the order: kill switch: --kill-file '{kill}' exists; nothing was sent (remove it to trade)"));
            Assert.That((Directory.Exists(Path.Combine(_dir, "state")), File.Exists(Journal)), Is.EqualTo((false, false)));
        }

        [Test]
        public void Execute_KillFilePresent_StopsWithExit3AndSendsNothing()
        {
            string kill = Path.Combine(_dir, "STOP");
            File.WriteAllText(kill, "");
            var r = Run("--kill-file", kill);
            Assert.That(r.Code, Is.EqualTo(3));
            Assert.That(r.Err, Does.Contain("kill switch").And.Contain("STOP"));
            Assert.That(JournalLines, Is.EqualTo(0));
            Assert.That(File.Exists(Db), Is.False, "nothing was recorded either");
            File.Delete(kill);
            Assert.That(Run("--kill-file", kill).Code, Is.EqualTo(0), "removing the file re-arms it");
        }

        [Test]
        public void Execute_KillFileAppearingMidRun_CancelsAndStops_AndTheExecutionIsNotResumed()
        {
            string kill = Path.Combine(_dir, "STOP");
            using var cts = new System.Threading.CancellationTokenSource();
            var watcher = System.Threading.Tasks.Task.Run(() =>
            {
                while (!cts.IsCancellationRequested)
                {
                    if (JournalLinesShared(Journal) > 0) { File.WriteAllText(kill, ""); return; }
                    System.Threading.Thread.Sleep(1);
                }
            });
            var r = Run("--kill-file", kill, "--slice-interval-ms", "300");
            cts.Cancel();
            watcher.Wait();
            Assert.That(r.Code, Is.EqualTo(3), r.Err);
            Assert.That(r.Err, Does.Contain("kill switch tripped").And.Contain("working orders cancelled"));
            int lines = JournalLines;
            Assert.That(lines, Is.InRange(1, 4), "later slices were never sent");
            File.Delete(kill);
            var again = Run("--kill-file", kill, "--slice-interval-ms", "300");
            Assert.That(again.Code, Is.EqualTo(3));
            Assert.That(again.Err, Does.Contain("Cancelled").And.Contain("not resumed"));
            Assert.That(JournalLines, Is.EqualTo(lines));
        }

        private static int JournalLinesShared(string path)
        {
            try
            {
                using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var rd = new StreamReader(f);
                return rd.ReadToEnd().Count(c => c == '\n');
            }
            catch (IOException) { return 0; }
        }

        [Test]
        public void Execute_SameExecutionIdWithOtherOrders_IsRefused()
        {
            Assert.That(Run("--execution-id", "batch1").Code, Is.EqualTo(0));
            File.WriteAllText(_orders, "Instrument,Side,Quantity\nES 12-25,Buy,60\nNQ 12-25,Sell,21\n");
            var r = Run("--execution-id", "batch1");
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain("execution 'batch1' holds Buy 50 'ES 12-25'").And.Contain("Buy 60 'ES 12-25'"));
        }

        [Test]
        public void Execute_JournalOfAnotherStore_IsRefusedBeforeSending()
        {
            Assert.That(Run().Code, Is.EqualTo(0));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { Db, Db + "-wal", Db + "-shm" }) if (File.Exists(f)) File.Delete(f);
            int lines = JournalLines;
            var r = Run();
            Assert.That(r.Code, Is.EqualTo(2), r.Err);
            Assert.That(r.Err, Does.Contain("does not know").And.Contain("do not belong together"));
            Assert.That(JournalLines, Is.EqualTo(lines));
        }

        [Test]
        public void Execute_JournalWithATornLastLine_ResumesAndRepairsIt()
        {
            Assert.That(Run().Code, Is.EqualTo(0));
            int lines = JournalLines;
            File.AppendAllText(Journal, "{\"clientOrderId\":\"x-9-9\",\"instrument\":\"ES");
            var r = Run();
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            Assert.That(JournalLines, Is.EqualTo(lines));
            Assert.That(File.ReadAllText(Journal), Does.EndWith("}\n"), "the torn tail is cut off");
        }

        [Test]
        public void Execute_CorruptJournal_IsRefusedNamingTheLine()
        {
            File.WriteAllText(Journal, "{\"clientOrderId\":\"a\"}\n");
            var r = Run();
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain("broker journal").And.Contain("line 1").And.Contain("missing field"));
        }

        [Test]
        public void Execute_ResumesAStoreLeftMidExecution_WithoutResendingAnyId()
        {
            // A first run cut short by the kill file after its first slice: simulate by running with a tiny horizon and then
            // re-opening: here, run once with the kill file tripped late is timing-dependent, so build the state directly.
            var clock = new Execution.ManualClock(DateTime.UtcNow);
            var slices = TwapSchedule.Build(50, 5, 5).ToTimedSlices(clock.UtcNow, TimeSpan.FromMilliseconds(10));
            string parentId = NinjaTraderPortfolio.Core.Execution.Session.ExecutionSession.ParentId("mid", "ES 12-25");
            File.WriteAllText(_orders, "Instrument,Side,Quantity\nES 12-25,Buy,50\n");
            using (var store = new SqlitePortfolioStore(Db))
            using (var broker = new SimulatedBroker(clock, new FixedPriceSource(250.5m), null, Journal))
            using (var ex = new ScheduleExecutor(new ParentOrder(parentId, "ES 12-25", OrderSide.Buy, 50), slices, broker, store, clock))
            {
                ex.Poll();          // its first child journaled, its reports never delivered: the process "dies" here
            }
            Assert.That(JournalLines, Is.EqualTo(1));
            var r = Run("--execution-id", "mid");
            Assert.That(r.Code, Is.EqualTo(0), r.Err);
            var ids = File.ReadAllLines(Journal).Select(l => BrokerJournal.Parse(l).ClientOrderId).ToList();
            Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count));
            Assert.That(File.ReadAllLines(Journal).Select(BrokerJournal.Parse).Sum(e => e.Quantity), Is.EqualTo(50));
        }

        [TestCase(new[] { "--slices", "0" }, "--slices")]
        [TestCase(new[] { "--price", "-1" }, "--price")]
        [TestCase(new[] { "--broker", "ib" }, "--broker")]
        [TestCase(new[] { "--sim-reject-rate", "1.5" }, "--sim-reject-rate")]
        [TestCase(new[] { "--max-order-quantity", "-5" }, "--max-order-quantity")]
        [TestCase(new[] { "--execution-id", "a b" }, "--execution-id")]
        [TestCase(new[] { "--price-time", "yesterday" }, "--price-time")]
        [TestCase(new[] { "--max-participation", "0.1" }, "--market-volume")]
        [TestCase(new[] { "--max-participation", "1.5", "--market-volume", "100" }, "option --max-participation: max participation must be in (0, 1] (fraction of market volume), got 1.5")]
        [TestCase(new[] { "--max-daily-notional", "0" }, "option --max-daily-notional: max daily notional must be > 0 (currency), got 0")]
        [TestCase(new[] { "--slices", "22" }, "--slices 22 is more than the quantity 21 of 'NQ 12-25'")]
        [TestCase(new[] { "--slices", "100001" }, "--slices must be at most 100000")]
        public void Execute_BadOptions_AreExit2NamingTheOption(string[] options, string name)
        {
            var r = Run(options);
            Assert.That(r.Code, Is.EqualTo(2));
            Assert.That(r.Err, Does.Contain(name));
            Assert.That(r.Err, Does.Not.Contain("   at "));
        }
    }
}
