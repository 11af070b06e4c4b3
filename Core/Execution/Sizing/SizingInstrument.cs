using NinjaTraderPortfolio.Core.Execution.Planning;

namespace NinjaTraderPortfolio.Core.Execution.Sizing
{
    /// <summary>
    /// A smaller contract on the same underlying (MES for ES): its point value is the parent's divided by
    /// <see cref="Ratio"/>, its price is the parent's. Margin per micro contract in the parent's currency, or null for
    /// the parent's margin / ratio.
    /// </summary>
    public sealed record MicroContract
    {
        /// <summary>Creates the micro; ratio &gt;= 2 (parent point value / micro point value).</summary>
        public MicroContract(string symbol, int ratio, long currentQuantity = 0, decimal? margin = null)
        {
            Symbol = Guard.NotBlank(symbol, nameof(symbol));
            if (ratio < 2) throw new InvalidInputException($"micro '{symbol}': ratio must be a whole number >= 2, got {ratio}");
            if (margin.HasValue && margin.Value < 0) throw new InvalidInputException($"micro '{symbol}': margin must be >= 0, got {margin.Value}");
            Ratio = ratio; CurrentQuantity = currentQuantity; Margin = margin;
        }

        /// <summary>Micro symbol.</summary>
        public string Symbol { get; }
        /// <summary>Parent contracts per micro contract's inverse: one parent = Ratio micros.</summary>
        public int Ratio { get; }
        /// <summary>Signed micro contracts held now.</summary>
        public long CurrentQuantity { get; }
        /// <summary>Initial margin per micro contract (parent currency), or null.</summary>
        public decimal? Margin { get; }
    }

    /// <summary>
    /// One instrument to size: price (instrument currency per point), point value (instrument currency per point per
    /// contract), lot size, current signed contracts, signed target weight (fraction of account equity, already scaled by
    /// <see cref="RiskScaling"/>), currency code (null = account currency), initial margin per contract (instrument
    /// currency, null = unknown) and an optional micro alternative.
    /// </summary>
    public sealed record SizingInstrument
    {
        /// <summary>Creates the instrument; price and point value &gt; 0, lot &gt;= 1, weight finite, margin &gt;= 0.</summary>
        public SizingInstrument(string symbol, decimal price, decimal pointValue, int lotSize, long currentQuantity, double targetWeight,
            string? currency = null, decimal? margin = null, MicroContract? micro = null)
        {
            // The planner instrument holds symbol, price, point value, lot, position and weight, and checks them with
            // messages naming the symbol; this type adds what sizing needs on top.
            Planner = new PlannerInstrument(symbol, price, pointValue, lotSize, currentQuantity, targetWeight);
            if (margin.HasValue && margin.Value < 0) throw new InvalidInputException($"margin of '{symbol}' must be >= 0, got {margin.Value}");
            if (micro != null && lotSize != 1) throw new InvalidInputException($"'{symbol}' names micro '{micro.Symbol}' but has lot size {lotSize}; micros need lot size 1");
            Currency = string.IsNullOrWhiteSpace(currency) ? null : currency!.Trim().ToUpperInvariant();
            Margin = margin; Micro = micro;
        }

        /// <summary>
        /// The instrument as the whole-lot planner sees it, in the instrument's own currency and contracts (the sizer
        /// converts it to the account currency and to micros where named).
        /// </summary>
        public PlannerInstrument Planner { get; }
        /// <summary>Instrument name.</summary>
        public string Symbol => Planner.Symbol;
        /// <summary>Current price, instrument currency per point.</summary>
        public decimal Price => Planner.Price;
        /// <summary>Instrument currency per point per contract.</summary>
        public decimal PointValue => Planner.PointValue;
        /// <summary>Contracts per lot.</summary>
        public int LotSize => Planner.LotSize;
        /// <summary>Signed contracts held now.</summary>
        public long CurrentQuantity => Planner.CurrentQuantity;
        /// <summary>Signed target weight, fraction of equity.</summary>
        public double TargetWeight => Planner.TargetWeight;
        /// <summary>Currency code, or null for the account currency.</summary>
        public string? Currency { get; }
        /// <summary>Initial margin per contract in the instrument currency, or null when unknown.</summary>
        public decimal? Margin { get; }
        /// <summary>Smaller alternative, or null.</summary>
        public MicroContract? Micro { get; }
    }
}
