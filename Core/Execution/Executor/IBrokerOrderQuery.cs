using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution
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
    public sealed class BrokerOrderSnapshot
    {
        /// <summary>Creates the snapshot.</summary>
        public BrokerOrderSnapshot(string clientOrderId, string instrument, OrderSide side, int quantity, OrderUpdateKind state, int filled, double averageFillPrice, string? message = null)
        {
            ClientOrderId = clientOrderId; Instrument = instrument; Side = side; Quantity = quantity; State = state; Filled = filled;
            AverageFillPrice = averageFillPrice; Message = message;
        }

        /// <summary>Client id.</summary>
        public string ClientOrderId { get; }
        /// <summary>Instrument name.</summary>
        public string Instrument { get; }
        /// <summary>Buy or sell.</summary>
        public OrderSide Side { get; }
        /// <summary>Ordered whole units.</summary>
        public int Quantity { get; }
        /// <summary>Current state at the broker (Accepted = working with no fill).</summary>
        public OrderUpdateKind State { get; }
        /// <summary>Cumulative filled whole units.</summary>
        public int Filled { get; }
        /// <summary>Average fill price, currency per unit (NaN when nothing filled).</summary>
        public double AverageFillPrice { get; }
        /// <summary>Reject reason or other broker text.</summary>
        public string? Message { get; }

        /// <summary>The snapshot as an order event, for replaying it into an executor.</summary>
        public OrderUpdate ToUpdate(System.DateTime time, string? note = null)
            => new OrderUpdate(ClientOrderId, State, Filled, AverageFillPrice, time, Message ?? note);
    }
}
