using System;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// Another source's targets scaled by <see cref="RiskScaling"/> at every decision bar: k = min(V / sigma, L / sum|w|),
    /// sigma from the sample covariance of the last <see cref="Window"/> returns of the loop's window up to that bar
    /// (no look-ahead) times the periods per year.
    /// </summary>
    public sealed class ScaledWeightSource : ITargetWeightSource
    {
        private readonly ITargetWeightSource _inner;
        private readonly int _periodsPerYear;
        private readonly double? _volatilityTarget, _maxGross;

        /// <summary>Wraps <paramref name="inner"/>; <paramref name="window"/> returns (&gt;= 2) estimate the covariance.</summary>
        public ScaledWeightSource(ITargetWeightSource inner, int window, int periodsPerYear, double? volatilityTarget, double? maxGrossLeverage)
        {
            _inner = Guard.NotNull(inner, nameof(inner));
            if (window < 2) throw new InvalidInputException($"the volatility window must be at least 2 returns, got {window}");
            Window = window;
            _periodsPerYear = Guard.Positive(periodsPerYear, nameof(periodsPerYear));
            _volatilityTarget = volatilityTarget;
            _maxGross = maxGrossLeverage;
        }

        /// <summary>Returns in the covariance window.</summary>
        public int Window { get; }

        /// <summary>The scaling of the last targets asked for (null before the first).</summary>
        public RiskScale? LastScale { get; private set; }

        /// <inheritdoc />
        public string Description => _inner.Description + (_volatilityTarget.HasValue ? $", volatility target {Guard.Format(_volatilityTarget.Value)}" : "")
            + (_maxGross.HasValue ? $", gross leverage <= {Guard.Format(_maxGross.Value)}" : "");

        /// <inheritdoc />
        public int FirstBar => Math.Max(_inner.FirstBar, Window);

        /// <inheritdoc />
        public bool IsFixed => false;

        /// <inheritdoc />
        public double[] TargetsAt(ReturnWindow window)
        {
            Guard.NotNull(window, nameof(window));
            if (window.Count < Window) throw new InvalidInputException($"the volatility window needs {Window} returns; the window holds {window.Count}");
            double[] w = _inner.TargetsAt(window);
            window.Estimate(Window, out _, out double[,] covariance);
            LastScale = RiskScaling.Scale(w, covariance, _periodsPerYear, _volatilityTarget, _maxGross);
            return LastScale.Weights;
        }
    }
}
