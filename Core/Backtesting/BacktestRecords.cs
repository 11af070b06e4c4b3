using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Allocation;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>Account equity (currency) at the close of one bar, after that bar's trades and their costs.</summary>
    public readonly struct EquityPoint
    {
        /// <summary>Creates the point.</summary>
        public EquityPoint(DateTime date, decimal equity) { Date = date; Equity = equity; }

        /// <summary>Bar time.</summary>
        public DateTime Date { get; }

        /// <summary>Cash plus marked positions, currency.</summary>
        public decimal Equity { get; }
    }

    /// <summary>One fill at a bar's close: signed quantity (units), price, commission and impact cost (currency).</summary>
    public sealed class BacktestFill
    {
        /// <summary>Creates the fill.</summary>
        public BacktestFill(DateTime date, string symbol, decimal quantity, decimal price, decimal commission, decimal impactCost)
            : this(date, symbol, quantity, price, commission, impactCost, date, price, 0m)
        {
        }

        /// <summary>
        /// Creates a child fill of a sliced parent decided at <paramref name="decisionDate"/>'s close <paramref name="decisionPrice"/>;
        /// <paramref name="delayCost"/> = quantity x (price - decision price) x point value, currency.
        /// </summary>
        public BacktestFill(DateTime date, string symbol, decimal quantity, decimal price, decimal commission, decimal impactCost,
            DateTime decisionDate, decimal decisionPrice, decimal delayCost)
        {
            Date = date; Symbol = symbol; Quantity = quantity; Price = price; Commission = commission; ImpactCost = impactCost;
            DecisionDate = decisionDate; DecisionPrice = decisionPrice; DelayCost = delayCost;
        }

        /// <summary>Bar time of the fill (its close).</summary>
        public DateTime Date { get; }
        /// <summary>Instrument.</summary>
        public string Symbol { get; }
        /// <summary>Signed units: positive buys, negative sells (whole lots unless fractional units were asked for).</summary>
        public decimal Quantity { get; }
        /// <summary>Fill price: the bar's close.</summary>
        public decimal Price { get; }
        /// <summary>Commission, currency.</summary>
        public decimal Commission { get; }
        /// <summary>Market-impact cost from the impact model, currency (0 without one).</summary>
        public decimal ImpactCost { get; }
        /// <summary>Bar time of the rebalance decision (the fill's own bar when market-on-close).</summary>
        public DateTime DecisionDate { get; }
        /// <summary>Close at the decision bar (equals <see cref="Price"/> when market-on-close).</summary>
        public decimal DecisionPrice { get; }
        /// <summary>Quantity x (price - decision price) x point value, currency: what slicing paid (positive) or gained against the decision close.</summary>
        public decimal DelayCost { get; }
    }

    /// <summary>
    /// One rebalance signal (including the first allocation): when, why, the targets and the traded notional (0 when whole-lot
    /// rounding left every position as it was).
    /// </summary>
    public sealed class BacktestRebalance
    {
        /// <summary>Creates the record.</summary>
        public BacktestRebalance(DateTime date, int bar, RebalanceReason reasons, bool initial, IReadOnlyList<double> targets,
            decimal equityBefore, decimal tradedNotional)
        {
            Date = date; Bar = bar; Reasons = reasons; Initial = initial; Targets = targets; EquityBefore = equityBefore; TradedNotional = tradedNotional;
        }

        /// <summary>Bar time.</summary>
        public DateTime Date { get; }
        /// <summary>Bar index in the price frame.</summary>
        public int Bar { get; }
        /// <summary>Trigger reasons (None for the first allocation).</summary>
        public RebalanceReason Reasons { get; }
        /// <summary>True for the first allocation from cash.</summary>
        public bool Initial { get; }
        /// <summary>Target weights (fractions of equity), frame column order.</summary>
        public IReadOnlyList<double> Targets { get; }
        /// <summary>Equity before the trades, currency.</summary>
        public decimal EquityBefore { get; }
        /// <summary>Sum of |quantity| x price x point value over the fills, currency.</summary>
        public decimal TradedNotional { get; }
    }
}
