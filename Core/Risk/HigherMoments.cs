using System;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Sample skewness and excess kurtosis with population (divisor n) central moments:
    /// g1 = m3 / m2^1.5, g2 = m4 / m2^2 - 3 (scipy.stats.skew / kurtosis with bias=True, PerformanceAnalytics "moment").
    /// </summary>
    public static class HigherMoments
    {
        /// <summary>Skewness g1 of <paramref name="x"/> (dimensionless). Requires at least 2 values and non-zero variance.</summary>
        public static double Skewness(double[] x)
        {
            Moments(x, out double m2, out double m3, out _);
            return m3 / Math.Pow(m2, 1.5);
        }

        /// <summary>Excess kurtosis g2 of <paramref name="x"/> (0 for a normal distribution). Same requirements as <see cref="Skewness"/>.</summary>
        public static double ExcessKurtosis(double[] x)
        {
            Moments(x, out double m2, out _, out double m4);
            return m4 / (m2 * m2) - 3.0;
        }

        private static void Moments(double[] x, out double m2, out double m3, out double m4)
        {
            Guard.AllFinite(x, nameof(x));
            if (x.Length < 2) throw new InvalidInputException($"skewness and kurtosis need at least 2 observations, got {x.Length}");
            double mean = Statistics.SampleMoments.Mean(x);
            double s2 = 0, s3 = 0, s4 = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double d = x[i] - mean, d2 = d * d;
                s2 += d2;
                s3 += d2 * d;
                s4 += d2 * d2;
            }
            int n = x.Length;
            m2 = s2 / n;
            m3 = s3 / n;
            m4 = s4 / n;
            if (!(m2 > 0)) throw new InvalidInputException("skewness and kurtosis are undefined for a series with zero variance");
        }
    }
}
