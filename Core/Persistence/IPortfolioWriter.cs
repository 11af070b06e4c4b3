using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Persistence.Records;

namespace NinjaTraderPortfolio.Core.Persistence
{
    /// <summary>
    /// The writes a portfolio store accepts. On <see cref="IPortfolioStore"/> each call is its own transaction; on an
    /// <see cref="IPortfolioTransaction"/> the calls are committed together or not at all.
    /// </summary>
    public interface IPortfolioWriter
    {
        /// <summary>Upserts a configuration revision (key: portfolio, revision).</summary>
        void SaveConfig(PortfolioConfigRecord config);

        /// <summary>Upserts a position snapshot (key: portfolio, instrument, time).</summary>
        void SavePosition(PositionSnapshot position);

        /// <summary>Upserts a target (key: portfolio, instrument, time).</summary>
        void SaveTarget(TargetRecord target);

        /// <summary>Upserts a parent order snapshot with its whole plan (slices, pending, attempts, failures).</summary>
        void SaveParent(ParentOrderRecord parent);

        /// <summary>Upserts the child snapshot and appends its transition, both or neither.</summary>
        void RecordChild(ChildOrderRecord child, ChildTransition transition);

        /// <summary>
        /// Stores a fill; returns false (and changes nothing) when the same execution id is already stored with the same
        /// fields. Throws <see cref="InvalidInputException"/> when the id is stored with different fields.
        /// </summary>
        bool RecordFill(FillRecord fill);

        /// <summary>Appends an alert and returns its sequence number (increasing in order of arrival).</summary>
        long AppendAlert(AlertRecord alert);

        /// <summary>Upserts one day of performance history (key: portfolio, date).</summary>
        void SaveDailyPerformance(DailyPerformanceRecord day);

        /// <summary>
        /// Writes a whole rebalance: header, targets, parents and links, positions, alerts. Throws
        /// <see cref="InvalidInputException"/> when a rebalance with the same id is already stored.
        /// </summary>
        void WriteRebalance(RebalanceBatch rebalance);
    }
}
