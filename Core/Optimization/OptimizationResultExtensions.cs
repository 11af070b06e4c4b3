namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>Copies of an <see cref="OptimizationResult"/> with one field changed.</summary>
    public static class OptimizationResultExtensions
    {
        /// <summary>The same result under another method name, with <paramref name="note"/> appended to the message.</summary>
        public static OptimizationResult WithMethod(this OptimizationResult r, string method, string note = "")
            => new OptimizationResult(method, r.Status, r.Assets, r.CopyWeights(), r.ExpectedReturn, r.Volatility, r.Sharpe,
                Copy(r), r.Iterations, QpOutcome.Join(r.Message, note));

        /// <summary>The same result with the iteration count replaced (e.g. summed over several solves).</summary>
        public static OptimizationResult WithIterations(this OptimizationResult r, int iterations)
            => new OptimizationResult(r.Method, r.Status, r.Assets, r.CopyWeights(), r.ExpectedReturn, r.Volatility, r.Sharpe,
                Copy(r), iterations, r.Message);

        /// <summary>The same weights with another status, iteration count and an added note.</summary>
        public static OptimizationResult WithStatus(this OptimizationResult r, OptimizationStatus status, int iterations, string note)
            => new OptimizationResult(r.Method, status, r.Assets, r.CopyWeights(), r.ExpectedReturn, r.Volatility, r.Sharpe,
                Copy(r), iterations, QpOutcome.Join(r.Message, note));

        /// <summary>The status as the CLI and the config spell it: optimal, not-converged, infeasible.</summary>
        public static string StatusName(this OptimizationStatus s)
            => s == OptimizationStatus.Optimal ? "optimal" : s == OptimizationStatus.NotConverged ? "not-converged" : "infeasible";

        /// <summary>
        /// Returns <paramref name="r"/> when it is optimal; otherwise throws <see cref="NotConvergedException"/>
        /// "<paramref name="what"/> did not converge (status): message". A result that is not optimal is a failure: its
        /// weights are never traded or printed as if they were an answer.
        /// </summary>
        public static OptimizationResult RequireOptimal(this OptimizationResult r, string what)
        {
            Guard.NotNull(r, nameof(r));
            if (r.Status == OptimizationStatus.Optimal) return r;
            throw new NotConvergedException($"{what} did not converge ({r.Status.StatusName()}): {r.Message}", r.Iterations, double.NaN);
        }

        private static double[] Copy(OptimizationResult r)
        {
            var a = new double[r.RiskContributions.Count];
            for (int i = 0; i < a.Length; i++) a[i] = r.RiskContributions[i];
            return a;
        }
    }
}
