using NinjaTraderPortfolio.Core.Execution.Session;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// Sliced execution of a backtest (instead of market-on-close): each parent order of a rebalance decided at the close of
    /// bar t is split by the live schedule (<see cref="FixedSchedulePolicy.Build"/>: TWAP, VWAP on a uniform profile or
    /// Almgren-Chriss implementation shortfall) into at most <see cref="Slices"/> children, child k filling at the close of
    /// bar t + 1 + k (in whole lots) and paying commission and the impact model's cost on its own quantity.
    /// </summary>
    public sealed class BacktestExecution
    {
        /// <summary>
        /// Creates the setting. <paramref name="slices"/> in [1, <see cref="FixedSchedulePolicy.MaxSlices"/>] (bars per parent);
        /// <paramref name="sigma"/> (price units per sqrt(bar)), <paramref name="eta"/> (&gt; 0) and <paramref name="riskAversion"/>
        /// (1/currency) shape the IS trajectory only.
        /// </summary>
        public BacktestExecution(SliceStrategy strategy, int slices, double sigma = 0, double eta = 1, double riskAversion = 0)
        {
            if (slices < 1 || slices > FixedSchedulePolicy.MaxSlices)
                throw new InvalidInputException($"execution slices must be in [1, {FixedSchedulePolicy.MaxSlices}], got {slices}");
            Guard.NonNegative(sigma, nameof(sigma));
            Guard.Positive(eta, nameof(eta));
            Guard.NonNegative(riskAversion, nameof(riskAversion));
            Strategy = strategy; Slices = slices; Sigma = sigma; Eta = eta; RiskAversion = riskAversion;
        }

        /// <summary>Slicing strategy, as live.</summary>
        public SliceStrategy Strategy { get; }
        /// <summary>Most children (bars) per parent order.</summary>
        public int Slices { get; }
        /// <summary>IS volatility, price units per sqrt(bar).</summary>
        public double Sigma { get; }
        /// <summary>IS temporary impact coefficient.</summary>
        public double Eta { get; }
        /// <summary>IS risk aversion, 1/currency.</summary>
        public double RiskAversion { get; }

        /// <summary>Child lot counts of a parent of <paramref name="lots"/> lots (&gt; 0) when <paramref name="barsLeft"/> bars remain (&gt; 0).</summary>
        public long[] ChildLots(long lots, int barsLeft)
        {
            int n = System.Math.Min(Slices, barsLeft);
            var schedule = FixedSchedulePolicy.Build(Strategy, lots, n, Sigma, Eta, RiskAversion);
            var q = new long[schedule.Slices.Count];
            for (int k = 0; k < q.Length; k++) q[k] = schedule.Slices[k].Quantity;
            return q;
        }

        /// <summary>"twap", "vwap" or "is" and the slice count, e.g. "twap x 4".</summary>
        public string Description => (Strategy == SliceStrategy.Twap ? "twap" : Strategy == SliceStrategy.Vwap ? "vwap" : "is") + " x " + Slices;
    }
}
