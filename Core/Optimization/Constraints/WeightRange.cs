namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// Per-asset weight limits <c>Min &lt;= w &lt;= Max</c>, fractions of portfolio value (negative = short), carried as
    /// given: each end was validated where the user entered it (<see cref="Limits.LimitCatalog.MinWeight"/>,
    /// <see cref="Limits.LimitCatalog.MaxWeight"/>). Min &gt; Max is allowed here and reported by
    /// <see cref="ConstraintFeasibilityCheck"/> as a conflict.
    /// </summary>
    public readonly struct WeightRange
    {
        /// <summary>Creates the range.</summary>
        public WeightRange(double min, double max)
        {
            Min = min;
            Max = max;
        }

        /// <summary>Lowest allowed weight (fraction).</summary>
        public double Min { get; }

        /// <summary>Highest allowed weight (fraction).</summary>
        public double Max { get; }
    }
}
