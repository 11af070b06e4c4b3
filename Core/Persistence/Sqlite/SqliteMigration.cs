using System;
using Microsoft.Data.Sqlite;

namespace NinjaTraderPortfolio.Core.Persistence
{
    /// <summary>One schema step: brings a database at version <see cref="Version"/> - 1 to <see cref="Version"/>.</summary>
    internal sealed class SqliteMigration
    {
        public SqliteMigration(int version, string description, Action<SqliteConnection, SqliteTransaction> apply)
        {
            Version = version; Description = description; Apply = apply;
        }

        /// <summary>Schema version after this step (1, 2, ...).</summary>
        public int Version { get; }
        /// <summary>What the step does (stored in schema_version).</summary>
        public string Description { get; }
        /// <summary>Runs the step inside the migration's transaction.</summary>
        public Action<SqliteConnection, SqliteTransaction> Apply { get; }

        /// <summary>
        /// A step made of SQL statements, run with sqlite3_exec: it stops at the first failing statement and reports it.
        /// (SqliteCommand.ExecuteNonQuery on a multi-statement text inside a transaction was seen to return without error when a
        /// later statement failed, which would record a half-applied step as done.)
        /// </summary>
        public static SqliteMigration FromSql(int version, string description, string sql)
            => new SqliteMigration(version, description, (c, tx) =>
            {
                int rc = SQLitePCL.raw.sqlite3_exec(c.Handle, sql, null, null, out string? error);
                if (rc != SQLitePCL.raw.SQLITE_OK)
                    throw new SqliteException($"schema step {version} ({description}) failed: SQLite error {rc}: {error}", rc);
            });
    }
}
