using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Constraints;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// The inputs every optimizer shares: asset names, expected returns mu (per period, fractions), the covariance
    /// matrix Sigma of the same returns (per period, n x n), the risk-free rate (per period) and the limits.
    /// Validated on construction: non-empty, unique names, finite, consistent sizes, Sigma symmetric positive definite
    /// (a singular Sigma is reported naming the first asset that is a combination of the ones before it).
    /// Arrays are copied.
    /// </summary>
    public sealed class PortfolioProblem
    {
        private readonly string[] _assets;
        private readonly double[] _mu;
        private readonly double[,] _cov;

        /// <summary>Creates the problem; <paramref name="constraints"/> defaults to <see cref="PortfolioConstraints.LongOnly"/>.</summary>
        public PortfolioProblem(IReadOnlyList<string> assets, IReadOnlyList<double> expectedReturns, double[,] covariance,
            double riskFreeRate = 0, PortfolioConstraints? constraints = null)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.NotNull(expectedReturns, nameof(expectedReturns));
            Guard.NotNull(covariance, nameof(covariance));
            int n = assets.Count;
            if (n == 0) throw new InvalidInputException("no assets to optimize");
            _assets = new string[n];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                _assets[i] = Guard.NotBlank(assets[i], $"assets[{i}]");
                if (!seen.Add(_assets[i])) throw new InvalidInputException($"duplicate asset name '{_assets[i]}'");
            }
            if (expectedReturns.Count != n)
                throw new InvalidInputException($"{expectedReturns.Count} expected returns for {n} assets");
            _mu = new double[n];
            for (int i = 0; i < n; i++)
            {
                double m = expectedReturns[i];
                if (double.IsNaN(m) || double.IsInfinity(m))
                    throw new InvalidInputException($"expected return of asset '{_assets[i]}' must be a finite number, got {Guard.Format(m)}");
                _mu[i] = m;
            }
            if (covariance.GetLength(0) != n || covariance.GetLength(1) != n)
                throw new InvalidInputException($"covariance must be {n}x{n} for {n} assets, got {covariance.GetLength(0)}x{covariance.GetLength(1)}");
            _cov = (double[,])covariance.Clone();
            // The factor of this private, never-mutated copy serves the QP solver too (one factorisation per problem).
            Numerics.FactorMemo.Remember(_cov, CovarianceCheck.Checked(_cov, _assets));
            RiskFreeRate = Guard.Finite(riskFreeRate, nameof(riskFreeRate));
            Constraints = constraints ?? PortfolioConstraints.LongOnly;
        }

        /// <summary>Asset names, in the order of every array.</summary>
        public IReadOnlyList<string> Assets => _assets;

        /// <summary>Number of assets.</summary>
        public int Count => _assets.Length;

        /// <summary>Expected returns per period (fractions).</summary>
        public IReadOnlyList<double> ExpectedReturns => _mu;

        /// <summary>Risk-free rate per period (fraction), used by Sharpe ratios, max-Sharpe and Kelly.</summary>
        public double RiskFreeRate { get; }

        /// <summary>Portfolio limits.</summary>
        public PortfolioConstraints Constraints { get; }

        /// <summary>Direct access to the covariance (per period, n x n). Never mutate.</summary>
        internal double[,] Covariance => _cov;

        /// <summary>A copy of the covariance matrix.</summary>
        public double[,] CopyCovariance() => (double[,])_cov.Clone();

        /// <summary>A copy of the expected returns.</summary>
        public double[] CopyExpectedReturns() => (double[])_mu.Clone();

        /// <summary>The same data with other limits.</summary>
        public PortfolioProblem WithConstraints(PortfolioConstraints constraints)
            => new PortfolioProblem(_assets, _mu, _cov, RiskFreeRate, Guard.NotNull(constraints, nameof(constraints)));

        /// <summary>Evaluates <paramref name="weights"/> into a result (return, volatility, Sharpe against <see cref="RiskFreeRate"/>, risk contributions).</summary>
        public OptimizationResult Evaluate(string method, OptimizationStatus status, double[] weights, int iterations, string message)
            => OptimizationEvaluation.Evaluate(method, status, _assets, weights, _mu, _cov, RiskFreeRate, iterations, message);
    }
}
