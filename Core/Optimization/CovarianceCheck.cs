using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Numerics;

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
        public static void RequirePositiveDefinite(double[,] cov, IReadOnlyList<string> assets) => Checked(cov, assets);

        /// <summary>
        /// <see cref="RequirePositiveDefinite"/> returning the Cholesky factor it computed (the one factorisation of
        /// <paramref name="cov"/> that <see cref="PortfolioProblem"/> shares with the QP solver).
        /// </summary>
        internal static CholeskyFactor Checked(double[,] cov, IReadOnlyList<string> assets)
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
            var f = Cholesky.Factor(cov, relativeFloor: 1e-12);
            if (!f.Succeeded) throw new InvalidInputException(f.PivotReport(assets)!);
            return f;
        }
    }
}
