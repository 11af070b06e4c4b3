using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Allocation;

namespace NinjaTraderPortfolio.Core.Portfolio.Manager
{
    /// <summary>A rebalance is due for a portfolio: why, the weights now and the targets to trade to (fractions of equity).</summary>
    public sealed class RebalanceSignalEventArgs : EventArgs
    {
        /// <summary>Creates the event.</summary>
        public RebalanceSignalEventArgs(string portfolio, DateTime time, RebalanceReason reasons, bool initial, IReadOnlyList<string> instruments,
            IReadOnlyList<double> weights, IReadOnlyList<double> targets)
        {
            Portfolio = portfolio; Time = time; Reasons = reasons; Initial = initial; Instruments = instruments; Weights = weights; Targets = targets;
        }

        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>Bar time of the decision.</summary>
        public DateTime Time { get; }
        /// <summary>Trigger reasons (None for the first allocation).</summary>
        public RebalanceReason Reasons { get; }
        /// <summary>True for the first allocation of the portfolio.</summary>
        public bool Initial { get; }
        /// <summary>Instruments, in the order of the weight lists.</summary>
        public IReadOnlyList<string> Instruments { get; }
        /// <summary>Weights held now.</summary>
        public IReadOnlyList<double> Weights { get; }
        /// <summary>Target weights.</summary>
        public IReadOnlyList<double> Targets { get; }
    }

    /// <summary>Severity of a <see cref="PortfolioAlertEventArgs"/>.</summary>
    public enum PortfolioAlertLevel
    {
        /// <summary>For information.</summary>
        Info,
        /// <summary>Needs a look (a limit is breached).</summary>
        Warning,
    }

    /// <summary>Something a trader should see: a breached limit, a stale or missing input.</summary>
    public sealed class PortfolioAlertEventArgs : EventArgs
    {
        /// <summary>Creates the alert.</summary>
        public PortfolioAlertEventArgs(string portfolio, DateTime timeUtc, PortfolioAlertLevel level, string message)
        {
            Portfolio = portfolio; TimeUtc = timeUtc; Level = level; Message = message;
        }

        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>When it was raised (injected clock, UTC).</summary>
        public DateTime TimeUtc { get; }
        /// <summary>Severity.</summary>
        public PortfolioAlertLevel Level { get; }
        /// <summary>What happened, naming the instrument, value and limit.</summary>
        public string Message { get; }
    }

    /// <summary>Equity and weights of a portfolio after an evaluation.</summary>
    public sealed class PerformanceUpdateEventArgs : EventArgs
    {
        /// <summary>Creates the update.</summary>
        public PerformanceUpdateEventArgs(string portfolio, DateTime time, decimal equity, double returnSinceStart)
        {
            Portfolio = portfolio; Time = time; Equity = equity; ReturnSinceStart = returnSinceStart;
        }

        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>Bar time.</summary>
        public DateTime Time { get; }
        /// <summary>Cash plus marked positions, currency.</summary>
        public decimal Equity { get; }
        /// <summary>Equity / equity at the first evaluation - 1 (fraction).</summary>
        public double ReturnSinceStart { get; }
    }
}
