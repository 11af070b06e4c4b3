using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// Core's <see cref="IBrokerOrderQuery"/> over a NinjaTrader <see cref="Account"/>: "which of my orders do you hold",
    /// answered from <c>Account.Orders</c> matched by <c>Order.Name</c> = client id (both gateways name every child order
    /// with its client id). Used after a restart to reconcile the durable execution store with the account before anything
    /// is sent. The collection is read under <c>lock (account.Orders)</c>, as the Help Guide's Account examples lock the
    /// collection they enumerate. Only orders whose name carries <paramref name="namePrefix"/> are reported.
    /// </summary>
    public sealed class AccountOrderQuery : IBrokerOrderQuery
    {
        private readonly Account account;
        private readonly string namePrefix;

        /// <summary>Creates the query over <paramref name="account"/>; <paramref name="namePrefix"/> selects this script's orders ("" = all).</summary>
        public AccountOrderQuery(Account account, string namePrefix)
        {
            this.account = account ?? throw new ArgumentNullException(nameof(account));
            this.namePrefix = namePrefix ?? string.Empty;
        }

        /// <inheritdoc />
        public IReadOnlyList<BrokerOrderSnapshot> Orders => Snapshot().Select(o => ToSnapshot(o)).ToList();

        /// <inheritdoc />
        public BrokerOrderSnapshot FindOrder(string clientOrderId)
        {
            // The last order with the name wins (NinjaTrader keeps terminal orders of the session in the collection).
            Order order = Snapshot().LastOrDefault(o => o.Name == clientOrderId);
            return order == null ? null : ToSnapshot(order);
        }

        /// <summary>The account's order named <paramref name="clientOrderId"/>, or null.</summary>
        public Order Find(string clientOrderId) => Snapshot().LastOrDefault(o => o.Name == clientOrderId);

        private List<Order> Snapshot()
        {
            lock (account.Orders)
                return account.Orders.Where(o => o != null && o.Name != null && o.Name.StartsWith(namePrefix, StringComparison.Ordinal)).ToList();
        }

        private static BrokerOrderSnapshot ToSnapshot(Order o)
        {
            OrderSide side = o.OrderAction == OrderAction.Buy || o.OrderAction == OrderAction.BuyToCover ? OrderSide.Buy : OrderSide.Sell;
            return new BrokerOrderSnapshot(o.Name, o.Instrument == null ? string.Empty : o.Instrument.FullName, side, o.Quantity, Kind(o.OrderState),
                o.Filled, o.Filled > 0 ? o.AverageFillPrice : double.NaN);
        }

        private static OrderUpdateKind Kind(OrderState state)
        {
            switch (state)
            {
                case OrderState.Filled: return OrderUpdateKind.Filled;
                case OrderState.PartFilled: return OrderUpdateKind.PartFilled;
                case OrderState.Cancelled: return OrderUpdateKind.Cancelled;
                case OrderState.Rejected: return OrderUpdateKind.Rejected;
                default: return OrderUpdateKind.Accepted;
            }
        }
    }
}
