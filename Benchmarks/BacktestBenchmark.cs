using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Backtest throughput: one invocation = a whole market-on-close backtest of 20 instruments over 2520 daily bars
    /// (seeded prices), fixed equal weights, monthly rebalancing into whole units with a per-unit commission.
    /// Bar updates per second = 2520 / mean time (each bar marks, records and checks the triggers for all 20 instruments).
    /// </summary>
    [MemoryDiagnoser]
    public class BacktestBenchmark
    {
        /// <summary>Bars per backtest.</summary>
        public const int Bars = 2520;

        private const int Instruments = 20;
        private AssetFrame _prices = null!;
        private List<BacktestInstrument> _instruments = null!;
        private FixedWeightSource _weights = null!;

        /// <summary>Seeded price paths (factor-model returns compounded from 100).</summary>
        [GlobalSetup]
        public void Setup()
        {
            var r = BenchmarkData.FactorReturns(Instruments, Bars);
            var cols = new double[Instruments][];
            for (int i = 0; i < Instruments; i++)
            {
                cols[i] = new double[Bars];
                double p = 100;
                for (int t = 0; t < Bars; t++) { p *= 1 + r[t, i]; cols[i][t] = p; }
            }
            _prices = new AssetFrame(r.Dates, r.Assets, cols, FrameKind.Prices, "benchmark prices");
            _instruments = r.Assets.Select(a => new BacktestInstrument(a)).ToList();
            _weights = new FixedWeightSource(Enumerable.Repeat(1.0 / Instruments, Instruments).ToArray());
        }

        /// <summary>2520 bars, 20 instruments, monthly rebalance, commission 0.01 per unit.</summary>
        [Benchmark]
        public BacktestResult Run2520Bars() => new Backtester().Run(_prices, _instruments, _weights, new BacktestOptions
        {
            Policy = RebalancePolicy.Periodic(CalendarFrequency.Monthly),
            Costs = BacktestCosts.Commission(0.01m),
        });
    }
}
