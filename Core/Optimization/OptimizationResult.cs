using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Optimization
{
    /// <summary>How an optimization ended.</summary>
    public enum OptimizationStatus
    {
        /// <summary>Solved to tolerance; the weights satisfy every constraint.</summary>
        Optimal,
        /// <summary>The iterative method hit its iteration limit; weights are the last iterate and must not be traded blindly.</summary>
        NotConverged,
        /// <summary>No portfolio satisfies the constraints; see <see cref="OptimizationResult.Message"/>.</summary>
        Infeasible,
    }

    /// <summary>
    /// The outcome of one portfolio optimization. Figures are per period of the input returns (not annualised)
    /// and fractions (0.01 = 1%). Weights are fractions of portfolio value, one per asset in <see cref="Assets"/> order.
    /// </summary>
    public sealed class OptimizationResult
    {
        /// <summary>Creates a result; arrays are copied.</summary>
        public OptimizationResult(string method, OptimizationStatus status, IReadOnlyList<string> assets, double[] weights,
            double expectedReturn, double volatility, double sharpe, double[] riskContributions, int iterations, string message)
        {
            Method = Guard.NotBlank(method, nameof(method));
            Status = status;
            Guard.NotNull(assets, nameof(assets));
            Guard.NotNull(weights, nameof(weights));
            Guard.NotNull(riskContributions, nameof(riskContributions));
            if (weights.Length != assets.Count || riskContributions.Length != assets.Count)
                throw new ArgumentException($"weights ({weights.Length}) and risk contributions ({riskContributions.Length}) must match assets ({assets.Count})");
            Assets = new List<string>(assets).AsReadOnly();
            _weights = (double[])weights.Clone();
            _riskContributions = (double[])riskContributions.Clone();
            ExpectedReturn = expectedReturn;
            Volatility = volatility;
            Sharpe = sharpe;
            Iterations = iterations;
            Message = message ?? string.Empty;
        }

        private readonly double[] _weights;
        private readonly double[] _riskContributions;

        /// <summary>Method name as used by the CLI, e.g. "min-variance".</summary>
        public string Method { get; }

        /// <summary>How the optimization ended.</summary>
        public OptimizationStatus Status { get; }

        /// <summary>Asset names, in weight order.</summary>
        public IReadOnlyList<string> Assets { get; }

        /// <summary>Portfolio weights (fractions of value; negative = short).</summary>
        public IReadOnlyList<double> Weights => _weights;

        /// <summary>w'mu, per period.</summary>
        public double ExpectedReturn { get; }

        /// <summary>sqrt(w' Sigma w), per period.</summary>
        public double Volatility { get; }

        /// <summary>(w'mu - rf) / volatility, per period (NaN when volatility is zero).</summary>
        public double Sharpe { get; }

        /// <summary>
        /// Fraction of portfolio variance from each asset, <c>w_i (Sigma w)_i / (w' Sigma w)</c>; sums to 1.
        /// </summary>
        public IReadOnlyList<double> RiskContributions => _riskContributions;

        /// <summary>Iterations of the underlying solver.</summary>
        public int Iterations { get; }

        /// <summary>Human-readable notes (e.g. why it did not converge, ridge added).</summary>
        public string Message { get; }

        /// <summary>A copy of the weights.</summary>
        public double[] CopyWeights() => (double[])_weights.Clone();
    }
}
