using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;
using NinjaTraderPortfolio.Core.Execution;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// Core's <see cref="IOrderGateway"/> over a strategy's unmanaged order methods (IsUnmanaged = true): Submit sends a
    /// market order through <c>SubmitOrderUnmanaged(..., signalName: clientOrderId)</c>, Cancel/Change call
    /// <c>CancelOrder</c>/<c>ChangeOrder</c>. The strategy forwards OnOrderUpdate to <see cref="OnOrderUpdate"/> and
    /// OnExecutionUpdate to <see cref="OnExecutionUpdate"/>, which drives the fills (see <see cref="ChildOrderTracker"/>).
    /// </summary>
    public sealed class UnmanagedOrderGateway : IOrderGateway
    {
        private readonly Func<ChildOrderRequest, Order> submit;
        private readonly Action<Order, int> change;
        private readonly Action<Order> cancel;
        private readonly ChildOrderTracker tracker = new ChildOrderTracker();

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
        public IReadOnlyDictionary<string, Order> Orders => tracker.Orders;

        /// <inheritdoc />
        public void Submit(ChildOrderRequest order)
        {
            if (order == null) throw new ArgumentNullException(nameof(order));
            tracker.BeginSubmit(order.ClientOrderId);
            Order sent = null;
            try
            {
                sent = submit(order);
            }
            finally
            {
                tracker.EndSubmit(order.ClientOrderId, sent);
            }
            if (sent == null)
                throw new InvalidOperationException("NinjaTrader did not process the order '" + order.ClientOrderId + "' (SubmitOrderUnmanaged returned null)");
        }

        /// <inheritdoc />
        public void Cancel(string clientOrderId) => cancel(tracker.Find(clientOrderId));

        /// <inheritdoc />
        public void Change(string clientOrderId, int newQuantity) => change(tracker.Find(clientOrderId), newQuantity);

        /// <summary>Forward of the strategy's OnOrderUpdate (its by-value arguments).</summary>
        public void OnOrderUpdate(Order order, OrderState orderState, int filled, DateTime time, string nativeError) =>
            Raise(tracker.OnOrderState(order, orderState, filled, time, nativeError));

        /// <summary>Forward of the strategy's OnExecutionUpdate: one fill of <paramref name="quantity"/> at <paramref name="price"/>.</summary>
        public void OnExecutionUpdate(Order order, double price, int quantity, DateTime time) =>
            Raise(tracker.OnExecution(order, price, quantity, time));

        private void Raise(OrderUpdate update)
        {
            if (update != null) OrderUpdated?.Invoke(this, update);
        }
    }
}
