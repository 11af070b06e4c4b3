using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>
    /// Sample inputs for optimizer tests: the bundled price files as simple returns (p_t/p_{t-1} - 1), arithmetic mean and
    /// sample covariance with divisor T-1, computed here independently of Core's loaders; and seeded random problems.
    /// </summary>
    internal static class OptimizationSamples
    {
        public sealed class Moments
        {
            public Moments(string[] assets, double[] mu, double[,] cov) { Assets = assets; Mu = mu; Cov = cov; }
            public string[] Assets { get; }
            public double[] Mu { get; }
            public double[,] Cov { get; }
        }

        private static readonly Dictionary<string, Moments> Cache = new Dictionary<string, Moments>();

        public static string TestPath(params string[] parts)
            => Path.Combine(new[] { TestContext.CurrentContext.TestDirectory }.Concat(parts).ToArray());

        /// <summary>Moments of samples/<paramref name="file"/>.</summary>
        public static Moments FromSample(string file)
        {
            lock (Cache)
            {
                if (Cache.TryGetValue(file, out var m)) return m;
                var lines = File.ReadAllLines(TestPath("samples", file)).Where(l => l.Trim().Length > 0).ToArray();
                var assets = lines[0].Split(',').Skip(1).ToArray();
                var prices = lines.Skip(1).Select(l => l.Split(',').Skip(1).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray()).ToArray();
                int t = prices.Length - 1, n = assets.Length;
                var r = new double[t, n];
                for (int i = 0; i < t; i++)
                    for (int j = 0; j < n; j++) r[i, j] = prices[i + 1][j] / prices[i][j] - 1.0;
                var mu = new double[n];
                for (int j = 0; j < n; j++) { double s = 0; for (int i = 0; i < t; i++) s += r[i, j]; mu[j] = s / t; }
                var cov = new double[n, n];
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++)
                    {
                        double s = 0;
                        for (int i = 0; i < t; i++) s += (r[i, a] - mu[a]) * (r[i, b] - mu[b]);
                        cov[a, b] = s / (t - 1);
                    }
                return Cache[file] = new Moments(assets, mu, cov);
            }
        }

        /// <summary>Sector map of the GCC sample saved with the references (Asset,Sector).</summary>
        public static Dictionary<string, string> GccSectors()
            => File.ReadAllLines(TestPath("References", "Optimization", "gcc-sectors.csv")).Skip(1).Where(l => l.Contains(","))
                .Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);

        /// <summary>
        /// A seeded random problem: n assets, covariance B B' + diag(d) with factor loadings B (n x 3), daily-like scale
        /// (vols ~1-3%), expected returns ~N(4e-4, 6e-4).
        /// </summary>
        public static Moments Random(int seed, int n)
        {
            var rng = new Random(seed);
            var assets = Enumerable.Range(0, n).Select(i => "A" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            int k = 3;
            var b = new double[n, k];
            for (int i = 0; i < n; i++) for (int f = 0; f < k; f++) b[i, f] = 0.01 * Normal(rng);
            var cov = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int f = 0; f < k; f++) s += b[i, f] * b[j, f];
                    if (i == j) s += Math.Pow(0.005 + 0.015 * rng.NextDouble(), 2);
                    cov[i, j] = s;
                }
            var mu = Enumerable.Range(0, n).Select(_ => 4e-4 + 6e-4 * Normal(rng)).ToArray();
            return new Moments(assets, mu, cov);
        }

        public static double Normal(Random rng)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        public static PortfolioProblem Problem(Moments m, PortfolioConstraints? c = null, double rf = 0)
            => new PortfolioProblem(m.Assets, m.Mu, m.Cov, rf, c);
    }
}
