using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>
    /// Portfolio-level figures from weights, expected returns and a covariance matrix (per period): the O(N^2) kernels the
    /// optimizers, the risk analytics, the allocation engine and the indicator share.
    /// </summary>
    public static class PortfolioMath
    {
        /// <summary><c>Sigma w</c>, length n.</summary>
        public static double[] CovarianceTimes(double[,] cov, IReadOnlyList<double> w)
        {
            int n = w.Count;
            var s = new double[n];
            for (int i = 0; i < n; i++)
            {
                double acc = 0;
                for (int j = 0; j < n; j++) acc += cov[i, j] * w[j];
                s[i] = acc;
            }
            return s;
        }

        /// <summary>Portfolio variance <c>w' Sigma w</c>, per period.</summary>
        public static double Variance(double[,] cov, IReadOnlyList<double> w)
        {
            var s = CovarianceTimes(cov, w);
            double v = 0;
            for (int i = 0; i < s.Length; i++) v += w[i] * s[i];
            return v;
        }

        /// <summary>Expected return <c>w' mu</c>, per period.</summary>
        public static double ExpectedReturn(IReadOnlyList<double> mu, IReadOnlyList<double> w)
        {
            double r = 0;
            for (int i = 0; i < w.Count; i++) r += w[i] * mu[i];
            return r;
        }

        /// <summary>
        /// Euler risk contributions as fractions of variance, <c>w_i (Sigma w)_i / (w' Sigma w)</c> (sum to 1).
        /// All zeros when the variance is zero.
        /// </summary>
        public static double[] RiskContributions(double[,] cov, IReadOnlyList<double> w)
        {
            var s = CovarianceTimes(cov, w);
            double v = 0;
            for (int i = 0; i < s.Length; i++) v += w[i] * s[i];
            var rc = new double[s.Length];
            if (v <= 0) return rc;
            for (int i = 0; i < s.Length; i++) rc[i] = w[i] * s[i] / v;
            return rc;
        }
    }
}
