using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Equal-risk-contribution weights (default options: Auto picks Newton up to 500 assets, coordinate descent above;
    /// tolerance 1e-10) of a seeded factor-model sample covariance (T = 1260), and each algorithm forced.
    /// </summary>
    [MemoryDiagnoser]
    public class RiskParityBenchmark
    {
        private double[,] _cov = null!;

        /// <summary>Number of assets.</summary>
        [Params(50, 500, 1000)]
        public int N { get; set; }

        /// <summary>Covariance of seeded returns.</summary>
        [GlobalSetup]
        public void Setup() => _cov = SampleMoments.Covariance(BenchmarkData.FactorReturns(N, 1260));

        /// <summary>Default (Auto) method, what the CLI runs.</summary>
        [Benchmark(Baseline = true)]
        public RiskBudgetingSolution Default() => new RiskParityOptimizer().Solve(_cov);

        /// <summary>Spinu's Newton method forced.</summary>
        [Benchmark]
        public RiskBudgetingSolution Newton() => new RiskParityOptimizer(new RiskParityOptions(RiskParityMethod.Newton)).Solve(_cov);

        /// <summary>Cyclical coordinate descent forced.</summary>
        [Benchmark]
        public RiskBudgetingSolution CoordinateDescent() => new RiskParityOptimizer(new RiskParityOptions(RiskParityMethod.CoordinateDescent)).Solve(_cov);
    }
}
