using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NinjaTraderPortfolio.Core.Rebalancing;

namespace NinjaTraderPortfolio.Core.Portfolio.Manager
{
    /// <summary>
    /// State of one portfolio inside <see cref="PortfolioManager"/>: its <see cref="RebalancingLoop"/> (the one returns window,
    /// triggers, targets and sizing limits, the same loop the backtester replays) and the account; every member is used under
    /// <see cref="Gate"/>.
    /// </summary>
    internal sealed class ManagedPortfolio
    {
        // Returns kept at least: enough for a 20-return volatility of the router and the risk report.
        internal const int MinimumWindow = 20;

        public ManagedPortfolio(PortfolioConfig config, ITargetWeightSource source)
        {
            Config = config;
            Symbols = config.Instruments.Select(i => i.Symbol).ToArray();
            Policy = RebalancePolicy.Parse(config.Rebalance);
            Positions = new long[Symbols.Length];
            Loop = new RebalancingLoop(LoopOptions(config, Policy), source);
        }

        /// <summary>The loop settings of a configured portfolio (point values in the account currency, lots, policy, cash buffer, sizing caps).</summary>
        internal static RebalancingLoopOptions LoopOptions(PortfolioConfig config, RebalancePolicy policy) => new RebalancingLoopOptions
        {
            Instruments = config.Instruments.Select(i => i.Symbol).ToArray(),
            PointValues = config.Instruments.Select(config.PointValueInAccount).ToArray(),
            LotSizes = config.Instruments.Select(i => i.LotSize).ToArray(),
            Triggers = policy.IsNone ? null : policy.ToTriggerOptions(),
            CashBuffer = config.CashBuffer,
            SizingLimits = TargetSourceFactory.SizingLimits(config),
            MinimumWindow = MinimumWindow,
        };

        public object Gate { get; } = new object();
        public Queue<Action> Outbox { get; } = new Queue<Action>();
        public PortfolioConfig Config { get; }
        public RebalancingLoop Loop { get; }
        public ITargetWeightSource Source => Loop.Source;
        public string[] Symbols { get; }
        public RebalancePolicy Policy { get; }
        public long[] Positions { get; }
        public decimal Cash { get; set; }
        public bool HasPositions { get; set; }
        public double[]? Targets => Loop.Targets?.ToArray();
        public decimal? StartEquity { get; set; }
        public DateTime? LastEvaluated { get; set; }
        private readonly List<double> _lastCloses = new List<double>();

        public void AddBar(DateTime time, double[] closes)
        {
            if (Loop.Bars > 0 && time <= Loop.Window.LastTime)
                throw new InvalidInputException($"portfolio '{Config.Name}': bar time {AssetFrame.FormatDate(time)} is not after the previous bar {AssetFrame.FormatDate(Loop.Window.LastTime)}");
            Loop.AddBar(time, closes);
            _lastCloses.Clear();
            _lastCloses.AddRange(closes);
        }

        /// <summary>Bars seen so far.</summary>
        public long Bars => Loop.Bars;

        /// <summary>Time of the latest bar.</summary>
        public DateTime LastTime => Loop.Window.LastTime;

        /// <summary>Signed positions as the loop takes them.</summary>
        public decimal[] PositionUnits() => Positions.Select(q => (decimal)q).ToArray();

        /// <summary>
        /// Volatility per bar of the log returns ln(1 + r) of instrument <paramref name="i"/> over the window (sample, n - 1):
        /// the router's sigma. ln(1 + r) equals ln(c_t / c_(t-1)) exactly for returns in [-0.5, 1].
        /// </summary>
        public double LogVolatility(int i)
        {
            var returns = Loop.Window.Frame(Loop.Window.Count);
            double mean = 0, m2 = 0;
            for (int k = 0; k < returns.Rows; k++)
            {
                double r = Math.Log(1.0 + returns[k, i]);
                double d = r - mean;
                mean += d / (k + 1);
                m2 += d * (r - mean);
            }
            return Math.Sqrt(m2 / (returns.Rows - 1));
        }

        public decimal UnitNotional(int i) => (decimal)_lastCloses[i] * Config.PointValueInAccount(Config.Instruments[i]);

        public decimal Equity()
        {
            decimal e = Cash;
            for (int i = 0; i < Positions.Length; i++) e += Positions[i] * UnitNotional(i);
            return e;
        }

        public double[] Weights(decimal equity)
        {
            var w = new double[Positions.Length];
            if (equity <= 0) return w;
            for (int i = 0; i < w.Length; i++) w[i] = (double)(Positions[i] * UnitNotional(i) / equity);
            return w;
        }
    }
}
