using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// Positive-semidefiniteness check and repair of covariance matrices via the symmetric eigendecomposition
    /// (MathNet, O(N^3) once).
    /// </summary>
    public static class PsdCheck
    {
        /// <summary>Eigenvalue extremes and condition number of symmetric <paramref name="matrix"/> (N x N, finite).</summary>
        public static PsdReport Analyse(double[,] matrix)
        {
            CheckSymmetric(matrix, out int n);
            return Report(SymmetricEigenvalues.Compute(matrix), n);
        }

        /// <summary>
        /// True when <paramref name="matrix"/> (N x N, finite, symmetric; the same checks and errors as <see cref="Analyse"/>)
        /// is certified positive definite with condition number at most <paramref name="bound"/>, from one Cholesky
        /// factorisation (N^3/3) instead of the eigenvalues (4/3 N^3 and more). With U = min(Frobenius norm, largest absolute
        /// row sum) &gt;= the largest eigenvalue and delta = 2U/bound, a Cholesky of A - 2 delta I that completes means
        /// lambda_min(A) &gt;= 2 delta - |E|, where the backward error of the factorisation (Higham, Accuracy and Stability of
        /// Numerical Algorithms, thm 10.3) is |E|_2 &lt;= N (N+1) u U / (1 - (N+1) u) &lt;= delta whenever N (N+1) u &lt;= ~bound/2
        /// (u = 2^-53; N up to ~1300 for bound 5e9). So lambda_min &gt;= delta and cond &lt;= U / delta = bound / 2. False says
        /// nothing (too large N, ill-conditioned or not positive definite): the caller then computes the eigenvalues.
        /// </summary>
        public static bool CertifiesConditionAtMost(double[,] matrix, double bound)
        {
            CheckSymmetric(matrix, out int n);
            if (!(bound > 1) || double.IsInfinity(bound)) return false;
            const double u = 1.1102230246251565e-16;
            double errorFactor = n * (n + 1.0) * u / (1 - (n + 1.0) * u);
            double frobenius = 0, rowMax = 0;
            for (int i = 0; i < n; i++)
            {
                double row = 0;
                for (int j = 0; j < n; j++)
                {
                    double a = matrix[i, j];
                    frobenius += a * a;
                    row += Math.Abs(a);
                }
                rowMax = Math.Max(rowMax, row);
            }
            double upper = Math.Min(Math.Sqrt(frobenius), rowMax);
            if (!(upper > 0) || double.IsInfinity(upper)) return false;
            double delta = 2 * upper / bound;
            if (errorFactor * upper > delta) return false;
            return Cholesky.Factor(matrix, ridge: -2 * delta).Succeeded;
        }

        /// <summary>
        /// Eigenvalue clipping then rescaling (Rebonato &amp; Jäckel 1999): C = V max(Λ, f·λmax) V^T with floor ratio
        /// <paramref name="floorRatio"/> = f, then D^{1/2} C D^{1/2} with D = diag(original)/diag(C), so every variance
        /// is kept and the result is positive definite. Returns a new symmetric matrix.
        /// </summary>
        public static double[,] ClipEigenvalues(double[,] matrix, double floorRatio)
        {
            Guard.InOpenRange(floorRatio, 0, 1, nameof(floorRatio));
            var evd = Decompose(matrix, out int n);
            var lambda = evd.EigenValues;
            double max = 0;
            for (int i = 0; i < n; i++) max = Math.Max(max, lambda[i].Real);
            if (max <= 0) throw new InvalidInputException("covariance matrix has no positive eigenvalue; it cannot be repaired");
            double floor = floorRatio * max;
            var v = evd.EigenVectors;
            var clipped = new double[n];
            for (int k = 0; k < n; k++) clipped[k] = Math.Max(lambda[k].Real, floor);
            // C = V diag(clipped) V^T, built as (V * sqrt(clipped)) (V * sqrt(clipped))^T.
            var scaled = v.Clone();
            for (int k = 0; k < n; k++)
            {
                double s = Math.Sqrt(clipped[k]);
                for (int i = 0; i < n; i++) scaled[i, k] *= s;
            }
            var c = scaled.TransposeAndMultiply(scaled);
            var result = new double[n, n];
            var scale = new double[n];
            for (int i = 0; i < n; i++)
            {
                double orig = matrix[i, i];
                scale[i] = orig > 0 ? Math.Sqrt(orig / c[i, i]) : 1.0;
            }
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++)
                    result[i, j] = result[j, i] = scale[i] * scale[j] * 0.5 * (c[i, j] + c[j, i]);
            return result;
        }

        private static Evd<double> Decompose(double[,] matrix, out int n)
        {
            CheckSymmetric(matrix, out n);
            return Matrix<double>.Build.DenseOfArray(matrix).Evd(Symmetricity.Symmetric);
        }

        private static void CheckSymmetric(double[,] matrix, out int n)
        {
            Guard.NotNull(matrix, nameof(matrix));
            n = matrix.GetLength(0);
            Guard.SquareFinite(matrix, n, nameof(matrix));
            if (n == 0) throw new ArgumentException("matrix must not be empty", nameof(matrix));
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double a = matrix[i, j], b = matrix[j, i];
                    if (Math.Abs(a - b) > 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b)) + double.Epsilon)
                        throw new InvalidInputException($"covariance matrix is not symmetric at [{i},{j}]: {Guard.Format(a)} vs {Guard.Format(b)}");
                }
        }

        private static PsdReport Report(double[] lambda, int n)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                double l = lambda[i];
                if (l < min) min = l;
                if (l > max) max = l;
            }
            double tol = n * 2.220446049250313e-16 * Math.Max(Math.Abs(max), Math.Abs(min));
            return new PsdReport(min, max, tol);
        }
    }
}
