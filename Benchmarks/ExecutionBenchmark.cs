using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Execution: TWAP and Almgren-Chriss Implementation Shortfall schedules (1,000,000 shares, 5 days, 50 slices, with
    /// expected cost and variance), and rebalance planning of 100 instruments into whole contracts.
    /// </summary>
    [MemoryDiagnoser]
    public class ExecutionBenchmark
    {
        private readonly AlmgrenChrissParameters _ac = new AlmgrenChrissParameters(0.95, 2.5e-6, 2.5e-7, 0.0625, 1e-6);
        private List<PlannerInstrument> _instruments = null!;

        /// <summary>Seeded 100-instrument book (futures-like point values and lot sizes, current positions, target weights).</summary>
        [GlobalSetup]
        public void Setup()
        {
            var rng = new Random(7);
            _instruments = new List<PlannerInstrument>();
            double sum = 0;
            var raw = new double[100];
            for (int i = 0; i < 100; i++) { raw[i] = 0.2 + rng.NextDouble(); sum += raw[i]; }
            for (int i = 0; i < 100; i++)
            {
                decimal price = Math.Round((decimal)(20 + 480 * rng.NextDouble()), 2);
                decimal pointValue = i % 4 == 0 ? 50m : 1m;
                int lot = i % 4 == 0 ? 1 : 10;
                _instruments.Add(new PlannerInstrument("I" + i, price, pointValue, lot, rng.Next(0, 40) * lot, raw[i] / sum * 0.95));
            }
        }

        /// <summary>TWAP, 50 slices, with cost estimate.</summary>
        [Benchmark]
        public ExecutionSchedule Twap() => TwapSchedule.Build(1_000_000, 5, 50, 1, null, _ac);

        /// <summary>Implementation Shortfall (Almgren-Chriss), 50 slices.</summary>
        [Benchmark]
        public ImplementationShortfallSchedule ImplementationShortfall() => ImplementationShortfallSchedule.Build(1_000_000, 5, 50, _ac);

        /// <summary>Whole-contract rebalance plan for 100 instruments, $10M equity.</summary>
        [Benchmark]
        public RebalancePlan Plan100() => new RebalancePlanner().Plan(_instruments, 10_000_000m);
    }
}
