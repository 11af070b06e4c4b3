using BenchmarkDotNet.Attributes;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// What <c>ntportfolio risk --weights equal</c> computes on T = 1260 seeded factor-model returns, N = 500 and 2000: the
    /// whole report (<see cref="PortfolioRiskAnalyzer.Analyze"/>), and its one cubic step, the effective number of bets
    /// (eigenvalues with the weights carried through the reduction, no eigenvectors).
    /// </summary>
    [MemoryDiagnoser]
    public class RiskBenchmark
    {
        private AssetFrame _returns = null!;
        private double[] _weights = null!;
        private double[,] _cov = null!;

        /// <summary>Number of assets.</summary>
        [Params(500, 2000)]
        public int N { get; set; }

        /// <summary>Seeded factor-model returns, equal weights, their sample covariance.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _returns = BenchmarkData.FactorReturns(N, 1260);
            _weights = new double[N];
            for (int i = 0; i < N; i++) _weights[i] = 1.0 / N;
            _cov = SampleMoments.Covariance(_returns);
        }

        /// <summary>The whole risk report (mean, covariance, VaR family, decomposition, correlation figures, ENB).</summary>
        [Benchmark]
        public RiskReport Analyze() => PortfolioRiskAnalyzer.Analyze(_returns, _weights, 0.99);

        /// <summary>Effective number of bets alone (4/3 N^3 + O(N^2)).</summary>
        [Benchmark]
        public double EffectiveNumberOfBets() => CorrelationAnalyzer.EffectiveNumberOfBets(_cov, _weights);
    }
}
