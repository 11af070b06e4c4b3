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
