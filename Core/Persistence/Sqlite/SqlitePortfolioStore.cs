using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.Data.Sqlite;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>
    /// <see cref="IPortfolioStore"/> on one SQLite file (Microsoft.Data.Sqlite). The file runs in WAL mode (readers never
    /// block the writer), with foreign keys on, a busy timeout and <see cref="SqliteStoreOptions.Durability"/>
    /// (synchronous=FULL by default). Every operation takes a pooled connection of its own, so the store is safe to call
    /// from several threads (NinjaTrader's event threads): writes run in BEGIN IMMEDIATE transactions and queue on SQLite's
    /// write lock; reads run in a snapshot. Opening applies the missing schema migrations in order.
    /// </summary>
    public sealed class SqlitePortfolioStore : IPortfolioStore
    {
        private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
        private readonly string _connectionString;
        private readonly SqliteStoreOptions _options;
        private readonly ConcurrentDictionary<int, int> _transactionsByThread = new ConcurrentDictionary<int, int>();
        private int _disposed;

        /// <summary>
        /// Opens (or creates, with its folder) the store at <paramref name="path"/> and brings its schema up to date. Throws
        /// <see cref="InvalidInputException"/> naming the path when the file is not a SQLite database, belongs to another
        /// program, has a schema version newer than <see cref="LatestSchemaVersion"/>, or is read-only.
        /// </summary>
        public SqlitePortfolioStore(string path, SqliteStoreOptions? options = null)
            : this(path, options, SqliteSchema.Migrations)
        {
        }

        internal SqlitePortfolioStore(string path, SqliteStoreOptions? options, IReadOnlyList<SqliteMigration> migrations)
        {
            Guard.NotBlank(path, nameof(path));
            _options = options ?? new SqliteStoreOptions();
            if (_options.BusyTimeout < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(options), _options.BusyTimeout, $"BusyTimeout must be >= 0, got {_options.BusyTimeout}");
            Path = System.IO.Path.GetFullPath(path);
            CheckFile(Path);
            string? folder = System.IO.Path.GetDirectoryName(Path);
            try
            {
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new InvalidInputException($"the folder of SQLite store '{Path}' cannot be created ({e.Message})", e);
            }
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                ForeignKeys = true,
                DefaultTimeout = (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds),
            }.ToString();
            try
            {
                SqliteNativeLibrary.EnsureLoaded();
                using var c = Open();
                EnableWal(c);
                SchemaVersion = SqliteMigrator.Migrate(c, migrations, Path);
            }
            catch (SqliteException e)
            {
                ClearPool();
                throw Translate(e, Path);
            }
            catch (Exception e) when (e is DllNotFoundException || e is TypeInitializationException || e is BadImageFormatException)
            {
                throw new InvalidOperationException(
                    $"the native SQLite library could not be loaded for '{Path}': ship {SqliteNativeLibrary.WindowsFileName} (win-x64, from the " +
                    "'SQLitePCLRaw.lib.e_sqlite3' NuGet package 2.1.13) next to NinjaTraderPortfolio.Core.dll", e);
            }
            catch
            {
                ClearPool();
                throw;
            }
        }

        /// <summary>The schema version this code creates and the newest it can open.</summary>
        public const int LatestSchemaVersion = SqliteSchema.Latest;

        /// <summary>Full path of the database file.</summary>
        public string Path { get; }

        /// <summary>Schema version of the open database (after migrations).</summary>
        public int SchemaVersion { get; }

        // ---- writes: each its own IMMEDIATE transaction ----

        /// <inheritdoc />
        public void SaveConfig(PortfolioConfigRecord config) => Write((c, tx) => SqliteWrites.SaveConfig(c, tx, config));

        /// <inheritdoc />
        public void SavePosition(PositionSnapshot position) => Write((c, tx) => SqliteWrites.SavePosition(c, tx, position));

        /// <inheritdoc />
        public void SaveTarget(TargetRecord target) => Write((c, tx) => SqliteWrites.SaveTarget(c, tx, target));

        /// <inheritdoc />
        public void SaveParent(ParentOrderRecord parent) => Write((c, tx) => SqliteWrites.SaveParent(c, tx, parent));

        /// <inheritdoc />
        public void RecordChild(ChildOrderRecord child, ChildTransition transition)
            => Write((c, tx) => SqliteWrites.RecordChild(c, tx, child, transition));

        /// <inheritdoc />
        public bool RecordFill(FillRecord fill) => Write((c, tx) => SqliteWrites.RecordFill(c, tx, fill, Path));

        /// <inheritdoc />
        public long AppendAlert(AlertRecord alert) => Write((c, tx) => SqliteWrites.AppendAlert(c, tx, alert));

        /// <inheritdoc />
        public void SaveDailyPerformance(DailyPerformanceRecord day) => Write((c, tx) => SqliteWrites.SaveDailyPerformance(c, tx, day));

        /// <inheritdoc />
        public void WriteRebalance(RebalanceBatch rebalance) => Write((c, tx) => SqliteWrites.WriteRebalance(c, tx, rebalance, Path));

        /// <inheritdoc />
        public IPortfolioTransaction BeginTransaction()
        {
            ThrowIfDisposed();
            ThrowIfTransactionOnThisThread();
            return new SqlitePortfolioTransaction(this);
        }

        // ---- reads: each in one snapshot ----

        /// <inheritdoc />
        public IReadOnlyList<string> LoadPortfolioNames() => Read((c, tx) => SqliteReads.PortfolioNames(c, tx));

        /// <inheritdoc />
        public PortfolioConfigRecord? LoadConfig(string portfolio) => Read((c, tx) => SqliteReads.LatestConfig(c, tx, Key(portfolio, nameof(portfolio))));

        /// <inheritdoc />
        public PortfolioConfigRecord? LoadConfig(string portfolio, int revision) => Read((c, tx) => SqliteReads.Config(c, tx, Key(portfolio, nameof(portfolio)), revision));

        /// <inheritdoc />
        public IReadOnlyList<PositionSnapshot> LoadPositions(string portfolio, DateTime asOfUtc)
            => Read((c, tx) => SqliteReads.Positions(c, tx, Key(portfolio, nameof(portfolio)), asOfUtc));

        /// <inheritdoc />
        public IReadOnlyList<PositionSnapshot> LoadPositionHistory(string portfolio, string instrument)
            => Read((c, tx) => SqliteReads.PositionHistory(c, tx, Key(portfolio, nameof(portfolio)), Key(instrument, nameof(instrument))));

        /// <inheritdoc />
        public IReadOnlyList<TargetRecord> LoadTargets(string portfolio, DateTime asOfUtc) => Read((c, tx) => SqliteReads.Targets(c, tx, Key(portfolio, nameof(portfolio)), asOfUtc));

        /// <inheritdoc />
        public ParentOrderRecord? LoadParent(string parentId) => Read((c, tx) => SqliteReads.Parent(c, tx, Key(parentId, nameof(parentId))));

        /// <inheritdoc />
        public IReadOnlyList<ChildOrderRecord> LoadChildren(string parentId) => Read((c, tx) => SqliteReads.Children(c, tx, Key(parentId, nameof(parentId))));

        /// <inheritdoc />
        public IReadOnlyList<string> LoadParentIds(ParentOrderStatus status) => Read((c, tx) => SqliteReads.ParentIds(c, tx, status));

        /// <inheritdoc />
        public IReadOnlyList<ChildTransition> LoadTransitions(string parentId) => Read((c, tx) => SqliteReads.Transitions(c, tx, Key(parentId, nameof(parentId))));

        /// <inheritdoc />
        public FillRecord? LoadFill(string executionId) => Read((c, tx) => SqliteReads.LoadFill(c, tx, Key(executionId, nameof(executionId))));

        /// <inheritdoc />
        public IReadOnlyList<FillRecord> LoadFillsForOrder(string clientOrderId) => Read((c, tx) => SqliteReads.FillsForOrder(c, tx, Key(clientOrderId, nameof(clientOrderId))));

        /// <inheritdoc />
        public IReadOnlyList<FillRecord> LoadFills(DateTime fromUtc, DateTime toUtc) => Read((c, tx) => SqliteReads.Fills(c, tx, fromUtc, toUtc));

        /// <inheritdoc />
        public IReadOnlyList<AlertRecord> LoadAlerts(DateTime fromUtc, DateTime toUtc) => Read((c, tx) => SqliteReads.Alerts(c, tx, fromUtc, toUtc));

        /// <inheritdoc />
        public IReadOnlyList<DailyPerformanceRecord> LoadDailyPerformance(string portfolio, DateTime fromDate, DateTime toDate)
            => Read((c, tx) => SqliteReads.DailyPerformance(c, tx, Key(portfolio, nameof(portfolio)), fromDate, toDate));

        /// <inheritdoc />
        public RebalanceRecord? LoadRebalance(string rebalanceId) => Read((c, tx) => SqliteReads.Rebalance(c, tx, Key(rebalanceId, nameof(rebalanceId))));

        /// <summary>Closes the pooled connections (a transaction still open keeps its own until disposed).</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) ClearPool();
        }

        // ---- plumbing ----

        /// <summary>Opens a pooled connection with this store's per-connection settings.</summary>
        internal SqliteConnection Open()
        {
            var c = new SqliteConnection(_connectionString);
            try
            {
                c.Open();
                string sync = _options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
                long busyMs = (long)_options.BusyTimeout.TotalMilliseconds;
                // PRAGMA values cannot be parameters; both come from typed options, not from text.
                SqliteSql.Execute(c, null, $"PRAGMA synchronous = {sync}");
                SqliteSql.Execute(c, null, $"PRAGMA busy_timeout = {busyMs.ToString(CultureInfo.InvariantCulture)}");
                return c;
            }
            catch
            {
                c.Dispose();
                throw;
            }
        }

        internal void EnterTransaction() => _transactionsByThread.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, n) => n + 1);

        internal void ExitTransaction(int threadId)
        {
            while (true)
            {
                if (!_transactionsByThread.TryGetValue(threadId, out int n)) return;
                if (n <= 1 ? _transactionsByThread.TryRemove(threadId, out _) : _transactionsByThread.TryUpdate(threadId, n - 1, n)) return;
            }
        }

        private void ThrowIfTransactionOnThisThread()
        {
            if (_transactionsByThread.ContainsKey(Environment.CurrentManagedThreadId))
                throw new InvalidOperationException(
                    $"a transaction on '{Path}' is open on this thread; write through it (or commit/dispose it first), otherwise this write would wait for it forever");
        }

        private static string Key(string value, string name) => Guard.NotNull(value, name);

        private void ThrowIfDisposed()
        {
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(SqlitePortfolioStore), $"the store on '{Path}' is disposed");
        }

        private void Write(Action<SqliteConnection, SqliteTransaction> action) => Write<object?>((c, tx) => { action(c, tx); return null; });

        private T Write<T>(Func<SqliteConnection, SqliteTransaction, T> action)
        {
            ThrowIfDisposed();
            ThrowIfTransactionOnThisThread();
            using var c = Open();
            using var tx = c.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            T result = action(c, tx);
            tx.Commit();
            return result;
        }

        private T Read<T>(Func<SqliteConnection, SqliteTransaction, T> query)
        {
            ThrowIfDisposed();
            using var c = Open();
            using var tx = c.BeginTransaction(IsolationLevel.Serializable, deferred: true);
            return query(c, tx);
        }

        private void EnableWal(SqliteConnection c)
        {
            string? mode = SqliteSql.Scalar(c, null, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidInputException($"'{Path}' could not be switched to WAL journal mode (got '{mode}'); is the file or its folder read-only?");
        }

        private void ClearPool()
        {
            using var c = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(c);
        }

        /// <summary>Refuses read-only files and files that are not SQLite databases before SQLite touches them (an empty file is initialised).</summary>
        private static void CheckFile(string path)
        {
            if (Directory.Exists(path)) throw new InvalidInputException($"'{path}' is a folder, not a SQLite database file");
            if (InputFile.SpecialKind(path) is string kind) throw new InvalidInputException($"SQLite store '{path}' is a {kind}, not a regular file");
            if (!File.Exists(path)) return;
            var info = new FileInfo(path);
            if (info.IsReadOnly) throw new InvalidInputException($"SQLite store '{path}' is read-only; the store needs to write to it");
            if (info.Length == 0) return;
            var head = new byte[SqliteHeader.Length];
            int read;
            using (var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                read = f.Read(head, 0, head.Length);
            if (read < head.Length || !head.SequenceEqual(SqliteHeader))
                throw new InvalidInputException($"'{path}' is not a SQLite database (its first bytes are not the SQLite header); choose another path for the store");
        }

        private static Exception Translate(SqliteException e, string path)
        {
            switch (e.SqliteErrorCode & 0xFF)
            {
                case 26: return new InvalidInputException($"'{path}' is not a SQLite database ({e.Message})", e); // SQLITE_NOTADB
                case 11: return new InvalidInputException($"SQLite database '{path}' is corrupt ({e.Message})", e); // SQLITE_CORRUPT
                case 8: return new InvalidInputException($"SQLite store '{path}' is read-only ({e.Message})", e); // SQLITE_READONLY
                case 14: return new InvalidInputException($"SQLite store '{path}' cannot be opened ({e.Message})", e); // SQLITE_CANTOPEN
                default: return e;
            }
        }
    }
}
