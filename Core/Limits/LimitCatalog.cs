using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Limits
{
    /// <summary>
    /// The one table of limits: every limit a user can set, declared once with its name, unit, valid range and default
    /// (<see cref="LimitSpec"/>). Optimizer limits (weights, sectors, budget, leverage, turnover) end up in
    /// <c>PortfolioConstraints</c>, sizing caps in the planner's <c>IAllocationLimits</c>, trading guards in
    /// <c>TradingLimits</c>. A single value is checked against its declaration once, where the user typed it; whether
    /// several limits can hold together (min &lt;= max, n x max weight &gt;= budget, sector sums) is the feasibility check's
    /// business (<c>ConstraintFeasibilityCheck</c>), not a range.
    /// </summary>
    public static class LimitCatalog
    {
        private const string OfValue = "fraction of portfolio value";

        /// <summary>Lowest weight of an asset (negative allows shorts). Any finite value; default 0 (long-only).</summary>
        public static readonly LimitSpec MinWeight = new LimitSpec("min weight", OfValue, double.NegativeInfinity, false, double.PositiveInfinity, false, 0,
            "lowest weight of each asset without its own range; negative allows shorts");

        /// <summary>
        /// Highest weight of an asset. Any finite value (above 1 is meaningful with shorts and leverage, below the budget
        /// share is reported by the feasibility check); default 1 (no cap for a long-only, fully invested portfolio).
        /// </summary>
        public static readonly LimitSpec MaxWeight = new LimitSpec("max weight", OfValue, double.NegativeInfinity, false, double.PositiveInfinity, false, 1,
            "highest weight of each asset without its own range");

        /// <summary>
        /// The NinjaTrader faces' default max weight (strategy property, AddOn text box): 0.6 instead of <see cref="MaxWeight"/>'s 1.
        /// Reason: the chart face trades two to four futures with no other per-instrument limit; 0.6 keeps a fresh strategy from
        /// putting the whole account into one contract. The CLI and the JSON config mirror the optimizer and keep 1 (no cap).
        /// </summary>
        public const double ChartMaxWeightDefault = 0.6;

        /// <summary>Cap on the sum of one sector's weights (signed). Any finite value; none by default.</summary>
        public static readonly LimitSpec SectorMax = new LimitSpec("sector cap", OfValue, double.NegativeInfinity, false, double.PositiveInfinity, false, null,
            "highest sum of the weights of one sector");

        /// <summary>Floor on the sum of one sector's weights (signed). Any finite value; none by default.</summary>
        public static readonly LimitSpec SectorMin = new LimitSpec("sector floor", OfValue, double.NegativeInfinity, false, double.PositiveInfinity, false, null,
            "lowest sum of the weights of one sector");

        /// <summary>Required sum of weights (1 = fully invested). Any finite value; default 1 (Kelly: none).</summary>
        public static readonly LimitSpec Budget = new LimitSpec("budget", "sum of weights", double.NegativeInfinity, false, double.PositiveInfinity, false, 1,
            "required sum of the weights");

        /// <summary>Gross leverage cap <c>sum |w_i| &lt;= L</c>, &gt; 0; default 1.</summary>
        public static readonly LimitSpec MaxLeverage = new LimitSpec("max leverage", "sum of |weights|", 0, false, double.PositiveInfinity, false, 1,
            "highest gross leverage, sum of |weights|");

        /// <summary>Turnover cap <c>sum |w_i - w0_i| &lt;= T</c> against current weights, &gt;= 0; none by default.</summary>
        public static readonly LimitSpec MaxTurnover = new LimitSpec("max turnover", "sum of |weight changes|", 0, true, double.PositiveInfinity, false, null,
            "highest sum of |target - current weight|");

        /// <summary>Sizing cap on |weight| of one instrument when whole lots are planned, &gt;= 0; none by default.</summary>
        public static readonly LimitSpec MaxAbsWeight = new LimitSpec("max |weight|", "fraction of equity", 0, true, double.PositiveInfinity, false, null,
            "highest |weight| of one instrument when positions are sized in whole lots");

        /// <summary>Cap on |quantity x price x point value| of one instrument, &gt;= 0 (0 = no position); none by default.</summary>
        public static readonly LimitSpec MaxNotional = new LimitSpec("max notional", "currency", 0, true, double.PositiveInfinity, false, null,
            "highest |position notional| of one instrument");

        /// <summary>Trading guard: largest quantity of one order, &gt; 0.</summary>
        public static readonly LimitSpec MaxOrderQuantity = new LimitSpec("max order quantity", "whole units", 0, false, double.PositiveInfinity, false, null,
            "largest quantity of one order");

        /// <summary>Trading guard: largest notional of one order, &gt; 0.</summary>
        public static readonly LimitSpec MaxOrderNotional = new LimitSpec("max order notional", "currency", 0, false, double.PositiveInfinity, false, null,
            "largest notional of one order");

        /// <summary>Trading guard: largest quantity sent per UTC day (all instruments), &gt; 0.</summary>
        public static readonly LimitSpec MaxDailyQuantity = new LimitSpec("max daily quantity", "whole units", 0, false, double.PositiveInfinity, false, null,
            "largest total quantity sent per day");

        /// <summary>Trading guard: largest notional sent per UTC day (all instruments), &gt; 0.</summary>
        public static readonly LimitSpec MaxDailyNotional = new LimitSpec("max daily notional", "currency", 0, false, double.PositiveInfinity, false, null,
            "largest total notional sent per day");

        /// <summary>Trading guard: largest quantity of one instrument sent per UTC day, &gt; 0.</summary>
        public static readonly LimitSpec MaxDailyQuantityPerInstrument = new LimitSpec("max daily quantity per instrument", "whole units", 0, false, double.PositiveInfinity, false, null,
            "largest quantity of one instrument sent per day");

        /// <summary>Trading guard: largest notional of one instrument sent per UTC day, &gt; 0.</summary>
        public static readonly LimitSpec MaxDailyNotionalPerInstrument = new LimitSpec("max daily notional per instrument", "currency", 0, false, double.PositiveInfinity, false, null,
            "largest notional of one instrument sent per day");

        /// <summary>Trading guard: largest order quantity as a fraction of the market volume, in (0, 1].</summary>
        public static readonly LimitSpec MaxParticipation = new LimitSpec("max participation", "fraction of market volume", 0, false, 1, true, null,
            "largest order quantity relative to the market volume");

        /// <summary>Trading guard: oldest acceptable price, &gt;= 0 milliseconds.</summary>
        public static readonly LimitSpec MaxPriceAge = new LimitSpec("max price age", "milliseconds", 0, true, double.PositiveInfinity, false, null,
            "oldest acceptable price at order time");

        /// <summary>Every declaration, in the order above (help texts, docs, tests).</summary>
        public static IReadOnlyList<LimitSpec> All { get; } = new[]
        {
            MinWeight, MaxWeight, SectorMax, SectorMin, Budget, MaxLeverage, MaxTurnover, MaxAbsWeight, MaxNotional,
            MaxOrderQuantity, MaxOrderNotional, MaxDailyQuantity, MaxDailyNotional, MaxDailyQuantityPerInstrument, MaxDailyNotionalPerInstrument,
            MaxParticipation, MaxPriceAge,
        };
    }
}
