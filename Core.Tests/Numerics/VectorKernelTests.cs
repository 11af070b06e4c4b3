using System;
using NinjaTraderPortfolio.Core.Numerics;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Numerics
{
    /// <summary>
    /// The SIMD kernels keep the scalar kernels' summation order, so they must agree with them bit for bit (seeded random
    /// sizes that are not multiples of the vector width or the row chunk), and with a plain sum to rounding.
    /// </summary>
    public class VectorKernelTests
    {
        private static double[] Random(Random rng, int length, double scale = 1)
        {
            var v = new double[length];
            for (int k = 0; k < length; k++) v[k] = (rng.NextDouble() - 0.5) * scale;
            return v;
        }

        private static void AssertBitEqual(double actual, double expected, string what)
            => Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), what);

        [TestCase(1), TestCase(2), TestCase(3)]
        public void DotVector_SeededRandomRanges_EqualsTheScalarOrderBitForBit(int seed)
        {
            if (!DotKernels.Wide) Assert.Ignore("no 4-wide SIMD on this machine: Dot runs the scalar order only");
            var rng = new Random(seed);
            for (int k = 0; k < 500; k++)
            {
                int len = rng.Next(1, 700);
                var a = Random(rng, len, Math.Pow(10, rng.Next(-6, 6)));
                var b = Random(rng, len);
                int from = rng.Next(0, len), to = rng.Next(from, len + 1);
                AssertBitEqual(DotKernels.DotVector(a, b, from, to), DotKernels.DotScalar(a, b, from, to), $"len {len} [{from}, {to})");
                AssertBitEqual(DotKernels.Dot(a, b, from, to), DotKernels.DotScalar(a, b, from, to), "dispatch");
            }
        }

        [TestCase(4), TestCase(5)]
        public void SubtractScaled_SeededRandomVectors_EqualsTheElementLoopBitForBit(int seed)
        {
            var rng = new Random(seed);
            for (int k = 0; k < 300; k++)
            {
                int len = rng.Next(0, 600);
                var x = Random(rng, len, 1e3);
                var y = Random(rng, len);
                var expected = (double[])y.Clone();
                double a = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 8));
                int count = rng.Next(0, len + 1);
                for (int i = 0; i < count; i++) expected[i] -= a * x[i];
                DotKernels.SubtractScaled(y, a, x, count);
                for (int i = 0; i < len; i++) AssertBitEqual(y[i], expected[i], $"len {len}, count {count}, [{i}]");
            }
        }

        [Test]
        public void Dot_ClosedForm_SumOfSquaresOfOneToN()
        {
            for (int n = 1; n <= 100; n++)
            {
                var a = new double[n];
                for (int k = 0; k < n; k++) a[k] = k + 1;
                Assert.That(DotKernels.Dot(a, a, 0, n), Is.EqualTo(n * (n + 1.0) * (2 * n + 1) / 6), $"n {n}");
            }
        }

        private static double[][] Columns(Random rng, int n, int t)
        {
            var cols = new double[n][];
            for (int j = 0; j < n; j++) cols[j] = Random(rng, t, 0.04);
            return cols;
        }

        [TestCase(11, 1, 3), TestCase(12, 5, 257), TestCase(13, 8, 256), TestCase(14, 13, 600), TestCase(15, 37, 513), TestCase(16, 64, 100)]
        public void GramRowMajor_SeededRandomData_EqualsTheScalarKernelBitForBit(int seed, int n, int t)
        {
            if (!DotKernels.Wide) Assert.Ignore("no 4-wide SIMD on this machine: the scalar kernel is the only path");
            var cols = Columns(new Random(seed), n, t);
            var scalar = CrossProductKernel.GramScalar(cols);
            var vector = CrossProductKernel.Gram(cols);
            var naive = CrossProductKernel.Naive(cols, cols);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    AssertBitEqual(vector[i, j], scalar[i, j], $"[{i},{j}]");
                    Assert.That(vector[i, j], Is.EqualTo(naive[i, j]).Within(1e-13), $"naive [{i},{j}]");
                }
        }

        [Test]
        public void GramRowMajor_AboveTheParallelThreshold_EqualsTheScalarKernelBitForBit()
        {
            if (!DotKernels.Wide) Assert.Ignore("no 4-wide SIMD on this machine: the scalar kernel is the only path");
            int n = 203, t = 700; // n^2 t = 2.9e7 >= the threshold: two threads
            Assert.That((double)n * n * t, Is.GreaterThanOrEqualTo(CrossProductKernel.ParallelThreshold));
            var cols = Columns(new Random(21), n, t);
            var scalar = CrossProductKernel.GramScalar(cols);
            var vector = CrossProductKernel.Gram(cols);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) AssertBitEqual(vector[i, j], scalar[i, j], $"[{i},{j}]");
        }

        [Test]
        public void Gram_ClosedForm_ColumnsOfOnesAndCounts()
        {
            // Column 0 all ones, column 1 = 1..T: A'A = [[T, T(T+1)/2], [T(T+1)/2, T(T+1)(2T+1)/6]].
            int t = 777;
            var ones = new double[t];
            var counts = new double[t];
            for (int r = 0; r < t; r++) { ones[r] = 1; counts[r] = r + 1; }
            var g = CrossProductKernel.Gram(new[] { ones, counts });
            Assert.That(g[0, 0], Is.EqualTo(t));
            Assert.That(g[0, 1], Is.EqualTo(t * (t + 1.0) / 2));
            Assert.That(g[1, 0], Is.EqualTo(t * (t + 1.0) / 2));
            Assert.That(g[1, 1], Is.EqualTo(t * (t + 1.0) * (2 * t + 1) / 6));
        }
            [Test]
        public void SampleCovariance_SeededReturns_EqualsTheScalarKernelOnCentredColumnsBitForBit()
        {
            var rng = new Random(31);
            int n = 45, t = 300;
            var cols = Columns(rng, n, t);
            var dates = new DateTime[t];
            for (int r = 0; r < t; r++) dates[r] = new DateTime(2020, 1, 1).AddDays(r);
            var names = new string[n];
            for (int j = 0; j < n; j++) names[j] = "A" + j;
            var frame = new NinjaTraderPortfolio.Core.Data.AssetFrame(dates, names, cols, NinjaTraderPortfolio.Core.Data.FrameKind.SimpleReturns, "seeded");
            var cov = SampleMoments.Covariance(frame);
            var reference = CrossProductKernel.GramScalar(SampleMoments.Centre(cols));
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) AssertBitEqual(cov[i, j], reference[i, j] / (t - 1), $"[{i},{j}]");
        }
    }
}
