using System;
using System.Collections.Generic;
using System.Globalization;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// A validated covariance matrix split into volatilities and a correlation matrix, <c>Sigma = D C D</c>.
    /// Risk budgeting is solved on C (unit diagonal, scale-free) and mapped back with <c>w_i ∝ y_i / sigma_i</c>,
    /// because <c>y = D x</c> leaves every risk contribution unchanged (Spinu 2013, section 2).
    /// </summary>
    internal sealed class CorrelationForm
    {
        /// <summary>Relative asymmetry tolerated between <c>Sigma_ij</c> and <c>Sigma_ji</c>.</summary>
        internal const double SymmetryTolerance = 1e-10;

        /// <summary>Ridge added to C for the positive semi-definiteness test (eigenvalues down to -1e-10 pass).</summary>
        internal const double PsdRidge = 1e-10;

        private CorrelationForm(int n, double[] vols, double[] corr)
        {
            Count = n;
            Volatilities = vols;
            Correlation = corr;
        }

        /// <summary>Number of assets.</summary>
        public int Count { get; }

        /// <summary><c>sqrt(Sigma_ii)</c>, per period of the covariance.</summary>
        public double[] Volatilities { get; }

        /// <summary>Correlation matrix, n x n row-major, unit diagonal, symmetrised.</summary>
        public double[] Correlation { get; }

        /// <summary>
        /// Validates <paramref name="covariance"/> and builds the correlation form. Throws
        /// <see cref="InvalidInputException"/> on a non-square or non-finite matrix, asymmetry, a zero or negative
        /// variance, or a matrix that is not positive semi-definite; messages name the asset(s) involved.
        /// </summary>
        public static CorrelationForm Create(double[,] covariance, IReadOnlyList<string>? assets)
        {
            Guard.NotNull(covariance, nameof(covariance));
            int n = covariance.GetLength(0);
            if (n == 0 || covariance.GetLength(1) != n)
                throw new InvalidInputException($"covariance must be a non-empty square matrix, got {n}x{covariance.GetLength(1)}");
            if (assets != null && assets.Count != n)
                throw new InvalidInputException($"covariance is {n}x{n} but there are {assets.Count} assets");
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (double.IsNaN(covariance[i, j]) || double.IsInfinity(covariance[i, j]))
                        throw new InvalidInputException($"covariance{Cell(i, j, assets)} must be finite, got {Guard.Format(covariance[i, j])}");

            var vols = new double[n];
            for (int i = 0; i < n; i++)
            {
                double v = covariance[i, i];
                if (v <= 0)
                    throw new InvalidInputException(v == 0
                        ? $"asset {Name(i, assets)} has zero variance (covariance{Cell(i, i, assets)} = 0); risk budgeting needs every asset to carry risk"
                        : $"asset {Name(i, assets)} has negative variance {Guard.Format(v)}; the covariance matrix is invalid");
                vols[i] = Math.Sqrt(v);
            }

            var corr = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                corr[i * n + i] = 1.0;
                for (int j = 0; j < i; j++)
                {
                    double a = covariance[i, j], b = covariance[j, i];
                    double scale = vols[i] * vols[j];
                    if (Math.Abs(a - b) > SymmetryTolerance * scale)
                        throw new InvalidInputException(
                            $"covariance is not symmetric: {Cell(i, j, assets)} = {Guard.Format(a)} but {Cell(j, i, assets)} = {Guard.Format(b)}");
                    double c = 0.5 * (a + b) / scale;
                    if (Math.Abs(c) > 1 + 1e-12)
                        throw new InvalidInputException(
                            $"covariance is not positive semi-definite: assets {Name(i, assets)} and {Name(j, assets)} have correlation {Guard.Format(c)} outside [-1, 1]");
                    corr[i * n + j] = c;
                    corr[j * n + i] = c;
                }
            }

            // Positive semi-definiteness: Cholesky of C + ridge*I succeeds iff every eigenvalue of C is > -ridge (O(n^3) once).
            var factor = Numerics.Cholesky.Factor(corr, n, PsdRidge);
            int failed = factor.FailedPivot;
            if (failed >= 0)
                throw new InvalidInputException(
                    $"covariance is not positive semi-definite (its correlation matrix has a negative eigenvalue; " +
                    $"Cholesky fails at asset {Name(failed, assets)}); repair it (e.g. shrinkage) before risk budgeting");
            return new CorrelationForm(n, vols, corr);
        }

        private static string Name(int i, IReadOnlyList<string>? assets)
            => assets == null ? "#" + i.ToString(CultureInfo.InvariantCulture) : "'" + assets[i] + "'";

        private static string Cell(int i, int j, IReadOnlyList<string>? assets)
        {
            string idx = "[" + i.ToString(CultureInfo.InvariantCulture) + "," + j.ToString(CultureInfo.InvariantCulture) + "]";
            return assets == null ? idx : idx + " ('" + assets[i] + "', '" + assets[j] + "')";
        }
    }
}
