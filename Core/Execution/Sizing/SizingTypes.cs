using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution
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
    public sealed record SizedOrder
    {
        internal SizedOrder(string symbol, string? parentSymbol, string? currency, decimal fxRate, decimal price, decimal pointValue,
            long currentQuantity, long targetQuantity, double targetWeight, double achievedWeight, decimal? marginPerContract,
            bool capped, string? note)
        {
            Symbol = symbol; ParentSymbol = parentSymbol; Currency = currency; FxRate = fxRate; Price = price; PointValue = pointValue;
            CurrentQuantity = currentQuantity; TargetQuantity = targetQuantity; TargetWeight = targetWeight; AchievedWeight = achievedWeight;
            MarginPerContract = marginPerContract; Capped = capped; Note = note;
        }

        /// <summary>Instrument traded.</summary>
        public string Symbol { get; }
        /// <summary>For a micro row: the target's instrument it stands in for; null otherwise.</summary>
        public string? ParentSymbol { get; }
        /// <summary>Instrument currency (null = account currency).</summary>
        public string? Currency { get; }
        /// <summary>Account-currency units per unit of <see cref="Currency"/>.</summary>
        public decimal FxRate { get; }
        /// <summary>Price, instrument currency per point.</summary>
        public decimal Price { get; }
        /// <summary>Instrument currency per point per contract.</summary>
        public decimal PointValue { get; }
        /// <summary>Signed contracts held now.</summary>
        public long CurrentQuantity { get; }
        /// <summary>Signed contracts after the trade.</summary>
        public long TargetQuantity { get; }
        /// <summary>Signed order: target - current.</summary>
        public long OrderQuantity => TargetQuantity - CurrentQuantity;
        /// <summary>Target weight asked for (after risk scaling, before limits); for a micro row the part its parent leaves.</summary>
        public double TargetWeight { get; }
        /// <summary>targetQuantity x price x point value x rate / equity.</summary>
        public double AchievedWeight { get; }
        /// <summary>|order| x price x point value x rate (account currency).</summary>
        public decimal OrderNotional => System.Math.Abs(OrderQuantity) * Price * PointValue * FxRate;
        /// <summary>Initial margin per contract in the account currency, or null when unknown.</summary>
        public decimal? MarginPerContract { get; }
        /// <summary>|targetQuantity| x margin per contract (account currency; 0 when unknown).</summary>
        public decimal MarginUsed => System.Math.Abs(TargetQuantity) * (MarginPerContract ?? 0m);
        /// <summary>True when a weight/notional limit or the margin cap cut the target.</summary>
        public bool Capped { get; }
        /// <summary>Why the row holds what it holds when that is not simply the rounded target (one contract above its
        /// limit, below half a contract, inside the no-trade band, cut by the margin cap), else null.</summary>
        public string? Note { get; }
    }

    /// <summary>The sized orders (input order; a micro row follows its parent) and account-level totals.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    public sealed record SizingResult
    {
        internal SizingResult(IReadOnlyList<SizedOrder> orders, RebalancePlan plan, decimal marginUsed, decimal? marginLimit, decimal grossNotional)
        {
            Orders = orders; Plan = plan; MarginUsed = marginUsed; MarginLimit = marginLimit; GrossNotional = grossNotional;
        }

        /// <summary>Order rows.</summary>
        public IReadOnlyList<SizedOrder> Orders { get; }
        /// <summary>The whole-lot plan underneath (an instrument with a micro is one row there, counted in micros).</summary>
        public RebalancePlan Plan { get; }
        /// <summary>Sum |target quantity| x margin per contract, account currency.</summary>
        public decimal MarginUsed { get; }
        /// <summary>Max margin use x equity, or null without a cap.</summary>
        public decimal? MarginLimit { get; }
        /// <summary>Sum |target quantity x price x point value x rate|, account currency.</summary>
        public decimal GrossNotional { get; }
    }
}
