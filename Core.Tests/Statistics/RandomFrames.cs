using System;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    internal static class RandomFrames
    {
        /// <summary>Seeded correlated returns: a common factor plus noise, with varying scales and a non-zero mean.</summary>
        public static AssetFrame Returns(int rows, int assets, int seed)
        {
            var rng = new Random(seed);
            var dates = new DateTime[rows];
            for (int i = 0; i < rows; i++) dates[i] = new DateTime(2020, 1, 1).AddDays(i);
            var names = new string[assets];
            var cols = new double[assets][];
            var beta = new double[assets];
            var scale = new double[assets];
            for (int j = 0; j < assets; j++)
            {
                names[j] = "A" + j;
                cols[j] = new double[rows];
                beta[j] = 0.2 + rng.NextDouble();
                scale[j] = 0.005 + 0.03 * rng.NextDouble();
            }
            for (int i = 0; i < rows; i++)
            {
                double f = Normal(rng);
                for (int j = 0; j < assets; j++)
                    cols[j][i] = 0.0004 + scale[j] * (beta[j] * f + Normal(rng) + 0.3 * Math.Pow(Normal(rng), 3) / 3);
            }
            return new AssetFrame(dates, names, cols, FrameKind.SimpleReturns, $"random{seed}");
        }

        private static double Normal(Random rng)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
