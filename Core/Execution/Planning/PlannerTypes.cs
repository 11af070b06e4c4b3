using NinjaTraderPortfolio.Core.Execution.Executor;
using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Optimization.Constraints;

namespace NinjaTraderPortfolio.Core.Execution.Planning
{
    /// <summary>
    /// One instrument of a rebalance: price (currency per unit of price), point value (currency per point per contract;
    /// 1 for shares), lot size (contracts/shares per lot, orders are whole lots), the current signed position and the
    /// signed target weight (fraction of account equity; exposure = quantity x price x point value / equity).
    /// </summary>
    /// <remarks>A record: two instruments with the same fields are equal (a Sizing.SizingInstrument holding one compares by value too).</remarks>
    public sealed record PlannerInstrument
    {
        /// <summary>Creates the instrument; price and point value &gt; 0, lot size &gt;= 1, weight finite.</summary>
        public PlannerInstrument(string symbol, decimal price, decimal pointValue, int lotSize, long currentQuantity, double targetWeight)
        {
            Symbol = Guard.NotBlank(symbol, nameof(symbol));
            if (price <= 0) throw new InvalidInputException($"price of '{symbol}' must be > 0, got {price}");
            if (pointValue <= 0) throw new InvalidInputException($"point value of '{symbol}' must be > 0, got {pointValue}");
            if (lotSize < 1) throw new InvalidInputException($"lot size of '{symbol}' must be >= 1, got {lotSize}");
            if (double.IsNaN(targetWeight) || double.IsInfinity(targetWeight)) throw new InvalidInputException($"target weight of '{symbol}' must be finite, got {targetWeight}");
            Price = price; PointValue = pointValue; LotSize = lotSize; CurrentQuantity = currentQuantity; TargetWeight = targetWeight;
        }

        /// <summary>Instrument name.</summary>
        public string Symbol { get; }
        /// <summary>Current price.</summary>
        public decimal Price { get; }
        /// <summary>Currency per point per contract (1 for shares).</summary>
        public decimal PointValue { get; }
        /// <summary>Units per lot.</summary>
        public int LotSize { get; }
        /// <summary>Signed current position in contracts/shares.</summary>
        public long CurrentQuantity { get; }
        /// <summary>Signed target weight, fraction of equity.</summary>
        public double TargetWeight { get; }
        /// <summary>Currency exposure of one unit: price x point value.</summary>
        public decimal UnitNotional => Price * PointValue;
    }

    /// <summary>
    /// Sizing caps the planner must respect, per instrument; null means no limit. Values arrive validated against their
    /// declarations (<see cref="LimitCatalog.MaxAbsWeight"/>, <see cref="LimitCatalog.MaxNotional"/>) where the user gave
    /// them. Implemented by <see cref="SizingCaps"/> (derived from the optimizer's <see cref="PortfolioConstraints"/>),
    /// <see cref="InstrumentLimits"/> (per-symbol tables) and <c>Allocation.AllocationLimits</c> (the engine's limit set).
    /// </summary>
    public interface IAllocationLimits
    {
        /// <summary>Largest |weight| allowed (fraction of equity), or null.</summary>
        double? MaxWeight(string symbol);

        /// <summary>Largest |quantity x price x point value| allowed (currency), or null.</summary>
        decimal? MaxNotional(string symbol);
    }

    /// <summary>
    /// The planner's caps derived from the optimizer's limits, so sizing and optimization read one model: an instrument's
    /// |weight| may reach the larger of |min| and |max| of its weight range; no notional cap.
    /// </summary>
    public sealed class SizingCaps : IAllocationLimits
    {
        private readonly PortfolioConstraints _constraints;

        private SizingCaps(PortfolioConstraints constraints) => _constraints = constraints;

        /// <summary>The caps of <paramref name="constraints"/>.</summary>
        public static SizingCaps From(PortfolioConstraints constraints) => new SizingCaps(Guard.NotNull(constraints, nameof(constraints)));

        /// <inheritdoc />
        public double? MaxWeight(string symbol)
        {
            var r = _constraints.RangeOf(symbol);
            return Math.Max(Math.Abs(r.Min), Math.Abs(r.Max));
        }

        /// <inheritdoc />
        public decimal? MaxNotional(string symbol) => null;
    }

    /// <summary>
    /// Caps given as per-symbol tables (the CLI's instruments file, tests); a default max |weight| applies to symbols not
    /// listed. Values as validated where they were read (<see cref="LimitCatalog.MaxAbsWeight"/>, <see cref="LimitCatalog.MaxNotional"/>).
    /// </summary>
    public sealed class InstrumentLimits : IAllocationLimits
    {
        private readonly IReadOnlyDictionary<string, double> _weights;
        private readonly IReadOnlyDictionary<string, decimal> _notionals;
        private readonly double? _defaultMaxWeight;

