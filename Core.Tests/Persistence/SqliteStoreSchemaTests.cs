using System;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using NinjaTraderPortfolio.Core.Persistence;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using static NinjaTraderPortfolio.Core.Tests.Persistence.StoreSamples;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>File settings (WAL, synchronous, foreign keys), schema versions and migrations, and refusal of bad files.</summary>
    public class SqliteStoreSchemaTests
    {
        private TempDatabase _db = null!;

        [SetUp] public void SetUp() => _db = new TempDatabase();
        [TearDown] public void TearDown() => _db.Dispose();

        [Test]
        public void NewStore_IsInWalMode_AtLatestSchemaVersion()
        {
            using (var store = _db.Open())
            {
                Assert.That(store.SchemaVersion, Is.EqualTo(SqlitePortfolioStore.LatestSchemaVersion));
                store.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "s", "m"));
                Assert.That(File.Exists(_db.WalPath), Is.True, "a WAL file exists while the store is open");
            }
            using var raw = _db.Raw();
            Assert.That(TempDatabase.Scalar(raw, "PRAGMA journal_mode"), Is.EqualTo("wal"));
            Assert.That(TempDatabase.Scalar(raw, "SELECT max(version) FROM schema_version"), Is.EqualTo(1L));
            Assert.That(TempDatabase.Scalar(raw, "SELECT description FROM schema_version WHERE version = 1") as string, Does.Contain("portfolio configs"));
        }

        [TestCase(SqliteDurability.Full, 2L)]
        [TestCase(SqliteDurability.Normal, 1L)]
        public void Connections_HaveForeignKeysSynchronousAndBusyTimeout(SqliteDurability durability, long synchronous)
        {
            using var store = _db.Open(new SqliteStoreOptions { Durability = durability, BusyTimeout = TimeSpan.FromSeconds(7) });
            using var c = store.Open();
            Assert.That(TempDatabase.Scalar(c, "PRAGMA foreign_keys"), Is.EqualTo(1L));
            Assert.That(TempDatabase.Scalar(c, "PRAGMA synchronous"), Is.EqualTo(synchronous));
            Assert.That(TempDatabase.Scalar(c, "PRAGMA busy_timeout"), Is.EqualTo(7000L));
        }

        [Test]
        public void ForeignKeys_AreEnforced_ATransitionNeedsItsChild()
        {
            using var store = _db.Open();
            using var c = store.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO child_transitions (client_order_id, from_state, to_state, filled, time_utc, note) VALUES ('ghost', NULL, 'Submitted', 0, '2024-01-01T00:00:00.0000000Z', 'x')";
            var ex = Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());
            Assert.That(ex!.Message, Does.Contain("FOREIGN KEY"));
        }

        [Test]
        public void Reopen_AfterClose_PreservesEverything_AndDoesNotMigrateAgain()
        {
            using (var store = _db.Open())
            {
                store.SaveConfig(new PortfolioConfigRecord("main", 1, "cfg", 1, "{\"a\":1}", T0));
                store.WriteRebalance(new RebalanceBatch("R1", "main", T0, "initial", new[] { new TargetRecord("main", "ES", 1.0, T0, "initial") },
                    new[] { Parent("R1-ES") }));
            }
            for (int i = 0; i < 3; i++)
            {
                using var store = _db.Open();
                Assert.That(store.LoadConfig("main")!.Json, Is.EqualTo("{\"a\":1}"));
                AssertSame(Parent("R1-ES"), store.LoadParent("R1-ES"));
                Assert.That(store.LoadRebalance("R1")!.Targets.Single().TargetWeight, Is.EqualTo(1.0));
            }
            using var raw = _db.Raw();
            Assert.That(TempDatabase.Scalar(raw, "SELECT count(*) FROM schema_version"), Is.EqualTo(1L));
        }

        [Test]
        public void Migration_FromAnOlderVersion_RunsInOrder_AndPreservesData()
        {
            // A database written by the version-1 code...
            using (var v1 = _db.Open())
            {
                v1.SavePosition(new PositionSnapshot("main", "ES", 3, 5300.25m, OddTick));
                v1.RecordFill(new FillRecord("X1", "P1-0-0", "ES", NinjaTraderPortfolio.Core.Execution.Executor.OrderSide.Buy, 3, 5300.25m, 1.02m, OddTick));
            }
            // ...opened by a later code version that knows two more steps (a column with a default, and a table filled from old rows).
            var migrations = SqliteSchema.Migrations.Concat(new[]
            {
                SqliteMigration.FromSql(2, "fills: venue", "ALTER TABLE fills ADD COLUMN venue TEXT NOT NULL DEFAULT 'unknown'"),
                SqliteMigration.FromSql(3, "fill notional per instrument",
                    "CREATE TABLE notional (instrument TEXT PRIMARY KEY, amount TEXT NOT NULL) STRICT; " +
                    "INSERT INTO notional SELECT instrument, CAST(sum(quantity * CAST(price AS REAL)) AS TEXT) FROM fills GROUP BY instrument"),
            }).ToList();
            using (var v3 = new SqlitePortfolioStore(_db.FilePath, null, migrations))
            {
                Assert.That(v3.SchemaVersion, Is.EqualTo(3));
                var fill = v3.LoadFill("X1")!;
                AssertExact(5300.25m, fill.Price);
                AssertExact(1.02m, fill.Commission);
                AssertUtc(OddTick, fill.TimeUtc);
                AssertExact(5300.25m, v3.LoadPositions("main", OddTick).Single().AveragePrice);
            }
            using var raw = _db.Raw();
            Assert.That(TempDatabase.Scalar(raw, "SELECT group_concat(version, ',') FROM (SELECT version FROM schema_version ORDER BY version)"), Is.EqualTo("1,2,3"));
            Assert.That(TempDatabase.Scalar(raw, "SELECT venue FROM fills WHERE execution_id = 'X1'"), Is.EqualTo("unknown"));
            Assert.That(TempDatabase.Scalar(raw, "SELECT amount FROM notional WHERE instrument = 'ES'"), Is.EqualTo("15900.75"));
        }

        [Test]
        public void Migration_ThatFails_LeavesTheEarlierVersionIntact()
        {
            using (var v1 = _db.Open()) v1.SavePosition(new PositionSnapshot("main", "ES", 3, 5300.25m, OddTick));
            var migrations = SqliteSchema.Migrations.Concat(new[]
            {
                SqliteMigration.FromSql(2, "broken", "ALTER TABLE fills ADD COLUMN venue TEXT; ALTER TABLE no_such_table ADD COLUMN x TEXT"),
            }).ToList();
            var ex = Assert.Throws<SqliteException>(() => new SqlitePortfolioStore(_db.FilePath, null, migrations).Dispose());
            Assert.That(ex!.Message, Does.Contain("no_such_table"));
            using var store = _db.Open();
            Assert.That(store.SchemaVersion, Is.EqualTo(1));
            Assert.That(store.LoadPositions("main", OddTick), Has.Count.EqualTo(1));
            using var raw = _db.Raw();
            Assert.That(TempDatabase.Scalar(raw, "SELECT count(*) FROM pragma_table_info('fills') WHERE name = 'venue'"), Is.EqualTo(0L));
        }

        [Test]
        public void FutureSchemaVersion_IsRefusedNamingPathAndVersions_FileUntouched()
        {
            using (var store = _db.Open()) store.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "s", "m"));
            using (var raw = _db.Raw())
            using (var cmd = raw.CreateCommand())
            {
                cmd.CommandText = "INSERT INTO schema_version (version, description, applied_utc) VALUES (7, 'from the future', '2030-01-01T00:00:00Z')";
                cmd.ExecuteNonQuery();
            }
            var ex = Assert.Throws<InvalidInputException>(() => _db.Open());
            Assert.That(ex!.Message, Does.Contain(_db.FilePath).And.Contain("7").And.Contain("newer"));
            using var check = _db.Raw();
            Assert.That(TempDatabase.Scalar(check, "SELECT count(*) FROM alerts"), Is.EqualTo(1L));
        }

        [Test]
        public void TextFile_IsRefusedAsNotASqliteDatabase_NamingThePath()
        {
            File.WriteAllText(_db.FilePath, "Date,ES,NQ\n2024-01-02,4700.25,16500.5\n");
            var ex = Assert.Throws<InvalidInputException>(() => _db.Open());
            Assert.That(ex!.Message, Does.Contain(_db.FilePath).And.Contain("not a SQLite database"));
            Assert.That(File.ReadAllText(_db.FilePath), Does.StartWith("Date,ES,NQ"), "the file must not be touched");
        }

        [Test]
        public void FileWithSqliteHeaderButGarbage_IsRefusedNamingThePath()
        {
            var bytes = new byte[4096];
            System.Text.Encoding.ASCII.GetBytes("SQLite format 3\0").CopyTo(bytes, 0);
            new Random(7).NextBytes(bytes.AsSpan(16));
            File.WriteAllBytes(_db.FilePath, bytes);
            var ex = Assert.Throws<InvalidInputException>(() => _db.Open());
            Assert.That(ex!.Message, Does.Contain(_db.FilePath));
        }

        [Test]
        public void SqliteDatabaseOfAnotherProgram_IsRefused_NotExtended()
        {
            using (var raw = _db.Raw())
            using (var cmd = raw.CreateCommand())
            {
                cmd.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)";
                cmd.ExecuteNonQuery();
            }
            var ex = Assert.Throws<InvalidInputException>(() => _db.Open());
            Assert.That(ex!.Message, Does.Contain(_db.FilePath).And.Contain("another program").And.Contain("customers"));
        }

        [Test]
        public void EmptyFile_IsInitialised()
        {
            File.WriteAllBytes(_db.FilePath, Array.Empty<byte>());
            using var store = _db.Open();
            Assert.That(store.SchemaVersion, Is.EqualTo(1));
            store.SaveTarget(new TargetRecord("main", "ES", 1.0, T0, "x"));
            Assert.That(store.LoadTargets("main", T0), Has.Count.EqualTo(1));
        }

        [Test]
        public void MissingFolder_IsCreated()
        {
            string nested = Path.Combine(_db.Folder, "a", "b", "portfolio.db");
            using var store = new SqlitePortfolioStore(nested);
            Assert.That(File.Exists(nested), Is.True);
            Assert.That(store.Path, Is.EqualTo(Path.GetFullPath(nested)));
        }

        [Test]
        public void FolderThatIsAFile_IsRefusedNamingThePath()
        {
            string blocker = Path.Combine(_db.Folder, "blocker");
            File.WriteAllText(blocker, "not a folder");
            string path = Path.Combine(blocker, "store.db");
            var ex = Assert.Throws<InvalidInputException>(() => new SqlitePortfolioStore(path));
            Assert.That(ex!.Message, Does.Contain(path));
        }

        [Test]
        public void ReadOnlyFile_IsRefusedNamingThePath()
        {
            using (var store = _db.Open()) store.AppendAlert(new AlertRecord(T0, AlertSeverity.Info, "s", "m"));
            SqliteConnection.ClearAllPools();
            File.SetAttributes(_db.FilePath, FileAttributes.ReadOnly);
            try
            {
                var ex = Assert.Throws<InvalidInputException>(() => _db.Open());
                Assert.That(ex!.Message, Does.Contain(_db.FilePath).And.Contain("read-only"));
            }
            finally
            {
                File.SetAttributes(_db.FilePath, FileAttributes.Normal);
            }
        }

        [Test]
        public void Folder_GivenAsPath_IsRefused()
        {
            var ex = Assert.Throws<InvalidInputException>(() => new SqlitePortfolioStore(_db.Folder));
            Assert.That(ex!.Message, Does.Contain(_db.Folder).And.Contain("folder"));
        }

        [Test]
        public void RowsChangedOutsideTheProgram_AreReportedNamingTheColumn()
        {
            using var store = _db.Open();
            store.SavePosition(new PositionSnapshot("main", "ES", 3, 5300.25m, OddTick));
            using (var raw = _db.Raw())
            using (var cmd = raw.CreateCommand())
            {
                cmd.CommandText = "UPDATE position_snapshots SET average_price = '5300,25'";
                cmd.ExecuteNonQuery();
            }
            var ex = Assert.Throws<InvalidInputException>(() => store.LoadPositions("main", OddTick));
            Assert.That(ex!.Message, Does.Contain("average_price").And.Contain("5300,25"));
        }
    }
}
