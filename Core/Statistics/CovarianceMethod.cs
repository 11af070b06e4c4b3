using System;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>Which covariance estimator to use.</summary>
    public enum CovarianceMethod
    {
        /// <summary>Unbiased sample covariance, divisor T-1 (CLI name <c>sample</c>).</summary>
        Sample,
        /// <summary>RiskMetrics exponentially weighted covariance (CLI name <c>ewma</c>).</summary>
        Ewma,
        /// <summary>Ledoit-Wolf (2004) shrinkage towards a scaled identity, as sklearn.covariance.LedoitWolf (CLI name <c>ledoit-wolf</c>).</summary>
        LedoitWolf,
        /// <summary>Ledoit-Wolf (2004) shrinkage towards the constant-correlation matrix (CLI name <c>ledoit-wolf-cc</c>).</summary>
        LedoitWolfConstantCorrelation,
    }

    /// <summary>CLI names of <see cref="CovarianceMethod"/>.</summary>
    public static class CovarianceMethodNames
    {
        /// <summary>The accepted names, for usage text.</summary>
        public const string Choices = "sample|ewma|ledoit-wolf|ledoit-wolf-cc";

        /// <summary>Parses a CLI name (case-insensitive); <see cref="InvalidInputException"/> listing the choices otherwise.</summary>
        public static CovarianceMethod Parse(string name)
        {
            switch ((name ?? "").Trim().ToLowerInvariant())
            {
                case "sample": return CovarianceMethod.Sample;
                case "ewma": return CovarianceMethod.Ewma;
                case "ledoit-wolf":
                case "lw": return CovarianceMethod.LedoitWolf;
                case "ledoit-wolf-cc":
                case "ledoit-wolf-constant-correlation": return CovarianceMethod.LedoitWolfConstantCorrelation;
                default: throw new InvalidInputException($"unknown covariance method '{name}'; expected {Choices}");
            }
        }

        /// <summary>The CLI name of <paramref name="method"/>.</summary>
        public static string ToName(CovarianceMethod method)
        {
            switch (method)
            {
                case CovarianceMethod.Sample: return "sample";
                case CovarianceMethod.Ewma: return "ewma";
                case CovarianceMethod.LedoitWolf: return "ledoit-wolf";
                case CovarianceMethod.LedoitWolfConstantCorrelation: return "ledoit-wolf-cc";
                default: throw new ArgumentOutOfRangeException(nameof(method), method, "unknown covariance method");
            }
        }
    }
}
