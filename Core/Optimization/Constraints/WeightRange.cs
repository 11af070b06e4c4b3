namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// Per-asset weight limits <c>Min &lt;= w &lt;= Max</c>, fractions of portfolio value (negative = short).
    /// Min &gt; Max is allowed here and reported by <see cref="ConstraintFeasibilityCheck"/> as a conflict.
    /// </summary>
    public readonly struct WeightRange
    {
        /// <summary>Creates the range; both ends must be finite.</summary>
        public WeightRange(double min, double max)
        {
            Min = Guard.Finite(min, nameof(min));
            Max = Guard.Finite(max, nameof(max));
        }

        /// <summary>Lowest allowed weight (fraction).</summary>
        public double Min { get; }

        /// <summary>Highest allowed weight (fraction).</summary>
        public double Max { get; }
    }
}
