using System;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// Efficient portfolio with a given volatility (per period): the efficient frontier's volatility sigma(r) rises
    /// strictly and continuously with the return target r from the minimum-variance portfolio to the maximum-return one,
    /// so the target return with sigma(r) = target is found by bisection with regula-falsi steps (Illinois variant,
    /// Dowell and Jarratt 1971) over [r_minvar, r_max], each step one warm-started target-return QP.
    /// Throws <see cref="InfeasibleException"/> when the target is outside [min-variance vol, max-return vol].
    /// Stops when |sigma - target| &lt;= 1e-10 target; otherwise after 200 steps with status NotConverged.
    /// </summary>
    public sealed class TargetVolatilityOptimizer : IPortfolioOptimizer
    {
        private const int MaxSteps = 200;
        private const double RelativeTolerance = 1e-10;
        private readonly IQpSolver _solver;

        /// <summary>Creates the optimizer for <paramref name="targetVolatility"/> (per period, fraction, &gt; 0).</summary>
        public TargetVolatilityOptimizer(IQpSolver solver, double targetVolatility)
        {
            _solver = Guard.NotNull(solver, nameof(solver));
            TargetVolatility = Guard.Positive(targetVolatility, nameof(targetVolatility));
        }

        /// <summary>Required volatility per period.</summary>
        public double TargetVolatility { get; }

        /// <inheritdoc />
        public string Method => "target-volatility";

        /// <inheritdoc />
        public OptimizationResult Optimize(PortfolioProblem problem)
        {
            Guard.NotNull(problem, nameof(problem));
            QpPortfolioSolve.RequireBudget(problem, Method);
            double target = TargetVolatility, tol = RelativeTolerance * target;
            var low = new MinimumVarianceOptimizer(_solver).Optimize(problem, null, out _);
            if (low.Status != OptimizationStatus.Optimal) return low.WithMethod(Method, "target-volatility: the minimum-variance end did not converge");
            var high = new MaximumReturnOptimizer(_solver).Optimize(problem);
            if (high.Status != OptimizationStatus.Optimal) return high.WithMethod(Method, "target-volatility: the maximum-return end did not converge");
            int iterations = low.Iterations + high.Iterations;
            if (target < low.Volatility - tol || target > high.Volatility + tol)
                throw new InfeasibleException(
                    $"target volatility {Guard.Format(target)} per period is outside [{Guard.Format(low.Volatility)}, {Guard.Format(high.Volatility)}], " +
                    "the volatilities of the minimum-variance and maximum-return portfolios under these limits",
                    new[] { "target volatility" });
            if (Math.Abs(low.Volatility - target) <= tol) return low.WithMethod(Method).WithIterations(iterations);
            if (Math.Abs(high.Volatility - target) <= tol) return high.WithMethod(Method).WithIterations(iterations);

            double ra = low.ExpectedReturn, fa = low.Volatility - target;
            double rb = high.ExpectedReturn, fb = high.Volatility - target;
            int side = 0;
            var family = new TargetReturnFamily(_solver, problem, Method);
            QpOptions? options = null;
            OptimizationResult? best = null;
            for (int step = 0; step < MaxSteps; step++)
            {
                double r = (ra * fb - rb * fa) / (fb - fa);                 // regula falsi
                if (!(r > Math.Min(ra, rb) && r < Math.Max(ra, rb))) r = 0.5 * (ra + rb);
                var res = family.Solve(r, options, out var outcome);
                iterations += res.Iterations;
                if (res.Status != OptimizationStatus.Optimal) return res.WithIterations(iterations);
                options = new QpOptions { WarmActiveSet = outcome.Result.ActiveSet };
                best = res;
                double f = res.Volatility - target;
                if (Math.Abs(f) <= tol) return res.WithIterations(iterations);
                if (f < 0)
                {
                    ra = r; fa = f;
                    if (side == -1) fb *= 0.5;                                // Illinois: halve the stale end
                    side = -1;
                }
                else
                {
                    rb = r; fb = f;
                    if (side == 1) fa *= 0.5;
                    side = 1;
                }
                if (Math.Abs(rb - ra) <= 1e-15 * Math.Max(Math.Abs(ra), Math.Abs(rb)))
                    return res.WithStatus(OptimizationStatus.NotConverged, iterations,
                        $"target-volatility: return bracket collapsed at {Guard.Format(r)} with volatility {Guard.Format(res.Volatility)} (target {Guard.Format(target)})");
            }
            return best!.WithStatus(OptimizationStatus.NotConverged, iterations,
                $"target-volatility: no return target within {MaxSteps} steps gives volatility {Guard.Format(target)} to 1e-10 (last {Guard.Format(best!.Volatility)})");
        }
    }
}
