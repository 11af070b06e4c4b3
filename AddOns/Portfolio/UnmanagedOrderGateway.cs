using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;
using NinjaTraderPortfolio.Core.Execution;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// Core's <see cref="IOrderGateway"/> over a strategy's unmanaged order methods (IsUnmanaged = true): Submit sends a
    /// market order through <c>SubmitOrderUnmanaged(..., signalName: clientOrderId)</c>, Cancel/Change call
    /// <c>CancelOrder</c>/<c>ChangeOrder</c>. The strategy forwards its events: <see cref="OnOrderUpdate"/> from
    /// OnOrderUpdate (Accepted/Working, Cancelled, Rejected) and <see cref="OnExecutionUpdate"/> from OnExecutionUpdate,
    /// which drives fills with the by-value quantity and price (cumulative filled and average price are summed here, so a
    /// duplicate order event cannot double a fill). Orders are matched by object, and by signal name only while the
    /// submit call has not returned yet (NinjaTrader may raise the first events inside it).
    /// </summary>
    public sealed class UnmanagedOrderGateway : IOrderGateway
    {
        private readonly Func<ChildOrderRequest, Order> submit;
        private readonly Action<Order, int> change;
        private readonly Action<Order> cancel;
        private readonly Dictionary<string, Order> ordersById = new Dictionary<string, Order>(StringComparer.Ordinal);
        private readonly Dictionary<Order, ChildFill> children = new Dictionary<Order, ChildFill>();
        private readonly HashSet<string> submitting = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Creates the gateway. <paramref name="submit"/> sends the child (returns the Order, or null when NinjaTrader did
        /// not process it); <paramref name="change"/> changes a working order's quantity; <paramref name="cancel"/> cancels it.
        /// </summary>
        public UnmanagedOrderGateway(Func<ChildOrderRequest, Order> submit, Action<Order, int> change, Action<Order> cancel)
        {
            this.submit = submit ?? throw new ArgumentNullException(nameof(submit));
            this.change = change ?? throw new ArgumentNullException(nameof(change));
            this.cancel = cancel ?? throw new ArgumentNullException(nameof(cancel));
        }

        /// <inheritdoc />
        public event EventHandler<OrderUpdate> OrderUpdated;

        /// <summary>Every order this gateway sent, by client id.</summary>
        public IReadOnlyDictionary<string, Order> Orders => ordersById;

        /// <inheritdoc />
        public void Submit(ChildOrderRequest order)
        {
            if (order == null) throw new ArgumentNullException(nameof(order));
            submitting.Add(order.ClientOrderId);
            Order sent;
            try
            {
                sent = submit(order);
            }
            finally
            {
                submitting.Remove(order.ClientOrderId);
            }
            if (sent == null)
                throw new InvalidOperationException("NinjaTrader did not process the order '" + order.ClientOrderId + "' (SubmitOrderUnmanaged returned null)");
            Register(order.ClientOrderId, sent);
        }

        /// <inheritdoc />
        public void Cancel(string clientOrderId) => cancel(Find(clientOrderId));

        /// <inheritdoc />
        public void Change(string clientOrderId, int newQuantity) => change(Find(clientOrderId), newQuantity);

        /// <summary>Forward of the strategy's OnOrderUpdate (its by-value arguments). Fills are taken from executions, not from here.</summary>
        public void OnOrderUpdate(Order order, OrderState orderState, int filled, DateTime time, string nativeError)
        {
            ChildFill child = Resolve(order);
            if (child == null) return;
            switch (orderState)
            {
                case OrderState.Accepted:
                case OrderState.Working:
                    Raise(child, OrderUpdateKind.Accepted, time, null);
                    break;
                case OrderState.Cancelled:
                    child.Filled = Math.Max(child.Filled, filled);
                    Raise(child, OrderUpdateKind.Cancelled, time, nativeError);
                    break;
                case OrderState.Rejected:
                    Raise(child, OrderUpdateKind.Rejected, time, string.IsNullOrEmpty(nativeError) ? "rejected" : nativeError);
                    break;
            }
        }

        /// <summary>Forward of the strategy's OnExecutionUpdate: one fill of <paramref name="quantity"/> at <paramref name="price"/>.</summary>
        public void OnExecutionUpdate(Order order, double price, int quantity, DateTime time)
        {
            ChildFill child = Resolve(order);
            if (child == null || quantity <= 0) return;
            child.AveragePrice = (child.AveragePrice * child.Filled + price * quantity) / (child.Filled + quantity);
            child.Filled += quantity;
            Raise(child, child.Filled >= order.Quantity ? OrderUpdateKind.Filled : OrderUpdateKind.PartFilled, time, null);
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
            return null;
        }

        private Order Find(string clientOrderId)
        {
            if (clientOrderId != null && ordersById.TryGetValue(clientOrderId, out Order order)) return order;
            throw new InvalidOperationException("no order was sent with client id '" + clientOrderId + "'");
        }

        private void Raise(ChildFill child, OrderUpdateKind kind, DateTime time, string message) =>
            OrderUpdated?.Invoke(this, new OrderUpdate(child.ClientOrderId, kind, child.Filled, child.Filled > 0 ? child.AveragePrice : double.NaN, time, message));

        private sealed class ChildFill
        {
            internal ChildFill(string clientOrderId) => ClientOrderId = clientOrderId;

            internal string ClientOrderId { get; }
            internal int Filled { get; set; }
            internal double AveragePrice { get; set; }
        }
    }
}
