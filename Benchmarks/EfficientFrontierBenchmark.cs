using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// 50-point efficient frontier for N = 100 with box (max 5%) and sector caps, warm-started: each target-return solve
    /// starts from the previous point's active set and the solver reuses the Cholesky factor of the unchanged covariance.
    /// </summary>
    [MemoryDiagnoser]
    public class EfficientFrontierBenchmark
    {
        private PortfolioProblem _problem = null!;

        /// <summary>Builds the N = 100 problem.</summary>
        [GlobalSetup]
        public void Setup() => _problem = BenchmarkData.CappedProblem(100, 0.05);

        /// <summary>50 points from minimum variance to maximum return.</summary>
        [Benchmark]
        public IReadOnlyList<OptimizationResult> Frontier50() => new EfficientFrontier(new GoldfarbIdnaniSolver()).Compute(_problem, 50);
    }
}
