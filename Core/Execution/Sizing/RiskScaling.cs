using System;

namespace NinjaTraderPortfolio.Core.Execution.Sizing
{
    /// <summary>
    /// The result of <see cref="RiskScaling.Scale"/>: the factor k applied to the method's weights, the annualised
    /// volatility before and after scaling (fractions, 0.12 = 12%/year) and the gross leverage after scaling (sum |k w|).
    /// </summary>
    public sealed class RiskScale
    {
        internal RiskScale(double scale, double unscaledVolatility, double unscaledGross, double[] weights, string binding)
        {
            Scale = scale; UnscaledVolatility = unscaledVolatility; UnscaledGross = unscaledGross; Binding = binding;
            _weights = weights;
        }

        private readonly double[] _weights;

        /// <summary>k &gt;= 0, the factor applied to every weight.</summary>
        public double Scale { get; }
        /// <summary>sigma = sqrt(w' S w x periods per year) of the unscaled weights (annual fraction).</summary>
        public double UnscaledVolatility { get; }
        /// <summary>sum |w| of the unscaled weights.</summary>
        public double UnscaledGross { get; }
        /// <summary>k x sigma: predicted annual volatility of the scaled weights (fraction).</summary>
        public double PredictedVolatility => Scale * UnscaledVolatility;
        /// <summary>k x sum |w|: gross leverage of the scaled weights (notional / equity).</summary>
        public double GrossLeverage => Scale * UnscaledGross;
        /// <summary>k x w, input order.</summary>
        public double[] Weights => (double[])_weights.Clone();
        /// <summary>Which limit set k: "volatility target", "gross leverage", or "none" (k = 1).</summary>
        public string Binding { get; }
    }

    /// <summary>
    /// Volatility targeting with a gross-leverage cap: k = min(V / sigma, L / sum |w|), sigma = sqrt(w' S w N) with S the
    /// per-period covariance of returns and N periods per year. Without a volatility target k = min(1, L / sum |w|) (the
    /// cap only cuts); without a cap k = V / sigma; with neither k = 1. Weights may be negative (long/short).
    /// All-zero weights (or zero predicted volatility without a cap) give k = 1: there is nothing to scale.
    /// </summary>
    public static class RiskScaling
    {
        /// <summary>Scales <paramref name="weights"/>; <paramref name="covariance"/> is per period (n x n, e.g. daily),
        /// <paramref name="volatilityTarget"/> an annual fraction (&gt; 0), <paramref name="maxGrossLeverage"/> a multiple of equity (&gt; 0).</summary>
        public static RiskScale Scale(double[] weights, double[,] covariance, int periodsPerYear, double? volatilityTarget, double? maxGrossLeverage)
        {
            Guard.AllFinite(Guard.NotNull(weights, nameof(weights)), nameof(weights));
            int n = weights.Length;
            Guard.SquareFinite(Guard.NotNull(covariance, nameof(covariance)), n, nameof(covariance));
            Guard.Positive(periodsPerYear, nameof(periodsPerYear));
            if (volatilityTarget.HasValue) Guard.Positive(volatilityTarget.Value, "volatility target");
            if (maxGrossLeverage.HasValue) Guard.Positive(maxGrossLeverage.Value, "max gross leverage");
            double variance = 0, gross = 0;
            for (int i = 0; i < n; i++)
            {
                gross += Math.Abs(weights[i]);
                for (int j = 0; j < n; j++) variance += weights[i] * covariance[i, j] * weights[j];
            }
            if (variance < 0)
            {
                // A sample covariance is positive semi-definite; tiny negatives are rounding.
                if (variance < -1e-12 * Math.Max(1e-300, gross * gross)) throw new InvalidInputException($"predicted variance w'Sw = {Guard.Format(variance)} is negative: the covariance is not positive semi-definite");
                variance = 0;
            }
            double sigma = Math.Sqrt(variance * periodsPerYear);
            double k = double.PositiveInfinity;
            string binding = "none";
            if (volatilityTarget.HasValue && sigma > 0) { k = volatilityTarget.Value / sigma; binding = "volatility target"; }
            if (maxGrossLeverage.HasValue && gross > 0)
            {
                double cap = maxGrossLeverage.Value / gross;
                if (!volatilityTarget.HasValue) cap = Math.Min(1.0, cap);
                if (cap < k) { k = cap; binding = cap < 1.0 || volatilityTarget.HasValue ? "gross leverage" : "none"; }
            }
            if (double.IsPositiveInfinity(k)) { k = 1.0; binding = "none"; }
            var scaled = new double[n];
            for (int i = 0; i < n; i++) scaled[i] = k * weights[i];
            return new RiskScale(k, sigma, gross, scaled, binding);
        }
    }
}
