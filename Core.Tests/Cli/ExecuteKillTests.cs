using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>
    /// The kill test: <c>ntportfolio execute</c> runs as a child process (the built ntportfolio.dll next to the tests) and is
    /// killed with SIGKILL (every other time at a seeded random moment from start-up, otherwise right after it has journaled an order), then restarted on the same --db and --broker-journal, at least 20 times.
    /// After each round completes, the journal must hold no client id twice, the broker's fills (the journal replayed) and
    /// the store's fills must each equal every order's quantity exactly, and a re-run must send nothing.
    /// The broker simulates partial fills, venue cancels of remainders and rejects, so resumption also reschedules; a
    /// per-order quantity guard (40) must hold for every child, including catch-up slices after an outage.
    /// </summary>
    [NonParallelizable]
    public sealed class ExecuteKillTests
    {
        private const int MinKills = 20;
        private static readonly string[] SimOptions =
        {
            "--broker", "sim", "--price", "4321.25", "--latency-ms", "3", "--sim-seed", "11", "--sim-partial-rate", "0.3",
            "--sim-venue-cancel-rate", "0.1", "--sim-reject-rate", "0.02", "--max-retries", "20", "--max-order-quantity", "40",
        };

        private static readonly (string Instrument, string Side, long Quantity)[] Orders =
        {
            ("ES 12-25", "Buy", 1500), ("NQ 12-25", "Sell", 910), ("CL 01-26", "Buy", 643),
        };

        [Test]
        public void Execute_KilledAtRandomMomentsAndRestarted_NeverSendsAClientIdTwiceAndFillsExactly()
        {
            string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ntportfolio.dll");
            Assert.That(File.Exists(dll), Is.True, "ntportfolio.dll is built next to the tests (Core.Tests references Cli)");
            string dir = Path.Combine(Path.GetTempPath(), "ntp-kill-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string orders = Path.Combine(dir, "orders.csv");
            File.WriteAllLines(orders, new[] { "Instrument,Side,Quantity" }.Concat(Orders.Select(o => $"{o.Instrument},{o.Side},{o.Quantity}")));
            string db = Path.Combine(dir, "exec.db"), journal = Path.Combine(dir, "broker.jsonl");
            var rng = new Random(20261125);
            var watch = Stopwatch.StartNew();
            int kills = 0, killsWhileTrading = 0, restarts = 0, rounds = 0, startup = 300, firstOrderMs = -1, attempts = 0;
            try
            {
                while (kills < MinKills)
                {
                    string round = "k" + rounds;
                    string[] args = Args(orders, db, journal, round);
                    while (true)
                    {
                        int before = Lines(journal);
                        var p = Start(dll, args);
                        // Every other attempt is driven by an event, not by time: wait until this run has journaled an order,
                        // then kill within a few milliseconds, so kills land while orders are in flight however loaded the
                        // machine is. The others kill at a seeded random moment from process start (start-up, lease,
                        // reconciliation), the window following the observed time to the first journaled order.
                        bool afterFirstOrder = attempts++ % 2 == 1;
                        var clock = Stopwatch.StartNew();
                        if (afterFirstOrder)
                        {
                            while (!p.HasExited && Lines(journal) <= before && clock.ElapsedMilliseconds < 120_000)
                                System.Threading.Thread.Sleep(1);
                            System.Threading.Thread.Sleep(rng.Next(0, 25));
                        }
                        else
                        {
                            int delay = rng.Next(0, startup + 500);
                            while (!p.HasExited && clock.ElapsedMilliseconds < delay)
                            {
                                System.Threading.Thread.Sleep(2);
                                if (Lines(journal) > before && firstOrderMs < 0) firstOrderMs = (int)clock.ElapsedMilliseconds;
                            }
                            if (firstOrderMs > 0) { startup = Math.Max(startup, firstOrderMs); firstOrderMs = -1; }
                        }
                        if (p.WaitForExit(0))
                        {
                            Assert.That(p.ExitCode, Is.EqualTo(0), "a run that was not killed completes: " + p.StandardError.ReadToEnd());
                            break;
                        }
                        p.Kill(); // SIGKILL on Linux
                        p.WaitForExit();
                        kills++;
                        if (Lines(journal) > before) killsWhileTrading++;
                        else if (!afterFirstOrder) startup = Math.Min(startup * 3 / 2 + 100, 20_000); // a loaded machine starts slower: widen the window
                        restarts++;
                        if (kills >= MinKills)
                        {
                            var final = Start(dll, args);
                            Assert.That(final.WaitForExit(60_000), Is.True, "the resumed run finishes");
                            Assert.That(final.ExitCode, Is.EqualTo(0), final.StandardError.ReadToEnd());
                            break;
                        }
                    }
                    rounds++;
                    // A completed execution re-run does nothing.
                    int lines = Lines(journal);
                    var again = Start(dll, args);
                    Assert.That(again.WaitForExit(60_000), Is.True);
                    Assert.That(again.ExitCode, Is.EqualTo(0), again.StandardError.ReadToEnd());
                    Assert.That(Lines(journal), Is.EqualTo(lines), "re-running a completed execution sends nothing");
                }

                Assert.That(kills, Is.GreaterThanOrEqualTo(MinKills));
                Assert.That(killsWhileTrading, Is.GreaterThanOrEqualTo(MinKills / 4), "the event-driven half of the kills land after the run has sent orders");
                var ids = File.ReadAllLines(journal).Select(l => BrokerJournal.Parse(l).ClientOrderId).ToList();
                int duplicates = ids.Count - ids.Distinct(StringComparer.Ordinal).Count();
                Assert.That(File.ReadAllLines(journal).Max(l => BrokerJournal.Parse(l).Quantity), Is.LessThanOrEqualTo(40), "the per-order guard holds across restarts (catch-up slices are split)");
                Assert.That(duplicates, Is.EqualTo(0), "no client order id is in the broker journal twice");

                // The broker's view: the journal replayed by a broker with the same options.
                string copy = Path.Combine(dir, "replay.jsonl");
                File.Copy(journal, copy);
                var brokerOptions = new SimulatedBrokerOptions { Seed = 11, PartialFillProbability = 0.3, VenueCancelProbability = 0.1, RejectProbability = 0.02 };
                using var replay = new SimulatedBroker(new FixedClock(), new FixedPriceSource(4321.25m), brokerOptions, copy);
                using var store = new SqlitePortfolioStore(db);
                for (int r = 0; r < rounds; r++)
                {
                    for (int i = 0; i < Orders.Length; i++)
                    {
                        string parentId = NinjaTraderPortfolio.Core.Execution.Session.ExecutionSession.ParentId("k" + r, Orders[i].Instrument);
                        long brokerFilled = replay.Orders.Where(o => o.ClientOrderId.StartsWith(parentId + "-", StringComparison.Ordinal)).Sum(o => (long)o.Filled);
                        Assert.That(brokerFilled, Is.EqualTo(Orders[i].Quantity), $"round {r} '{Orders[i].Instrument}': broker fills equal the order exactly");
                        Assert.That(replay.Orders.Where(o => o.ClientOrderId.StartsWith(parentId + "-", StringComparison.Ordinal)).All(o => o.Instrument == Orders[i].Instrument), Is.True);
                        var parent = store.LoadParent(parentId);
                        Assert.That(parent, Is.Not.Null);
                        Assert.That(parent!.Status, Is.EqualTo(ParentOrderStatus.Completed), $"round {r} '{Orders[i].Instrument}' status");
                        var children = store.LoadChildren(parentId);
                        Assert.That(children.Sum(c => (long)c.Filled), Is.EqualTo(Orders[i].Quantity), $"round {r} '{Orders[i].Instrument}': store fills equal the order exactly");
                        foreach (var c in children.Where(c => c.Filled > 0))
                            Assert.That(replay.FindOrder(c.ClientOrderId)?.Filled, Is.EqualTo(c.Filled), $"store and broker agree on {c.ClientOrderId}");
                    }
                }
                TestContext.Progress.WriteLine(
                    $"kill test: {kills} SIGKILLs ({killsWhileTrading} after the run had sent orders), {restarts} restarts, {rounds} executions of " +
                    $"{Orders.Length} orders, {ids.Count} child orders journaled, duplicates found: {duplicates}, totals exact: yes, {watch.Elapsed.TotalSeconds:0.0} s");
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }

        [Test]
        public void Execute_Sigint_StopsBetweenSlicesWithExit130_AndTheReRunCompletesExactly()
        {
            string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ntportfolio.dll");
            string dir = Path.Combine(Path.GetTempPath(), "ntp-int-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string orders = Path.Combine(dir, "orders.csv");
                File.WriteAllText(orders, "Instrument,Side,Quantity\nES 12-25,Buy,200\n");
                string db = Path.Combine(dir, "exec.db"), journal = Path.Combine(dir, "broker.jsonl");
                var args = new[] { "execute", "--orders", orders, "--strategy", "twap", "--slices", "20", "--slice-interval-ms", "100", "--db", db,
                    "--broker-journal", journal, "--broker", "sim", "--price", "10" };
                var p = Start(dll, args);
                var watch = Stopwatch.StartNew();
                while (Lines(journal) == 0 && watch.ElapsedMilliseconds < 30_000 && !p.HasExited) System.Threading.Thread.Sleep(5);
                Assert.That(p.HasExited, Is.False, "still working when interrupted");
                using (var kill = Process.Start("kill", new[] { "-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })!) kill.WaitForExit();
                Assert.That(p.WaitForExit(30_000), Is.True);
                Assert.That(p.ExitCode, Is.EqualTo(130));
                Assert.That(p.StandardError.ReadToEnd(), Does.Contain("interrupted between slices").And.Not.Contain("   at "));
                int sent = File.ReadAllLines(journal).Select(BrokerJournal.Parse).Sum(e => e.Quantity);
                Assert.That(sent, Is.InRange(1, 199), "stopped part-way");
                var again = Start(dll, args);
                Assert.That(again.WaitForExit(60_000), Is.True);
                Assert.That(again.ExitCode, Is.EqualTo(0), again.StandardError.ReadToEnd());
                var entries = File.ReadAllLines(journal).Select(BrokerJournal.Parse).ToList();
                Assert.That(entries.Sum(e => e.Quantity), Is.EqualTo(200));
                Assert.That(entries.Select(e => e.ClientOrderId).Distinct().Count(), Is.EqualTo(entries.Count));
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }

        private static string[] Args(string orders, string db, string journal, string executionId)
            => new[] { "execute", "--orders", orders, "--strategy", "twap", "--slices", "60", "--slice-interval-ms", "15", "--db", db,
                "--broker-journal", journal, "--execution-id", executionId }.Concat(SimOptions).ToArray();

        private static int Lines(string path) => File.Exists(path) ? File.ReadAllLines(path).Length : 0;

        internal static Process Start(string dll, IEnumerable<string> args)
        {
            var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(dll);
            foreach (var a in args) psi.ArgumentList.Add(a);
            var p = Process.Start(psi)!;
            p.OutputDataReceived += (_, __) => { };
            p.BeginOutputReadLine();
            return p;
        }

        private sealed class FixedClock : IClock
        {
            public DateTime UtcNow => new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);
        }
    }
}
