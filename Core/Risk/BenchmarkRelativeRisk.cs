using System;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// A portfolio measured against a benchmark return series: beta, correlation and tracking error
    /// (per period, sample statistics with divisor n - 1).
    /// </summary>
    public sealed record BenchmarkRelativeRisk
    {
        private BenchmarkRelativeRisk(double beta, double correlation, double trackingError)
        {
            Beta = beta;
            Correlation = correlation;
            TrackingError = trackingError;
        }

        /// <summary><c>cov(r_p, r_b) / var(r_b)</c>.</summary>
        public double Beta { get; }

        /// <summary>Pearson correlation of portfolio and benchmark returns.</summary>
        public double Correlation { get; }

        /// <summary>Sample standard deviation of active returns <c>r_p - r_b</c>, per period.</summary>
        public double TrackingError { get; }

        /// <summary>
        /// Computes the figures from equally long return series (per period, fractions). Throws when lengths
        /// differ, fewer than 2 observations are given, or either series has zero variance.
        /// </summary>
        public static BenchmarkRelativeRisk Compute(double[] portfolioReturns, double[] benchmarkReturns)
        {
            RiskInputChecks.Series(portfolioReturns, 2, nameof(portfolioReturns));
            RiskInputChecks.Series(benchmarkReturns, 2, nameof(benchmarkReturns));
            int n = portfolioReturns.Length;
            if (benchmarkReturns.Length != n)
                throw new InvalidInputException($"benchmark has {benchmarkReturns.Length} returns but the portfolio has {n}");
            double mp = Statistics.SampleMoments.Mean(portfolioReturns), mb = Statistics.SampleMoments.Mean(benchmarkReturns);
            double spp = 0, sbb = 0, spb = 0;
            for (int t = 0; t < n; t++)
            {
                double dp = portfolioReturns[t] - mp, db = benchmarkReturns[t] - mb;
                spp += dp * dp;
                sbb += db * db;
                spb += dp * db;
            }
            if (!(sbb > 0)) throw new InvalidInputException("benchmark returns have zero variance; beta is undefined");
            if (!(spp > 0)) throw new InvalidInputException("portfolio returns have zero variance; correlation is undefined");
            var active = new double[n];
            for (int t = 0; t < n; t++) active[t] = portfolioReturns[t] - benchmarkReturns[t];
            double te = ValueAtRisk.SampleStandardDeviation(active, Statistics.SampleMoments.Mean(active));
            return new BenchmarkRelativeRisk(spb / sbb, spb / Math.Sqrt(spp * sbb), te);
        }
    }
}
