using System;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// Per-period to annual figures under i.i.d. returns: mean × P, covariance × P, volatility × √P,
    /// where P is periods per year (252 or 260 trading days, 12 months, 52 weeks).
    /// </summary>
    public static class Annualisation
    {
        /// <summary>Annual mean from a per-period mean vector (new array).</summary>
        public static double[] Mean(double[] perPeriod, int periodsPerYear)
        {
            Guard.AllFinite(perPeriod, nameof(perPeriod));
            Guard.Positive(periodsPerYear, nameof(periodsPerYear));
            var r = new double[perPeriod.Length];
            for (int i = 0; i < r.Length; i++) r[i] = perPeriod[i] * periodsPerYear;
            return r;
        }

        /// <summary>Annual covariance from a per-period one (new array).</summary>
        public static double[,] Covariance(double[,] perPeriod, int periodsPerYear)
        {
            Guard.NotNull(perPeriod, nameof(perPeriod));
            Guard.Positive(periodsPerYear, nameof(periodsPerYear));
            int n = perPeriod.GetLength(0), m = perPeriod.GetLength(1);
            var r = new double[n, m];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++) r[i, j] = perPeriod[i, j] * periodsPerYear;
            return r;
        }

        /// <summary>Annual volatility from a per-period one.</summary>
        public static double Volatility(double perPeriod, int periodsPerYear)
            => Guard.NonNegative(perPeriod, nameof(perPeriod)) * Math.Sqrt(Guard.Positive(periodsPerYear, nameof(periodsPerYear)));
    }
}
