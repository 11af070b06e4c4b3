using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// Gives the target weights (fractions of equity, one per asset of the price frame, in its column order) at a decision bar.
    /// Implementations may read only rows 0..bar of the prices: the backtest decides at the bar's close and must not look ahead.
    /// </summary>
    public interface ITargetWeightSource
    {
        /// <summary>Short description for reports ("fixed weights", "min-variance, lookback 60").</summary>
        string Description { get; }

        /// <summary>First bar index at which targets are available (0 for fixed weights, the lookback for an optimizer).</summary>
        int FirstBar { get; }

        /// <summary>True when the targets never change (fixed weights): the backtester then asks only once.</summary>
        bool IsFixed { get; }

        /// <summary>Targets at <paramref name="bar"/> (&gt;= <see cref="FirstBar"/>) from rows 0..bar of <paramref name="prices"/>.</summary>
        double[] TargetsAt(AssetFrame prices, int bar);
    }
}
