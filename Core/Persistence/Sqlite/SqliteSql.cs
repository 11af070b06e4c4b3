using System;
using Microsoft.Data.Sqlite;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>
    /// Parameterised command helpers: every value goes through a parameter, never into the SQL text. One statement per
    /// command: with several statements in one SqliteCommand inside a transaction, an error in a later statement was seen
    /// to be swallowed (Microsoft.Data.Sqlite 10.0.15); scripts go through sqlite3_exec (<see cref="SqliteMigration.FromSql"/>).
    /// </summary>
    internal static class SqliteSql
    {
        public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return cmd;
        }

        public static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
        {
            using var cmd = Command(connection, tx, sql, parameters);
            return cmd.ExecuteNonQuery();
        }

        public static object? Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
        {
            using var cmd = Command(connection, tx, sql, parameters);
            var v = cmd.ExecuteScalar();
            return v is DBNull ? null : v;
        }
    }
}
