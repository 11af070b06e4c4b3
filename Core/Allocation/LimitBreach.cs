using System;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Which allocation limit a breach concerns.</summary>
    public enum LimitKind
    {
        /// <summary>An asset's weight is below its minimum (fraction of portfolio value).</summary>
        PositionMin,
        /// <summary>An asset's weight is above its maximum (fraction).</summary>
        PositionMax,
        /// <summary>A sector's net weight is outside [-cap, cap] (fraction).</summary>
        SectorCap,
        /// <summary>Gross leverage <c>sum |w_i|</c> is above its maximum (multiple of portfolio value).</summary>
        GrossLeverage,
        /// <summary>Net leverage <c>sum w_i</c> is above its maximum.</summary>
        NetLeverageMax,
        /// <summary>Net leverage <c>sum w_i</c> is below its minimum.</summary>
        NetLeverageMin,
        /// <summary>An instrument's absolute notional is above its maximum (currency).</summary>
        Notional,
    }

    /// <summary>
    /// One limit breach: what, on whom, the value and the limit. Values are fractions of portfolio value, except
    /// <see cref="LimitKind.Notional"/> which is in currency. A value type, so the engine reports breaches without allocating.
    /// </summary>
    public readonly struct LimitBreach
    {
        /// <summary>Creates a breach record.</summary>
        public LimitBreach(LimitKind kind, string subject, int index, double value, double limit)
        {
            Kind = kind;
            Subject = subject;
            Index = index;
            Value = value;
            Limit = limit;
        }

        /// <summary>Which limit.</summary>
        public LimitKind Kind { get; }

        /// <summary>Asset name, sector name, or "portfolio".</summary>
        public string Subject { get; }

        /// <summary>Asset index or sector index; -1 for portfolio-wide limits.</summary>
        public int Index { get; }

        /// <summary>The measured value (net sector weight, leverage, notional...).</summary>
        public double Value { get; }

        /// <summary>The limit it violates (for <see cref="LimitKind.SectorCap"/> the cap, compared with |value|).</summary>
        public double Limit { get; }

        /// <summary>Size of the breach, <c>|Value| - Limit</c> for caps, <c>Limit - Value</c> for minimums (always &gt; 0).</summary>
        public double Excess => Kind == LimitKind.PositionMin || Kind == LimitKind.NetLeverageMin
            ? Limit - Value
            : (Kind == LimitKind.SectorCap || Kind == LimitKind.Notional ? Math.Abs(Value) - Limit : Value - Limit);

        /// <summary>"PositionMax DAX: 0.45 > 0.4 (excess 0.05)".</summary>
        public override string ToString() => $"{Kind} {Subject}: value {Guard.Format(Value)}, limit {Guard.Format(Limit)} (excess {Guard.Format(Excess)})";
    }
}