        /// <summary>Creates the limits.</summary>
        public InstrumentLimits(IReadOnlyDictionary<string, double>? maxWeights = null, IReadOnlyDictionary<string, decimal>? maxNotionals = null, double? defaultMaxWeight = null)
        {
            _weights = maxWeights ?? new Dictionary<string, double>();
            _notionals = maxNotionals ?? new Dictionary<string, decimal>();
            _defaultMaxWeight = defaultMaxWeight;
        }

        /// <inheritdoc />
        public double? MaxWeight(string symbol) => _weights.TryGetValue(symbol, out var w) ? w : _defaultMaxWeight;

        /// <inheritdoc />
        public decimal? MaxNotional(string symbol) => _notionals.TryGetValue(symbol, out var n) ? n : (decimal?)null;
    }

    /// <summary>Planner settings.</summary>
    public sealed class PlannerOptions
    {
        /// <summary>Fraction of equity kept as cash, in [0, 1): targets apply to equity x (1 - buffer) (default 0).</summary>
        public double CashBuffer { get; set; }

        /// <summary>Trades smaller than this notional (currency) are not made; the position stays as it is (default 0).</summary>
        public decimal MinTradeNotional { get; set; }
    }

    /// <summary>The planned position and order of one instrument. Quantities are signed units; notionals in currency.</summary>
    public sealed class PlannedTrade
    {
        /// <summary>Creates the row.</summary>
        public PlannedTrade(PlannerInstrument instrument, long targetQuantity, double idealQuantity, double cappedWeight, double achievedWeight, bool capped)
        {
            Instrument = instrument; TargetQuantity = targetQuantity; IdealQuantity = idealQuantity;
            CappedTargetWeight = cappedWeight; AchievedWeight = achievedWeight; Capped = capped;
        }

        /// <summary>The instrument.</summary>
        public PlannerInstrument Instrument { get; }
        /// <summary>Position after the trade.</summary>
        public long TargetQuantity { get; }
        /// <summary>Fractional position that would hit the (capped) target exactly.</summary>
        public double IdealQuantity { get; }
        /// <summary>Target weight after limits (fraction of equity).</summary>
        public double CappedTargetWeight { get; }
        /// <summary>Weight of <see cref="TargetQuantity"/> (fraction of equity).</summary>
        public double AchievedWeight { get; }
        /// <summary>True when a limit cut the target.</summary>
        public bool Capped { get; }
        /// <summary>Signed order quantity: target - current.</summary>
        public long OrderQuantity => TargetQuantity - Instrument.CurrentQuantity;
        /// <summary>Buy for a positive order, sell for a negative one.</summary>
        public OrderSide Side => OrderQuantity >= 0 ? OrderSide.Buy : OrderSide.Sell;
        /// <summary>|order| x price x point value.</summary>
        public decimal OrderNotional => Math.Abs(OrderQuantity) * Instrument.UnitNotional;
    }

    /// <summary>
    /// Result of <see cref="RebalancePlanner.Plan"/>. <see cref="Objective"/> is sum over instruments of
    /// (achieved weight - capped target weight)^2, the quantity the planner minimises.
    /// </summary>
    public sealed class RebalancePlan
    {
        /// <summary>Creates the plan.</summary>
        public RebalancePlan(IReadOnlyList<PlannedTrade> trades, decimal equity, decimal investable, decimal grossBudget, decimal grossNotional, double objective, bool provedOptimal)
        {
            Trades = trades; Equity = equity; Investable = investable; GrossBudget = grossBudget; GrossNotional = grossNotional; Objective = objective;
            ProvedOptimal = provedOptimal;
        }

        /// <summary>
        /// True when the branch-and-bound pass finished within its node limit: no combination of each name's nearest allowed
        /// positions does better. False: the best plan found (still valid and within limits), not proved optimal.
        /// </summary>
        public bool ProvedOptimal { get; }

        /// <summary>One row per instrument, input order.</summary>
        public IReadOnlyList<PlannedTrade> Trades { get; }
        /// <summary>Account equity.</summary>
        public decimal Equity { get; }
        /// <summary>Equity x (1 - cash buffer).</summary>
        public decimal Investable { get; }
        /// <summary>Largest gross exposure allowed: max(investable, sum |capped targets|).</summary>
        public decimal GrossBudget { get; }
        /// <summary>Sum |target quantity x unit notional|.</summary>
        public decimal GrossNotional { get; }
        /// <summary>Sum (achieved - target weight)^2.</summary>
        public double Objective { get; }
    }
}
