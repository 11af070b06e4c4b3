using System;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>How SQLite makes a commit durable (PRAGMA synchronous).</summary>
    public enum SqliteDurability
    {
        /// <summary>
        /// synchronous=FULL: the WAL is fsynced at every commit, so a committed transaction survives a process kill and a
        /// power loss. The default: a commit records that a child order is about to be sent, so it must not be forgotten.
        /// </summary>
        Full,
        /// <summary>
        /// synchronous=NORMAL with WAL: a commit survives a process kill (the database is never corrupted) but the last
        /// commits before an OS crash or power loss may be lost. Faster; for backtests and demos.
        /// </summary>
        Normal,
    }

    /// <summary>Settings of <see cref="SqlitePortfolioStore"/>.</summary>
    public sealed class SqliteStoreOptions
    {
        /// <summary>How long a writer waits for another writer's transaction before failing (default 10 s).</summary>
        public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Durability of commits (default <see cref="SqliteDurability.Full"/>).</summary>
        public SqliteDurability Durability { get; set; } = SqliteDurability.Full;
    }
}
