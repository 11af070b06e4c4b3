using System;

namespace NinjaTraderPortfolio.Core.Execution.Impact
{
    /// <summary>
    /// Almgren, Thum, Hauptmann and Li (2005), "Direct estimation of equity market impact", Risk 18(7):
    /// permanent impact I = gamma sigma (X/V) (Theta/V)^(1/4), temporary impact K = eta sigma |X/(V T)|^(3/5),
    /// realised cost J = I/2 + K; all fractions of price. X shares, V average daily volume, Theta shares outstanding,
    /// T trade duration in days, sigma daily volatility. Fitted coefficients gamma = 0.314, eta = 0.142.
    /// </summary>
    public sealed class AlmgrenImpactModel
    {
        /// <summary>Creates the model; defaults are the paper's fitted coefficients.</summary>
        public AlmgrenImpactModel(double gamma = 0.314, double eta = 0.142, double beta = 0.6)
        {
            Gamma = Guard.Positive(gamma, nameof(gamma));
            Eta = Guard.Positive(eta, nameof(eta));
            Beta = Guard.Positive(beta, nameof(beta));
        }

        /// <summary>Permanent impact coefficient.</summary>
        public double Gamma { get; }

        /// <summary>Temporary impact coefficient.</summary>
        public double Eta { get; }

        /// <summary>Temporary impact exponent (3/5 in the paper).</summary>
        public double Beta { get; }

        /// <summary>Permanent price impact I as a fraction of price. Needs <see cref="InstrumentLiquidity.SharesOutstanding"/>.</summary>
        public double Permanent(double shares, InstrumentLiquidity liquidity)
        {
            Guard.Finite(shares, nameof(shares));
            Guard.NotNull(liquidity, nameof(liquidity));
            if (double.IsNaN(liquidity.SharesOutstanding))
                throw new InvalidInputException("the Almgren et al. (2005) permanent impact needs shares outstanding (turnover)");
            double v = liquidity.AverageDailyVolume;
            return Gamma * liquidity.DailyVolatility * (Math.Abs(shares) / v) * Math.Pow(liquidity.SharesOutstanding / v, 0.25);
        }

        /// <summary>Temporary impact K as a fraction of price for a trade spread evenly over <paramref name="days"/>.</summary>
        public double Temporary(double shares, double days, InstrumentLiquidity liquidity)
        {
            Guard.Finite(shares, nameof(shares));
            Guard.Positive(days, nameof(days));
            Guard.NotNull(liquidity, nameof(liquidity));
            return Eta * liquidity.DailyVolatility * Math.Pow(Math.Abs(shares) / (liquidity.AverageDailyVolume * days), Beta);
        }

        /// <summary>Realised cost J = I/2 + K as a fraction of price (the paper's expected cost of the trade).</summary>
        public double Realized(double shares, double days, InstrumentLiquidity liquidity)
            => Permanent(shares, liquidity) / 2 + Temporary(shares, days, liquidity);
    }
}
