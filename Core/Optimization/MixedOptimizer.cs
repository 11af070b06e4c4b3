using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>
    /// A blend of other methods: <c>p = sum_m a_m w_m</c> with blend weights <c>a_m &gt;= 0</c>, <c>sum a_m = 1</c>, then the
    /// nearest portfolio to p that satisfies the limits (<see cref="WeightProjection"/>; a blend of feasible portfolios
    /// is feasible when the limits include a budget, but not e.g. after mixing in a Kelly portfolio that is not fully invested).
    /// A component that does not converge makes the blend NotConverged, naming it.
    /// </summary>
    public sealed class MixedOptimizer : IPortfolioOptimizer
    {
        private readonly IQpSolver _solver;
        private readonly IReadOnlyList<KeyValuePair<IPortfolioOptimizer, double>> _components;

        /// <summary>Creates the blend; weights must be finite, &gt;= 0 and sum to 1 (within 1e-9).</summary>
        public MixedOptimizer(IQpSolver solver, IReadOnlyList<KeyValuePair<IPortfolioOptimizer, double>> components)
        {
            _solver = Guard.NotNull(solver, nameof(solver));
            Guard.NotNull(components, nameof(components));
            if (components.Count == 0) throw new InvalidInputException("mixed: no methods to blend");
            double sum = 0;
            foreach (var kv in components)
            {
                Guard.NotNull(kv.Key, nameof(components));
                if (double.IsNaN(kv.Value) || double.IsInfinity(kv.Value) || kv.Value < 0)
                    throw new InvalidInputException($"mixed: blend weight of {kv.Key.Method} must be a finite number >= 0, got {Guard.Format(kv.Value)}");
                sum += kv.Value;
            }
            if (Math.Abs(sum - 1) > 1e-9)
                throw new InvalidInputException($"mixed: blend weights must sum to 1, got {Guard.Format(sum)} ({string.Join(", ", components.Select(kv => kv.Key.Method + "=" + Guard.Format(kv.Value)))})");
            _components = components.ToList().AsReadOnly();
        }

        /// <inheritdoc />
        public string Method => "mixed";

        /// <summary>The methods and their blend weights.</summary>
        public IReadOnlyList<KeyValuePair<IPortfolioOptimizer, double>> Components => _components;

        /// <inheritdoc />
        public OptimizationResult Optimize(PortfolioProblem problem)
        {
            Guard.NotNull(problem, nameof(problem));
            int n = problem.Count;
            var blend = new double[n];
            int iterations = 0;
            var notes = new List<string>();
            var status = OptimizationStatus.Optimal;
            foreach (var kv in _components)
            {
                var r = kv.Key.Optimize(problem);
                iterations += r.Iterations;
                if (r.Status != OptimizationStatus.Optimal)
                {
                    status = OptimizationStatus.NotConverged;
                    notes.Add($"component {kv.Key.Method} ended {r.Status}: {r.Message}");
                }
                for (int i = 0; i < n; i++) blend[i] += kv.Value * r.Weights[i];
            }
            string description = "blend of " + string.Join(", ", _components.Select(kv => kv.Key.Method + " " + kv.Value.ToString("R", CultureInfo.InvariantCulture)));
            var projected = new WeightProjection(_solver).Project(problem, blend, Method, description);
            iterations += projected.Iterations;
            if (status == OptimizationStatus.Optimal) return projected.WithIterations(iterations);
            return projected.WithStatus(status, iterations, string.Join("; ", notes));
        }
    }
}
