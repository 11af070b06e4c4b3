using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>
    /// Everything one rebalance decides, written in one transaction by <see cref="IPortfolioWriter.WriteRebalance"/>:
    /// the new targets, the parent orders to execute (with their plans), optionally the positions it started from and
    /// alerts it raised. Targets and positions must belong to <see cref="Portfolio"/>; parent ids must be distinct.
    /// </summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    public sealed record RebalanceBatch
    {
        /// <summary>Creates the batch; lists are copied.</summary>
        public RebalanceBatch(string rebalanceId, string portfolio, DateTime timeUtc, string reason, IReadOnlyList<TargetRecord> targets,
            IReadOnlyList<ParentOrderRecord> parents, IReadOnlyList<PositionSnapshot>? positions = null, IReadOnlyList<AlertRecord>? alerts = null)
        {
            RebalanceId = Guard.NotBlank(rebalanceId, nameof(rebalanceId));
            Portfolio = Guard.NotBlank(portfolio, nameof(portfolio));
            TimeUtc = StoreTime.RequireUtc(timeUtc, nameof(timeUtc));
            Reason = Guard.NotNull(reason, nameof(reason));
            Targets = Copy(targets, nameof(targets));
            Parents = Copy(parents, nameof(parents));
            Positions = Copy(positions ?? Array.Empty<PositionSnapshot>(), nameof(positions));
            Alerts = Copy(alerts ?? Array.Empty<AlertRecord>(), nameof(alerts));
            foreach (var t in Targets)
                if (t.Portfolio != Portfolio)
                    throw new ArgumentException($"target for '{t.Instrument}' belongs to portfolio '{t.Portfolio}', not '{Portfolio}'", nameof(targets));
            foreach (var p in Positions)
                if (p.Portfolio != Portfolio)
                    throw new ArgumentException($"position in '{p.Instrument}' belongs to portfolio '{p.Portfolio}', not '{Portfolio}'", nameof(positions));
            var duplicate = Parents.GroupBy(p => p.Order.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new ArgumentException($"parent order '{duplicate.Key}' appears twice in rebalance '{RebalanceId}'", nameof(parents));
        }

        /// <summary>Unique id of the rebalance (e.g. "main-2024-06-03T15:00Z").</summary>
        public string RebalanceId { get; }
        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>When the rebalance was decided (UTC).</summary>
        public DateTime TimeUtc { get; }
        /// <summary>Why it happened (calendar, drift trigger, manual...).</summary>
        public string Reason { get; }
        /// <summary>New target weights.</summary>
        public IReadOnlyList<TargetRecord> Targets { get; }
        /// <summary>Parent orders with their execution plans.</summary>
        public IReadOnlyList<ParentOrderRecord> Parents { get; }
        /// <summary>Positions the rebalance started from (may be empty).</summary>
        public IReadOnlyList<PositionSnapshot> Positions { get; }
        /// <summary>Alerts raised while planning (may be empty).</summary>
        public IReadOnlyList<AlertRecord> Alerts { get; }

        private static IReadOnlyList<T> Copy<T>(IReadOnlyList<T> items, string name) where T : class
        {
            Guard.NotNull(items, name);
            for (int i = 0; i < items.Count; i++)
                if (items[i] == null) throw new ArgumentNullException(name, $"{name}[{i}] must not be null");
            return items.ToList().AsReadOnly();
        }
    }

    /// <summary>A stored rebalance as read back: header, its targets and the ids of its parent orders in the order written.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    public sealed record RebalanceRecord
    {
        /// <summary>Creates the record.</summary>
        public RebalanceRecord(string rebalanceId, string portfolio, DateTime timeUtc, string reason, IReadOnlyList<TargetRecord> targets,
            IReadOnlyList<string> parentIds)
        {
            RebalanceId = rebalanceId; Portfolio = portfolio; TimeUtc = timeUtc; Reason = reason;
            Targets = targets.ToList().AsReadOnly();
            ParentIds = parentIds.ToList().AsReadOnly();
        }

        /// <summary>Rebalance id.</summary>
        public string RebalanceId { get; }
        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>When it was decided (UTC).</summary>
        public DateTime TimeUtc { get; }
        /// <summary>Why.</summary>
        public string Reason { get; }
        /// <summary>Targets written by this rebalance, by instrument.</summary>
        public IReadOnlyList<TargetRecord> Targets { get; }
        /// <summary>Parent order ids in the order they were written (load each with <see cref="IExecutionStore.LoadParent"/>).</summary>
        public IReadOnlyList<string> ParentIds { get; }
    }
}
