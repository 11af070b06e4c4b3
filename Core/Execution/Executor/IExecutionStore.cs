using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Execution.Executor
{
    /// <summary>
    /// Durable execution state. Every child transition goes through <see cref="RecordChild"/> (snapshot + audit entry, one
    /// transaction in a database implementation); the parent's plan through <see cref="SaveParent"/>. The SQLite
    /// implementation is <c>SqlitePortfolioStore</c> (what every host's live orders use); <see cref="InMemoryExecutionStore"/> serves
    /// tests and the strategy's historical (simulated) bars, which have nothing to persist.
    /// </summary>
    public interface IExecutionStore
    {
        /// <summary>Upserts the parent snapshot.</summary>
        void SaveParent(ParentOrderRecord parent);

        /// <summary>Upserts the child snapshot and appends its transition.</summary>
        void RecordChild(ChildOrderRecord child, ChildTransition transition);

        /// <summary>The parent snapshot, or null when unknown.</summary>
        ParentOrderRecord? LoadParent(string parentId);

        /// <summary>All children of a parent in creation order.</summary>
        IReadOnlyList<ChildOrderRecord> LoadChildren(string parentId);

        /// <summary>Ids of the parents with status <paramref name="status"/>, ordinal order.</summary>
        IReadOnlyList<string> LoadParentIds(ParentOrderStatus status);
    }

    /// <summary>In-memory <see cref="IExecutionStore"/> (thread-safe), also exposing the transition log.</summary>
    public sealed class InMemoryExecutionStore : IExecutionStore
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, ParentOrderRecord> _parents = new Dictionary<string, ParentOrderRecord>(StringComparer.Ordinal);
        private readonly Dictionary<string, ChildOrderRecord> _children = new Dictionary<string, ChildOrderRecord>(StringComparer.Ordinal);
        private readonly List<string> _childOrder = new List<string>();
        private readonly List<ChildTransition> _transitions = new List<ChildTransition>();

        /// <inheritdoc />
        public void SaveParent(ParentOrderRecord parent)
        {
            Guard.NotNull(parent, nameof(parent));
            lock (_gate) _parents[parent.Order.Id] = parent;
        }

        /// <inheritdoc />
        public void RecordChild(ChildOrderRecord child, ChildTransition transition)
        {
            Guard.NotNull(child, nameof(child));
            Guard.NotNull(transition, nameof(transition));
            lock (_gate)
            {
                if (!_children.ContainsKey(child.ClientOrderId)) _childOrder.Add(child.ClientOrderId);
                _children[child.ClientOrderId] = child;
                _transitions.Add(transition);
            }
        }

        /// <inheritdoc />
        public ParentOrderRecord? LoadParent(string parentId)
        {
            lock (_gate) return _parents.TryGetValue(parentId, out var p) ? p : null;
        }

        /// <inheritdoc />
        public IReadOnlyList<ChildOrderRecord> LoadChildren(string parentId)
        {
            lock (_gate) return _childOrder.Select(id => _children[id]).Where(c => c.ParentId == parentId).ToList().AsReadOnly();
        }

        /// <inheritdoc />
        public IReadOnlyList<string> LoadParentIds(ParentOrderStatus status)
        {
            lock (_gate) return _parents.Values.Where(p => p.Status == status).Select(p => p.Order.Id).OrderBy(id => id, StringComparer.Ordinal).ToList().AsReadOnly();
        }

        /// <summary>Every transition recorded, in order.</summary>
        public IReadOnlyList<ChildTransition> Transitions
        {
            get { lock (_gate) return _transitions.ToList().AsReadOnly(); }
        }
    }
}
