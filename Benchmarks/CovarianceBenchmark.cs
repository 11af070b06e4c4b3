using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Sample covariance of T = 1260 daily returns: the bare kernel (<see cref="SampleMoments.Covariance"/>) and the full
    /// estimate the CLI uses (<see cref="CovarianceEstimator"/>: kernel, PSD check by a Cholesky certificate, the eigenvalues
    /// only when the certificate fails).
    /// </summary>
    [MemoryDiagnoser]
    public class CovarianceBenchmark
    {
        private AssetFrame _returns = null!;

        /// <summary>Number of assets.</summary>
        [Params(50, 500)]
        public int N { get; set; }

        /// <summary>Seeded factor-model returns.</summary>
        [GlobalSetup]
        public void Setup() => _returns = BenchmarkData.FactorReturns(N, 1260);

        /// <summary>Centred cross-product kernel only.</summary>
        [Benchmark]
        public double[,] SampleKernel() => SampleMoments.Covariance(_returns);

        /// <summary>What <c>ntportfolio optimize</c> runs: kernel + PSD certificate (condition number computed on demand).</summary>
        [Benchmark]
        public CovarianceEstimate Estimate() => CovarianceEstimator.Estimate(_returns, CovarianceMethod.Sample);
    }
}
