using System;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// Ledoit-Wolf linear shrinkage Σ = δ F + (1-δ) S of the maximum-likelihood sample covariance S = X'X/T
    /// (X demeaned, divisor T as in both papers) towards a structured target F, with the estimated optimal intensity δ.
    /// </summary>
    public static class LedoitWolfShrinkage
    {
        /// <summary>
        /// Target F = μI with μ = trace(S)/N. Ledoit &amp; Wolf (2004), "A well-conditioned estimator for
        /// large-dimensional covariance matrices", J. Multivariate Anal. 88, Lemma 3.2-3.4, in sklearn's form
        /// (sklearn.covariance.ledoit_wolf_shrinkage): d² = ||S - μI||²_F / N, b̄² = (Σ_t ||x_t||⁴ / T - ||S||²_F) / (N T),
        /// δ = min(b̄², d²) / d². <paramref name="intensity"/> is δ in [0, 1]; for N = 1 the target equals S and δ = 0.
        /// </summary>
        public static double[,] IdentityTarget(AssetFrame returns, out double intensity)
        {
            var x = Prepare(returns, 1, out int t, out int n);
            var s = CrossProductKernel.Gram(x);
            Scale(s, 1.0 / t);
            double trace = 0;
            for (int i = 0; i < n; i++) trace += s[i, i];
            double mu = trace / n;
            // beta_ = sum(X2' X2) = sum_t (sum_i x_ti^2)^2, O(N T).
            double betaRaw = 0;
            for (int k = 0; k < t; k++)
            {
                double r = 0;
                for (int i = 0; i < n; i++) r += x[i][k] * x[i][k];
                betaRaw += r * r;
            }
            double deltaRaw = 0; // ||S||_F^2 = sum((X'X)^2)/T^2
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) deltaRaw += s[i, j] * s[i, j];
            double beta = (betaRaw / t - deltaRaw) / ((double)n * t);
            double delta = (deltaRaw - 2.0 * mu * trace + n * mu * mu) / n;
            beta = Math.Min(beta, delta);
            intensity = beta <= 0 || delta <= 0 ? 0.0 : beta / delta;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) s[i, j] *= 1 - intensity;
            for (int i = 0; i < n; i++) s[i, i] += intensity * mu;
            return s;
        }

        /// <summary>
        /// Target F: constant correlation r̄ (the mean off-diagonal sample correlation) with the sample variances.
        /// Ledoit &amp; Wolf (2004), "Honey, I shrunk the sample covariance matrix", J. Portfolio Management 30(4),
        /// following the authors' covCor.m: δ = max(0, min(1, (π̂ - ρ̂)/γ̂ / T)) with π̂ = Σ_ij AsyVar(√T s_ij),
        /// ρ̂ = Σ_i π̂_ii + r̄ Σ_{i≠j} √(s_jj/s_ii) θ̂_ij, θ̂_ij = mean(x_i³ x_j) - s_ii s_ij, γ̂ = ||S - F||²_F.
        /// Needs N ≥ 2. When S already equals F (γ̂ = 0) δ is 0.
        /// </summary>
        public static double[,] ConstantCorrelationTarget(AssetFrame returns, out double intensity)
        {
            var x = Prepare(returns, 2, out int t, out int n);
            var s = CrossProductKernel.Gram(x);
            Scale(s, 1.0 / t);
            var sd = new double[n];
            for (int i = 0; i < n; i++) sd[i] = Math.Sqrt(s[i, i]);
            double corrSum = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (i != j) corrSum += s[i, j] / (sd[i] * sd[j]);
            double rBar = corrSum / ((double)n * (n - 1));
            var f = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                f[i, i] = s[i, i];
                for (int j = i + 1; j < n; j++) f[i, j] = f[j, i] = rBar * sd[i] * sd[j];
            }

            // pi-hat: phiMat = y'y/T - S.^2 with y = x.^2.
            var y = new double[n][];
            var x3 = new double[n][];
            for (int i = 0; i < n; i++)
            {
                var xi = x[i];
                var yi = new double[t];
                var ci = new double[t];
                for (int k = 0; k < t; k++) { double q = xi[k] * xi[k]; yi[k] = q; ci[k] = q * xi[k]; }
                y[i] = yi; x3[i] = ci;
            }
            var phiMat = CrossProductKernel.Gram(y);
            double phi = 0, phiDiag = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double v = phiMat[i, j] / t - s[i, j] * s[i, j];
                    phi += v;
                    if (i == j) phiDiag += v;
                }

            // rho-hat: thetaMat = (x.^3)'x/T - var_i s_ij (x demeaned, so covCor's term2 = term3 = term4).
            var term1 = CrossProductKernel.Cross(x3, x);
            double rhoOff = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    if (i == j) continue;
                    double theta = term1[i, j] / t - s[i, i] * s[i, j];
                    rhoOff += sd[j] / sd[i] * theta;
                }
            double rho = phiDiag + rBar * rhoOff;

            double gamma = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) { double d = s[i, j] - f[i, j]; gamma += d * d; }
            double kappa = gamma > 0 ? (phi - rho) / gamma : 0.0;
            intensity = Math.Max(0.0, Math.Min(1.0, kappa / t));
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) s[i, j] = intensity * f[i, j] + (1 - intensity) * s[i, j];
            return s;
        }

        private static double[][] Prepare(AssetFrame returns, int minAssets, out int t, out int n)
        {
            Guard.NotNull(returns, nameof(returns));
            t = returns.Rows;
            n = returns.AssetCount;
            if (t < 2) throw new InvalidInputException($"{returns.Source}: Ledoit-Wolf shrinkage needs at least 2 observations, got {t}");
            if (n < minAssets) throw new InvalidInputException($"{returns.Source}: this Ledoit-Wolf target needs at least {minAssets} assets, got {n}");
            var x = SampleMoments.Centre(returns.Columns);
            for (int j = 0; j < n; j++)
            {
                bool constant = true;
                var c = returns.Columns[j];
                for (int k = 1; k < t && constant; k++) constant = c[k] == c[0];
                if (constant) throw new InvalidInputException($"{returns.Source}: asset '{returns.Assets[j]}' has constant returns (zero variance)");
            }
            return x;
        }

        private static void Scale(double[,] m, double factor)
        {
            int n = m.GetLength(0);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) m[i, j] *= factor;
        }
    }
}
