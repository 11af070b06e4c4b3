using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>Checks that a covariance matrix is finite, symmetric and positive definite, naming the culprit asset.</summary>
    public static class CovarianceCheck
    {
        /// <summary>
        /// Throws <see cref="InvalidInputException"/> when <paramref name="cov"/> has a non-finite entry, is not symmetric
        /// (relative 1e-10), or is singular/indefinite. The test is a Cholesky factorisation: pivot j at or below
        /// 1e-12 of Sigma_jj means asset j's returns are (almost) a combination of assets 0..j-1, or constant.
        /// O(n^3/3).
        /// </summary>
        public static void RequirePositiveDefinite(double[,] cov, IReadOnlyList<string> assets)
        {
            int n = assets.Count;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (double.IsNaN(cov[i, j]) || double.IsInfinity(cov[i, j]))
                        throw new InvalidInputException($"covariance of '{assets[i]}' and '{assets[j]}' must be a finite number, got {Guard.Format(cov[i, j])}");
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double scale = Math.Max(Math.Sqrt(Math.Abs(cov[i, i] * cov[j, j])), double.Epsilon);
                    if (Math.Abs(cov[i, j] - cov[j, i]) > 1e-10 * scale)
                        throw new InvalidInputException($"covariance is not symmetric at '{assets[i]}', '{assets[j]}': {Guard.Format(cov[i, j])} vs {Guard.Format(cov[j, i])}");
                }
            var l = new double[n, n];
            for (int j = 0; j < n; j++)
            {
                double d = cov[j, j];
                if (d <= 0) throw new InvalidInputException($"covariance is singular: asset '{assets[j]}' has variance {Guard.Format(d)} (must be > 0)");
                for (int k = 0; k < j; k++) d -= l[j, k] * l[j, k];
                if (d <= 1e-12 * cov[j, j])
                    throw new InvalidInputException($"covariance is singular or not positive definite: asset '{assets[j]}' is (almost) a linear combination of the assets before it (residual variance {Guard.Format(d)} of {Guard.Format(cov[j, j])})");
                double ljj = Math.Sqrt(d);
                l[j, j] = ljj;
                for (int i = j + 1; i < n; i++)
                {
                    double s = cov[i, j];
                    for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                    l[i, j] = s / ljj;
                }
            }
        }
    }
}
