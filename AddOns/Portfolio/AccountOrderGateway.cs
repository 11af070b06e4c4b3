using System;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// Core's <see cref="IOrderGateway"/> over an NinjaTrader <see cref="Account"/> (the Portfolio Manager's Rebalance tab):
    /// Submit = <c>Account.CreateOrder</c> (market, automated, Day, name = client id) + <c>Account.Submit</c>; Cancel =
    /// <c>Account.Cancel</c>; Change = <c>QuantityChanged</c> + <c>Account.Change</c>. Subscribes to the account's
    /// OrderUpdate and ExecutionUpdate (fills come from executions) until <see cref="Dispose"/>. Events are raised on
    /// NinjaTrader's thread; the executor is thread-safe.
    /// </summary>
    public sealed class AccountOrderGateway : IOrderGateway, IDisposable
    {
        private readonly Account account;
        private readonly Func<string, Instrument> resolve;
        private readonly ChildOrderTracker tracker = new ChildOrderTracker();

        /// <summary>Creates the gateway; <paramref name="resolve"/> maps an instrument name to its Instrument (default Instrument.GetInstrument).</summary>
        public AccountOrderGateway(Account account, Func<string, Instrument> resolve = null)
        {
            this.account = account ?? throw new ArgumentNullException(nameof(account));
            // A lambda, not the method group: NinjaTrader builds may declare GetInstrument(string, bool = false).
            this.resolve = resolve ?? (name => Instrument.GetInstrument(name));
            account.OrderUpdate += OnOrderUpdate;
            account.ExecutionUpdate += OnExecutionUpdate;
        }

        /// <inheritdoc />
        public event EventHandler<OrderUpdate> OrderUpdated;

        /// <summary>The account orders go to.</summary>
        public Account Account => account;

        /// <inheritdoc />
        public void Submit(ChildOrderRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            Instrument instrument = resolve(request.Instrument)
                ?? throw new InvalidOperationException("unknown instrument '" + request.Instrument + "'");
            int held = SignedPosition(instrument);
            OrderAction action = request.Side == OrderSide.Buy
                ? (held < 0 ? OrderAction.BuyToCover : OrderAction.Buy)
                : (held > 0 ? OrderAction.Sell : OrderAction.SellShort);
            Order order = account.CreateOrder(instrument, action, OrderType.Market, OrderEntry.Automated, TimeInForce.Day,
                request.Quantity, 0, 0, string.Empty, request.ClientOrderId, NinjaTrader.Core.Globals.MaxDate, null);
            if (order == null)
                throw new InvalidOperationException("Account.CreateOrder returned no order for '" + request.ClientOrderId + "'");
            tracker.BeginSubmit(request.ClientOrderId);
            try
            {
                account.Submit(new[] { order });
            }
            finally
            {
                tracker.EndSubmit(request.ClientOrderId, order);
            }
        }

        /// <inheritdoc />
        public void Cancel(string clientOrderId) => account.Cancel(new[] { tracker.Find(clientOrderId) });

        /// <inheritdoc />
        public void Change(string clientOrderId, int newQuantity)
        {
            Order order = tracker.Find(clientOrderId);
            order.QuantityChanged = newQuantity;
            account.Change(new[] { order });
        }

        /// <summary>Tracks an order of an earlier session found in Account.Orders (name = <paramref name="clientOrderId"/>), with what it filled so far.</summary>
        public void Adopt(string clientOrderId, Order order) => tracker.Adopt(clientOrderId, order);

        /// <summary>Stops listening to the account.</summary>
        public void Dispose()
        {
            account.OrderUpdate -= OnOrderUpdate;
            account.ExecutionUpdate -= OnExecutionUpdate;
        }

        private int SignedPosition(Instrument instrument)
        {
            Position p;
            // Lock the collection being enumerated (Help Guide, Account Positions example; nt-audit B4).
            lock (account.Positions)
                p = account.Positions.FirstOrDefault(x => x.Instrument == instrument);
            if (p == null) return 0;
            return p.MarketPosition == MarketPosition.Short ? -p.Quantity : p.MarketPosition == MarketPosition.Long ? p.Quantity : 0;
        }

        // By-value e.Filled/e.Time: the live e.Order may already be ahead of this update (Help Guide, multi-threading).
        private void OnOrderUpdate(object sender, OrderEventArgs e) =>
            Raise(tracker.OnOrderState(e.Order, e.OrderState, e.Filled, e.Time, null));

        private void OnExecutionUpdate(object sender, ExecutionEventArgs e) =>
            Raise(tracker.OnExecution(e.Execution == null ? null : e.Execution.Order, e.Price, e.Quantity, e.Time));

        private void Raise(OrderUpdate update)
        {
            if (update != null) OrderUpdated?.Invoke(this, update);
        }
    }
}
