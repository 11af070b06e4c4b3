using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Minimum variance and maximum Sharpe (Charnes-Cooper) with box and sector caps: long-only, fully invested,
    /// max weight max(2%, 2/N) (2% at N = 500 as in bench/compare.sh), 10 sectors each at most 15%. Each invocation builds a
    /// fresh solver, so the Cholesky factor is not reused between invocations.
    /// </summary>
    [MemoryDiagnoser]
    public class OptimizerBenchmark
    {
        private PortfolioProblem _problem = null!;

        /// <summary>Number of assets.</summary>
        [Params(50, 200, 500)]
        public int N { get; set; }

        /// <summary>Builds the problem (covariance of 1260 seeded factor-model returns).</summary>
        [GlobalSetup]
        public void Setup() => _problem = BenchmarkData.CappedProblem(N, System.Math.Max(0.02, 2.0 / N));

        /// <summary>Minimum variance.</summary>
        [Benchmark]
        public OptimizationResult MinVariance() => new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()).Optimize(_problem);

        /// <summary>Maximum Sharpe ratio.</summary>
        [Benchmark]
        public OptimizationResult MaxSharpe() => new MaximumSharpeOptimizer(new GoldfarbIdnaniSolver()).Optimize(_problem);
    }
}
