using System;

namespace NinjaTraderPortfolio.Core.Execution.Impact
{
    /// <summary>
    /// Square-root law of market impact: expected cost per unit traded, as a fraction of price,
    /// = spread / 2 + Y sigma_daily sqrt(Q / ADV). Y is of order one across markets (Toth et al. 2011,
    /// "Anomalous price impact and the critical nature of liquidity"); the default is 1.
    /// </summary>
    public sealed class SquareRootImpactModel
    {
        /// <summary>Creates the model with prefactor <paramref name="y"/> &gt; 0.</summary>
        public SquareRootImpactModel(double y = 1.0) => Y = Guard.Positive(y, nameof(y));

        /// <summary>Dimensionless prefactor Y.</summary>
        public double Y { get; }

        /// <summary>Cost per unit traded as a fraction of price for |<paramref name="quantity"/>| shares/contracts.</summary>
        public double CostFraction(double quantity, InstrumentLiquidity liquidity)
        {
            Guard.Finite(quantity, nameof(quantity));
            Guard.NotNull(liquidity, nameof(liquidity));
            return liquidity.Spread / 2 + Y * liquidity.DailyVolatility * Math.Sqrt(Math.Abs(quantity) / liquidity.AverageDailyVolume);
        }

        /// <summary>Cost in currency: fraction x |quantity| x price x point value.</summary>
        public double Cost(double quantity, double price, double pointValue, InstrumentLiquidity liquidity)
        {
            Guard.Positive(price, nameof(price));
            Guard.Positive(pointValue, nameof(pointValue));
            return CostFraction(quantity, liquidity) * Math.Abs(quantity) * price * pointValue;
        }
    }
}
