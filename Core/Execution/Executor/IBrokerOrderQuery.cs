using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Executor
{
    /// <summary>
    /// "Which of my orders do you have": the broker's own view of orders, by client id, as NinjaTrader's
    /// <c>Account.Orders</c> answers it (match on <c>Order.Name</c> = client id). Used after a restart to reconcile the
    /// execution store with what the broker really holds. Implemented by the simulated broker (<c>NinjaTraderPortfolio.Simulation.SimulatedBroker</c>, a separate assembly) and by the NinjaTrader account adapter.
    /// </summary>
    public interface IBrokerOrderQuery
    {
        /// <summary>The broker's state of the order, or null when the broker never accepted an order with this id.</summary>
        BrokerOrderSnapshot? FindOrder(string clientOrderId);

        /// <summary>Every order the broker holds, in acceptance order.</summary>
        IReadOnlyList<BrokerOrderSnapshot> Orders { get; }
    }

    /// <summary>The broker's record of one order.</summary>
    /// <param name="ClientOrderId">Client id.</param>
    /// <param name="Instrument">Instrument name.</param>
    /// <param name="Side">Buy or sell.</param>
    /// <param name="Quantity">Ordered whole units.</param>
    /// <param name="State">Current state at the broker (Accepted = working with no fill).</param>
    /// <param name="Filled">Cumulative filled whole units.</param>
    /// <param name="AverageFillPrice">Average fill price, currency per unit (NaN when nothing filled).</param>
    /// <param name="Message">Reject reason or other broker text.</param>
    public sealed record BrokerOrderSnapshot(
        string ClientOrderId, string Instrument, OrderSide Side, int Quantity, OrderUpdateKind State, int Filled, double AverageFillPrice,
        string? Message = null)
    {
        /// <summary>The snapshot as an order event, for replaying it into an executor.</summary>
        public OrderUpdate ToUpdate(System.DateTime time, string? note = null)
            => new OrderUpdate(ClientOrderId, State, Filled, AverageFillPrice, time, Message ?? note);
    }
}
