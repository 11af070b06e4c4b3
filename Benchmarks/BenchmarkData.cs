using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Benchmarks
{
    /// <summary>
    /// Seeded factor-model returns shared by the benchmarks (same model as <c>bench/make_factor_returns.py</c>, C# RNG):
    /// r_it = mu_i + beta_i' f_t + g_sector(i),t + e_it, 3 market factors, 10 sector factors, per-day units.
    /// </summary>
    internal static class BenchmarkData
    {
        /// <summary>Daily simple returns of <paramref name="n"/> assets over <paramref name="t"/> days (seed 20261125).</summary>
        public static AssetFrame FactorReturns(int n, int t, int sectors = 10, int seed = 20261125)
        {
            var rng = new Random(seed);
            var beta = new double[n, 3];
            var idio = new double[n];
            var mu = new double[n];
            for (int i = 0; i < n; i++)
            {
                beta[i, 0] = 1 + 0.3 * Normal(rng); beta[i, 1] = 0.5 * Normal(rng); beta[i, 2] = 0.5 * Normal(rng);
                idio[i] = 0.008 + 0.017 * rng.NextDouble();
                mu[i] = 0.0004 + 0.0004 * Normal(rng);
            }
            var cols = new double[n][];
            for (int i = 0; i < n; i++) cols[i] = new double[t];
            var f = new double[3];
            var g = new double[sectors];
            for (int d = 0; d < t; d++)
            {
                for (int k = 0; k < 3; k++) f[k] = 0.009 * Normal(rng);
                for (int s = 0; s < sectors; s++) g[s] = 0.005 * Normal(rng);
                for (int i = 0; i < n; i++)
                    cols[i][d] = mu[i] + beta[i, 0] * f[0] + beta[i, 1] * f[1] + beta[i, 2] * f[2] + g[i % sectors] + idio[i] * Normal(rng);
            }
            var dates = new DateTime[t];
            for (int d = 0; d < t; d++) dates[d] = new DateTime(2020, 1, 1).AddDays(d);
            var names = new string[n];
            for (int i = 0; i < n; i++) names[i] = "A" + i.ToString("D4");
            return new AssetFrame(dates, names, cols, FrameKind.SimpleReturns, "factor-model");
        }

        /// <summary>
        /// The comparison's problem: sample mean and covariance of <see cref="FactorReturns"/> (T = 1260), long-only,
        /// fully invested, max weight <paramref name="maxWeight"/>, each of 10 sectors at most 15%.
        /// </summary>
        public static PortfolioProblem CappedProblem(int n, double maxWeight, int t = 1260)
        {
            var returns = FactorReturns(n, t);
            var cov = CovarianceEstimator.Estimate(returns, CovarianceMethod.Sample).ToArray();
            var mu = SampleMoments.Mean(returns);
            var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++) sectors[returns.Assets[i]] = "S" + (i % 10);
            var c = PortfolioConstraints.LongOnly.WithWeightRange(0, maxWeight).WithSectors(sectors);
            for (int s = 0; s < 10; s++) c = c.WithSectorMax("S" + s, 0.15);
            return new PortfolioProblem(returns.Assets, mu, cov, 0, c);
        }

        private static double Normal(Random rng)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
