using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// Gives the target weights (fractions of equity, one per asset of the window, in its order) at a decision bar, from the
    /// rebalancing loop's returns window: the returns up to the decision bar's close, never later ones (no look-ahead).
    /// </summary>
    public interface ITargetWeightSource
    {
        /// <summary>Short description for reports ("fixed weights", "min-variance, lookback 60").</summary>
        string Description { get; }

        /// <summary>
        /// Returns the window must hold before targets are available (0 for fixed weights, the lookback for an optimizer):
        /// on a price series that starts at bar 0, the index of the first bar with targets.
        /// </summary>
        int FirstBar { get; }

        /// <summary>True when the targets never change (fixed weights): the loop then asks only once.</summary>
        bool IsFixed { get; }

        /// <summary>Targets from <paramref name="window"/> (holding at least <see cref="FirstBar"/> returns), as of its last bar.</summary>
        double[] TargetsAt(ReturnWindow window);
    }

    /// <summary>One-shot use of a target source on a price frame (CLI, tests): the window replayed from the prices.</summary>
    public static class TargetWeightSources
    {
        /// <summary>
        /// Targets at <paramref name="bar"/> (&gt;= <see cref="ITargetWeightSource.FirstBar"/>) from rows 0..bar of
        /// <paramref name="prices"/>: the closes are streamed through a <see cref="ReturnWindow"/> of the source's length, as
        /// the loop does.
        /// </summary>
        public static double[] TargetsAt(this ITargetWeightSource source, AssetFrame prices, int bar)
        {
            Guard.NotNull(source, nameof(source));
            Guard.NotNull(prices, nameof(prices));
            if (prices.Kind != FrameKind.Prices) throw new InvalidInputException($"{prices.Source}: targets need prices, got {prices.Kind}");
            if (bar < source.FirstBar || bar >= prices.Rows)
                throw new InvalidInputException($"{prices.Source}: the targets ({source.Description}) need {source.FirstBar} returns before the decision bar; bar {bar} of {prices.Rows} has {bar}");
            var window = new ReturnWindow(prices.Assets, System.Math.Max(2, source.FirstBar));
            var row = new double[prices.AssetCount];
            for (int t = System.Math.Max(0, bar - window.Length); t <= bar; t++)
            {
                for (int i = 0; i < row.Length; i++) row[i] = prices[t, i];
                window.Add(prices.Dates[t], row);
            }
            return source.TargetsAt(window);
        }
    }
}
