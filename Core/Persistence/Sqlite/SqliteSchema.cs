using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Persistence.Sqlite
{
    /// <summary>
    /// The ordered schema migrations. A database records every applied step in <c>schema_version</c>; opening it applies
    /// the missing steps in order, each in its own transaction with its version row, so a crash mid-migration leaves the
    /// previous version intact. New versions are appended here and never edit an earlier step.
    /// Tables are STRICT (SQLite 3.37+): a value of the wrong type is refused instead of stored.
    /// </summary>
    internal static class SqliteSchema
    {
        /// <summary>The schema version this code writes and the highest it can open.</summary>
        public const int Latest = 1;

        public static IReadOnlyList<SqliteMigration> Migrations { get; } = new[]
        {
            SqliteMigration.FromSql(1, "portfolio configs, positions, targets, execution state, fills, alerts, daily performance, rebalances", V1),
        };

        private const string V1 = @"
CREATE TABLE portfolio_configs (
    portfolio TEXT NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    schema_name TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    config_json TEXT NOT NULL,
    saved_utc TEXT NOT NULL,
    PRIMARY KEY (portfolio, revision)
) STRICT;

CREATE TABLE position_snapshots (
    portfolio TEXT NOT NULL,
    instrument TEXT NOT NULL,
    time_utc TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    average_price TEXT NOT NULL,
    PRIMARY KEY (portfolio, instrument, time_utc)
) STRICT;

CREATE TABLE rebalances (
    rebalance_id TEXT NOT NULL PRIMARY KEY,
    portfolio TEXT NOT NULL,
    time_utc TEXT NOT NULL,
    reason TEXT NOT NULL
) STRICT;

CREATE TABLE targets (
    portfolio TEXT NOT NULL,
    instrument TEXT NOT NULL,
    time_utc TEXT NOT NULL,
    weight REAL NOT NULL,
    reason TEXT NOT NULL,
    rebalance_id TEXT NULL REFERENCES rebalances (rebalance_id),
    PRIMARY KEY (portfolio, instrument, time_utc)
) STRICT;
CREATE INDEX ix_targets_portfolio_time ON targets (portfolio, time_utc);
CREATE INDEX ix_targets_rebalance ON targets (rebalance_id);

CREATE TABLE parent_orders (
    parent_id TEXT NOT NULL PRIMARY KEY,
    instrument TEXT NOT NULL,
    side TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    status TEXT NOT NULL,
    filled INTEGER NOT NULL,
    updated_utc TEXT NOT NULL
) STRICT;

CREATE TABLE parent_slices (
    parent_id TEXT NOT NULL REFERENCES parent_orders (parent_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    slice_index INTEGER NOT NULL,
    start_utc TEXT NOT NULL,
    deadline_utc TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    failures INTEGER NOT NULL,
    PRIMARY KEY (parent_id, position)
) STRICT;

CREATE TABLE rebalance_parents (
    rebalance_id TEXT NOT NULL REFERENCES rebalances (rebalance_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    parent_id TEXT NOT NULL REFERENCES parent_orders (parent_id),
    PRIMARY KEY (rebalance_id, position),
    UNIQUE (rebalance_id, parent_id)
) STRICT;

CREATE TABLE child_orders (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    client_order_id TEXT NOT NULL UNIQUE,
    parent_id TEXT NOT NULL,
    slice_index INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    filled INTEGER NOT NULL,
    average_fill_price REAL NULL,
    state TEXT NOT NULL,
    cancel_reason TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    message TEXT NULL
) STRICT;
CREATE INDEX ix_child_orders_parent ON child_orders (parent_id, seq);

CREATE TABLE child_transitions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    client_order_id TEXT NOT NULL REFERENCES child_orders (client_order_id),
    from_state TEXT NULL,
    to_state TEXT NOT NULL,
    filled INTEGER NOT NULL,
    time_utc TEXT NOT NULL,
    note TEXT NOT NULL
) STRICT;
CREATE INDEX ix_child_transitions_order ON child_transitions (client_order_id, seq);

CREATE TABLE fills (
    execution_id TEXT NOT NULL PRIMARY KEY,
    client_order_id TEXT NOT NULL,
    instrument TEXT NOT NULL,
    side TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    price TEXT NOT NULL,
    commission TEXT NOT NULL,
    time_utc TEXT NOT NULL
) STRICT;
CREATE INDEX ix_fills_order ON fills (client_order_id, time_utc);
CREATE INDEX ix_fills_time ON fills (time_utc);

CREATE TABLE alerts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    time_utc TEXT NOT NULL,
    severity TEXT NOT NULL,
    source TEXT NOT NULL,
    message TEXT NOT NULL
) STRICT;
CREATE INDEX ix_alerts_time ON alerts (time_utc);

CREATE TABLE daily_performance (
    portfolio TEXT NOT NULL,
    date TEXT NOT NULL,
    equity TEXT NOT NULL,
    pnl TEXT NOT NULL,
    realized_pnl TEXT NOT NULL,
    unrealized_pnl TEXT NOT NULL,
    commissions TEXT NOT NULL,
    turnover TEXT NOT NULL,
    cash_flow TEXT NOT NULL,
    PRIMARY KEY (portfolio, date)
) STRICT;
";
    }
}
