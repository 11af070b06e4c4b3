namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>
    /// Parameters of the Almgren-Chriss (2000) linear impact model, all in the units of the schedule's time unit
    /// (e.g. days): <see cref="Sigma"/> price volatility in currency per share per sqrt(time unit); <see cref="Eta"/>
    /// temporary impact in currency per share per (share per time unit); <see cref="Gamma"/> permanent impact in
    /// currency per share per share; <see cref="Epsilon"/> fixed cost per share (half spread plus fees) in currency;
    /// <see cref="RiskAversion"/> lambda in 1/currency (0 = risk neutral).
    /// </summary>
    public sealed record AlmgrenChrissParameters
    {
        /// <summary>Creates the parameter set; every value must be finite and &gt;= 0, eta &gt; 0.</summary>
        public AlmgrenChrissParameters(double sigma, double eta, double gamma, double epsilon, double riskAversion)
        {
            Sigma = Guard.NonNegative(sigma, nameof(sigma));
            Eta = Guard.Positive(eta, nameof(eta));
            Gamma = Guard.NonNegative(gamma, nameof(gamma));
            Epsilon = Guard.NonNegative(epsilon, nameof(epsilon));
            RiskAversion = Guard.NonNegative(riskAversion, nameof(riskAversion));
        }

        /// <summary>Price volatility, currency per share per sqrt(time unit).</summary>
        public double Sigma { get; }

        /// <summary>Temporary impact coefficient eta, currency per share per (share/time unit).</summary>
        public double Eta { get; }

        /// <summary>Permanent impact coefficient gamma, currency per share per share.</summary>
        public double Gamma { get; }

        /// <summary>Fixed cost per share epsilon (half spread + fees), currency.</summary>
        public double Epsilon { get; }

        /// <summary>Risk aversion lambda, 1/currency.</summary>
        public double RiskAversion { get; }

        /// <summary>A copy with another risk aversion (for efficient frontiers).</summary>
        public AlmgrenChrissParameters WithRiskAversion(double lambda) => new AlmgrenChrissParameters(Sigma, Eta, Gamma, Epsilon, lambda);

        /// <summary>
        /// eta~ = eta - gamma tau / 2 (Almgren-Chriss 2000, eq. 15); must be &gt; 0 for the model to be convex.
        /// Throws <see cref="InvalidInputException"/> naming both values otherwise.
        /// </summary>
        public double EtaTilde(double tau)
        {
            double et = Eta - Gamma * tau / 2.0;
            if (!(et > 0))
                throw new InvalidInputException($"eta - gamma*tau/2 must be > 0 (eta={Guard.Format(Eta)}, gamma={Guard.Format(Gamma)}, tau={Guard.Format(tau)}); use more slices or a smaller gamma");
            return et;
        }
    }
}
