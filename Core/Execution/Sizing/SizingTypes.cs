using NinjaTraderPortfolio.Core.Execution.Planning;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Sizing
{
    /// <summary>Settings of <see cref="FuturesSizer"/>.</summary>
    public sealed class SizingOptions
    {
        /// <summary>Fraction of equity kept as cash, in [0, 1) (default 0).</summary>
        public double CashBuffer { get; set; }

        /// <summary>No-trade band: a position changes only when |weight change| &gt;= this fraction of equity (default 0).</summary>
        public double MinTradeWeight { get; set; }

        /// <summary>Smallest trade notional in the account currency (default 0); the larger of this and the band applies.</summary>
        public decimal MinTradeNotional { get; set; }

        /// <summary>Largest total initial margin as a fraction of equity (0.3 = 30%), or null for no cap. Needs a margin
        /// for every instrument that is held or targeted.</summary>
        public double? MaxMarginUse { get; set; }
    }

    /// <summary>
    /// One order row of a <see cref="SizingResult"/>: a target's instrument or its micro alternative. Quantities are
    /// signed contracts; money in the account currency; weights are fractions of equity.
    /// </summary>
    /// <param name="Symbol">Instrument traded.</param>
    /// <param name="ParentSymbol">For a micro row: the target's instrument it stands in for; null otherwise.</param>
    /// <param name="Currency">Instrument currency (null = account currency).</param>
    /// <param name="FxRate">Account-currency units per unit of <see cref="Currency"/>.</param>
    /// <param name="Price">Price, instrument currency per point.</param>
    /// <param name="PointValue">Instrument currency per point per contract.</param>
    /// <param name="CurrentQuantity">Signed contracts held now.</param>
    /// <param name="TargetQuantity">Signed contracts after the trade.</param>
    /// <param name="TargetWeight">Target weight asked for (after risk scaling, before limits); for a micro row the part its parent leaves.</param>
    /// <param name="AchievedWeight">targetQuantity x price x point value x rate / equity.</param>
    /// <param name="MarginPerContract">Initial margin per contract in the account currency, or null when unknown.</param>
    /// <param name="Capped">True when a weight/notional limit or the margin cap cut the target.</param>
    /// <param name="Note">Why the row holds what it holds when that is not simply the rounded target (one contract above its limit, below half a contract, inside the no-trade band, cut by the margin cap), else null.</param>
    public sealed record SizedOrder(
        string Symbol, string? ParentSymbol, string? Currency, decimal FxRate, decimal Price, decimal PointValue, long CurrentQuantity,
        long TargetQuantity, double TargetWeight, double AchievedWeight, decimal? MarginPerContract, bool Capped, string? Note)
    {
        /// <summary>Signed order: target - current.</summary>
        public long OrderQuantity => TargetQuantity - CurrentQuantity;
        /// <summary>|order| x price x point value x rate (account currency).</summary>
        public decimal OrderNotional => System.Math.Abs(OrderQuantity) * Price * PointValue * FxRate;
        /// <summary>|targetQuantity| x margin per contract (account currency; 0 when unknown).</summary>
        public decimal MarginUsed => System.Math.Abs(TargetQuantity) * (MarginPerContract ?? 0m);
    }

    /// <summary>The sized orders (input order; a micro row follows its parent) and account-level totals.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    /// <param name="Orders">Order rows.</param>
    /// <param name="Plan">The whole-lot plan underneath (an instrument with a micro is one row there, counted in micros).</param>
    /// <param name="MarginUsed">Sum |target quantity| x margin per contract, account currency.</param>
    /// <param name="MarginLimit">Max margin use x equity, or null without a cap.</param>
    /// <param name="GrossNotional">Sum |target quantity x price x point value x rate|, account currency.</param>
    public sealed record SizingResult(
        IReadOnlyList<SizedOrder> Orders, RebalancePlan Plan, decimal MarginUsed, decimal? MarginLimit, decimal GrossNotional);
}
