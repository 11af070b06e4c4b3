using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>A limit became breached on this bar (raised once per breach episode, not on every bar it lasts).</summary>
    public readonly struct LimitBreachEvent
    {
        /// <summary>Creates the event.</summary>
        public LimitBreachEvent(DateTime time, LimitBreach breach) { Time = time; Breach = breach; }
        /// <summary>Bar time.</summary>
        public DateTime Time { get; }
        /// <summary>What is breached and by how much.</summary>
        public LimitBreach Breach { get; }
    }

    /// <summary>An asset's weight left its drift band (raised once until the trigger re-arms).</summary>
    public readonly struct DriftBreachEvent
    {
        /// <summary>Creates the event.</summary>
        public DriftBreachEvent(DateTime time, string asset, int index, double weight, double target, RebalanceReason band)
        {
            Time = time; Asset = asset; Index = index; Weight = weight; Target = target; Band = band;
        }
        /// <summary>Bar time.</summary>
        public DateTime Time { get; }
        /// <summary>Instrument name.</summary>
        public string Asset { get; }
        /// <summary>Instrument index.</summary>
        public int Index { get; }
        /// <summary>Current weight (fraction of portfolio value).</summary>
        public double Weight { get; }
        /// <summary>Target weight (fraction).</summary>
        public double Target { get; }
        /// <summary><see cref="RebalanceReason.AbsoluteDrift"/> and/or <see cref="RebalanceReason.RelativeDrift"/>.</summary>
        public RebalanceReason Band { get; }
        /// <summary><c>Weight - Target</c>.</summary>
        public double Drift => Weight - Target;
    }

    /// <summary>Which risk measure crossed its limit.</summary>
    public enum RiskMeasure
    {
        /// <summary>Gaussian VaR (fraction of portfolio value, one bar, positive = loss).</summary>
        ValueAtRisk,
        /// <summary>Volatility per bar.</summary>
        Volatility,
    }

    /// <summary>Portfolio VaR or volatility rose above its budget (raised once until the trigger re-arms).</summary>
    public readonly struct RiskBreachEvent
    {
        /// <summary>Creates the event.</summary>
        public RiskBreachEvent(DateTime time, RiskMeasure measure, double value, double limit)
        {
            Time = time; Measure = measure; Value = value; Limit = limit;
        }
        /// <summary>Bar time.</summary>
        public DateTime Time { get; }
        /// <summary>Which measure.</summary>
        public RiskMeasure Measure { get; }
        /// <summary>Its value.</summary>
        public double Value { get; }
        /// <summary>Its budget.</summary>
        public double Limit { get; }
    }

    /// <summary>
    /// Rebalance now, and why. The lists are the engine's buffers: valid during the callback only (copy to keep).
    /// </summary>
    public readonly struct RebalanceSignal
    {
        /// <summary>Creates the signal.</summary>
        public RebalanceSignal(DateTime time, RebalanceReason reasons, IReadOnlyList<string> assets, IReadOnlyList<double> currentWeights,
            IReadOnlyList<double> targetWeights, IReadOnlyList<double> weightChanges, double portfolioValue)
        {
            Time = time; Reasons = reasons; Assets = assets; CurrentWeights = currentWeights;
            TargetWeights = targetWeights; WeightChanges = weightChanges; PortfolioValue = portfolioValue;
        }
        /// <summary>Bar time.</summary>
        public DateTime Time { get; }
        /// <summary>Every trigger that fired.</summary>
        public RebalanceReason Reasons { get; }
        /// <summary>Instrument names.</summary>
        public IReadOnlyList<string> Assets { get; }
        /// <summary>Weights now (fractions of portfolio value).</summary>
        public IReadOnlyList<double> CurrentWeights { get; }
        /// <summary>Weights to trade to.</summary>
        public IReadOnlyList<double> TargetWeights { get; }
        /// <summary><c>target - current</c> per instrument; 0 where the trade is below the minimum trade value.</summary>
        public IReadOnlyList<double> WeightChanges { get; }
        /// <summary>Portfolio value (currency) the weights refer to.</summary>
        public double PortfolioValue { get; }
    }

    /// <summary>
    /// Receives the engine's events synchronously inside <see cref="DynamicAllocationEngine.OnBar(DateTime, double[], int[], decimal)"/>.
    /// Events are value types passed by reference: nothing is allocated per bar.
    /// </summary>
    public interface IAllocationListener
    {
        /// <summary>A limit became breached.</summary>
        void OnLimitBreach(in LimitBreachEvent e);
        /// <summary>An asset drifted out of its band.</summary>
        void OnDriftBreach(in DriftBreachEvent e);
        /// <summary>VaR or volatility rose above budget.</summary>
        void OnRiskBreach(in RiskBreachEvent e);
        /// <summary>A rebalance is due.</summary>
        void OnRebalanceSignal(in RebalanceSignal e);
    }

    /// <summary>An <see cref="IAllocationListener"/> that ignores everything; override what you need.</summary>
    public class AllocationListenerBase : IAllocationListener
    {
        /// <inheritdoc/>
        public virtual void OnLimitBreach(in LimitBreachEvent e) { }
        /// <inheritdoc/>
        public virtual void OnDriftBreach(in DriftBreachEvent e) { }
        /// <inheritdoc/>
        public virtual void OnRiskBreach(in RiskBreachEvent e) { }
        /// <inheritdoc/>
        public virtual void OnRebalanceSignal(in RebalanceSignal e) { }
    }
}
