using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>Settings of a <see cref="RebalancingLoop"/>: the instruments, the triggers and the sizing limits.</summary>
    public sealed class RebalancingLoopOptions
    {
        /// <summary>Instrument names, in the order of every per-bar array.</summary>
        public IReadOnlyList<string> Instruments { get; set; } = new string[0];

        /// <summary>Account currency per point per contract (1 for shares), one per instrument, &gt; 0.</summary>
        public IReadOnlyList<decimal> PointValues { get; set; } = new decimal[0];

        /// <summary>Units per lot (orders are whole lots), one per instrument, or null for 1.</summary>
        public IReadOnlyList<int>? LotSizes { get; set; }

        /// <summary>Initial margin per contract in the account currency, one per instrument (null entries = unknown), or null.</summary>
        public IReadOnlyList<decimal?>? Margins { get; set; }

        /// <summary>
        /// When to rebalance after the first allocation (drift bands, calendar), or null: never (buy and hold). The risk
        /// triggers (VaR budget, volatility target) are not evaluated by the loop (see <see cref="DynamicAllocationEngine"/>).
        /// </summary>
        public RebalanceTriggerOptions? Triggers { get; set; }

        /// <summary>Fraction of equity kept in cash when sizing whole lots, in [0, 1).</summary>
        public double CashBuffer { get; set; }

        /// <summary>No-trade band for whole-lot sizing, a fraction of equity (see <see cref="FuturesSizer"/>).</summary>
        public double MinTradeWeight { get; set; }

        /// <summary>Largest total initial margin as a fraction of equity, or null (needs <see cref="Margins"/>).</summary>
        public double? MaxMarginUse { get; set; }

        /// <summary>Per-instrument |weight| and notional caps whole-lot sizing respects, or null.</summary>
        public IAllocationLimits? SizingLimits { get; set; }

        /// <summary>
        /// True: target positions are exact decimal fractions of a unit, q = w E / (p pv) (the holdings equal the targets to
        /// 28 digits; for comparisons with closed forms). False (default): whole lots by <see cref="FuturesSizer"/>.
        /// </summary>
        public bool FractionalUnits { get; set; }

        /// <summary>Every trigger reason: with it as <see cref="RetargetOn"/> every signal recomputes the targets.</summary>
        public const RebalanceReason EverySignal = RebalanceReason.AbsoluteDrift | RebalanceReason.RelativeDrift | RebalanceReason.Calendar
            | RebalanceReason.VaRBudget | RebalanceReason.VolatilityTarget;

        /// <summary>
        /// The signals that recompute the targets (the first allocation always does): <see cref="EverySignal"/> (default;
        /// the backtester's and the manager's policies) or <see cref="RebalanceReason.Calendar"/> (the strategy: the schedule
        /// re-optimizes, a drift signal trades back to the targets in force). A fixed source is asked once whatever this is.
        /// </summary>
        public RebalanceReason RetargetOn { get; set; } = EverySignal;

        /// <summary>Returns the window keeps at least (e.g. for a risk report over more returns than the optimizer uses); default 2.</summary>
        public int MinimumWindow { get; set; } = 2;
    }
}
