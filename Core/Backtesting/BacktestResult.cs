using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Analytics.Performance;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// Everything a backtest produced. The equity curve starts at the first allocation bar (its equity is the initial capital
    /// minus the first trades' costs) and has one point per bar after it. <see cref="Turnover"/> is the sum, over rebalances
    /// after the first allocation, of traded notional (buys plus sells) divided by the equity before the trades.
    /// </summary>
    public sealed class BacktestResult
    {
        internal BacktestResult(IReadOnlyList<string> assets, IReadOnlyList<EquityPoint> equity, IReadOnlyList<double[]> weights,
            IReadOnlyList<BacktestFill> fills, IReadOnlyList<BacktestRebalance> rebalances, decimal initialCapital,
            decimal commissions, decimal impactCosts, double turnover, PerformanceReport? performance, string description,
            decimal delayCosts = 0m, string execution = "market-on-close")
        {
            DelayCosts = delayCosts; Execution = execution;
            Assets = assets; EquityCurve = equity; Weights = weights; Fills = fills; Rebalances = rebalances; InitialCapital = initialCapital;
            Commissions = commissions; ImpactCosts = impactCosts; Turnover = turnover; Performance = performance; Description = description;
        }

        /// <summary>Assets, in the order of every per-asset array.</summary>
        public IReadOnlyList<string> Assets { get; }
        /// <summary>Equity after each bar's trades, from the first allocation bar to the last bar.</summary>
        public IReadOnlyList<EquityPoint> EquityCurve { get; }
        /// <summary>Per point of <see cref="EquityCurve"/>: weights held (fraction of that equity) after the bar's trades.</summary>
        public IReadOnlyList<double[]> Weights { get; }
        /// <summary>All fills in time order (within a bar, asset order).</summary>
        public IReadOnlyList<BacktestFill> Fills { get; }
        /// <summary>The first allocation and every rebalance signal (a signal whose rounding changes nothing has no fills).</summary>
        public IReadOnlyList<BacktestRebalance> Rebalances { get; }
        /// <summary>Starting cash, currency.</summary>
        public decimal InitialCapital { get; }
        /// <summary>Last equity, currency.</summary>
        public decimal FinalEquity => EquityCurve[EquityCurve.Count - 1].Equity;
        /// <summary>Final equity / initial capital - 1 (includes the first allocation's costs).</summary>
        public double TotalReturn => (double)(FinalEquity / InitialCapital) - 1.0;
        /// <summary>Total commissions, currency.</summary>
        public decimal Commissions { get; }
        /// <summary>Total impact costs, currency.</summary>
        public decimal ImpactCosts { get; }
        /// <summary>
        /// Sum of the fills' <see cref="BacktestFill.DelayCost"/>: what sliced execution paid against the decision closes (0 when
        /// market-on-close), currency. The slicing cost is this plus the commissions and impact costs.
        /// </summary>
        public decimal DelayCosts { get; }
        /// <summary>"market-on-close" or the slicing, e.g. "twap x 4".</summary>
        public string Execution { get; }
        /// <summary>Sum of traded notional / equity over rebalances after the first allocation (fraction; 1 = 100%).</summary>
        public double Turnover { get; }
        /// <summary>Number of fills (instrument orders), the first allocation included.</summary>
        public int Trades => Fills.Count;
        /// <summary>Statistics of the equity curve, or null when it has a single point.</summary>
        public PerformanceReport? Performance { get; }
        /// <summary>What produced the targets (e.g. "fixed weights").</summary>
        public string Description { get; }
    }
}
