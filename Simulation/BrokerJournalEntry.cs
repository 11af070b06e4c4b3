using System;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Simulation
{
    /// <summary>
    /// One accepted child order as the simulated broker's journal keeps it: one JSON line
    /// <c>{"clientOrderId":..., "instrument":..., "side":"Buy"|"Sell", "quantity":n, "price":p}</c>.
    /// <see cref="Price"/> is the execution price decided at acceptance (currency per unit), so a restarted broker
    /// reports the same average fill price. A record: entries with equal fields are equal (decimal equality, so 10 = 10.00).
    /// </summary>
    public sealed record BrokerJournalEntry
    {
        /// <summary>Creates the entry; quantity must be &gt; 0 and price &gt; 0.</summary>
        public BrokerJournalEntry(string clientOrderId, string instrument, OrderSide side, int quantity, decimal price)
        {
            ClientOrderId = Guard.NotBlank(clientOrderId, nameof(clientOrderId));
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            Side = side;
            Quantity = Guard.Positive(quantity, nameof(quantity));
            Price = Guard.Positive(price, nameof(price));
        }

        /// <summary>Client order id (the executor's "&lt;parent&gt;-&lt;slice&gt;-&lt;attempt&gt;").</summary>
        public string ClientOrderId { get; }
        /// <summary>Instrument name.</summary>
        public string Instrument { get; }
        /// <summary>Buy or sell.</summary>
        public OrderSide Side { get; }
        /// <summary>Ordered whole units.</summary>
        public int Quantity { get; }
        /// <summary>Execution price, currency per unit.</summary>
        public decimal Price { get; }
    }
}
