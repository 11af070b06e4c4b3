using System;
using System.IO;
using Microsoft.Data.Sqlite;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;

namespace NinjaTraderPortfolio.Core.Tests.Persistence
{
    /// <summary>A fresh temp folder holding a database path; deleted (with its pooled connections cleared) on dispose.</summary>
    internal sealed class TempDatabase : IDisposable
    {
        public TempDatabase(string fileName = "store.db")
        {
            Folder = Path.Combine(Path.GetTempPath(), "ntp-persistence-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            FilePath = Path.Combine(Folder, fileName);
        }

        public string Folder { get; }
        public string FilePath { get; }
        public string WalPath => FilePath + "-wal";

        public SqlitePortfolioStore Open(SqliteStoreOptions? options = null) => new SqlitePortfolioStore(FilePath, options);

        /// <summary>A raw connection to the file (no pooling), for checks from outside the store.</summary>
        public SqliteConnection Raw(string? path = null)
        {
            SqliteNativeLibrary.EnsureLoaded();
            var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path ?? FilePath, Pooling = false }.ToString());
            c.Open();
            return c;
        }

        public static object? Scalar(SqliteConnection c, string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return cmd.ExecuteScalar();
        }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
