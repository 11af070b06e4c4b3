using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// The order bookkeeping both gateways share: client id &lt;-&gt; NinjaTrader Order (matched by object; by name only while
    /// its submit call has not returned, since NinjaTrader may raise the first events inside it), and NinjaTrader events
    /// turned into Core <see cref="OrderUpdate"/>s. Fills are summed from executions (by-value quantity and price), so a
    /// repeated order-state event cannot double a fill; Accepted/Working, Cancelled (with what filled) and Rejected come
    /// from order updates; other states (Submitted, pending changes/cancels) are not forwarded.
    /// </summary>
    public sealed class ChildOrderTracker
    {
        private readonly object gate = new object();
        private readonly Dictionary<string, Order> ordersById = new Dictionary<string, Order>(StringComparer.Ordinal);
        private readonly Dictionary<Order, ChildFill> children = new Dictionary<Order, ChildFill>();
        private readonly HashSet<string> submitting = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Call before sending the order named <paramref name="clientOrderId"/>.</summary>
        public void BeginSubmit(string clientOrderId)
        {
            lock (gate) submitting.Add(clientOrderId);
        }

        /// <summary>Call after the send returned (<paramref name="sent"/> null when nothing was sent).</summary>
        public void EndSubmit(string clientOrderId, Order sent)
        {
            lock (gate)
            {
                submitting.Remove(clientOrderId);
                if (sent != null) Register(clientOrderId, sent);
            }
        }

        /// <summary>The order sent under <paramref name="clientOrderId"/>; throws when there is none.</summary>
        public Order Find(string clientOrderId)
        {
            lock (gate)
                if (clientOrderId != null && ordersById.TryGetValue(clientOrderId, out Order order)) return order;
            throw new InvalidOperationException("no order was sent with client id '" + clientOrderId + "'");
        }

        /// <summary>Every order sent, by client id (a copy).</summary>
        public IReadOnlyDictionary<string, Order> Orders
        {
            get { lock (gate) return new Dictionary<string, Order>(ordersById, StringComparer.Ordinal); }
        }

        /// <summary>The Core event for an order-state change, or null (not ours, or a state that is not forwarded).</summary>
        public OrderUpdate OnOrderState(Order order, OrderState state, int filled, DateTime time, string nativeError)
        {
            lock (gate)
            {
                ChildFill child = Resolve(order);
                if (child == null) return null;
                switch (state)
                {
                    case OrderState.Accepted:
                    case OrderState.Working:
                        return Update(child, OrderUpdateKind.Accepted, time, null);
                    case OrderState.Cancelled:
                        child.CancelledFilled = Math.Max(child.CancelledFilled, filled);
                        return Update(child, OrderUpdateKind.Cancelled, time, nativeError);
                    case OrderState.Rejected:
                        return Update(child, OrderUpdateKind.Rejected, time, string.IsNullOrEmpty(nativeError) ? "rejected" : nativeError);
                    default:
                        return null;
                }
            }
        }

        /// <summary>The Core event for one execution of <paramref name="quantity"/> at <paramref name="price"/> (PartFilled or Filled), or null.</summary>
        public OrderUpdate OnExecution(Order order, double price, int quantity, DateTime time)
        {
            lock (gate)
            {
                ChildFill child = Resolve(order);
                if (child == null || quantity <= 0) return null;
                child.AveragePrice = (child.AveragePrice * child.Filled + price * quantity) / (child.Filled + quantity);
                child.Filled += quantity;
                return Update(child, child.Filled >= order.Quantity ? OrderUpdateKind.Filled : OrderUpdateKind.PartFilled, time, null);
            }
        }

        /// <summary>
        /// Replaces the Order object tracked for a child by <paramref name="current"/> (the realtime order NinjaTrader made
        /// from a historical one, <c>GetRealtimeOrder</c>); what it filled so far is kept. No-op when <paramref name="previous"/> is not tracked.
        /// </summary>
        public void Remap(Order previous, Order current)
        {
            if (previous == null || current == null || ReferenceEquals(previous, current)) return;
            lock (gate)
            {
                if (!children.TryGetValue(previous, out ChildFill child)) return;
                children.Remove(previous);
                children[current] = child;
                ordersById[child.ClientOrderId] = current;
            }
        }

        /// <summary>Tracks <paramref name="order"/> (sent before a restart, found in Account.Orders by name) under <paramref name="clientOrderId"/>, with what it filled so far.</summary>
        public void Adopt(string clientOrderId, Order order)
        {
            if (order == null) throw new ArgumentNullException(nameof(order));
            lock (gate)
            {
                Register(clientOrderId, order);
                ChildFill child = children[order];
                if (child.Filled == 0 && order.Filled > 0)
                {
                    child.Filled = order.Filled;
                    child.AveragePrice = order.AverageFillPrice;
                }
            }
        }

        /// <summary>True when <paramref name="order"/> is tracked (sent or adopted by this gateway).</summary>
        public bool Tracks(Order order)
        {
            if (order == null) return false;
            lock (gate) return children.ContainsKey(order);
        }

        private void Register(string clientOrderId, Order order)
        {
            ordersById[clientOrderId] = order;
            if (!children.ContainsKey(order)) children[order] = new ChildFill(clientOrderId);
        }

        private ChildFill Resolve(Order order)
        {
            if (order == null) return null;
            if (children.TryGetValue(order, out ChildFill child)) return child;
            if (order.Name != null && submitting.Contains(order.Name))
            {
                Register(order.Name, order);
                return children[order];
            }
            // Historical -> realtime handover: NinjaTrader replaces a backtest order still working at the transition with a
            // new realtime Order object of the same name (Help Guide: GetRealtimeOrder). Re-key it so its fills are not lost.
            if (order.Name != null && !order.IsBacktestOrder && ordersById.TryGetValue(order.Name, out Order previous) && previous.IsBacktestOrder)
            {
                Remap(previous, order);
                return children[order];
            }
            return null;
        }

        private static OrderUpdate Update(ChildFill child, OrderUpdateKind kind, DateTime time, string message)
        {
            int filled = Math.Max(child.Filled, child.CancelledFilled);
            return new OrderUpdate(child.ClientOrderId, kind, filled, child.Filled > 0 ? child.AveragePrice : double.NaN, time, message);
        }

        private sealed class ChildFill
        {
            internal ChildFill(string clientOrderId) => ClientOrderId = clientOrderId;

            internal string ClientOrderId { get; }
            internal int Filled { get; set; }
            internal int CancelledFilled { get; set; }
            internal double AveragePrice { get; set; }
        }
    }
}
