using System;
using NinjaTraderPortfolio.Core.Safety;

namespace NinjaTraderPortfolio.Core.Execution.Session
{
    /// <summary>Settings of an <see cref="ExecutionSession"/>.</summary>
    public sealed class ExecutionSessionOptions
    {
        /// <summary>Account the orders are for (default Sim101); see <see cref="AccountClassifier"/> for what counts as live.</summary>
        public string Account { get; set; } = "Sim101";

        /// <summary>Trading limits (<see cref="TradingGuard"/>); validated when the session is created.</summary>
        public TradingLimits Limits { get; set; } = new TradingLimits();

        /// <summary>Re-sends allowed per slice after a reject or failed submit before a parent halts (default 3).</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>Length of a catch-up slice appended when a remainder has no later slice (null: the executor's default).</summary>
        public TimeSpan? CatchUpWindow { get; set; }

        /// <summary>Currency per point per unit of an instrument (default 1).</summary>
        public Func<string, decimal>? PointValue { get; set; }

        /// <summary>A path that trips the kill switch as soon as anything exists there (file, folder, link, FIFO); null for none.</summary>
        public string? KillPath { get; set; }

        /// <summary>
        /// The day's usage the session's guard judges and counts against (account-wide and per instrument), shared with
        /// other sessions; its clock sets the day boundary. Null (default): the session's own, on the session's clock.
        /// The strategy shares one across its rebalances (its daily caps per instrument, UTC day of the bar time).
        /// </summary>
        public DailyUsage? DailyUsage { get; set; }

        /// <summary>An optional extra pre-trade risk check.</summary>
        public IRiskLimitCheck? RiskLimit { get; set; }
    }
}
