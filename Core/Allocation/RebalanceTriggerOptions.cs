using System;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>
    /// Settings of the rebalancing triggers. Bands and budgets are fractions (0.05 = 5 percentage points of weight,
    /// or 5% relative); null/zero disables a trigger. Hysteresis: a trigger that fired is re-armed only after its measure
    /// falls back to <c>ReArmFraction x band</c>; cooldown: no signal within <see cref="CooldownBars"/> bars of the last one.
    /// </summary>
    public sealed class RebalanceTriggerOptions
    {
        /// <summary>Absolute drift band <c>|w_i - target_i|</c> (fraction of portfolio value), or null.</summary>
        public double? AbsoluteBand { get; set; }

        /// <summary>Relative drift band <c>|w_i - target_i| / |target_i|</c> (fraction), or null. Ignored for zero targets.</summary>
        public double? RelativeBand { get; set; }

        /// <summary>Calendar trigger.</summary>
        public CalendarFrequency Calendar { get; set; } = CalendarFrequency.None;

        /// <summary>VaR budget (fraction of portfolio value, one period), or null.</summary>
        public double? VaRBudget { get; set; }

        /// <summary>Volatility target (per period), or null.</summary>
        public double? VolatilityTarget { get; set; }

        /// <summary>Fraction of a band/budget a measure must return below to re-arm its trigger, in [0, 1). Default 0.5.</summary>
        public double ReArmFraction { get; set; } = 0.5;

        /// <summary>Bars after a signal during which no new signal is emitted (triggers stay pending). Default 0.</summary>
        public int CooldownBars { get; set; }

        /// <summary>Trades smaller than this value (currency, absolute) are dropped; a signal with no trade left is suppressed. Default 0.</summary>
        public decimal MinTradeValue { get; set; }

        /// <summary>Checks every setting; throws naming the bad one.</summary>
        public void Validate()
        {
            if (AbsoluteBand.HasValue) Guard.Positive(AbsoluteBand.Value, nameof(AbsoluteBand));
            if (RelativeBand.HasValue) Guard.Positive(RelativeBand.Value, nameof(RelativeBand));
            if (VaRBudget.HasValue) Guard.Positive(VaRBudget.Value, nameof(VaRBudget));
            if (VolatilityTarget.HasValue) Guard.Positive(VolatilityTarget.Value, nameof(VolatilityTarget));
            Guard.Finite(ReArmFraction, nameof(ReArmFraction));
            if (ReArmFraction < 0 || ReArmFraction >= 1)
                throw new ArgumentOutOfRangeException(nameof(ReArmFraction), ReArmFraction, $"ReArmFraction must be in [0, 1), got {Guard.Format(ReArmFraction)}");
            Guard.NonNegative(CooldownBars, nameof(CooldownBars));
            Guard.NonNegative(MinTradeValue, nameof(MinTradeValue));
        }

        /// <summary>A copy (the evaluator keeps its own).</summary>
        public RebalanceTriggerOptions Clone() => (RebalanceTriggerOptions)MemberwiseClone();
    }
}
