using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Numerics;
using NinjaTraderPortfolio.Core.Optimization;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Correlation and diversification diagnostics of a portfolio from its covariance matrix (per period, N x N)
    /// and weights (fractions of portfolio value).
    /// </summary>
    public static class CorrelationAnalyzer
    {
        /// <summary>
        /// Correlation matrix <c>rho_ij = Sigma_ij / (sigma_i sigma_j)</c>. Throws naming the asset (by name when
        /// <paramref name="assets"/> is given, else by index) when a variance is zero.
        /// </summary>
        public static double[,] CorrelationMatrix(double[,] cov, IReadOnlyList<string>? assets = null)
        {
            Guard.NotNull(cov, nameof(cov));
            int n = cov.GetLength(0);
            RiskInputChecks.Covariance(cov, n);
            var sd = new double[n];
            for (int i = 0; i < n; i++)
            {
                if (!(cov[i, i] > 0)) throw new InvalidInputException($"asset {(assets != null && i < assets.Count ? "'" + assets[i] + "'" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))} has zero variance (a constant series); its correlation is undefined");
                sd[i] = Math.Sqrt(cov[i, i]);
            }
            var r = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                r[i, i] = 1;
                for (int j = i + 1; j < n; j++) r[i, j] = r[j, i] = cov[i, j] / (sd[i] * sd[j]);
            }
            return r;
        }

        /// <summary>Mean of the N(N-1)/2 off-diagonal correlations (NaN for a single asset).</summary>
        public static double AverageCorrelation(double[,] correlation)
        {
            Guard.NotNull(correlation, nameof(correlation));
            int n = correlation.GetLength(0);
            if (n < 2) return double.NaN;
            double s = 0;
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) s += correlation[i, j];
            return s / (n * (n - 1) / 2.0);
        }

        /// <summary>
        /// Diversification ratio <c>sum_i w_i sigma_i / sigma_p</c> (Choueifaty and Coignard 2008); 1 for a single asset
        /// or perfectly correlated long positions, larger when diversified. Throws when the portfolio variance is zero.
        /// </summary>
        public static double DiversificationRatio(double[,] cov, IReadOnlyList<double> weights)
        {
            Guard.NotNull(weights, nameof(weights));
            int n = weights.Count;
            RiskInputChecks.Weights(weights, n);
            RiskInputChecks.Covariance(cov, n);
            double variance = PortfolioMath.Variance(cov, weights);
            if (!(variance > 0)) throw new InvalidInputException("portfolio variance is zero; the diversification ratio is undefined");
            double s = 0;
            for (int i = 0; i < n; i++) s += weights[i] * Math.Sqrt(cov[i, i]);
            return s / Math.Sqrt(variance);
        }

        /// <summary>
        /// Effective number of bets (Meucci 2009, "Managing Diversification", Risk 22(5)): with Sigma = E Lambda E',
        /// principal exposures <c>v = E'w</c>, shares <c>p_k = v_k^2 lambda_k / w'Sigma w</c>, ENB = <c>exp(-sum p_k ln p_k)</c>.
        /// Between 1 (one principal bet) and N. O(N^3): one Householder tridiagonalisation (4/3 N^3 flops) with the exposures
        /// carried along, then O(N^2) QL iterations; no eigenvector matrix.
        /// </summary>
        public static double EffectiveNumberOfBets(double[,] cov, IReadOnlyList<double> weights)
        {
            Guard.NotNull(weights, nameof(weights));
            int n = weights.Count;
            RiskInputChecks.Weights(weights, n);
            RiskInputChecks.Covariance(cov, n);
            var w = new double[n];
            for (int i = 0; i < n; i++) w[i] = weights[i];
            // Eigenvalues and the exposures e_k'w only: no eigenvector matrix is formed (4/3 N^3 flops instead of ~9 N^3).
            var vals = SymmetricEigenvalues.ComputeWithProjections(cov, w, out var exposure);
            var v = new double[n];
            double total = 0;
            for (int k = 0; k < n; k++)
            {
                double e = exposure[k];
                double lambda = Math.Max(vals[k], 0);
                v[k] = e * e * lambda;
                total += v[k];
            }
            if (!(total > 0)) throw new InvalidInputException("portfolio variance is zero; the effective number of bets is undefined");
            double entropy = 0;
            for (int k = 0; k < n; k++)
            {
                double p = v[k] / total;
                if (p > 0) entropy -= p * Math.Log(p);
            }
            return Math.Exp(entropy);
        }

        /// <summary>Pairs whose correlation is strictly above <paramref name="threshold"/>, highest first.</summary>
        public static IReadOnlyList<CorrelationPair> PairsAbove(double[,] correlation, IReadOnlyList<string> assets, double threshold)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.SquareFinite(correlation, assets.Count, nameof(correlation));
            Guard.InRange(threshold, -1, 1, nameof(threshold));
            var list = new List<CorrelationPair>();
            for (int i = 0; i < assets.Count; i++)
                for (int j = i + 1; j < assets.Count; j++)
                    if (correlation[i, j] > threshold) list.Add(new CorrelationPair(assets[i], assets[j], correlation[i, j]));
            return list.OrderByDescending(p => p.Correlation).ToList();
        }

        /// <summary>
        /// Rolling Pearson correlation over <paramref name="window"/> observations ending at each row. Rows before the
        /// first full window, and windows where either series is constant, are NaN.
        /// </summary>
        public static double[] RollingCorrelation(double[] x, double[] y, int window)
        {
            Guard.AllFinite(x, nameof(x));
            Guard.AllFinite(y, nameof(y));
            if (x.Length != y.Length) throw new InvalidInputException($"series lengths differ: {x.Length} vs {y.Length}");
            Guard.InRange(window, 2, Math.Max(2, x.Length), nameof(window));
            var r = new double[x.Length];
            for (int t = 0; t < x.Length; t++)
            {
                if (t + 1 < window) { r[t] = double.NaN; continue; }
                int s = t + 1 - window;
                double mx = 0, my = 0;
                for (int i = s; i <= t; i++) { mx += x[i]; my += y[i]; }
                mx /= window; my /= window;
                double sxx = 0, syy = 0, sxy = 0;
                for (int i = s; i <= t; i++)
                {
                    double dx = x[i] - mx, dy = y[i] - my;
                    sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
                }
                r[t] = sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
            }
            return r;
        }

        /// <summary>
        /// Concentration warning: the share of variance carried by the <paramref name="topK"/> largest Euler risk
        /// contributors, flagged when above <paramref name="maxShare"/> (fraction in (0, 1]).
        /// </summary>
        public static RiskConcentration Concentration(double[,] cov, IReadOnlyList<double> weights, IReadOnlyList<string> assets, int topK, double maxShare)
        {
            Guard.NotNull(assets, nameof(assets));
            int n = assets.Count;
            RiskInputChecks.Weights(weights, n);
            RiskInputChecks.Covariance(cov, n);
            Guard.InRange(topK, 1, n, nameof(topK));
            Guard.InRange(maxShare, 0, 1, nameof(maxShare));
            if (!(PortfolioMath.Variance(cov, weights) > 0)) throw new InvalidInputException("portfolio variance is zero; risk shares are undefined");
            var rc = PortfolioMath.RiskContributions(cov, weights);
            var order = Enumerable.Range(0, n).OrderByDescending(i => rc[i]).Take(topK).ToArray();
            var names = order.Select(i => assets[i]).ToList();
            var shares = order.Select(i => rc[i]).ToList();
            return new RiskConcentration(names, shares, shares.Sum(), maxShare);
        }
    }
}
