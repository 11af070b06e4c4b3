using System;
using Microsoft.Data.Sqlite;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;
using static NinjaTraderPortfolio.Core.Persistence.Sqlite.SqliteSql;
using static NinjaTraderPortfolio.Core.Persistence.Sqlite.SqliteValues;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>The store's writes, each run inside the caller's transaction (the store's own or a unit of work).</summary>
    internal static class SqliteWrites
    {
        public static void SaveConfig(SqliteConnection c, SqliteTransaction tx, PortfolioConfigRecord r)
        {
            Guard.NotNull(r, "config");
            Execute(c, tx, @"INSERT INTO portfolio_configs (portfolio, revision, schema_name, schema_version, config_json, saved_utc)
VALUES ($p, $rev, $sn, $sv, $json, $t)
ON CONFLICT (portfolio, revision) DO UPDATE SET schema_name = excluded.schema_name, schema_version = excluded.schema_version,
    config_json = excluded.config_json, saved_utc = excluded.saved_utc",
                ("$p", r.Portfolio), ("$rev", r.Revision), ("$sn", r.SchemaName), ("$sv", r.SchemaVersion), ("$json", r.Json),
                ("$t", Instant(r.SavedUtc, "savedUtc")));
        }

        public static void SavePosition(SqliteConnection c, SqliteTransaction tx, PositionSnapshot r)
        {
            Guard.NotNull(r, "position");
            Execute(c, tx, @"INSERT INTO position_snapshots (portfolio, instrument, time_utc, quantity, average_price) VALUES ($p, $i, $t, $q, $px)
ON CONFLICT (portfolio, instrument, time_utc) DO UPDATE SET quantity = excluded.quantity, average_price = excluded.average_price",
                ("$p", r.Portfolio), ("$i", r.Instrument), ("$t", Instant(r.TimeUtc, "timeUtc")), ("$q", r.Quantity), ("$px", Money(r.AveragePrice)));
        }

        public static void SaveTarget(SqliteConnection c, SqliteTransaction tx, TargetRecord r, string? rebalanceId = null)
        {
            Guard.NotNull(r, "target");
            Execute(c, tx, @"INSERT INTO targets (portfolio, instrument, time_utc, weight, reason, rebalance_id) VALUES ($p, $i, $t, $w, $why, $rb)
ON CONFLICT (portfolio, instrument, time_utc) DO UPDATE SET weight = excluded.weight, reason = excluded.reason,
    rebalance_id = coalesce(excluded.rebalance_id, targets.rebalance_id)",
                ("$p", r.Portfolio), ("$i", r.Instrument), ("$t", Instant(r.TimeUtc, "timeUtc")), ("$w", r.TargetWeight), ("$why", r.Reason), ("$rb", rebalanceId));
        }

        /// <summary>Upserts the parent row and replaces its plan rows (one row per slice with its pending/attempts/failures).</summary>
        public static void SaveParent(SqliteConnection c, SqliteTransaction tx, ParentOrderRecord r)
        {
            Guard.NotNull(r, "parent");
            Guard.NotNull(r.Order, "parent.Order");
            int n = r.Slices.Count;
            if (r.Pending.Count != n || r.Attempts.Count != n || r.Failures.Count != n)
                throw new ArgumentException($"parent order '{r.Order.Id}': slices ({n}), pending ({r.Pending.Count}), attempts ({r.Attempts.Count}) " +
                                            $"and failures ({r.Failures.Count}) must have one entry per slice", "parent");
            string id = r.Order.Id;
            Execute(c, tx, @"INSERT INTO parent_orders (parent_id, instrument, side, quantity, status, filled, updated_utc) VALUES ($id, $i, $s, $q, $st, $f, $t)
ON CONFLICT (parent_id) DO UPDATE SET instrument = excluded.instrument, side = excluded.side, quantity = excluded.quantity,
    status = excluded.status, filled = excluded.filled, updated_utc = excluded.updated_utc",
                ("$id", id), ("$i", r.Order.Instrument), ("$s", r.Order.Side.ToString()), ("$q", r.Order.Quantity), ("$st", r.Status.ToString()),
                ("$f", r.Filled), ("$t", Instant(r.Updated, "parent.Updated")));
            Execute(c, tx, "DELETE FROM parent_slices WHERE parent_id = $id", ("$id", id));
            using var insert = Command(c, tx, @"INSERT INTO parent_slices (parent_id, position, slice_index, start_utc, deadline_utc, quantity, pending, attempts, failures)
VALUES ($id, $pos, $ix, $start, $deadline, $q, $pending, $attempts, $failures)");
            var pPos = insert.Parameters.Add("$pos", SqliteType.Integer);
            var pIx = insert.Parameters.Add("$ix", SqliteType.Integer);
            var pStart = insert.Parameters.Add("$start", SqliteType.Text);
            var pDeadline = insert.Parameters.Add("$deadline", SqliteType.Text);
            var pQ = insert.Parameters.Add("$q", SqliteType.Integer);
            var pPending = insert.Parameters.Add("$pending", SqliteType.Integer);
            var pAttempts = insert.Parameters.Add("$attempts", SqliteType.Integer);
            var pFailures = insert.Parameters.Add("$failures", SqliteType.Integer);
            insert.Parameters.AddWithValue("$id", id);
            for (int k = 0; k < n; k++)
            {
                var s = r.Slices[k];
                pPos.Value = k; pIx.Value = s.Index;
                pStart.Value = Instant(s.Start, "slice.Start"); pDeadline.Value = Instant(s.Deadline, "slice.Deadline");
                pQ.Value = s.Quantity; pPending.Value = r.Pending[k]; pAttempts.Value = r.Attempts[k]; pFailures.Value = r.Failures[k];
                insert.ExecuteNonQuery();
            }
        }

        /// <summary>Upserts the child (creation order kept) and appends the transition, inside the caller's transaction.</summary>
        public static void RecordChild(SqliteConnection c, SqliteTransaction tx, ChildOrderRecord child, ChildTransition transition)
        {
            Guard.NotNull(child, nameof(child));
            Guard.NotNull(transition, nameof(transition));
            if (!string.Equals(child.ClientOrderId, transition.ClientOrderId, StringComparison.Ordinal))
                throw new ArgumentException($"transition is for '{transition.ClientOrderId}' but the child is '{child.ClientOrderId}'", nameof(transition));
            Execute(c, tx, @"INSERT INTO child_orders (client_order_id, parent_id, slice_index, attempt, quantity, filled, average_fill_price, state, cancel_reason, updated_utc, message)
VALUES ($id, $parent, $slice, $attempt, $q, $f, $avg, $state, $cancel, $t, $msg)
ON CONFLICT (client_order_id) DO UPDATE SET parent_id = excluded.parent_id, slice_index = excluded.slice_index, attempt = excluded.attempt,
    quantity = excluded.quantity, filled = excluded.filled, average_fill_price = excluded.average_fill_price, state = excluded.state,
    cancel_reason = excluded.cancel_reason, updated_utc = excluded.updated_utc, message = excluded.message",
                ("$id", Guard.NotBlank(child.ClientOrderId, "child.ClientOrderId")), ("$parent", Guard.NotBlank(child.ParentId, "child.ParentId")),
                ("$slice", child.SliceIndex), ("$attempt", child.Attempt), ("$q", child.Quantity), ("$f", child.Filled),
                ("$avg", Real(child.AverageFillPrice)), ("$state", child.State.ToString()), ("$cancel", child.CancelReason.ToString()),
                ("$t", Instant(child.Updated, "child.Updated")), ("$msg", child.Message));
            Execute(c, tx, @"INSERT INTO child_transitions (client_order_id, from_state, to_state, filled, time_utc, note) VALUES ($id, $from, $to, $f, $t, $note)",
                ("$id", transition.ClientOrderId), ("$from", transition.From?.ToString()), ("$to", transition.To.ToString()), ("$f", transition.Filled),
                ("$t", Instant(transition.Time, "transition.Time")), ("$note", Guard.NotNull(transition.Note, "transition.Note")));
        }

        /// <summary>Inserts the fill unless its execution id is stored; a stored id with other fields is an error.</summary>
        public static bool RecordFill(SqliteConnection c, SqliteTransaction tx, FillRecord r, string path)
        {
            Guard.NotNull(r, "fill");
            int inserted = Execute(c, tx, @"INSERT INTO fills (execution_id, client_order_id, instrument, side, quantity, price, commission, time_utc)
VALUES ($id, $order, $i, $side, $q, $px, $fee, $t) ON CONFLICT (execution_id) DO NOTHING",
                ("$id", r.ExecutionId), ("$order", r.ClientOrderId), ("$i", r.Instrument), ("$side", r.Side.ToString()), ("$q", r.Quantity),
                ("$px", Money(r.Price)), ("$fee", Money(r.Commission)), ("$t", Instant(r.TimeUtc, "timeUtc")));
            if (inserted == 1) return true;
            var stored = SqliteReads.LoadFill(c, tx, r.ExecutionId)!;
            if (stored.Equals(r)) return false;
            throw new InvalidInputException(
                $"execution '{r.ExecutionId}' is already stored in '{path}' with different fields (order {stored.ClientOrderId}, {stored.Side} " +
                $"{stored.Quantity} @ {Money(stored.Price)}); refusing to overwrite it with order {r.ClientOrderId}, {r.Side} {r.Quantity} @ {Money(r.Price)}");
        }

        public static long AppendAlert(SqliteConnection c, SqliteTransaction tx, AlertRecord r)
        {
            Guard.NotNull(r, "alert");
            return (long)Scalar(c, tx, "INSERT INTO alerts (time_utc, severity, source, message) VALUES ($t, $sev, $src, $msg) RETURNING seq",
                ("$t", Instant(r.TimeUtc, "timeUtc")), ("$sev", r.Severity.ToString()), ("$src", r.Source), ("$msg", r.Message))!;
        }

        public static void SaveDailyPerformance(SqliteConnection c, SqliteTransaction tx, DailyPerformanceRecord r)
        {
            Guard.NotNull(r, "day");
            Execute(c, tx, @"INSERT INTO daily_performance (portfolio, date, equity, pnl, realized_pnl, unrealized_pnl, commissions, turnover, cash_flow)
VALUES ($p, $d, $eq, $pnl, $real, $unreal, $fee, $turn, $cash)
ON CONFLICT (portfolio, date) DO UPDATE SET equity = excluded.equity, pnl = excluded.pnl, realized_pnl = excluded.realized_pnl,
    unrealized_pnl = excluded.unrealized_pnl, commissions = excluded.commissions, turnover = excluded.turnover, cash_flow = excluded.cash_flow",
                ("$p", r.Portfolio), ("$d", Date(r.Date)), ("$eq", Money(r.Equity)), ("$pnl", Money(r.Pnl)), ("$real", Money(r.RealizedPnl)),
                ("$unreal", Money(r.UnrealizedPnl)), ("$fee", Money(r.Commissions)), ("$turn", Money(r.Turnover)), ("$cash", Money(r.CashFlow)));
        }

        public static void WriteRebalance(SqliteConnection c, SqliteTransaction tx, RebalanceBatch b, string path)
        {
            Guard.NotNull(b, "rebalance");
            int inserted = Execute(c, tx, @"INSERT INTO rebalances (rebalance_id, portfolio, time_utc, reason) VALUES ($id, $p, $t, $why)
ON CONFLICT (rebalance_id) DO NOTHING",
                ("$id", b.RebalanceId), ("$p", b.Portfolio), ("$t", Instant(b.TimeUtc, "timeUtc")), ("$why", b.Reason));
            if (inserted == 0)
                throw new InvalidInputException($"rebalance '{b.RebalanceId}' is already stored in '{path}'; a rebalance is written once");
            foreach (var p in b.Positions) SavePosition(c, tx, p);
            foreach (var t in b.Targets) SaveTarget(c, tx, t, b.RebalanceId);
            for (int k = 0; k < b.Parents.Count; k++)
            {
                SaveParent(c, tx, b.Parents[k]);
                Execute(c, tx, "INSERT INTO rebalance_parents (rebalance_id, position, parent_id) VALUES ($id, $pos, $parent)",
                    ("$id", b.RebalanceId), ("$pos", k), ("$parent", b.Parents[k].Order.Id));
            }
            foreach (var a in b.Alerts) AppendAlert(c, tx, a);
        }
    }
}
