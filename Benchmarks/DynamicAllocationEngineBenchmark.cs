using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Allocation;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Per-bar cost of <see cref="DynamicAllocationEngine.OnBar(DateTime, double[], int[], decimal)"/> for 20 instruments and a
    /// 252-bar window, warm (window full), with limits, drift/calendar/VaR triggers and a listener attached.
    /// One benchmark invocation = one bar. Run: <c>dotnet run -c Release --project Benchmarks -- --filter '*DynamicAllocationEngine*'</c>.
    /// </summary>
    [MemoryDiagnoser]
    public class DynamicAllocationEngineBenchmark
    {
        private const int Instruments = 20, Window = 252, PathLength = 4096;
        private DynamicAllocationEngine _engine = null!;
        private double[][] _closes = null!;
        private int[] _positions = null!;
        private DateTime _time;
        private int _k;

        /// <summary>Builds the engine and a seeded random price path, then fills the window.</summary>
        [GlobalSetup]
        public void Setup()
        {
            var names = Enumerable.Range(0, Instruments).Select(i => "I" + i).ToArray();
            _engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = names,
                TargetWeights = Enumerable.Repeat(1.0 / Instruments, Instruments).ToArray(),
                Window = Window,
                Confidence = 0.99,
                Limits = new AllocationLimits(names, maxWeights: Enumerable.Repeat(0.1, Instruments).ToArray(), maxGrossLeverage: 1.5),
                Triggers = new RebalanceTriggerOptions { AbsoluteBand = 0.01, RelativeBand = 0.25, VaRBudget = 0.02, Calendar = CalendarFrequency.Monthly, CooldownBars = 5 },
            }, new AllocationListenerBase());
            var rng = new Random(42);
            _closes = new double[PathLength][];
            var p = Enumerable.Repeat(100.0, Instruments).ToArray();
            for (int t = 0; t < PathLength; t++)
            {
                for (int i = 0; i < Instruments; i++)
                {
                    double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
                    p[i] *= 1 + 0.01 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                }
                _closes[t] = (double[])p.Clone();
            }
            _positions = Enumerable.Repeat(50, Instruments).ToArray();
            _time = new DateTime(2020, 1, 1);
            for (int t = 0; t < Window + 1; t++) Bar();
        }

        /// <summary>One warm bar: returns update, rolling covariance, VaR, limit check, triggers, events.</summary>
        [Benchmark]
        public RebalanceReason OnBar() => Bar();

        private RebalanceReason Bar()
        {
            _time = _time.AddSeconds(1); // 1 s per bar: billions of invocations stay within DateTime range
            var r = _engine.OnBar(_time, _closes[_k], _positions, 100_000m);
            _k = (_k + 1) & (PathLength - 1);
            return r;
        }
    }
}
