using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Portfolio.Config;

namespace NinjaTraderPortfolio.Core.Portfolio.Manager
{
    /// <summary>State of one portfolio inside <see cref="PortfolioManager"/>; every member is used under <see cref="Gate"/>.</summary>
    internal sealed class ManagedPortfolio
    {
        private readonly int _keep;

        public ManagedPortfolio(PortfolioConfig config, ITargetWeightSource source)
        {
            Config = config;
            Source = source;
            Symbols = config.Instruments.Select(i => i.Symbol).ToArray();
            Policy = RebalancePolicy.Parse(config.Rebalance);
            Triggers = Policy.IsNone ? null : new RebalanceTriggerEvaluator(Symbols.Length, Policy.ToTriggerOptions());
            Positions = new long[Symbols.Length];
            // Enough closes for the optimizer window and for a 20-bar volatility of the router.
            _keep = Math.Max(source.FirstBar + 1, 21);
        }

        public object Gate { get; } = new object();
        public Queue<Action> Outbox { get; } = new Queue<Action>();
        public PortfolioConfig Config { get; }
        public ITargetWeightSource Source { get; }
        public string[] Symbols { get; }
        public RebalancePolicy Policy { get; }
        public RebalanceTriggerEvaluator? Triggers { get; }
        public List<DateTime> Dates { get; } = new List<DateTime>();
        public List<double[]> Closes { get; } = new List<double[]>();
        public long[] Positions { get; }
        public decimal Cash { get; set; }
        public bool HasPositions { get; set; }
        public double[]? Targets { get; set; }
        public decimal? StartEquity { get; set; }
        public DateTime? LastEvaluated { get; set; }

        public void AddBar(DateTime time, double[] closes)
        {
            if (Dates.Count > 0 && time <= Dates[Dates.Count - 1])
                throw new InvalidInputException($"portfolio '{Config.Name}': bar time {AssetFrame.FormatDate(time)} is not after the previous bar {AssetFrame.FormatDate(Dates[Dates.Count - 1])}");
            Dates.Add(time);
            Closes.Add(closes);
            if (Dates.Count > _keep)
            {
                Dates.RemoveAt(0);
                Closes.RemoveAt(0);
            }
        }

        /// <summary>Bars seen so far (capped at the retained window).</summary>
        public int Bars => Dates.Count;

        public AssetFrame History()
        {
            var cols = new double[Symbols.Length][];
            for (int j = 0; j < cols.Length; j++)
            {
                cols[j] = new double[Dates.Count];
                for (int t = 0; t < Dates.Count; t++) cols[j][t] = Closes[t][j];
            }
            return new AssetFrame(Dates, Symbols, cols, FrameKind.Prices, "portfolio '" + Config.Name + "'");
        }

        public decimal UnitNotional(int i) => (decimal)Closes[Closes.Count - 1][i] * Config.PointValueInAccount(Config.Instruments[i]);

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
