using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Persistence.Records;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>
    /// A real process kill: a child process (Debian's python3 with its sqlite3 module, which starts in milliseconds where a
    /// dotnet child would take seconds) writes into the store's file and is killed with SIGKILL mid-transaction; the store
    /// then reopens the file. Skipped when /usr/bin/python3 with SQLite &gt;= 3.37 (STRICT tables) is not installed.
    /// </summary>
    public class SqliteStoreKillTests
    {
        private const string Python = "/usr/bin/python3";

        private const string Writer = @"
import sqlite3, sys, time
db, mode = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db, isolation_level=None)
c.execute('PRAGMA synchronous=FULL')
c.execute('PRAGMA busy_timeout=10000')
c.execute('PRAGMA cache_size=10')
t = '2024-06-04T14:30:00.0000000Z'
if mode == 'big':
    c.execute('BEGIN IMMEDIATE')
    c.execute(""INSERT INTO rebalances VALUES ('R2', 'main', ?, 'monthly')"", (t,))
    for i in range(5000):
        c.execute('INSERT INTO alerts (time_utc, severity, source, message) VALUES (?, ?, ?, ?)', (t, 'Info', 'filler', 'x' * 400 + str(i)))
    print('ready', flush=True)
    time.sleep(120)
else:
    i = 0
    while True:
        c.execute('BEGIN IMMEDIATE')
        c.execute('INSERT INTO alerts (time_utc, severity, source, message) VALUES (?, ?, ?, ?)', (t, 'Info', 'killtest', 'fill K%d' % i))
        c.execute('INSERT INTO fills VALUES (?, ?, ?, ?, ?, ?, ?, ?)', ('K%d' % i, 'P-0-0', 'ES', 'Buy', 1, '5000.25', '0', t))
        c.execute('COMMIT')
        i += 1
        print('committed %d' % i, flush=True)
";

        private TempDatabase _db = null!;

        [SetUp]
        public void SetUp()
        {
            if (!File.Exists(Python)) Assert.Ignore($"{Python} is not installed");
            var version = Run("-c \"import sqlite3; print(sqlite3.sqlite_version)\"").Trim().Split('.').Select(int.Parse).ToArray();
            if (version[0] < 3 || (version[0] == 3 && version[1] < 37)) Assert.Ignore($"python's SQLite {string.Join(".", version)} cannot read STRICT tables");
            _db = new TempDatabase();
            File.WriteAllText(Path.Combine(_db.Folder, "writer.py"), Writer);
        }

        [TearDown] public void TearDown() => _db?.Dispose();

        private static string Run(string args)
        {
            using var p = Process.Start(new ProcessStartInfo(Python, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return output;
        }

        private Process StartWriter(string mode)
            => Process.Start(new ProcessStartInfo(Python) { ArgumentList = { Path.Combine(_db.Folder, "writer.py"), _db.FilePath, mode },
                RedirectStandardOutput = true, UseShellExecute = false })!;

        [Test]
        public void ProcessKilledInsideALargeTransaction_LeavesTheLastCommittedState()
        {
            using (var store = _db.Open())
            {
                store.WriteRebalance(new RebalanceBatch("R1", "main", T0, "monthly", new[] { new TargetRecord("main", "ES", 1, T0, "monthly") }, new[] { Parent("R1-ES") }));
                store.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "test", "before"));
            }
            long walBefore = File.Exists(_db.WalPath) ? new FileInfo(_db.WalPath).Length : 0; // closing the store checkpoints and removes the WAL
            using (var writer = StartWriter("big"))
            {
                Assert.That(writer.StandardOutput.ReadLine(), Is.EqualTo("ready"));
                Assert.That(new FileInfo(_db.WalPath).Length, Is.GreaterThan(walBefore + 1_000_000), "uncommitted pages must be in the WAL when the kill comes");
                writer.Kill();
                writer.WaitForExit();
            }
            using var reopened = _db.Open();
            Assert.That(reopened.LoadRebalance("R1"), Is.Not.Null);
            Assert.That(reopened.LoadRebalance("R2"), Is.Null);
            Assert.That(reopened.LoadAlerts(T0, T0.AddYears(1)).Select(a => a.Message), Is.EqualTo(new[] { "before" }));
            // The store writes again after recovery.
            reopened.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "test", "after"));
            Assert.That(reopened.LoadAlerts(T0, T0.AddYears(1)), Has.Count.EqualTo(2));
        }

        [TestCase(11)]
        [TestCase(22)]
        [TestCase(33)]
        public void ProcessKilledAtARandomMomentAmongCommits_KeepsEveryAcknowledgedCommitAndNoHalfOne(int seed)
        {
            using (var store = _db.Open()) { }
            int acknowledged = 0;
            int killAfter = new Random(seed).Next(5, 60);
            using (var writer = StartWriter("commits"))
            {
                string? line;
                while ((line = writer.StandardOutput.ReadLine()) != null)
                {
                    acknowledged = int.Parse(line.Split(' ')[1]);
                    if (acknowledged >= killAfter) break;
                }
                Thread.Sleep(new Random(seed).Next(0, 20)); // let it get into the next transactions
                writer.Kill();
                writer.WaitForExit();
            }
            Assert.That(acknowledged, Is.EqualTo(killAfter));
            using var reopened = _db.Open();
            var fills = reopened.LoadFillsForOrder("P-0-0");
            var alerts = reopened.LoadAlerts(T0, T0.AddYears(1));
            Assert.That(fills.Count, Is.GreaterThanOrEqualTo(acknowledged), "an acknowledged commit was lost");
            Assert.That(alerts.Count, Is.EqualTo(fills.Count), "a transaction was half applied (alert without its fill or the reverse)");
            Assert.That(fills.Select(f => f.ExecutionId).OrderBy(id => int.Parse(id.Substring(1))), Is.EqualTo(Enumerable.Range(0, fills.Count).Select(i => "K" + i)));
            AssertExact(5000.25m, fills[0].Price);
            using var raw = _db.Raw();
            Assert.That(TempDatabase.Scalar(raw, "PRAGMA integrity_check"), Is.EqualTo("ok"));
        }
    }
}
