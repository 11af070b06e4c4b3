using System;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Why a rebalance is signalled (several may apply at once).</summary>
    [Flags]
    public enum RebalanceReason
    {
        /// <summary>No trigger fired.</summary>
        None = 0,
        /// <summary>An asset's weight left its absolute drift band.</summary>
        AbsoluteDrift = 1,
        /// <summary>An asset's weight left its relative drift band.</summary>
        RelativeDrift = 2,
        /// <summary>The first session of a new calendar period (day, week, month, quarter).</summary>
        Calendar = 4,
        /// <summary>Portfolio VaR rose above its budget.</summary>
        VaRBudget = 8,
        /// <summary>Portfolio volatility rose above its target.</summary>
        VolatilityTarget = 16,
    }

    /// <summary>Calendar rebalancing frequency, counted on the sessions actually traded.</summary>
    public enum CalendarFrequency
    {
        /// <summary>No calendar trigger.</summary>
        None,
        /// <summary>First session of each day.</summary>
        Daily,
        /// <summary>First session of each ISO week (Monday-based).</summary>
        Weekly,
        /// <summary>First session of each month.</summary>
        Monthly,
        /// <summary>First session of each quarter.</summary>
        Quarterly,
    }
}
