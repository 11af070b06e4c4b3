namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>
    /// The dot-product kernels every dense routine shares (Cholesky, Goldfarb-Idnani updates, constraint slacks). Several
    /// accumulators break the add latency chain; the summation order is fixed, so results are reproducible bit for bit.
    /// </summary>
    internal static class DotKernels
    {
        /// <summary><c>sum a[k] b[k]</c> over k in [<paramref name="from"/>, <paramref name="to"/>), four accumulators.</summary>
        public static double Dot(double[] a, double[] b, int from, int to)
        {
            if (Wide && to - from >= 16) return DotVector(a, b, from, to);
            return DotScalar(a, b, from, to);
        }

        /// <summary>
        /// True when <see cref="System.Numerics.Vector{T}"/> holds exactly four doubles in hardware (AVX): then lane l of
        /// one vector accumulator is scalar accumulator s_l, and <see cref="Dot"/> runs as one vector multiply and add per four
        /// products with the same roundings as <see cref="DotScalar"/> (no fused multiply-add either way).
        /// </summary>
        internal static readonly bool Wide = System.Numerics.Vector.IsHardwareAccelerated && System.Numerics.Vector<double>.Count == 4;

        /// <summary>The vector form of <see cref="DotScalar"/>: bit for bit the same sum (only called when <see cref="Wide"/>).</summary>
        [System.Runtime.CompilerServices.MethodImpl(Jit.Vector)]
        internal static double DotVector(double[] a, double[] b, int from, int to)
        {
            var acc = System.Numerics.Vector<double>.Zero;
            int k = from;
            for (; k + 3 < to; k += 4)
                acc += new System.Numerics.Vector<double>(a, k) * new System.Numerics.Vector<double>(b, k);
            double s0 = acc[0], s1 = acc[1], s2 = acc[2], s3 = acc[3];
            for (; k < to; k++) s0 += a[k] * b[k];
            return (s0 + s1) + (s2 + s3);
        }

        /// <summary>
        /// <c>y[k] -= a x[k]</c> for k in [0, <paramref name="count"/>): element by element (one multiply, one subtract, no
        /// fused multiply-add), so the vector form is bit for bit the scalar loop.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Jit.Vector)]
        public static void SubtractScaled(double[] y, double a, double[] x, int count)
        {
            int k = 0;
            if (Wide && count >= 8)
            {
                var va = new System.Numerics.Vector<double>(a);
                for (; k + 3 < count; k += 4)
                    (new System.Numerics.Vector<double>(y, k) - va * new System.Numerics.Vector<double>(x, k)).CopyTo(y, k);
            }
            for (; k < count; k++) y[k] -= a * x[k];
        }

        /// <summary>The reference order: four accumulators, lane k mod 4 from <paramref name="from"/>, tail into the first.</summary>
        internal static double DotScalar(double[] a, double[] b, int from, int to)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int k = from;
            for (; k + 3 < to; k += 4)
            {
                s0 += a[k] * b[k];
                s1 += a[k + 1] * b[k + 1];
                s2 += a[k + 2] * b[k + 2];
                s3 += a[k + 3] * b[k + 3];
            }
            for (; k < to; k++) s0 += a[k] * b[k];
            return (s0 + s1) + (s2 + s3);
        }

        /// <summary>
        /// <c>s0 = a . c</c> and <c>s1 = b . c</c> over [0, <paramref name="len"/>), two accumulators each: both products share
        /// the loads of <paramref name="c"/> (half the memory traffic of two separate calls).
        /// </summary>
        public static void Dot2(double[] a, double[] b, double[] c, int len, out double s0, out double s1)
        {
            double a0 = 0, a1 = 0, b0 = 0, b1 = 0;
            int k = 0;
            for (; k + 1 < len; k += 2)
            {
                double c0 = c[k], c1 = c[k + 1];
                a0 += a[k] * c0; a1 += a[k + 1] * c1;
                b0 += b[k] * c0; b1 += b[k + 1] * c1;
            }
            if (k < len) { a0 += a[k] * c[k]; b0 += b[k] * c[k]; }
            s0 = a0 + a1;
            s1 = b0 + b1;
        }
    }
}
