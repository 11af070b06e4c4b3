using System;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// One instrument of a backtest: point value (currency per point per contract; 1 for shares), lot size (orders are whole
    /// lots of this many units) and, for <see cref="BacktestCosts.WithImpact"/>, its liquidity: average daily volume
    /// (units per day) and full bid-ask spread (fraction of price). NaN liquidity means unknown.
    /// </summary>
    public sealed class BacktestInstrument
    {
        /// <summary>Creates the instrument; point value &gt; 0, lot size &gt;= 1, ADV NaN or &gt; 0, spread NaN or &gt;= 0.</summary>
        public BacktestInstrument(string symbol, decimal pointValue = 1m, int lotSize = 1, double averageDailyVolume = double.NaN, double spread = double.NaN)
        {
            Symbol = Guard.NotBlank(symbol, nameof(symbol));
            if (pointValue <= 0m) throw new InvalidInputException($"point value of '{symbol}' must be > 0, got {pointValue}");
            if (lotSize < 1) throw new InvalidInputException($"lot size of '{symbol}' must be >= 1, got {lotSize}");
            if (!double.IsNaN(averageDailyVolume) && !(averageDailyVolume > 0 && !double.IsInfinity(averageDailyVolume)))
                throw new InvalidInputException($"average daily volume of '{symbol}' must be > 0, got {Guard.Format(averageDailyVolume)}");
            if (!double.IsNaN(spread) && !(spread >= 0 && !double.IsInfinity(spread)))
                throw new InvalidInputException($"spread of '{symbol}' must be >= 0, got {Guard.Format(spread)}");
            PointValue = pointValue;
            LotSize = lotSize;
            AverageDailyVolume = averageDailyVolume;
            Spread = spread;
        }

        /// <summary>Instrument name (a column of the price frame).</summary>
        public string Symbol { get; }

        /// <summary>Currency per point per contract (1 for shares).</summary>
        public decimal PointValue { get; }

        /// <summary>Units per lot.</summary>
        public int LotSize { get; }

        /// <summary>Average daily volume in units per day, NaN when unknown.</summary>
        public double AverageDailyVolume { get; }

        /// <summary>Full bid-ask spread as a fraction of price, NaN when unknown.</summary>
        public double Spread { get; }

        /// <summary>True when both ADV and spread are known (needed by the impact model).</summary>
        public bool HasLiquidity => !double.IsNaN(AverageDailyVolume) && !double.IsNaN(Spread);
    }
}
