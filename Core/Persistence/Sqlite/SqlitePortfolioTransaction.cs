using System;
using System.Data;
using Microsoft.Data.Sqlite;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>A unit of work on its own connection in one BEGIN IMMEDIATE transaction; dispose without commit rolls back.</summary>
    internal sealed class SqlitePortfolioTransaction : IPortfolioTransaction
    {
        private readonly object _gate = new object();
        private readonly SqlitePortfolioStore _store;
        private readonly int _threadId;
        private SqliteConnection? _connection;
        private SqliteTransaction? _tx;

        public SqlitePortfolioTransaction(SqlitePortfolioStore store)
        {
            _store = store;
            var c = store.Open();
            try
            {
                _tx = c.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            }
            catch
            {
                c.Dispose();
                throw;
            }
            _connection = c;
            _threadId = Environment.CurrentManagedThreadId;
            store.EnterTransaction();
        }

        public void SaveConfig(PortfolioConfigRecord config) => Do((c, tx) => SqliteWrites.SaveConfig(c, tx, config));

        public void SavePosition(PositionSnapshot position) => Do((c, tx) => SqliteWrites.SavePosition(c, tx, position));

        public void SaveTarget(TargetRecord target) => Do((c, tx) => SqliteWrites.SaveTarget(c, tx, target));

        public void SaveParent(ParentOrderRecord parent) => Do((c, tx) => SqliteWrites.SaveParent(c, tx, parent));

        public void RecordChild(ChildOrderRecord child, ChildTransition transition) => Do((c, tx) => SqliteWrites.RecordChild(c, tx, child, transition));

        public bool RecordFill(FillRecord fill)
        {
            bool inserted = false;
            Do((c, tx) => inserted = SqliteWrites.RecordFill(c, tx, fill, _store.Path));
            return inserted;
        }

        public long AppendAlert(AlertRecord alert)
        {
            long seq = 0;
            Do((c, tx) => seq = SqliteWrites.AppendAlert(c, tx, alert));
            return seq;
        }

        public void SaveDailyPerformance(DailyPerformanceRecord day) => Do((c, tx) => SqliteWrites.SaveDailyPerformance(c, tx, day));

        public void WriteRebalance(RebalanceBatch rebalance) => Do((c, tx) => SqliteWrites.WriteRebalance(c, tx, rebalance, _store.Path));

        public void Commit()
        {
            lock (_gate)
            {
                var tx = _tx ?? throw Finished();
                try { tx.Commit(); }
                finally { Close(); }
            }
        }

        public void Rollback()
        {
            lock (_gate)
            {
                if (_tx == null) return;
                try { _tx.Rollback(); }
                finally { Close(); }
            }
        }

        public void Dispose() => Rollback();

        private void Do(Action<SqliteConnection, SqliteTransaction> write)
        {
            lock (_gate)
            {
                if (_tx == null || _connection == null) throw Finished();
                write(_connection, _tx);
            }
        }

        private void Close()
        {
            _tx?.Dispose();
            _connection?.Dispose();
            _tx = null;
            _connection = null;
            _store.ExitTransaction(_threadId);
        }

        private InvalidOperationException Finished()
            => new InvalidOperationException($"the transaction on '{_store.Path}' was already committed or rolled back");
    }
}
