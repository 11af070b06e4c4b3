using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;
using NinjaTraderPortfolio.Core.Execution.Executor;

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
        private readonly HashSet<Order> adopted = new HashSet<Order>();

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

        /// <summary>Follows a historical order that NinjaTrader replaced with a realtime one at the transition (GetRealtimeOrder).</summary>
        public void Remap(Order previous, Order current) => tracker.Remap(previous, current);

        /// <summary>
        /// Tracks an order found in Account.Orders after a restart (sent by an earlier run under <paramref name="clientOrderId"/>).
        /// Its events reach this script only through the account's events: forward them with <see cref="OnAccountOrderUpdate"/>
        /// and <see cref="OnAccountExecution"/>.
        /// </summary>
        public void Adopt(string clientOrderId, Order order)
        {
            tracker.Adopt(clientOrderId, order);
            lock (adopted) adopted.Add(order);
        }

        /// <summary>True when <paramref name="order"/> was adopted after a restart (its events come from the account).</summary>
        public bool IsAdopted(Order order)
        {
            if (order == null) return false;
            lock (adopted) return adopted.Contains(order);
        }

        /// <summary>Forward of Account.OrderUpdate; only adopted orders are taken (this run's own orders come through OnOrderUpdate).</summary>
        public void OnAccountOrderUpdate(Order order, OrderState orderState, int filled, DateTime time, string nativeError)
        {
            if (IsAdopted(order)) OnOrderUpdate(order, orderState, filled, time, nativeError);
        }

        /// <summary>Forward of Account.ExecutionUpdate; only adopted orders are taken.</summary>
        public void OnAccountExecution(Order order, double price, int quantity, DateTime time)
        {
            if (IsAdopted(order)) OnExecutionUpdate(order, price, quantity, time);
        }

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
