using System;
using System.Runtime.CompilerServices;

namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>
    /// Eigenvalues (no eigenvectors) of a dense symmetric matrix: Householder reduction to tridiagonal form
    /// (Golub and Van Loan, Matrix Computations 4th ed., 8.3.1; LAPACK dsytd2, lower triangle, rank-2 updates) followed by
    /// the implicit QL iteration with Wilkinson-type shift (EISPACK tql1, as in JAMA's tql2 without the vector updates).
    /// Cost about 4/3 N^3 flops, against roughly 9 N^3 for the full eigendecomposition with vectors; the values are the same
    /// to rounding (both are backward stable: each eigenvalue is exact for a matrix within a few N eps ||A|| of the input).
    /// <see cref="ComputeWithProjections"/> also gives the coordinates <c>e_k'w</c> of one vector in the eigenbasis by applying
    /// each reflection and rotation to that vector instead of accumulating the eigenvector matrix (O(N^2) extra, not 8 N^3).
    /// </summary>
    internal static class SymmetricEigenvalues
    {
        /// <summary>All eigenvalues of the symmetric <paramref name="matrix"/> (lower triangle read), in no particular order.</summary>
        public static double[] Compute(double[,] matrix) => Run(matrix, null);

        /// <summary>
        /// All eigenvalues <c>lambda_k</c> of the symmetric <paramref name="matrix"/> (lower triangle read) and, in
        /// <paramref name="projections"/>, <c>e_k'w</c> for the unit eigenvector <c>e_k</c> of each (the sign of each
        /// eigenvector is arbitrary, so only squares or products with another such projection are meaningful).
        /// </summary>
        public static double[] ComputeWithProjections(double[,] matrix, double[] w, out double[] projections)
        {
            if (w.Length != matrix.GetLength(0)) throw new ArgumentException($"vector has {w.Length} entries for a {matrix.GetLength(0)} x {matrix.GetLength(0)} matrix", nameof(w));
            projections = (double[])w.Clone();
            return Run(matrix, projections);
        }

        private static double[] Run(double[,] matrix, double[]? y)
        {
            int n = matrix.GetLength(0);
            var a = new double[n][];
            for (int i = 0; i < n; i++)
            {
                var row = new double[i + 1];
                for (int j = 0; j <= i; j++) row[j] = matrix[i, j];
                a[i] = row;
            }
            var d = new double[n];
            var e = new double[n];
            Tridiagonalise(a, d, e, y);
            Ql(d, e, y);
            return d;
        }

        // Lower-triangle Householder tridiagonalisation. On return d is the diagonal and e[k] the entry (k+1, k); e[n-1] = 0.
        // When y is given it is overwritten by Q'y (A = Q T Q'), each reflector applied as it is formed.
        [MethodImpl(Jit.Optimize)]
        private static void Tridiagonalise(double[][] a, double[] d, double[] e, double[]? y)
        {
            int n = a.Length;
            var v = new double[n];
            var w = new double[n];
            for (int k = 0; k < n - 2; k++)
            {
                d[k] = a[k][k];
                // x = A[k+1.., k]; reflector H = I - tau u u' with u[k+1] = 1 maps x to (beta, 0, ...).
                double x0 = a[k + 1][k], xnorm = 0, scale = 0;
                for (int i = k + 2; i < n; i++) scale = Math.Max(scale, Math.Abs(a[i][k]));
                if (scale > 0)
                {
                    for (int i = k + 2; i < n; i++) { double t = a[i][k] / scale; xnorm += t * t; }
                    xnorm = scale * Math.Sqrt(xnorm);
                }
                if (xnorm == 0)
                {
                    e[k] = x0;
                    continue;
                }
                double beta = -Math.Sign(x0 == 0 ? 1.0 : x0) * Hypot(x0, xnorm);
                double tau = (beta - x0) / beta;
                double inv = 1.0 / (x0 - beta);
                v[k + 1] = 1.0;
                for (int i = k + 2; i < n; i++) v[i] = a[i][k] * inv;
                e[k] = beta;
                if (y != null)
                {
                    double vy = y[k + 1];
                    for (int i = k + 2; i < n; i++) vy += v[i] * y[i];
                    vy *= tau;
                    y[k + 1] -= vy;
                    for (int i = k + 2; i < n; i++) y[i] -= vy * v[i];
                }

                // w = tau * B v with B = A[k+1.., k+1..] symmetric, lower rows: row i holds B[i][k+1..i].
                for (int i = k + 1; i < n; i++) w[i] = 0;
                for (int i = k + 1; i < n; i++)
                {
                    var row = a[i];
                    double vi = v[i], dot0 = 0, dot1 = 0;   // two accumulators: the dot product is latency-bound otherwise
                    int j = k + 1;
                    for (; j + 1 < i; j += 2)
                    {
                        double r0 = row[j], r1 = row[j + 1];
                        dot0 += r0 * v[j];
                        dot1 += r1 * v[j + 1];
                        w[j] += r0 * vi;
                        w[j + 1] += r1 * vi;
                    }
                    if (j < i)
                    {
                        double r = row[j];
                        dot0 += r * v[j];
                        w[j] += r * vi;
                    }
                    w[i] += (dot0 + dot1) + row[i] * vi;
                }
                double vw = 0;
                for (int i = k + 1; i < n; i++) { w[i] *= tau; vw += w[i] * v[i]; }
                double alpha = -0.5 * tau * vw;
                for (int i = k + 1; i < n; i++) w[i] += alpha * v[i];
                // B -= v w' + w v' (lower triangle).
                for (int i = k + 1; i < n; i++)
                {
                    var row = a[i];
                    double vi = v[i], wi = w[i];
                    for (int j = k + 1; j <= i; j++) row[j] -= vi * w[j] + wi * v[j];
                }
            }
            if (n >= 2)
            {
                d[n - 2] = a[n - 2][n - 2];
                e[n - 2] = a[n - 1][n - 2];
            }
            if (n >= 1)
            {
                d[n - 1] = a[n - 1][n - 1];
                e[n - 1] = 0;
            }
        }

        // Implicit symmetric QL on the tridiagonal (d, e); eigenvalues overwrite d. When y is given, every plane rotation
        // that JAMA's tql2 applies to the columns of the eigenvector matrix Z is applied to y instead, so y becomes Z'y.
        private static void Ql(double[] d, double[] e, double[]? y)
        {
            int n = d.Length;
            double f = 0, tst1 = 0;
            const double eps = 2.220446049250313e-16;
            for (int l = 0; l < n; l++)
            {
                tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
                int m = l;
                while (m < n - 1 && Math.Abs(e[m]) > eps * tst1) m++;
                if (m > l)
                {
                    int iter = 0;
                    do
                    {
                        if (++iter > 60)
                            throw new InvalidOperationException($"symmetric eigenvalue iteration did not converge for eigenvalue {l} after 60 QL sweeps");
                        double g = d[l];
                        double p = (d[l + 1] - g) / (2.0 * e[l]);
                        double r = Hypot(p, 1.0);
                        if (p < 0) r = -r;
                        d[l] = e[l] / (p + r);
                        d[l + 1] = e[l] * (p + r);
                        double dl1 = d[l + 1];
                        double h = g - d[l];
                        for (int i = l + 2; i < n; i++) d[i] -= h;
                        f += h;
                        p = d[m];
                        double c = 1, c2 = 1, c3 = 1, el1 = e[l + 1], s = 0, s2 = 0;
                        for (int i = m - 1; i >= l; i--)
                        {
                            c3 = c2; c2 = c; s2 = s;
                            g = c * e[i];
                            h = c * p;
                            r = Hypot(p, e[i]);
                            e[i + 1] = s * r;
                            s = e[i] / r;
                            c = p / r;
                            p = c * d[i] - s * g;
                            d[i + 1] = h + s * (c * g + s * d[i]);
                            if (y != null)
                            {
                                double yi = y[i], yi1 = y[i + 1];
                                y[i + 1] = s * yi + c * yi1;
                                y[i] = c * yi - s * yi1;
                            }
                        }
                        p = -s * s2 * c3 * el1 * e[l] / dl1;
                        e[l] = s * p;
                        d[l] = c * p;
                    }
                    while (Math.Abs(e[l]) > eps * tst1);
                }
                d[l] += f;
                e[l] = 0;
            }
        }

        private static double Hypot(double a, double b)
        {
            a = Math.Abs(a); b = Math.Abs(b);
            if (a < b) { double t = a; a = b; b = t; }
            if (a == 0) return 0;
            double q = b / a;
            return a * Math.Sqrt(1 + q * q);
        }
    }
}
