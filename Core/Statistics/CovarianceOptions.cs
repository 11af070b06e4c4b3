namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>Settings of <see cref="CovarianceEstimator"/>. Immutable.</summary>
    public sealed record CovarianceOptions
    {
        /// <summary>Creates options; every argument is checked.</summary>
        /// <param name="method">The estimator.</param>
        /// <param name="ewmaLambda">EWMA decay per period in (0, 1); RiskMetrics uses 0.94 for daily data.</param>
        /// <param name="ewmaMean">What EWMA subtracts before weighting.</param>
        /// <param name="periodsPerYear">When set, the matrix is annualised (times this number); null keeps it per period.</param>
        /// <param name="repairNonPsd">Clip negative eigenvalues (with a warning) instead of throwing when the matrix is not PSD.</param>
        /// <param name="eigenvalueFloorRatio">Repair floor as a fraction of the largest eigenvalue, in (0, 1).</param>
        /// <param name="conditionWarning">Condition numbers above this add a warning.</param>
        public CovarianceOptions(CovarianceMethod method = CovarianceMethod.Sample, double ewmaLambda = 0.94, EwmaMean ewmaMean = EwmaMean.Zero,
            int? periodsPerYear = null, bool repairNonPsd = true, double eigenvalueFloorRatio = 1e-8, double conditionWarning = 1e10)
        {
            Method = method;
            EwmaLambda = Guard.InOpenRange(ewmaLambda, 0, 1, nameof(ewmaLambda));
            EwmaMean = ewmaMean;
            if (periodsPerYear.HasValue) Guard.Positive(periodsPerYear.Value, nameof(periodsPerYear));
            PeriodsPerYear = periodsPerYear;
            RepairNonPsd = repairNonPsd;
            EigenvalueFloorRatio = Guard.InOpenRange(eigenvalueFloorRatio, 0, 1, nameof(eigenvalueFloorRatio));
            ConditionWarning = Guard.Positive(conditionWarning, nameof(conditionWarning));
        }

        /// <summary>The estimator.</summary>
        public CovarianceMethod Method { get; }

        /// <summary>EWMA decay per period, in (0, 1).</summary>
        public double EwmaLambda { get; }

        /// <summary>What EWMA subtracts before weighting.</summary>
        public EwmaMean EwmaMean { get; }

        /// <summary>Annualisation factor, or null for per-period figures.</summary>
        public int? PeriodsPerYear { get; }

        /// <summary>Whether a non-PSD matrix is repaired (true) or rejected (false).</summary>
        public bool RepairNonPsd { get; }

        /// <summary>Repair floor as a fraction of the largest eigenvalue.</summary>
        public double EigenvalueFloorRatio { get; }

        /// <summary>Condition-number threshold for a warning.</summary>
        public double ConditionWarning { get; }
    }
}
