using System;
using System.Runtime.CompilerServices;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// C[i,j] = sum_t A_i[t] * B_j[t] for column-major series (each column a contiguous double[] of length T):
    /// the Gram/cross-product behind every covariance estimator here. Cache-blocked over rows (chunks of
    /// <see cref="RowChunk"/> so a chunk of every column stays in L2) with a 2x4 register tile of
    /// scalar accumulators (System.Numerics.Vector&lt;T&gt; is not in netstandard2.0 without an extra package); only the upper triangle is computed when A and B are the same.
    /// Summation order differs from a plain dot product, so results agree with it to rounding (~T·eps relative
    /// to sum_t |A_i[t] B_j[t]|), not bit for bit.
    /// </summary>
    internal static class CrossProductKernel
    {
        /// <summary>Rows per cache block: 256 doubles = 2 KB per column, so 500 columns use ~1 MB.</summary>
        public const int RowChunk = 256;

        /// <summary>A^T A (symmetric N x N), upper triangle computed and mirrored.</summary>
        public static double[,] Gram(double[][] a)
        {
            if (!Numerics.DotKernels.Wide || a.Length == 0) return Multiply(a, a, symmetric: true);
            int n = a.Length, t = a[0].Length;
            foreach (var c in a) if (c.Length != t) throw new ArgumentException("columns differ in length", nameof(a));
            int m = PaddedWidth(n);
            var x = new double[(long)t * m > int.MaxValue ? throw new OutOfMemoryException("data too large for one array") : t * m];
            for (int j = 0; j < n; j++)
            {
                var col = a[j];
                for (int r = 0; r < t; r++) x[r * m + j] = col[r];
            }
            return GramRowMajor(x, t, n);
        }

        /// <summary>The scalar blocked kernel for A^T A (the reference order of <see cref="GramRowMajor"/>; also the path without SIMD).</summary>
        internal static double[,] GramScalar(double[][] a) => Multiply(a, a, symmetric: true);

        /// <summary>Row stride of the row-major layout of <see cref="GramRowMajor"/>: N rounded up to a multiple of 8 (zero padding).</summary>
        public static int PaddedWidth(int n) => (n + 7) & ~7;

        /// <summary>
        /// A^T A from A held row-major: row r of the T x N data at x[r*m .. r*m+N), m = <see cref="PaddedWidth"/>(N), padding
        /// zero. A 4 x 8 tile of the product lives in eight 4-wide vector accumulators: per data row, four broadcast values of
        /// the tile's rows times two vectors of its columns. Every entry is summed in the order of <see cref="Multiply"/>
        /// (rows in sequence within each chunk of <see cref="RowChunk"/>, chunks added in turn, no fused multiply-add), so
        /// the result is bit for bit that of the scalar kernel. Only called when <see cref="Numerics.DotKernels.Wide"/>.
        /// </summary>
        public static double[,] GramRowMajor(double[] x, int t, int n)
        {
            int m = PaddedWidth(n);
            if (x.Length < (long)t * m) throw new ArgumentException("row-major data shorter than T x padded N", nameof(x));
            var result = new double[n, n]; // accumulates the upper triangle, mirrored at the end
            bool parallel = (double)n * n * t >= ParallelThreshold && Environment.ProcessorCount > 1;
            for (int r0 = 0; r0 < t; r0 += RowChunk) AccumulateRows(x, n, result, r0, Math.Min(t, r0 + RowChunk), parallel);
            MirrorUpper(result);
            return result;
        }

        /// <summary>
        /// Adds the products of data rows [<paramref name="r0"/>, <paramref name="r1"/>) of row-major <paramref name="x"/>
        /// (stride <see cref="PaddedWidth"/>(N), at most <see cref="RowChunk"/> rows: one chunk of the summation order) to the
        /// upper triangle of <paramref name="result"/>. With <see cref="MirrorUpper"/> after the last chunk this is
        /// <see cref="GramRowMajor"/> for data given one chunk at a time (a reused chunk buffer instead of a T x N copy).
        /// </summary>
        internal static void AccumulateRows(double[] x, int n, double[,] result, int r0, int r1, bool parallel)
        {
            int m = PaddedWidth(n), blocks = (n + 3) / 4;
            if (parallel)
                System.Threading.Tasks.Parallel.For(0, blocks, b => RowBlock(x, m, n, result, 4 * b, r0, r1));
            else
                for (int b = 0; b < blocks; b++) RowBlock(x, m, n, result, 4 * b, r0, r1);
        }

        /// <summary>Copies the upper triangle of <paramref name="result"/> onto the lower.</summary>
        internal static void MirrorUpper(double[,] result)
        {
            int n = result.GetLength(0);
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) result[j, i] = result[i, j];
        }

        // Rows i .. i+3 of the product against columns from the 8-block holding i to the end, data rows [r0, r1).
        private static void RowBlock(double[] x, int m, int n, double[,] acc, int i, int r0, int r1)
        {
            var tile = new double[32];
            for (int j = i - (i % 8); j < n; j += 8)
            {
                Tile4x8(x, m, i, j, r0, r1, tile);
                for (int p = 0; p < 4 && i + p < n; p++)
                    for (int q = 0; q < 8 && j + q < n; q++)
                        if (j + q >= i + p) acc[i + p, j + q] += tile[p * 8 + q];
            }
        }

        [MethodImpl(Numerics.Jit.Vector)]
        private static void Tile4x8(double[] x, int m, int i, int j, int r0, int r1, double[] tile)
        {
            var z = System.Numerics.Vector<double>.Zero;
            System.Numerics.Vector<double> t00 = z, t01 = z, t10 = z, t11 = z, t20 = z, t21 = z, t30 = z, t31 = z;
            for (int r = r0; r < r1; r++)
            {
                int o = r * m;
                var y0 = new System.Numerics.Vector<double>(x, o + j);
                var y1 = new System.Numerics.Vector<double>(x, o + j + 4);
                var a = new System.Numerics.Vector<double>(x[o + i]);
                t00 += a * y0; t01 += a * y1;
                a = new System.Numerics.Vector<double>(x[o + i + 1]);
                t10 += a * y0; t11 += a * y1;
                a = new System.Numerics.Vector<double>(x[o + i + 2]);
                t20 += a * y0; t21 += a * y1;
                a = new System.Numerics.Vector<double>(x[o + i + 3]);
                t30 += a * y0; t31 += a * y1;
            }
            t00.CopyTo(tile, 0); t01.CopyTo(tile, 4);
            t10.CopyTo(tile, 8); t11.CopyTo(tile, 12);
            t20.CopyTo(tile, 16); t21.CopyTo(tile, 20);
            t30.CopyTo(tile, 24); t31.CopyTo(tile, 28);
        }

        /// <summary>A^T B (N_a x N_b); all columns must have the same length.</summary>
        public static double[,] Cross(double[][] a, double[][] b) => Multiply(a, b, symmetric: false);

        [MethodImpl(Numerics.Jit.Optimize)]
        private static double[,] Multiply(double[][] a, double[][] b, bool symmetric)
        {
            int na = a.Length, nb = b.Length;
            int t = na > 0 ? a[0].Length : 0;
            foreach (var c in a) if (c.Length != t) throw new ArgumentException("columns differ in length", nameof(a));
            foreach (var c in b) if (c.Length != t) throw new ArgumentException("columns differ in length", nameof(b));
            var acc = new double[na * nb];
            var zero = new double[t];
            int pairs = (na + 1) / 2;
            // Large products use both cores: within each row chunk the row pairs i are independent (each writes only its
            // own rows of acc), and every entry still sums its chunks in the same order, so the result is bit-identical
            // to the sequential loop.
            bool parallel = (double)na * nb * t >= ParallelThreshold && Environment.ProcessorCount > 1;
            for (int r0 = 0; r0 < t; r0 += RowChunk)
            {
                int r1 = Math.Min(t, r0 + RowChunk);
                if (parallel)
                {
                    System.Threading.Tasks.Parallel.For(0, pairs, () => new double[8], (p, _, tile) =>
                    {
                        RowPair(a, b, zero, acc, 2 * p, r0, r1, symmetric, tile);
                        return tile;
                    }, _ => { });
                }
                else
                {
                    var tile = new double[8];
                    for (int p = 0; p < pairs; p++) RowPair(a, b, zero, acc, 2 * p, r0, r1, symmetric, tile);
                }
            }
            var result = new double[na, nb];
            for (int i = 0; i < na; i++)
            {
                for (int j = symmetric ? i : 0; j < nb; j++)
                {
                    double v = acc[i * nb + j];
                    result[i, j] = v;
                    if (symmetric) result[j, i] = v;
                }
            }
            return result;
        }

        /// <summary>Products (multiply-adds) from which <see cref="Gram"/> and <see cref="Cross"/> use two threads.</summary>
        internal const double ParallelThreshold = 2e7;

        // Rows i, i+1 of the product against every column j (from the diagonal block when symmetric), rows [r0, r1) of the data.
        [MethodImpl(Numerics.Jit.Optimize)]
        private static void RowPair(double[][] a, double[][] b, double[] zero, double[] acc, int i, int r0, int r1, bool symmetric, double[] tile)
        {
            int na = a.Length, nb = b.Length;
            double[] a0 = a[i], a1 = i + 1 < na ? a[i + 1] : zero;
            int jStart = symmetric ? i - (i % 4) : 0;
            for (int j = jStart; j < nb; j += 4)
            {
                double[] b0 = b[j];
                double[] b1 = j + 1 < nb ? b[j + 1] : zero;
                double[] b2 = j + 2 < nb ? b[j + 2] : zero;
                double[] b3 = j + 3 < nb ? b[j + 3] : zero;
                Tile(a0, a1, b0, b1, b2, b3, r0, r1, tile);
                for (int p = 0; p < 2 && i + p < na; p++)
                    for (int q = 0; q < 4 && j + q < nb; q++)
                        acc[(i + p) * nb + j + q] += tile[p * 4 + q];
            }
        }

        // 2x4 register tile over rows [r0, r1): out[p*4+q] = sum_t a_p[t] b_q[t]. Eight independent accumulators
        // keep the floating-point pipelines busy; each a value is loaded once for four b columns.
        [MethodImpl(Numerics.Jit.Optimize)]
        private static void Tile(double[] a0, double[] a1, double[] b0, double[] b1, double[] b2, double[] b3, int r0, int r1, double[] output)
        {
            double t00 = 0, t01 = 0, t02 = 0, t03 = 0, t10 = 0, t11 = 0, t12 = 0, t13 = 0;
            if (r1 > a0.Length || r1 > a1.Length || r1 > b0.Length || r1 > b1.Length || r1 > b2.Length || r1 > b3.Length)
                throw new ArgumentOutOfRangeException(nameof(r1));
            for (int r = r0; r < r1; r++)
            {
                double x0 = a0[r], x1 = a1[r];
                double y = b0[r];
                t00 += x0 * y; t10 += x1 * y;
                y = b1[r];
                t01 += x0 * y; t11 += x1 * y;
                y = b2[r];
                t02 += x0 * y; t12 += x1 * y;
                y = b3[r];
                t03 += x0 * y; t13 += x1 * y;
            }
            output[0] = t00; output[1] = t01; output[2] = t02; output[3] = t03;
            output[4] = t10; output[5] = t11; output[6] = t12; output[7] = t13;
        }

        /// <summary>Reference: the straightforward dot product per pair, for tests of the blocked path.</summary>
        public static double[,] Naive(double[][] a, double[][] b)
        {
            var c = new double[a.Length, b.Length];
            for (int i = 0; i < a.Length; i++)
                for (int j = 0; j < b.Length; j++)
                {
                    double s = 0;
                    for (int r = 0; r < a[i].Length; r++) s += a[i][r] * b[j][r];
                    c[i, j] = s;
                }
            return c;
        }
    }
}
