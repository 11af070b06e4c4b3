using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Outcome of <see cref="LimitEnforcer.Enforce"/>: the nearest compliant weights and what was wrong before.</summary>
    public sealed class LimitEnforcementResult
    {
        /// <summary>Creates the result.</summary>
        public LimitEnforcementResult(IReadOnlyList<double> weights, IReadOnlyList<LimitBreach> breachesBefore, double distance, int iterations, string message)
        {
            Weights = weights;
            BreachesBefore = breachesBefore;
            Distance = distance;
            Iterations = iterations;
            Message = message;
        }

        /// <summary>Compliant weights closest (Euclidean) to the input, fractions of portfolio value.</summary>
        public IReadOnlyList<double> Weights { get; }

        /// <summary>The breaches of the input weights (empty: the input was returned unchanged).</summary>
        public IReadOnlyList<LimitBreach> BreachesBefore { get; }

        /// <summary><c>||result - input||_2</c>.</summary>
        public double Distance { get; }

        /// <summary>QP solver iterations (0 when nothing had to change).</summary>
        public int Iterations { get; }

        /// <summary>Solver summary (ridge added, etc.).</summary>
        public string Message { get; }
    }
}
