using System;
using Microsoft.Data.Sqlite;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>One schema step: brings a database at version <see cref="Version"/> - 1 to <see cref="Version"/>.</summary>
    /// <param name="Version">Schema version after this step (1, 2, ...).</param>
    /// <param name="Description">What the step does (stored in schema_version).</param>
    /// <param name="Apply">Runs the step inside the migration's transaction.</param>
    internal sealed record SqliteMigration(int Version, string Description, Action<SqliteConnection, SqliteTransaction> Apply)
    {
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
