using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Allocation;

namespace NinjaTraderPortfolio.Core.Portfolio.Manager
{
    /// <summary>The result of <see cref="PortfolioManager.Evaluate"/> for one portfolio at its latest bar.</summary>
    public sealed class PortfolioEvaluation
    {
        internal PortfolioEvaluation(string portfolio, DateTime time, decimal equity, IReadOnlyList<string> instruments, double[] weights,
            double[]? targets, bool signal, bool initial, RebalanceReason reasons, int barsNeeded, IReadOnlyList<string> alerts)
        {
            Portfolio = portfolio; Time = time; Equity = equity; Instruments = instruments; Weights = weights; Targets = targets;
            Signal = signal; Initial = initial; Reasons = reasons; BarsNeeded = barsNeeded; Alerts = alerts;
        }

        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>Bar time evaluated.</summary>
        public DateTime Time { get; }
        /// <summary>Cash plus marked positions, currency.</summary>
        public decimal Equity { get; }
        /// <summary>Instruments, in the order of the weight arrays.</summary>
        public IReadOnlyList<string> Instruments { get; }
        /// <summary>Weights held (fractions of equity).</summary>
        public IReadOnlyList<double> Weights { get; }
        /// <summary>Targets in force, or null while the optimizer's window is still filling.</summary>
        public IReadOnlyList<double>? Targets { get; }
        /// <summary>True when a rebalance is due now (then <see cref="PortfolioManager.Plan"/> sizes it).</summary>
        public bool Signal { get; }
        /// <summary>True when the signal is the first allocation.</summary>
        public bool Initial { get; }
        /// <summary>Trigger reasons of the signal.</summary>
        public RebalanceReason Reasons { get; }
        /// <summary>More bars needed before targets exist (0 when they do).</summary>
        public int BarsNeeded { get; }
        /// <summary>Alert messages raised by this evaluation.</summary>
        public IReadOnlyList<string> Alerts { get; }
    }
}
