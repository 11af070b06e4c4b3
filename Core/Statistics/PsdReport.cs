namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>Eigenvalue summary of a symmetric matrix: extremes, definiteness and 2-norm condition number.</summary>
    public sealed class PsdReport
    {
        /// <summary>Creates the report.</summary>
        public PsdReport(double minEigenvalue, double maxEigenvalue, double tolerance)
        {
            MinEigenvalue = minEigenvalue;
            MaxEigenvalue = maxEigenvalue;
            Tolerance = tolerance;
        }

        /// <summary>Smallest eigenvalue.</summary>
        public double MinEigenvalue { get; }

        /// <summary>Largest eigenvalue.</summary>
        public double MaxEigenvalue { get; }

        /// <summary>Rounding tolerance used: N · 2^-52 · |largest eigenvalue|.</summary>
        public double Tolerance { get; }

        /// <summary>No eigenvalue below -<see cref="Tolerance"/>.</summary>
        public bool IsPositiveSemidefinite => MinEigenvalue >= -Tolerance;

        /// <summary>Every eigenvalue above <see cref="Tolerance"/> (invertible, Cholesky succeeds).</summary>
        public bool IsPositiveDefinite => MinEigenvalue > Tolerance;

        /// <summary>Largest over smallest eigenvalue; +Infinity when the matrix is singular or indefinite.</summary>
        public double ConditionNumber => IsPositiveDefinite ? MaxEigenvalue / MinEigenvalue : double.PositiveInfinity;
    }
}
