using System.Globalization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization.Kelly
{
    /// <summary>
    /// Multi-asset growth-optimal portfolio (Thorp 2006, section 7; Merton 1969): maximise the per-period growth rate
    /// <c>g(f) = r + f'(mu - r) - 1/2 f'Sigma f</c> under the limits, with a Kelly fraction c in (0, 1]:
    /// <c>min 1/(2c) f'Sigma f - (mu - r)'f</c>. Unconstrained the answer is <c>c Sigma^-1 (mu - r)</c>, i.e. c times full Kelly;
    /// solving with risk aversion 1/c (rather than scaling the full-Kelly answer) keeps every limit exact.
    /// The remainder <c>1 - sum f</c> is held at the risk-free rate: Kelly is not forced fully invested; use
    /// <see cref="DefaultConstraints"/> (long-only, gross leverage &lt;= 1, no budget) unless the caller wants others.
    /// The growth rate at the answer is in <see cref="OptimizationResult.Message"/>.
    /// </summary>
    public sealed class KellyOptimizer : IPortfolioOptimizer
    {
        private readonly IQpSolver _solver;

        /// <summary>Creates the optimizer with Kelly fraction <paramref name="fraction"/> in (0, 1] (1 = full Kelly, 0.5 = half Kelly).</summary>
        public KellyOptimizer(IQpSolver solver, double fraction = 1.0)
        {
            _solver = Guard.NotNull(solver, nameof(solver));
            Guard.Finite(fraction, nameof(fraction));
            if (fraction <= 0 || fraction > 1)
                throw new System.ArgumentOutOfRangeException(nameof(fraction), fraction, $"Kelly fraction must be in (0, 1], got {Guard.Format(fraction)}");
            Fraction = fraction;
        }

        /// <summary>Long-only, gross leverage &lt;= 1, not forced fully invested (no budget).</summary>
        public static PortfolioConstraints DefaultConstraints { get; } = PortfolioConstraints.LongOnly.WithBudget(null);

        /// <summary>Kelly fraction c in (0, 1].</summary>
        public double Fraction { get; }

        /// <inheritdoc />
        public string Method => "kelly";

        /// <inheritdoc />
        public OptimizationResult Optimize(PortfolioProblem problem)
        {
            Guard.NotNull(problem, nameof(problem));
            int n = problem.Count;
            var p = new double[n, n];
            var q = new double[n];
            for (int i = 0; i < n; i++)
            {
                q[i] = -(problem.ExpectedReturns[i] - problem.RiskFreeRate);
                for (int j = 0; j < n; j++) p[i, j] = problem.Covariance[i, j] / Fraction;
            }
            var r = QpPortfolioSolve.Run(_solver, problem, Method, p, q, null, null, out _);
            double growth = problem.RiskFreeRate + r.ExpectedReturn - problem.RiskFreeRate * Sum(r) - 0.5 * r.Volatility * r.Volatility;
            return r.WithMethod(Method, $"Kelly fraction {Fraction.ToString("R", CultureInfo.InvariantCulture)}; growth rate r + f'(mu - r) - f'Sigma f/2 = {growth.ToString("R", CultureInfo.InvariantCulture)} per period; invested {Sum(r).ToString("R", CultureInfo.InvariantCulture)}");
        }

        private static double Sum(OptimizationResult r)
        {
            double s = 0;
            foreach (var w in r.Weights) s += w;
            return s;
        }
    }
}
