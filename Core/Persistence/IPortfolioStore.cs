using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;

namespace NinjaTraderPortfolio.Core.Persistence
{
    /// <summary>
    /// Durable state of the portfolios: configurations, position snapshots, targets, execution state (it is the
    /// executor's <see cref="IExecutionStore"/>), fills, alerts and daily performance. Safe to call from several threads.
    /// Every single write is atomic; several writes that belong together go through <see cref="BeginTransaction"/> or
    /// <see cref="IPortfolioWriter.WriteRebalance"/>. Reads see committed data only. Times are UTC.
    /// </summary>
    public interface IPortfolioStore : IExecutionStore, IPortfolioWriter, IDisposable
    {
        /// <summary>Upserts a parent order snapshot with its whole plan, in its own transaction (one member for both base interfaces).</summary>
        new void SaveParent(ParentOrderRecord parent);

        /// <summary>Upserts the child snapshot and appends its transition in one transaction (one member for both base interfaces).</summary>
        new void RecordChild(ChildOrderRecord child, ChildTransition transition);

        /// <summary>Starts a unit of work; commit it, or dispose it to discard everything written through it.</summary>
        IPortfolioTransaction BeginTransaction();

        /// <summary>Names of the portfolios with a stored configuration, ordinal order.</summary>
        IReadOnlyList<string> LoadPortfolioNames();

        /// <summary>The highest revision of a portfolio's configuration, or null when none is stored.</summary>
        PortfolioConfigRecord? LoadConfig(string portfolio);

        /// <summary>One revision of a portfolio's configuration, or null when not stored.</summary>
        PortfolioConfigRecord? LoadConfig(string portfolio, int revision);

        /// <summary>For each instrument of the portfolio, its latest snapshot at or before <paramref name="asOfUtc"/> (ordered by instrument).</summary>
        IReadOnlyList<PositionSnapshot> LoadPositions(string portfolio, DateTime asOfUtc);

        /// <summary>All snapshots of one instrument of a portfolio, oldest first.</summary>
        IReadOnlyList<PositionSnapshot> LoadPositionHistory(string portfolio, string instrument);

        /// <summary>
        /// The portfolio's latest target set at or before <paramref name="asOfUtc"/>: every target carrying the latest
        /// target time (ordered by instrument). Empty when none.
        /// </summary>
        IReadOnlyList<TargetRecord> LoadTargets(string portfolio, DateTime asOfUtc);

        /// <summary>The transitions of every child of a parent, in the order they were recorded.</summary>
        IReadOnlyList<ChildTransition> LoadTransitions(string parentId);

        /// <summary>The fill with this execution id, or null.</summary>
        FillRecord? LoadFill(string executionId);

        /// <summary>Fills of one client order, in time order (ties by execution id).</summary>
        IReadOnlyList<FillRecord> LoadFillsForOrder(string clientOrderId);

        /// <summary>Fills with <paramref name="fromUtc"/> &lt;= time &lt; <paramref name="toUtc"/>, in time order (ties by execution id).</summary>
        IReadOnlyList<FillRecord> LoadFills(DateTime fromUtc, DateTime toUtc);

        /// <summary>Alerts with <paramref name="fromUtc"/> &lt;= time &lt; <paramref name="toUtc"/>, in order of arrival.</summary>
        IReadOnlyList<AlertRecord> LoadAlerts(DateTime fromUtc, DateTime toUtc);

        /// <summary>Performance history of a portfolio for dates in [<paramref name="fromDate"/>, <paramref name="toDate"/>], oldest first.</summary>
        IReadOnlyList<DailyPerformanceRecord> LoadDailyPerformance(string portfolio, DateTime fromDate, DateTime toDate);

        /// <summary>A stored rebalance, or null when unknown.</summary>
        RebalanceRecord? LoadRebalance(string rebalanceId);
    }
}
