using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>What the loop decided on a bar.</summary>
    public enum RebalanceAction
    {
        /// <summary>Nothing to do: the window is still filling, or no trigger fired.</summary>
        None,
        /// <summary>The first allocation: the window holds enough returns for the first targets.</summary>
        FirstAllocation,
        /// <summary>A trigger fired: trade to the (re)computed targets.</summary>
        Rebalance,
        /// <summary>A trigger other than the calendar fired while parent orders were still working: ignored (see <see cref="RebalancingLoop"/>).</summary>
        IgnoredWhileWorking,
    }

    /// <summary>
    /// One bar's decision of the <see cref="RebalancingLoop"/>: the action, the triggers' reasons, the targets in force, the
    /// weights held before trading (fractions of <see cref="Equity"/>), and when the loop sized it the target positions.
    /// </summary>
    public sealed class RebalanceDecision
    {
        internal RebalanceDecision(DateTime time, RebalanceAction action, RebalanceReason reasons, bool retargeted, double[]? targets,
            double[] weights, decimal equity, int returnsNeeded)
        {
            Time = time; Action = action; Reasons = reasons; Retargeted = retargeted; Targets = targets; Weights = weights; Equity = equity;
            ReturnsNeeded = returnsNeeded;
        }

        /// <summary>Bar time.</summary>
        public DateTime Time { get; }
        /// <summary>What to do.</summary>
        public RebalanceAction Action { get; }
        /// <summary>The triggers that fired (None for the first allocation).</summary>
        public RebalanceReason Reasons { get; }
        /// <summary>True when the targets were (re)computed on this bar.</summary>
        public bool Retargeted { get; }
        /// <summary>True for the first allocation and for a rebalance: the account should trade to <see cref="Quantities"/>.</summary>
        public bool Trades => Action == RebalanceAction.FirstAllocation || Action == RebalanceAction.Rebalance;
        /// <summary>True for the first allocation.</summary>
        public bool Initial => Action == RebalanceAction.FirstAllocation;
        /// <summary>Target weights in force after this bar (fractions of equity), or null before the first allocation.</summary>
        public IReadOnlyList<double>? Targets { get; }
        /// <summary>Weights held at the bar's close before trading, fractions of <see cref="Equity"/>.</summary>
        public IReadOnlyList<double> Weights { get; }
        /// <summary>Equity at the bar's close before trading, currency.</summary>
        public decimal Equity { get; }
        /// <summary>Returns the window still needs before the first targets (0 once they exist).</summary>
        public int ReturnsNeeded { get; }
        /// <summary>Target positions (units, whole lots unless fractional) when the loop sized the decision, else null.</summary>
        public IReadOnlyList<decimal>? Quantities { get; private set; }
        /// <summary>The whole-lot sizing (orders, notes, margin) when the loop sized the decision with whole lots, else null.</summary>
        public SizingResult? Sizing { get; private set; }

        internal RebalanceDecision WithSizing(decimal[] quantities, SizingResult? sizing)
        {
            Quantities = quantities;
            Sizing = sizing;
            return this;
        }
    }
}
