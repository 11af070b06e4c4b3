using System;

namespace NinjaTraderPortfolio.Core.Execution.Executor
{
    /// <summary>Direction of an order.</summary>
    public enum OrderSide
    {
        /// <summary>Buy (NT OrderAction.Buy / BuyToCover).</summary>
        Buy,
        /// <summary>Sell (NT OrderAction.Sell / SellShort).</summary>
        Sell,
    }

    /// <summary>The parent order an executor works: an id unique across restarts, the instrument, side and whole quantity.</summary>
    public sealed record ParentOrder
    {
        /// <summary>Creates the parent order; <paramref name="id"/> must not contain whitespace.</summary>
        public ParentOrder(string id, string instrument, OrderSide side, long quantity)
        {
            Id = Guard.NotBlank(id, nameof(id));
            foreach (char c in id) if (char.IsWhiteSpace(c)) throw new ArgumentException($"parent id '{id}' must not contain whitespace", nameof(id));
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"quantity must be > 0, got {quantity}");
            Side = side;
            Quantity = quantity;
        }

        /// <summary>Stable id; child ids are "&lt;Id&gt;-&lt;slice&gt;-&lt;attempt&gt;".</summary>
        public string Id { get; }
        /// <summary>Instrument name as the gateway knows it (e.g. "ES 12-25").</summary>
        public string Instrument { get; }
        /// <summary>Buy or sell.</summary>
        public OrderSide Side { get; }
        /// <summary>Whole shares/contracts; the executor never fills more.</summary>
        public long Quantity { get; }
    }

    /// <summary>One child order to send: a market order for <see cref="Quantity"/> with a deterministic client id.</summary>
    public sealed record ChildOrderRequest
    {
        /// <summary>Creates the request.</summary>
        public ChildOrderRequest(string clientOrderId, string parentId, string instrument, OrderSide side, int quantity, int sliceIndex, int attempt)
        {
            ClientOrderId = Guard.NotBlank(clientOrderId, nameof(clientOrderId));
            ParentId = Guard.NotBlank(parentId, nameof(parentId));
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            Side = side;
            Quantity = Guard.Positive(quantity, nameof(quantity));
            SliceIndex = sliceIndex;
            Attempt = attempt;
        }

        /// <summary>"&lt;parentId&gt;-&lt;sliceIndex&gt;-&lt;attempt&gt;": the same slice and attempt always give the same id, so a restart reconciles instead of re-sending.</summary>
        public string ClientOrderId { get; }
        /// <summary>Parent order id.</summary>
        public string ParentId { get; }
        /// <summary>Instrument name.</summary>
        public string Instrument { get; }
        /// <summary>Buy or sell.</summary>
        public OrderSide Side { get; }
        /// <summary>Whole shares/contracts (NT order quantities are int).</summary>
        public int Quantity { get; }
        /// <summary>Slice of the schedule this child works.</summary>
        public int SliceIndex { get; }
        /// <summary>0 for the first child of the slice, +1 for each retry or re-send.</summary>
        public int Attempt { get; }
    }

    /// <summary>Order events a gateway reports, mirroring NT8 OrderState (Accepted/Working, PartFilled, Filled, Cancelled, Rejected).</summary>
    public enum OrderUpdateKind
    {
        /// <summary>Accepted or working at the broker/exchange.</summary>
        Accepted,
        /// <summary>Partly filled; not terminal.</summary>
        PartFilled,
        /// <summary>Completely filled; terminal.</summary>
        Filled,
        /// <summary>Cancelled; terminal, and may carry fills (CumulativeFilled &gt; 0).</summary>
        Cancelled,
        /// <summary>Rejected; terminal.</summary>
        Rejected,
    }

    /// <summary>
    /// One order event. <see cref="CumulativeFilled"/> is the order's total filled so far (NT's <c>filled</c> argument of
    /// OnOrderUpdate), which makes duplicate and out-of-order events harmless; <see cref="AverageFillPrice"/> the average
    /// price of those fills.
    /// </summary>
    public sealed class OrderUpdate : EventArgs
    {
        /// <summary>Creates the event.</summary>
        public OrderUpdate(string clientOrderId, OrderUpdateKind kind, int cumulativeFilled, double averageFillPrice, DateTime time, string? message = null)
        {
            ClientOrderId = Guard.NotBlank(clientOrderId, nameof(clientOrderId));
            Kind = kind;
            CumulativeFilled = Guard.NonNegative(cumulativeFilled, nameof(cumulativeFilled));
            AverageFillPrice = averageFillPrice;
            Time = time;
            Message = message;
        }

        /// <summary>Client id of the child order.</summary>
        public string ClientOrderId { get; }
        /// <summary>What happened.</summary>
        public OrderUpdateKind Kind { get; }
        /// <summary>Total filled quantity of the order so far.</summary>
        public int CumulativeFilled { get; }
        /// <summary>Average price of the fills so far (NaN or 0 when none).</summary>
        public double AverageFillPrice { get; }
        /// <summary>Event time (UTC) as reported by the platform.</summary>
        public DateTime Time { get; }
        /// <summary>Reject reason or other native text.</summary>
        public string? Message { get; }
    }
}
