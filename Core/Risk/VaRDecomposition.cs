using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Per-asset breakdown of Gaussian VaR and CVaR (one period, fractions of portfolio value, positive = loss).
    /// Euler allocation (Tasche 1999; Jorion, Value at Risk, ch. 7): VaR(w) = -(w'mu + z sqrt(w'Sigma w)) is
    /// homogeneous of degree 1, so sum_i w_i dVaR/dw_i = VaR exactly.
    /// </summary>
    /// <remarks>A record: equality compares the per-asset lists by reference, not element by element.</remarks>
    public sealed record VaRDecomposition
    {
        private VaRDecomposition(double var, double cvar, double[] marginal, double[] component, double[] incremental, double[] componentCvar)
        {
            ParametricVaR = var;
            ParametricCVaR = cvar;
            MarginalVaR = marginal;
            ComponentVaR = component;
            IncrementalVaR = incremental;
            ComponentCVaR = componentCvar;
        }

        /// <summary>Portfolio Gaussian VaR <c>-(mu_p + z sigma_p)</c>.</summary>
        public double ParametricVaR { get; }

        /// <summary>Portfolio Gaussian CVaR <c>-(mu_p - sigma_p phi(z)/(1-c))</c>.</summary>
        public double ParametricCVaR { get; }

        /// <summary>Marginal VaR <c>dVaR/dw_i = -mu_i - z (Sigma w)_i / sigma_p</c> (VaR per unit of weight).</summary>
        public IReadOnlyList<double> MarginalVaR { get; }

        /// <summary>Component VaR <c>w_i * MarginalVaR_i</c>; sums to <see cref="ParametricVaR"/>.</summary>
        public IReadOnlyList<double> ComponentVaR { get; }

        /// <summary>
        /// Incremental VaR: <c>VaR(w) - VaR(w with w_i = 0)</c>, the VaR the position adds (the rest held fixed).
        /// Exact (not the first-order marginal approximation).
        /// </summary>
        public IReadOnlyList<double> IncrementalVaR { get; }

        /// <summary>Component CVaR <c>w_i (-mu_i + phi(z)/(1-c) (Sigma w)_i / sigma_p)</c>; sums to <see cref="ParametricCVaR"/>.</summary>
        public IReadOnlyList<double> ComponentCVaR { get; }

        /// <summary>
        /// Decomposes Gaussian VaR/CVaR of weights <paramref name="weights"/> given per-period means <paramref name="mu"/>
        /// and covariance <paramref name="cov"/> (N x N). Throws <see cref="InvalidInputException"/> when the portfolio
        /// variance is zero (the marginal VaR is then undefined).
        /// </summary>
        public static VaRDecomposition Compute(IReadOnlyList<double> mu, double[,] cov, IReadOnlyList<double> weights, double confidence)
        {
            Guard.NotNull(weights, nameof(weights));
            int n = weights.Count;
            RiskInputChecks.Weights(weights, n);
            RiskInputChecks.Mean(mu, n);
            RiskInputChecks.Covariance(cov, n);
            double z = ValueAtRisk.TailZ(confidence);
            double tail = ExpectedShortfall.TailFactor(confidence);
            var sw = PortfolioMath.CovarianceTimes(cov, weights);
            double variance = 0, mup = 0;
            for (int i = 0; i < n; i++) { variance += weights[i] * sw[i]; mup += weights[i] * mu[i]; }
            if (!(variance > 0))
                throw new InvalidInputException($"portfolio variance is {Guard.Format(variance)}; VaR decomposition needs a positive variance");
            double sigma = Math.Sqrt(variance);
            double var = -(mup + z * sigma);
            double cvar = -(mup - sigma * tail);
            var marginal = new double[n];
            var component = new double[n];
            var incremental = new double[n];
            var componentCvar = new double[n];
            for (int i = 0; i < n; i++)
            {
                double wi = weights[i];
                marginal[i] = -mu[i] - z * sw[i] / sigma;
                component[i] = wi * marginal[i];
                componentCvar[i] = wi * (-mu[i] + tail * sw[i] / sigma);
                // Without asset i: mu' = mu_p - w_i mu_i, var' = var - 2 w_i (Sigma w)_i + w_i^2 Sigma_ii.
                double varWithout = variance - 2 * wi * sw[i] + wi * wi * cov[i, i];
                double without = -(mup - wi * mu[i] + z * Math.Sqrt(Math.Max(varWithout, 0)));
                incremental[i] = var - without;
            }
            return new VaRDecomposition(var, cvar, marginal, component, incremental, componentCvar);
        }
    }
}
