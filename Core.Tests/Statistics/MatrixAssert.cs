using System;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    internal static class MatrixAssert
    {
        /// <summary>Every entry within <paramref name="relative"/> of the expected entry's magnitude.</summary>
        public static void RelativelyEqual(double[,] actual, double[,] expected, double relative, string what)
        {
            Assert.That(actual.GetLength(0), Is.EqualTo(expected.GetLength(0)), what + " rows");
            Assert.That(actual.GetLength(1), Is.EqualTo(expected.GetLength(1)), what + " columns");
            for (int i = 0; i < expected.GetLength(0); i++)
                for (int j = 0; j < expected.GetLength(1); j++)
                    Assert.That(actual[i, j], Is.EqualTo(expected[i, j]).Within(relative * Math.Abs(expected[i, j])), $"{what} [{i},{j}]");
        }

        /// <summary>Entries within <paramref name="relative"/> × sqrt(|e_ii e_jj|) (the scale of a covariance entry).</summary>
        public static void CovarianceEqual(double[,] actual, double[,] expected, double relative, string what)
        {
            int n = expected.GetLength(0);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double scale = Math.Sqrt(Math.Abs(expected[i, i] * expected[j, j]));
                    Assert.That(actual[i, j], Is.EqualTo(expected[i, j]).Within(relative * scale), $"{what} [{i},{j}]");
                }
        }

        public static void Symmetric(double[,] m, string what)
        {
            for (int i = 0; i < m.GetLength(0); i++)
                for (int j = 0; j < i; j++)
                    Assert.That(m[i, j], Is.EqualTo(m[j, i]), $"{what} symmetric at [{i},{j}]");
        }
    }
}
