using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Execution.Tca;
using NinjaTraderPortfolio.Core.Persistence.Records;
using static NinjaTraderPortfolio.Core.Persistence.Sqlite.SqliteSql;
using static NinjaTraderPortfolio.Core.Persistence.Sqlite.SqliteValues;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>The store's reads; each maps rows back to the immutable record types.</summary>
    internal static class SqliteReads
    {
        private static List<T> Rows<T>(SqliteConnection c, SqliteTransaction? tx, Func<SqliteDataReader, T> map, string sql,
            params (string Name, object? Value)[] parameters)
        {
            using var cmd = Command(c, tx, sql, parameters);
            using var r = cmd.ExecuteReader();
            var list = new List<T>();
            while (r.Read()) list.Add(map(r));
            return list;
        }

        private static T? Single<T>(SqliteConnection c, SqliteTransaction? tx, Func<SqliteDataReader, T> map, string sql,
            params (string Name, object? Value)[] parameters) where T : class
        {
            var rows = Rows(c, tx, map, sql, parameters);
            return rows.Count == 0 ? null : rows[0];
        }

        private const string ConfigColumns = "portfolio, revision, schema_name, schema_version, config_json, saved_utc";

        private static PortfolioConfigRecord Config(SqliteDataReader r)
            => new PortfolioConfigRecord(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt32(3), r.GetString(4), ReadInstant(r, 5));

        public static List<string> PortfolioNames(SqliteConnection c, SqliteTransaction? tx)
            => Rows(c, tx, r => r.GetString(0), "SELECT DISTINCT portfolio FROM portfolio_configs ORDER BY portfolio");

        public static PortfolioConfigRecord? LatestConfig(SqliteConnection c, SqliteTransaction? tx, string portfolio)
            => Single(c, tx, Config, $"SELECT {ConfigColumns} FROM portfolio_configs WHERE portfolio = $p ORDER BY revision DESC LIMIT 1", ("$p", portfolio));

        public static PortfolioConfigRecord? Config(SqliteConnection c, SqliteTransaction? tx, string portfolio, int revision)
            => Single(c, tx, Config, $"SELECT {ConfigColumns} FROM portfolio_configs WHERE portfolio = $p AND revision = $rev",
                ("$p", portfolio), ("$rev", revision));

        private static PositionSnapshot Position(SqliteDataReader r)
            => new PositionSnapshot(r.GetString(0), r.GetString(1), r.GetInt64(3), ReadMoney(r, 4), ReadInstant(r, 2));

        public static List<PositionSnapshot> Positions(SqliteConnection c, SqliteTransaction? tx, string portfolio, DateTime asOfUtc)
            => Rows(c, tx, Position, @"SELECT p.portfolio, p.instrument, p.time_utc, p.quantity, p.average_price FROM position_snapshots p
WHERE p.portfolio = $p AND p.time_utc = (SELECT max(q.time_utc) FROM position_snapshots q
    WHERE q.portfolio = p.portfolio AND q.instrument = p.instrument AND q.time_utc <= $asOf)
ORDER BY p.instrument", ("$p", portfolio), ("$asOf", Instant(asOfUtc, nameof(asOfUtc))));

        public static List<PositionSnapshot> PositionHistory(SqliteConnection c, SqliteTransaction? tx, string portfolio, string instrument)
            => Rows(c, tx, Position, @"SELECT portfolio, instrument, time_utc, quantity, average_price FROM position_snapshots
WHERE portfolio = $p AND instrument = $i ORDER BY time_utc", ("$p", portfolio), ("$i", instrument));

        private static TargetRecord Target(SqliteDataReader r)
            => new TargetRecord(r.GetString(0), r.GetString(1), r.GetDouble(3), ReadInstant(r, 2), r.GetString(4));

        public static List<TargetRecord> Targets(SqliteConnection c, SqliteTransaction? tx, string portfolio, DateTime asOfUtc)
            => Rows(c, tx, Target, @"SELECT portfolio, instrument, time_utc, weight, reason FROM targets
WHERE portfolio = $p AND time_utc = (SELECT max(time_utc) FROM targets WHERE portfolio = $p AND time_utc <= $asOf)
ORDER BY instrument", ("$p", portfolio), ("$asOf", Instant(asOfUtc, nameof(asOfUtc))));

        public static ParentOrderRecord? Parent(SqliteConnection c, SqliteTransaction? tx, string parentId)
        {
            var header = Single(c, tx, r => new
            {
                Order = new ParentOrder(r.GetString(0), r.GetString(1), ReadEnum<OrderSide>(r, 2), r.GetInt64(3)),
                Status = ReadEnum<ParentOrderStatus>(r, 4),
                Filled = r.GetInt64(5),
                Updated = ReadInstant(r, 6),
            }, "SELECT parent_id, instrument, side, quantity, status, filled, updated_utc FROM parent_orders WHERE parent_id = $id", ("$id", parentId));
            if (header == null) return null;
            var slices = new List<TimedSlice>();
            var pending = new List<long>();
            var attempts = new List<int>();
            var failures = new List<int>();
            using (var cmd = Command(c, tx, @"SELECT slice_index, start_utc, deadline_utc, quantity, pending, attempts, failures FROM parent_slices
WHERE parent_id = $id ORDER BY position", ("$id", parentId)))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    slices.Add(new TimedSlice(r.GetInt32(0), ReadInstant(r, 1), ReadInstant(r, 2), r.GetInt64(3)));
                    pending.Add(r.GetInt64(4));
                    attempts.Add(r.GetInt32(5));
                    failures.Add(r.GetInt32(6));
                }
            }
            return new ParentOrderRecord(header.Order, header.Status, header.Filled, slices, pending, attempts, failures, header.Updated);
        }

        public static List<string> ParentIds(SqliteConnection c, SqliteTransaction? tx, ParentOrderStatus status)
            => Rows(c, tx, r => r.GetString(0), "SELECT parent_id FROM parent_orders WHERE status = $s ORDER BY parent_id", ("$s", status.ToString()));

        public static List<ChildOrderRecord> Children(SqliteConnection c, SqliteTransaction? tx, string parentId)
            => Rows(c, tx, r => new ChildOrderRecord(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
                    ReadReal(r, 6), ReadEnum<ChildOrderState>(r, 7), ReadEnum<CancelReason>(r, 8), ReadInstant(r, 9), ReadText(r, 10)),
                @"SELECT client_order_id, parent_id, slice_index, attempt, quantity, filled, average_fill_price, state, cancel_reason, updated_utc, message
FROM child_orders WHERE parent_id = $id ORDER BY seq", ("$id", parentId));

        public static List<ChildTransition> Transitions(SqliteConnection c, SqliteTransaction? tx, string parentId)
            => Rows(c, tx, r => new ChildTransition(r.GetString(0), r.IsDBNull(1) ? (ChildOrderState?)null : ReadEnum<ChildOrderState>(r, 1),
                    ReadEnum<ChildOrderState>(r, 2), r.GetInt32(3), ReadInstant(r, 4), r.GetString(5)),
                @"SELECT t.client_order_id, t.from_state, t.to_state, t.filled, t.time_utc, t.note FROM child_transitions t
JOIN child_orders o ON o.client_order_id = t.client_order_id WHERE o.parent_id = $id ORDER BY t.seq", ("$id", parentId));

        private const string FillColumns = "execution_id, client_order_id, instrument, side, quantity, price, commission, time_utc";

        private static FillRecord Fill(SqliteDataReader r)
            => new FillRecord(r.GetString(0), r.GetString(1), r.GetString(2), ReadEnum<OrderSide>(r, 3), r.GetInt64(4), ReadMoney(r, 5),
                ReadMoney(r, 6), ReadInstant(r, 7));

        public static FillRecord? LoadFill(SqliteConnection c, SqliteTransaction? tx, string executionId)
            => Single(c, tx, Fill, $"SELECT {FillColumns} FROM fills WHERE execution_id = $id", ("$id", executionId));

        public static List<FillRecord> FillsForOrder(SqliteConnection c, SqliteTransaction? tx, string clientOrderId)
            => Rows(c, tx, Fill, $"SELECT {FillColumns} FROM fills WHERE client_order_id = $id ORDER BY time_utc, execution_id", ("$id", clientOrderId));

        public static List<FillRecord> Fills(SqliteConnection c, SqliteTransaction? tx, DateTime fromUtc, DateTime toUtc)
            => Rows(c, tx, Fill, $"SELECT {FillColumns} FROM fills WHERE time_utc >= $from AND time_utc < $to ORDER BY time_utc, execution_id",
                ("$from", Instant(fromUtc, nameof(fromUtc))), ("$to", Instant(toUtc, nameof(toUtc))));

        public static List<AlertRecord> Alerts(SqliteConnection c, SqliteTransaction? tx, DateTime fromUtc, DateTime toUtc)
            => Rows(c, tx, r => new AlertRecord(ReadInstant(r, 0), ReadEnum<AlertSeverity>(r, 1), r.GetString(2), r.GetString(3)),
                "SELECT time_utc, severity, source, message FROM alerts WHERE time_utc >= $from AND time_utc < $to ORDER BY seq",
                ("$from", Instant(fromUtc, nameof(fromUtc))), ("$to", Instant(toUtc, nameof(toUtc))));

        public static List<DailyPerformanceRecord> DailyPerformance(SqliteConnection c, SqliteTransaction? tx, string portfolio, DateTime fromDate, DateTime toDate)
            => Rows(c, tx, r => new DailyPerformanceRecord(r.GetString(0), ReadDate(r, 1), ReadMoney(r, 2), ReadMoney(r, 3), ReadMoney(r, 4),
                    ReadMoney(r, 5), ReadMoney(r, 6), ReadMoney(r, 7), ReadMoney(r, 8)),
                @"SELECT portfolio, date, equity, pnl, realized_pnl, unrealized_pnl, commissions, turnover, cash_flow FROM daily_performance
WHERE portfolio = $p AND date >= $from AND date <= $to ORDER BY date", ("$p", portfolio), ("$from", Date(fromDate.Date)), ("$to", Date(toDate.Date)));

        public static RebalanceRecord? Rebalance(SqliteConnection c, SqliteTransaction? tx, string rebalanceId)
        {
            var header = Single(c, tx, r => new { Portfolio = r.GetString(0), Time = ReadInstant(r, 1), Reason = r.GetString(2) },
                "SELECT portfolio, time_utc, reason FROM rebalances WHERE rebalance_id = $id", ("$id", rebalanceId));
            if (header == null) return null;
            var targets = Rows(c, tx, Target, @"SELECT portfolio, instrument, time_utc, weight, reason FROM targets
WHERE rebalance_id = $id ORDER BY instrument, time_utc", ("$id", rebalanceId));
            var parents = Rows(c, tx, r => r.GetString(0), "SELECT parent_id FROM rebalance_parents WHERE rebalance_id = $id ORDER BY position",
                ("$id", rebalanceId));
            return new RebalanceRecord(rebalanceId, header.Portfolio, header.Time, header.Reason, targets, parents);
        }
    }
}
