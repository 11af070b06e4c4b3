namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>Two assets and their correlation (dimensionless, in [-1, 1]).</summary>
    public sealed record CorrelationPair
    {
        /// <summary>Creates the pair.</summary>
        public CorrelationPair(string first, string second, double correlation)
        {
            First = Guard.NotBlank(first, nameof(first));
            Second = Guard.NotBlank(second, nameof(second));
            Correlation = correlation;
        }

        /// <summary>The asset earlier in column order.</summary>
        public string First { get; }

        /// <summary>The asset later in column order.</summary>
        public string Second { get; }

        /// <summary>Pearson correlation.</summary>
        public double Correlation { get; }
    }
}
