namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>Eigenvalue summary of a symmetric matrix: extremes, definiteness and 2-norm condition number.</summary>
    /// <param name="MinEigenvalue">Smallest eigenvalue.</param>
    /// <param name="MaxEigenvalue">Largest eigenvalue.</param>
    /// <param name="Tolerance">Rounding tolerance used: N · 2^-52 · |largest eigenvalue|.</param>
    public sealed record PsdReport(double MinEigenvalue, double MaxEigenvalue, double Tolerance)
    {
        /// <summary>No eigenvalue below -<see cref="Tolerance"/>.</summary>
        public bool IsPositiveSemidefinite => MinEigenvalue >= -Tolerance;

        /// <summary>Every eigenvalue above <see cref="Tolerance"/> (invertible, Cholesky succeeds).</summary>
        public bool IsPositiveDefinite => MinEigenvalue > Tolerance;

        /// <summary>Largest over smallest eigenvalue; +Infinity when the matrix is singular or indefinite.</summary>
        public double ConditionNumber => IsPositiveDefinite ? MaxEigenvalue / MinEigenvalue : double.PositiveInfinity;
    }
}
