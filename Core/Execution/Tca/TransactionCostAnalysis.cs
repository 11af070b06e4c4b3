using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Tca
{
    /// <summary>One execution: whole quantity (unsigned) at a price (currency per unit of price).</summary>
    public readonly struct Fill
    {
        /// <summary>Creates the fill; quantity &gt; 0, price &gt; 0.</summary>
        public Fill(long quantity, decimal price, DateTime time = default)
        {
            if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"fill quantity must be > 0, got {quantity}");
            Guard.Positive(price, nameof(price));
            Quantity = quantity; Price = price; Time = time;
        }

        /// <summary>Units filled.</summary>
        public long Quantity { get; }
        /// <summary>Fill price.</summary>
        public decimal Price { get; }
        /// <summary>Fill time (UTC).</summary>
        public DateTime Time { get; }
    }

    /// <summary>
    /// Perold (1988) implementation shortfall of one order against the paper portfolio traded at the decision price,
    /// in currency (positive = cost): delay (decision to arrival on the filled part), trading/impact (fills against
    /// arrival), opportunity (unfilled part, decision to close) and fees; <see cref="Total"/> is their sum.
    /// </summary>
    /// <param name="Delay">side x (arrival - decision) x filled x point value.</param>
    /// <param name="Trading">side x sum q_j (p_j - arrival) x point value: the impact and timing of the trading itself.</param>
    /// <param name="Opportunity">side x (close - decision) x unfilled x point value: the cost of not trading.</param>
    /// <param name="Fees">Commissions and fees.</param>
    /// <param name="PaperNotional">Order quantity x decision price x point value (the paper portfolio).</param>
    /// <param name="Filled">Units filled.</param>
    public sealed record ShortfallBreakdown(decimal Delay, decimal Trading, decimal Opportunity, decimal Fees, decimal PaperNotional, long Filled)
    {
        /// <summary>Delay + trading + opportunity + fees.</summary>
        public decimal Total => Delay + Trading + Opportunity + Fees;
        /// <summary>Total as basis points of the paper notional.</summary>
        public double TotalBps => (double)(Total / PaperNotional) * 1e4;
    }

    /// <summary>
    /// Post-trade transaction cost analysis. Slippage is signed so that positive means cost: buys above / sells below
    /// the benchmark. Basis points are 1e-4 of the benchmark price.
    /// </summary>
    public static class TransactionCostAnalysis
    {
        /// <summary>Quantity-weighted average fill price. Throws when there are no fills.</summary>
        public static decimal AveragePrice(IReadOnlyList<Fill> fills)
        {
            Guard.NotNull(fills, nameof(fills));
            if (fills.Count == 0) throw new InvalidInputException("no fills to average");
            decimal notional = 0; long q = 0;
            foreach (var f in fills) { notional += f.Quantity * f.Price; q += f.Quantity; }
            return notional / q;
        }

        /// <summary>Arrival-price slippage in bp: side x (average fill - arrival) / arrival x 1e4.</summary>
        public static double ArrivalSlippageBps(OrderSide side, decimal arrivalPrice, IReadOnlyList<Fill> fills)
            => SlippageBps(side, Guard.Positive(arrivalPrice, nameof(arrivalPrice)), fills);

        /// <summary>Interval-VWAP slippage in bp against the market VWAP over the order's life (see <see cref="MarketVwap"/>).</summary>
        public static double IntervalVwapSlippageBps(OrderSide side, decimal intervalVwap, IReadOnlyList<Fill> fills)
            => SlippageBps(side, Guard.Positive(intervalVwap, nameof(intervalVwap)), fills);

        /// <summary>Market VWAP sum p_i v_i / sum v_i of the trades (or bars' typical prices) during the order's life.</summary>
        public static decimal MarketVwap(IReadOnlyList<decimal> prices, IReadOnlyList<decimal> volumes)
        {
            Guard.NotNull(prices, nameof(prices));
            Guard.NotNull(volumes, nameof(volumes));
            if (prices.Count != volumes.Count) throw new ArgumentException($"prices ({prices.Count}) and volumes ({volumes.Count}) differ in length");
            decimal pv = 0, v = 0;
            for (int i = 0; i < prices.Count; i++)
            {
                if (prices[i] <= 0) throw new InvalidInputException($"price {i + 1} must be > 0, got {prices[i]}");
                if (volumes[i] < 0) throw new InvalidInputException($"volume {i + 1} must be >= 0, got {volumes[i]}");
                pv += prices[i] * volumes[i]; v += volumes[i];
            }
            if (v == 0) throw new InvalidInputException("no market volume in the interval: VWAP undefined");
            return pv / v;
        }

        /// <summary>
        /// Perold implementation shortfall of an order for <paramref name="orderQuantity"/> units decided at
        /// <paramref name="decisionPrice"/>, released when the market was at <paramref name="arrivalPrice"/>, ending at
        /// <paramref name="closePrice"/> (marks the unfilled part), with <paramref name="fees"/> in currency.
        /// </summary>
        public static ShortfallBreakdown ImplementationShortfall(OrderSide side, long orderQuantity, decimal decisionPrice, decimal arrivalPrice,
            decimal closePrice, IReadOnlyList<Fill> fills, decimal fees, decimal pointValue = 1m)
        {
            Guard.NotNull(fills, nameof(fills));
            if (orderQuantity <= 0) throw new ArgumentOutOfRangeException(nameof(orderQuantity), orderQuantity, $"orderQuantity must be > 0, got {orderQuantity}");
            Guard.Positive(decisionPrice, nameof(decisionPrice));
            Guard.Positive(arrivalPrice, nameof(arrivalPrice));
            Guard.Positive(closePrice, nameof(closePrice));
            Guard.NonNegative(fees, nameof(fees));
            Guard.Positive(pointValue, nameof(pointValue));
            decimal s = side == OrderSide.Buy ? 1m : -1m;
            long filled = 0;
            decimal trading = 0;
            foreach (var f in fills) { filled += f.Quantity; trading += f.Quantity * (f.Price - arrivalPrice); }
            if (filled > orderQuantity) throw new InvalidInputException($"fills total {filled}, more than the order quantity {orderQuantity}");
            decimal delay = s * (arrivalPrice - decisionPrice) * filled * pointValue;
            decimal opportunity = s * (closePrice - decisionPrice) * (orderQuantity - filled) * pointValue;
            return new ShortfallBreakdown(delay, s * trading * pointValue, opportunity, fees, orderQuantity * decisionPrice * pointValue, filled);
        }

        /// <summary>
        /// The fills of an executed parent as TCA input: one fill per child with fills, at the child's average fill price
        /// (NT reports a cumulative average per order), stamped with the child's last update time.
        /// </summary>
        public static IReadOnlyList<Fill> FillsOf(IEnumerable<ChildOrderRecord> children)
        {
            Guard.NotNull(children, nameof(children));
            var fills = new List<Fill>();
            foreach (var c in children)
            {
                if (c.Filled <= 0) continue;
                if (double.IsNaN(c.AverageFillPrice) || !(c.AverageFillPrice > 0))
                    throw new InvalidInputException($"child order '{c.ClientOrderId}' has {c.Filled} filled but no valid average fill price ({Guard.Format(c.AverageFillPrice)})");
                fills.Add(new Fill(c.Filled, (decimal)c.AverageFillPrice, c.Updated));
            }
            return fills;
        }

        /// <summary>z-score of a realised cost against the pre-trade estimate: (realised - expected) / stdDev (same currency units).</summary>
        public static double CostZScore(double realizedCost, double expectedCost, double costStdDev)
        {
            Guard.Finite(realizedCost, nameof(realizedCost));
            Guard.Finite(expectedCost, nameof(expectedCost));
            Guard.Positive(costStdDev, nameof(costStdDev));
            return (realizedCost - expectedCost) / costStdDev;
        }

        private static double SlippageBps(OrderSide side, decimal benchmark, IReadOnlyList<Fill> fills)
        {
            decimal avg = AveragePrice(fills);
            decimal s = side == OrderSide.Buy ? 1m : -1m;
            return (double)(s * (avg - benchmark) / benchmark) * 1e4;
        }
    }
}
