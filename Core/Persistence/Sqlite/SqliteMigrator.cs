using System.Collections.Generic;
using System.Data;
using System.Linq;
using Microsoft.Data.Sqlite;
using static NinjaTraderPortfolio.Core.Persistence.Sqlite.SqliteSql;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>
    /// Brings a database to the newest schema: each missing step runs in its own IMMEDIATE transaction together with its
    /// schema_version row (so concurrent openers migrate once and a crash leaves a whole earlier version).
    /// </summary>
    internal static class SqliteMigrator
    {
        /// <summary>Applies the missing steps and returns the resulting version.</summary>
        public static int Migrate(SqliteConnection c, IReadOnlyList<SqliteMigration> migrations, string path)
        {
            for (int k = 0; k < migrations.Count; k++)
                if (migrations[k].Version != k + 1)
                    throw new System.InvalidOperationException($"migration {k} has version {migrations[k].Version}; versions must be 1, 2, ... in order");
            int latest = migrations.Count;
            int version = CurrentVersion(c, null, path, latest);
            foreach (var step in migrations.Where(m => m.Version > version))
            {
                using var tx = c.BeginTransaction(IsolationLevel.Serializable, deferred: false);
                int now = CurrentVersion(c, tx, path, latest); // another process may have migrated meanwhile
                if (now < step.Version)
                {
                    Execute(c, tx, @"CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL PRIMARY KEY,
    description TEXT NOT NULL,
    applied_utc TEXT NOT NULL
) STRICT");
                    step.Apply(c, tx);
                    // Audit time of the step, taken by SQLite itself (Core reads no clock).
                    Execute(c, tx, "INSERT INTO schema_version (version, description, applied_utc) VALUES ($v, $d, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                        ("$v", step.Version), ("$d", step.Description));
                }
                tx.Commit();
            }
            return CurrentVersion(c, null, path, latest);
        }

        private static int CurrentVersion(SqliteConnection c, SqliteTransaction? tx, string path, int latest)
        {
            bool hasVersionTable = (long)Scalar(c, tx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")! > 0;
            if (!hasVersionTable)
            {
                var tables = new List<string>();
                using (var cmd = Command(c, tx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
                using (var r = cmd.ExecuteReader())
                    while (r.Read()) tables.Add(r.GetString(0));
                if (tables.Count > 0)
                    throw new InvalidInputException(
                        $"'{path}' is a SQLite database of another program (tables {string.Join(", ", tables.Take(5))}) without a schema_version table; choose another path for the store");
                return 0;
            }
            int version = System.Convert.ToInt32(Scalar(c, tx, "SELECT coalesce(max(version), 0) FROM schema_version") ?? 0L);
            if (version > latest)
                throw new InvalidInputException(
                    $"'{path}' has schema version {version}, newer than version {latest} that this program knows; use a newer program (the file was not changed)");
            return version;
        }
    }
}
