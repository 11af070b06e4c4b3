using System;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>
    /// One execution (fill) reported by the broker. <see cref="ExecutionId"/> is unique: recording the same execution
    /// twice is ignored, so replayed NinjaTrader execution events are harmless. A record: two fills are equal when every
    /// field is (decimals by value, times by ticks), which is how the store tells a replay from a conflicting execution.
    /// </summary>
    public sealed record FillRecord
    {
        /// <summary>Creates the fill; quantity and price must be &gt; 0, commission &gt;= 0.</summary>
        public FillRecord(string executionId, string clientOrderId, string instrument, OrderSide side, long quantity, decimal price,
            decimal commission, DateTime timeUtc)
        {
            ExecutionId = Guard.NotBlank(executionId, nameof(executionId));
            ClientOrderId = Guard.NotBlank(clientOrderId, nameof(clientOrderId));
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            Side = side;
            if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be > 0, got {quantity}");
            Quantity = quantity;
            Price = Guard.Positive(price, nameof(price));
            Commission = Guard.NonNegative(commission, nameof(commission));
            TimeUtc = StoreTime.RequireUtc(timeUtc, nameof(timeUtc));
        }

        /// <summary>Broker execution id (NT Execution.ExecutionId); unique in the store.</summary>
        public string ExecutionId { get; }
        /// <summary>Client id of the order that filled.</summary>
        public string ClientOrderId { get; }
        /// <summary>Instrument name.</summary>
        public string Instrument { get; }
        /// <summary>Buy or sell.</summary>
        public OrderSide Side { get; }
        /// <summary>Whole shares/contracts filled by this execution (unsigned; see <see cref="Side"/>).</summary>
        public long Quantity { get; }
        /// <summary>Fill price (stored exactly).</summary>
        public decimal Price { get; }
        /// <summary>Commission charged for this execution, in account currency.</summary>
        public decimal Commission { get; }
        /// <summary>Execution time (UTC).</summary>
        public DateTime TimeUtc { get; }
    }
}
