using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// Long-only, fully invested risk budgeting ("risk parity" with equal budgets): weights w &gt; 0, sum(w) = 1, with
    /// risk contributions <c>RC_i = w_i (Sigma w)_i / (w' Sigma w) = b_i</c>. The solution exists and is unique for any
    /// positive semi-definite covariance with positive variances on which no long-only portfolio is riskless
    /// (Bruder &amp; Roncalli 2012; Spinu 2013: the convex objective is then strictly convex and coercive). Solved on
    /// Spinu's (2013) formulation by damped Newton (small/medium N) or cyclical coordinate descent (large N);
    /// see <see cref="RiskParityMethod"/>.
    /// </summary>
    public sealed class RiskParityOptimizer : IPortfolioOptimizer
    {
        /// <summary>Method name used in results and by the CLI (<c>--method risk-parity</c>).</summary>
        public const string MethodName = "risk-parity";

        /// <summary>
        /// Creates an optimizer; null options means <see cref="RiskParityOptions.Default"/>; <paramref name="budgets"/> are the
        /// risk budgets <see cref="Optimize(PortfolioProblem)"/> uses (null = equal).
        /// </summary>
        public RiskParityOptimizer(RiskParityOptions? options = null, RiskBudgets? budgets = null)
        {
            Options = options ?? RiskParityOptions.Default;
            Budgets = budgets;
        }

        /// <summary>The settings in use.</summary>
        public RiskParityOptions Options { get; }

        /// <summary>Risk budgets of <see cref="Optimize(PortfolioProblem)"/> (null = equal).</summary>
        public RiskBudgets? Budgets { get; }

        /// <inheritdoc />
        public string Method => MethodName;

        /// <summary>
        /// Risk budgeting on the problem's covariance with <see cref="Budgets"/>; the problem's expected returns and risk-free
        /// rate only feed the reported figures. Long-only and fully invested by construction: the problem's limits are ignored.
        /// </summary>
        public OptimizationResult Optimize(PortfolioProblem problem)
        {
            Guard.NotNull(problem, nameof(problem));
            return Optimize(problem.Assets, problem.CopyCovariance(), Budgets, problem.ExpectedReturns, problem.RiskFreeRate);
        }

        /// <summary>
        /// Solves for the risk budgeting weights of <paramref name="covariance"/> (n x n, any consistent units; the
        /// weights do not depend on the scale). Null <paramref name="budgets"/> means equal budgets 1/n.
        /// Throws <see cref="InvalidInputException"/> for a non-square, non-finite, asymmetric or non-PSD covariance,
        /// a zero-variance asset, or budgets of the wrong length; messages name the asset when
        /// <paramref name="assets"/> is given. Hitting the iteration cap is reported through
        /// <see cref="RiskBudgetingSolution.Converged"/> = false, never hidden.
        /// </summary>
        public RiskBudgetingSolution Solve(double[,] covariance, RiskBudgets? budgets = null, IReadOnlyList<string>? assets = null)
        {
            var form = CorrelationForm.Create(covariance, assets);
            int n = form.Count;
            var b = budgets ?? RiskBudgets.Equal(n);
            if (b.Count != n)
                throw new InvalidInputException($"{b.Count} risk budgets for {n} assets");
            double[] bArr = b.ToArray();

            var method = Options.ResolveMethod(n);
            int cap = Options.IterationCapFor(method);
            var outcome = method == RiskParityMethod.Newton
                ? SpinuNewtonSolver.Solve(form.Correlation, n, bArr, Options.Tolerance, cap)
                : CyclicalCoordinateDescentSolver.Solve(form.Correlation, n, bArr, Options.Tolerance, cap);
            // Auto picked coordinate descent for speed; on an ill-conditioned correlation matrix it converges only
            // linearly and may hit its cap. Newton (quadratic convergence, O(N^3) a step) then finishes the job, so
            // Auto reports NotConverged only when both methods fail.
            if (Options.Method == RiskParityMethod.Auto && method == RiskParityMethod.CoordinateDescent && !outcome.Converged && outcome.Breakdown == null)
            {
                method = RiskParityMethod.Newton;
                outcome = SpinuNewtonSolver.Solve(form.Correlation, n, bArr, Options.Tolerance, Options.IterationCapFor(method));
            }

            // Back from correlation space: x_i = y_i / sigma_i, then normalise to the budget constraint sum(w) = 1.
            var w = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                w[i] = outcome.Y[i] / form.Volatilities[i];
                sum += w[i];
            }
            for (int i = 0; i < n; i++) w[i] /= sum;

            double residual = MaxBudgetGap(covariance, w, bArr);
            bool converged = outcome.Converged && residual <= Options.Tolerance;
            return new RiskBudgetingSolution(w, method, outcome.Iterations, residual, converged, Options.Tolerance, outcome.Breakdown);
        }

        /// <summary>
        /// Risk budgeting portfolio as an <see cref="OptimizationResult"/> (method "risk-parity"). Status is
        /// <see cref="OptimizationStatus.NotConverged"/> with the residual in the message when the iteration cap is hit.
        /// <paramref name="expectedReturns"/> (per period, optional) only feeds the reported expected return and
        /// Sharpe ratio, which are NaN without it; <paramref name="riskFree"/> is per period.
        /// </summary>
        public OptimizationResult Optimize(IReadOnlyList<string> assets, double[,] covariance, RiskBudgets? budgets = null,
            IReadOnlyList<double>? expectedReturns = null, double riskFree = 0)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.Finite(riskFree, nameof(riskFree));
            if (expectedReturns != null && expectedReturns.Count != assets.Count)
                throw new InvalidInputException($"{expectedReturns.Count} expected returns for {assets.Count} assets");
            if (expectedReturns != null)
                for (int i = 0; i < expectedReturns.Count; i++)
                    if (double.IsNaN(expectedReturns[i]) || double.IsInfinity(expectedReturns[i]))
                        throw new InvalidInputException($"expected return of '{assets[i]}' must be a finite number, got {Guard.Format(expectedReturns[i])}");
            var solution = Solve(covariance, budgets, assets);
            IReadOnlyList<double> mu = expectedReturns ?? NaNs(assets.Count);
            return PortfolioMath.Evaluate(MethodName,
                solution.Converged ? OptimizationStatus.Optimal : OptimizationStatus.NotConverged,
                assets, solution.CopyWeights(), mu, covariance, riskFree, solution.Iterations, Describe(solution));
        }

        /// <summary>
        /// Risk budgeting on a return frame: unbiased sample covariance (n-1) and mean of the returns, per period of
        /// the frame. Throws <see cref="InvalidInputException"/> when the frame holds prices rather than returns.
        /// </summary>
        public OptimizationResult Optimize(AssetFrame returns, RiskBudgets? budgets = null, double riskFree = 0)
        {
            Guard.NotNull(returns, nameof(returns));
            if (returns.Kind == FrameKind.Prices)
                throw new InvalidInputException($"{returns.Source}: risk budgeting needs returns, got prices; convert prices to returns first");
            var cov = SampleMoments.Covariance(returns);
            var mu = SampleMoments.Mean(returns);
            return Optimize(returns.Assets, cov, budgets, mu, riskFree);
        }

        /// <summary>One line for <see cref="OptimizationResult.Message"/>: method, iterations, residual and tolerance.</summary>
        public static string Describe(RiskBudgetingSolution solution)
        {
            Guard.NotNull(solution, nameof(solution));
            string name = solution.Method == RiskParityMethod.Newton ? "Spinu damped Newton" : "cyclical coordinate descent";
            string unit = solution.Method == RiskParityMethod.Newton ? "iterations" : "sweeps";
            if (solution.Converged)
                return $"{name}: converged in {solution.Iterations} {unit}; max |RC_i - b_i| = {Guard.Format(solution.Residual)} (tolerance {Guard.Format(solution.Tolerance)})";
            string text = $"{name}: did not converge in {solution.Iterations} {unit}; max |RC_i - b_i| = {Guard.Format(solution.Residual)} > tolerance {Guard.Format(solution.Tolerance)}; weights are the last iterate";
            if (solution.Breakdown.Length > 0) return text + "; " + solution.Breakdown;
            return solution.Method == RiskParityMethod.CoordinateDescent
                ? text + " (coordinate descent is slow on ill-conditioned covariances; method Newton converges in few O(N^3) steps)"
                : text;
        }

        private static double MaxBudgetGap(double[,] covariance, double[] w, double[] b)
        {
            var rc = PortfolioMath.RiskContributions(covariance, w);
            double worst = 0;
            for (int i = 0; i < w.Length; i++)
            {
                double e = Math.Abs(rc[i] - b[i]);
                if (!(e <= worst)) worst = e;
            }
            return worst;
        }

        private static double[] NaNs(int n)
        {
            var a = new double[n];
            for (int i = 0; i < n; i++) a[i] = double.NaN;
            return a;
        }
    }
}
