using System;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// Highest attainable expected return under the limits (the top of the efficient frontier), a linear program solved
    /// by exact quadratic regularisation: <c>min -tau mu'w + 1/2 w'Sigma w</c> has, for every tau above a finite threshold,
    /// exactly the least-variance maximiser of <c>mu'w</c> as its solution (Mangasarian and Meyer 1979, "Nonlinear
    /// perturbation of linear programs"). tau grows tenfold from a scale-free start until two successive answers agree
    /// to 1e-10; if they never do the result says NotConverged. Needs a budget.
    /// </summary>
    public sealed class MaximumReturnOptimizer : IPortfolioOptimizer
    {
        private const int MaxRounds = 14;
        private const double Agreement = 1e-10;
        private readonly IQpSolver _solver;

        /// <summary>Creates the optimizer over a QP solver.</summary>
        public MaximumReturnOptimizer(IQpSolver solver) => _solver = Guard.NotNull(solver, nameof(solver));

        /// <inheritdoc />
        public string Method => "max-return";

        /// <inheritdoc />
        public OptimizationResult Optimize(PortfolioProblem problem)
        {
            Guard.NotNull(problem, nameof(problem));
            QpPortfolioSolve.RequireBudget(problem, Method);
            int n = problem.Count;
            double maxVar = 0, maxMu = 0;
            for (int i = 0; i < n; i++)
            {
                maxVar = Math.Max(maxVar, problem.Covariance[i, i]);
                maxMu = Math.Max(maxMu, Math.Abs(problem.ExpectedReturns[i]));
            }
            if (maxMu == 0)
                return new MinimumVarianceOptimizer(_solver).Optimize(problem, null, out _).WithMethod(Method, "all expected returns are 0: every portfolio has the highest return; the least-variance one is returned");
            double tau = 10 * maxVar / maxMu;
            double[]? previous = null;
            OptimizationResult? last = null;
            QpOptions? options = null;
            int iterations = 0;
            for (int round = 0; round < MaxRounds; round++, tau *= 10)
            {
                var q = new double[n];
                for (int i = 0; i < n; i++) q[i] = -tau * problem.ExpectedReturns[i];
                last = QpPortfolioSolve.Run(_solver, problem, Method, problem.Covariance, q, null, options, out var outcome);
                iterations += last.Iterations;
                if (last.Status != OptimizationStatus.Optimal) return last.WithIterations(iterations);
                options = new QpOptions { WarmActiveSet = outcome.Result.ActiveSet };
                var w = last.CopyWeights();
                if (previous != null && MaxAbsDiff(previous, w) <= Agreement)
                    return last.WithIterations(iterations);
                previous = w;
            }
            return last!.WithStatus(OptimizationStatus.NotConverged, iterations,
                $"max-return: the regularised answers still moved after {MaxRounds} rounds (tau = {Guard.Format(tau / 10)})");
        }

        private static double MaxAbsDiff(double[] a, double[] b)
        {
            double m = 0;
            for (int i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
            return m;
        }
    }
}
