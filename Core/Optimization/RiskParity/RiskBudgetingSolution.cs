using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// The raw outcome of <see cref="RiskParityOptimizer.Solve"/>: long-only weights summing to 1 and how the
    /// iteration ended. When <see cref="Converged"/> is false the weights are the last iterate, not a solution.
    /// </summary>
    public sealed class RiskBudgetingSolution
    {
        private readonly double[] _weights;

        internal RiskBudgetingSolution(double[] weights, RiskParityMethod method, int iterations, double residual, bool converged,
            double tolerance, string? breakdown)
        {
            Breakdown = breakdown ?? string.Empty;
            _weights = weights;
            Method = method;
            Iterations = iterations;
            Residual = residual;
            Converged = converged;
            Tolerance = tolerance;
        }

        /// <summary>Weights (fractions of value, all &gt; 0, sum 1), in covariance order.</summary>
        public IReadOnlyList<double> Weights => _weights;

        /// <summary>The algorithm that ran (never <see cref="RiskParityMethod.Auto"/>).</summary>
        public RiskParityMethod Method { get; }

        /// <summary>Newton steps, or coordinate-descent sweeps over all assets.</summary>
        public int Iterations { get; }

        /// <summary><c>max_i |RC_i - b_i|</c> of the returned weights on the given covariance (fractions of variance).</summary>
        public double Residual { get; }

        /// <summary>The tolerance the residual was held to.</summary>
        public double Tolerance { get; }

        /// <summary>True when <see cref="Residual"/> &lt;= <see cref="Tolerance"/>; false when the iteration cap was hit first.</summary>
        public bool Converged { get; }

        /// <summary>Why the solver stopped before its cap without converging (numerical breakdown); empty otherwise.</summary>
        public string Breakdown { get; }

        /// <summary>A copy of the weights.</summary>
        public double[] CopyWeights() => (double[])_weights.Clone();
    }
}
