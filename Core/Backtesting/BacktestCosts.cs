using NinjaTraderPortfolio.Core.Execution.Impact;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// Trading costs of a backtest fill: a commission per unit traded (currency per contract/share) and, optionally, the
    /// square-root market-impact cost (<see cref="SquareRootImpactModel"/>: spread/2 + Y sigma sqrt(|q| / ADV), as a fraction
    /// of price, times |q| x price x point value). Sigma is the per-bar volatility of log closes over the last
    /// <see cref="VolatilityLookback"/> bars up to the fill bar (no look-ahead); bars are treated as days.
    /// </summary>
    public sealed class BacktestCosts
    {
        private BacktestCosts(decimal commissionPerUnit, SquareRootImpactModel? impact, int volatilityLookback)
        {
            CommissionPerUnit = Guard.NonNegative(commissionPerUnit, nameof(commissionPerUnit));
            Impact = impact;
            VolatilityLookback = Guard.InRange(volatilityLookback, 2, int.MaxValue, nameof(volatilityLookback));
        }

        /// <summary>No commission and no impact (<c>--costs none</c>).</summary>
        public static BacktestCosts None { get; } = new BacktestCosts(0m, null, 20);

        /// <summary>Commission only, in currency per unit traded.</summary>
        public static BacktestCosts Commission(decimal perUnit) => new BacktestCosts(perUnit, null, 20);

        /// <summary>Commission plus square-root impact; every traded instrument needs ADV and spread.</summary>
        public static BacktestCosts WithImpact(decimal commissionPerUnit, SquareRootImpactModel impact, int volatilityLookback = 20)
            => new BacktestCosts(commissionPerUnit, Guard.NotNull(impact, nameof(impact)), volatilityLookback);

        /// <summary>Currency per unit (contract/share) traded.</summary>
        public decimal CommissionPerUnit { get; }

        /// <summary>The impact model, or null for no impact cost.</summary>
        public SquareRootImpactModel? Impact { get; }

        /// <summary>Closes (bars) used for the per-bar volatility of the impact model, at least 2 returns' worth.</summary>
        public int VolatilityLookback { get; }
    }
}
