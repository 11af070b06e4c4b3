using System;

namespace NinjaTraderPortfolio.Core.Execution.Executor
{
    /// <summary>
    /// The seam to a broker: NinjaTrader's Account (AddOn) or Strategy (SubmitOrderUnmanaged/ChangeOrder/CancelOrder)
    /// implements it, as does a simulated broker in tests and backtests. Contract: <see cref="Submit"/> throws only when
    /// the order was not sent; events are raised through <see cref="OrderUpdated"/> on any thread, possibly duplicated or
    /// out of order; the client id is the key of every call and event.
    /// </summary>
    public interface IOrderGateway
    {
        /// <summary>Order state changes of child orders sent through this gateway.</summary>
        event EventHandler<OrderUpdate>? OrderUpdated;

        /// <summary>Sends a new child order (NT: CreateOrder + Account.Submit, or SubmitOrderUnmanaged, with name = client id).</summary>
        void Submit(ChildOrderRequest order);

        /// <summary>Requests cancellation; the outcome arrives as Cancelled or Filled events.</summary>
        void Cancel(string clientOrderId);

        /// <summary>Changes the quantity of a working order (NT: ChangeOrder / Account.Change).</summary>
        void Change(string clientOrderId, int newQuantity);
    }

    /// <summary>The time source; inject it so Core never reads the system clock.</summary>
    public interface IClock
    {
        /// <summary>Current time, UTC.</summary>
        DateTime UtcNow { get; }
    }

    /// <summary>Something an operator must look at (rejects beyond the retry limit, over-fills, gateway failures).</summary>
    /// <param name="ParentId">Parent order id.</param>
    /// <param name="ClientOrderId">Child order id when the alert concerns one.</param>
    /// <param name="Message">What happened, in one sentence.</param>
    /// <param name="Time">When (UTC, from the injected clock).</param>
    public sealed record ExecutionAlert(string ParentId, string? ClientOrderId, string Message, DateTime Time)
    {
        /// <inheritdoc />
        public override string ToString() => $"{ParentId} {ClientOrderId}: {Message}";
    }

    /// <summary>Receives alerts (NT: Print/alert window; tests: a mock).</summary>
    public interface IExecutionAlertSink
    {
        /// <summary>Reports one alert.</summary>
        void Raise(ExecutionAlert alert);
    }
}
