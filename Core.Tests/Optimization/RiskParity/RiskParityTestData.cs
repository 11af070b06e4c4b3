using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.RiskParity
{
    /// <summary>Inputs for the risk parity tests: covariance builders, sample returns, seeded random cases.</summary>
    internal static class RiskParityTestData
    {
        /// <summary><c>Sigma_ij = rho_ij sigma_i sigma_j</c>.</summary>
        public static double[,] Covariance(double[] vols, double[,] corr)
        {
            int n = vols.Length;
            var c = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    c[i, j] = corr[i, j] * vols[i] * vols[j];
            return c;
        }

        /// <summary>Constant correlation matrix.</summary>
        public static double[,] ConstantCorrelation(int n, double rho)
        {
            var c = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    c[i, j] = i == j ? 1.0 : rho;
            return c;
        }

        /// <summary>Simple returns of a bundled sample price file (Date,asset,...), as a return frame.</summary>
        public static AssetFrame SampleSimpleReturns(string fileName)
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", fileName);
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
            var assets = lines[0].Split(',').Skip(1).ToArray();
            var dates = new List<DateTime>();
            var prices = new List<double[]>();
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split(',');
                dates.Add(DateTime.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture));
                prices.Add(cells.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray());
            }
            var columns = new double[assets.Length][];
            for (int j = 0; j < assets.Length; j++)
            {
                columns[j] = new double[prices.Count - 1];
                for (int t = 1; t < prices.Count; t++) columns[j][t - 1] = prices[t][j] / prices[t - 1][j] - 1.0;
            }
            return new AssetFrame(dates.Skip(1).ToList(), assets, columns, FrameKind.SimpleReturns, fileName);
        }

        /// <summary>A reference CSV written by generate_riskparity_reference.py: asset, budget, weight (first line a comment).</summary>
        public static (string[] Assets, double[] Budgets, double[] Weights) ReadReference(string fileName)
        {
            string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "References", "RiskParity", fileName);
            var rows = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).Skip(1)
                .Select(l => l.Split(',')).ToArray();
            return (rows.Select(r => r[0]).ToArray(),
                rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray(),
                rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToArray());
        }

        /// <summary>
        /// Seeded random covariance: k-factor model <c>B B' + D</c> rescaled to volatilities in [0.05, 0.60],
        /// so correlations are mixed-sign and sizeable. Positive definite.
        /// </summary>
        public static double[,] RandomCovariance(int n, int seed)
        {
            var rng = new Random(seed);
            int k = Math.Min(3, n);
            var bmat = new double[n, k];
            for (int i = 0; i < n; i++)
                for (int f = 0; f < k; f++)
                    bmat[i, f] = Normal(rng) * (f == 0 ? 1.0 : 0.6) + (f == 0 ? 0.5 : 0.0);
            var cov = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int f = 0; f < k; f++) s += bmat[i, f] * bmat[j, f];
                    if (i == j) s += 0.05 + 0.5 * rng.NextDouble();
                    cov[i, j] = cov[j, i] = s;
                }
            var scale = new double[n];
            for (int i = 0; i < n; i++) scale[i] = (0.05 + 0.55 * rng.NextDouble()) / Math.Sqrt(cov[i, i]);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    cov[i, j] *= scale[i] * scale[j];
            return cov;
        }

        /// <summary>
        /// Seeded equity-like covariance: one market factor with positive loadings (0.8 +- 0.3), four sector-like
        /// factors and idiosyncratic risk, daily-return scale (variances ~1e-4).
        /// </summary>
        public static double[,] EquityLikeCovariance(int n, int seed)
        {
            var rng = new Random(seed);
            const int k = 5;
            var bmat = new double[n, k];
            for (int i = 0; i < n; i++)
                for (int f = 0; f < k; f++)
                    bmat[i, f] = f == 0 ? 0.8 + 0.3 * Normal(rng) : 0.4 * Normal(rng);
            var cov = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int f = 0; f < k; f++) s += bmat[i, f] * bmat[j, f];
                    if (i == j) s += 0.1 + 0.4 * rng.NextDouble();
                    cov[i, j] = cov[j, i] = s * 1e-4;
                }
            return cov;
        }

        /// <summary>Seeded random budgets in proportion 1 : up to 20, normalised to sum 1.</summary>
        public static double[] RandomBudgets(int n, int seed)
        {
            var rng = new Random(seed);
            var b = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                b[i] = 0.05 + 0.95 * rng.NextDouble();
                sum += b[i];
            }
            for (int i = 0; i < n; i++) b[i] /= sum;
            return b;
        }

        /// <summary>Largest |RC_i - b_i| of <paramref name="w"/>, computed independently of the optimizer.</summary>
        public static double MaxBudgetGap(double[,] cov, IReadOnlyList<double> w, IReadOnlyList<double> b)
        {
            var rc = PortfolioMath.RiskContributions(cov, w);
            return rc.Select((r, i) => Math.Abs(r - b[i])).Max();
        }

        /// <summary>Names "A0", "A1", ...</summary>
        public static string[] Names(int n) => Enumerable.Range(0, n).Select(i => "A" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        private static double Normal(Random rng)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
