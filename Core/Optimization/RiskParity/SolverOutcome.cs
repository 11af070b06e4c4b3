namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>Raw result of a risk budgeting iteration in correlation space (see <see cref="CorrelationForm"/>).</summary>
    internal readonly struct SolverOutcome
    {
        public SolverOutcome(double[] y, int iterations, double residual, bool converged, string? breakdown = null)
        {
            Breakdown = breakdown;
            Y = y;
            Iterations = iterations;
            Residual = residual;
            Converged = converged;
        }

        /// <summary>Unnormalised positive solution in correlation space.</summary>
        public double[] Y { get; }

        /// <summary>Newton steps or coordinate-descent sweeps performed.</summary>
        public int Iterations { get; }

        /// <summary><c>max_i |RC_i - b_i|</c> at <see cref="Y"/>.</summary>
        public double Residual { get; }

        /// <summary>Why the iteration stopped early without converging (null when it converged or hit the cap).</summary>
        public string? Breakdown { get; }

        /// <summary>True when <see cref="Residual"/> met the tolerance.</summary>
        public bool Converged { get; }
    }
}
