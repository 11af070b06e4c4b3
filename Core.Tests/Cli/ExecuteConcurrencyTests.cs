using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Simulation;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>
    /// <c>ntportfolio execute</c> as separate processes on one store and one journal: two runs started together or one
    /// second apart, and a run killed then re-run with the orders file written differently. Whatever the interleaving,
    /// the broker's totals equal the orders exactly, no client id is journaled twice, and the run that cannot have the
    /// store says so in one line naming the holder (exit 3) or finds nothing left to do (exit 0). No timing is asserted.
    /// </summary>
    [NonParallelizable]
    public sealed class ExecuteConcurrencyTests : ScratchFolderFixture
    {
        private static readonly (string Instrument, string Side, int Quantity)[] Orders = { ("ES 12-25", "Buy", 120), ("NQ 12-25", "Sell", 45) };

        public ExecuteConcurrencyTests() : base("ntp-conc") { }

        private static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "ntportfolio.dll");

        private string[] Args(string orders) => new[] { "execute", "--orders", orders, "--strategy", "twap", "--slices", "15", "--slice-interval-ms", "60",
            "--broker", "sim", "--price", "10", "--db", Path.Combine(Dir, "exec.db"), "--broker-journal", Path.Combine(Dir, "broker.jsonl") };

        [TestCase(0)]
        [TestCase(1000)]
        public void TwoRunsOnOneStoreAndJournal_FillExactlyOnce_AndTheSecondIsRefusedNamingTheHolderOrFindsNothingToDo(int delayMs)
        {
            string orders = Write("orders.csv", "Instrument,Side,Quantity\n" + string.Join("\n", Orders.Select(o => $"{o.Instrument},{o.Side},{o.Quantity}")) + "\n");
            var first = ExecuteKillTests.Start(Dll, Args(orders));
            if (delayMs > 0) System.Threading.Thread.Sleep(delayMs);
            var second = ExecuteKillTests.Start(Dll, Args(orders));
            var results = new[] { first, second }.Select(p =>
            {
                Assert.That(p.WaitForExit(120_000), Is.True, "each run ends");
                return (Code: p.ExitCode, Err: p.StandardError.ReadToEnd());
            }).ToList();
            foreach (var r in results)
            {
                Assert.That(r.Code, Is.EqualTo(0).Or.EqualTo(3), r.Err);
                if (r.Code == 3)
                {
                    Assert.That(r.Err, Does.Contain("is in use by process").And.Contain("ntportfolio execute"), "the refusal names the holder");
                    Assert.That(r.Err.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
                }
            }
            Assert.That(results.Count(r => r.Code == 0), Is.GreaterThanOrEqualTo(1));
            AssertExactTotals();
        }

        [Test]
        public void KilledThenReRunWithTheOrdersReformatted_ResumesWithoutResending_AndFillsExactly()
        {
            string orders = Write("orders.csv", "Instrument,Side,Quantity\n" + string.Join("\n", Orders.Select(o => $"{o.Instrument},{o.Side},{o.Quantity}")) + "\n");
            string journal = Path.Combine(Dir, "broker.jsonl");
            var p = ExecuteKillTests.Start(Dll, Args(orders));
            var watch = Stopwatch.StartNew();
            while (!p.HasExited && Lines(journal) < 2 && watch.ElapsedMilliseconds < 60_000) System.Threading.Thread.Sleep(5);
            if (!p.HasExited) p.Kill();
            p.WaitForExit();
            int before = Lines(journal);
            // Blank lines, rows in another order, spaces, quotes and CRLF: the same orders.
            File.WriteAllText(orders, "\r\n \"Instrument\" , Side ,Quantity\r\n\r\n\"NQ 12-25\", sell , 45\r\n\r\n  ES 12-25 ,\"Buy\",120\r\n");
            var again = ExecuteKillTests.Start(Dll, Args(orders));
            Assert.That(again.WaitForExit(120_000), Is.True);
            Assert.That(again.ExitCode, Is.EqualTo(0), again.StandardError.ReadToEnd());
            Assert.That(Lines(journal), Is.GreaterThanOrEqualTo(before));
            AssertExactTotals();
        }

        private void AssertExactTotals()
        {
            string journal = Path.Combine(Dir, "broker.jsonl");
            var entries = File.ReadAllLines(journal).Select(BrokerJournal.Parse).ToList();
            Assert.That(entries.Select(e => e.ClientOrderId).Distinct().Count(), Is.EqualTo(entries.Count), "no client id twice");
            foreach (var o in Orders)
                Assert.That(entries.Where(e => e.Instrument == o.Instrument).Sum(e => e.Quantity), Is.EqualTo(o.Quantity), $"broker total of '{o.Instrument}'");
            using var store = new SqlitePortfolioStore(Path.Combine(Dir, "exec.db"));
            var completed = store.LoadParentIds(ParentOrderStatus.Completed);
            Assert.That(completed, Has.Count.EqualTo(Orders.Length));
            foreach (var id in completed)
                Assert.That(store.LoadChildren(id).Sum(c => (long)c.Filled), Is.EqualTo(store.LoadParent(id)!.Order.Quantity));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        private static int Lines(string path)
        {
            try
            {
                using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var rd = new StreamReader(f);
                return rd.ReadToEnd().Count(c => c == '\n');
            }
            catch (IOException) { return 0; }
        }
    }
}
