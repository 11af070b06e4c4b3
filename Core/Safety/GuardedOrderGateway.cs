using System;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>A reference price and when it was observed (UTC), or null when none is known.</summary>
    public interface IQuoteSource
    {
        /// <summary>Last price (currency per point) and its time for <paramref name="instrument"/>; null when none.</summary>
        Quote? LastQuote(string instrument);

        /// <summary>Market volume expected over one child order's interval, whole units; null when unknown.</summary>
        double? MarketVolume(string instrument);
    }

    /// <summary>A price observation.</summary>
    public sealed class Quote
    {
        /// <summary>Creates the quote.</summary>
        public Quote(decimal price, DateTime timeUtc) { Price = price; TimeUtc = timeUtc; }
        /// <summary>Price, currency per point.</summary>
        public decimal Price { get; }
        /// <summary>Observation time, UTC.</summary>
        public DateTime TimeUtc { get; }
    }

    /// <summary>
    /// An <see cref="IOrderGateway"/> decorator that puts every new child order through a <see cref="TradingGuard"/>:
    /// a refused order is not sent and <see cref="Submit"/> throws <see cref="TradingGuardException"/> (the executor then
    /// records a failed submit and halts after its retries). Cancels and changes pass unchecked: the kill switch needs
    /// cancels, and the executor only ever lowers a quantity.
    /// </summary>
    public sealed class GuardedOrderGateway : IOrderGateway
    {
        private readonly IOrderGateway _inner;
        private readonly TradingGuard _guard;
        private readonly IQuoteSource _quotes;
        private readonly string _account;
        private readonly Func<string, decimal> _pointValue;

        /// <summary>Wraps <paramref name="inner"/>; <paramref name="pointValue"/> gives currency per point per instrument (default 1).</summary>
        public GuardedOrderGateway(IOrderGateway inner, TradingGuard guard, IQuoteSource quotes, string account, Func<string, decimal>? pointValue = null)
        {
            _inner = Guard.NotNull(inner, nameof(inner));
            _guard = Guard.NotNull(guard, nameof(guard));
            _quotes = Guard.NotNull(quotes, nameof(quotes));
            _account = account ?? "";
            _pointValue = pointValue ?? (_ => 1m);
        }

        /// <inheritdoc />
        public event EventHandler<OrderUpdate>? OrderUpdated
        {
            add => _inner.OrderUpdated += value;
            remove => _inner.OrderUpdated -= value;
        }

        /// <summary>The last refusal (null when none yet).</summary>
        public GuardDecision? LastRefusal { get; private set; }

        /// <inheritdoc />
        public void Submit(ChildOrderRequest order)
        {
            Guard.NotNull(order, nameof(order));
            Check(order.Instrument, order.Side, order.Quantity);
            _inner.Submit(order);
        }

        /// <inheritdoc />
        public void Cancel(string clientOrderId) => _inner.Cancel(clientOrderId);

        /// <inheritdoc />
        public void Change(string clientOrderId, int newQuantity) => _inner.Change(clientOrderId, newQuantity);

        /// <summary>Judges one order (the intent the gateway would send) and counts it when allowed; throws when refused.</summary>
        public void Check(string instrument, OrderSide side, long quantity)
        {
            var q = _quotes.LastQuote(instrument);
            var intent = new OrderIntent(_account, instrument, side, quantity, q?.Price ?? 0m, q?.TimeUtc ?? DateTime.MinValue,
                _pointValue(instrument), _quotes.MarketVolume(instrument));
            var d = _guard.TryCommit(intent);
            if (d.IsAllowed) return;
            LastRefusal = d;
            throw new TradingGuardException(d);
        }
    }
}
