using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Risk figures of one portfolio over one period of the input returns, as fractions of portfolio value
    /// (VaR/CVaR positive = loss). Per-asset lists follow <see cref="Assets"/> order.
    /// Statistics: arithmetic mean, sample covariance (n - 1); skewness/kurtosis with population moments.
    /// </summary>
    public sealed class RiskReport
    {
        /// <summary>Asset names.</summary>
        public IReadOnlyList<string> Assets { get; internal set; } = new string[0];
        /// <summary>Portfolio weights (fractions).</summary>
        public IReadOnlyList<double> Weights { get; internal set; } = new double[0];
        /// <summary>Confidence level c.</summary>
        public double Confidence { get; internal set; }
        /// <summary>Number of return observations.</summary>
        public int Observations { get; internal set; }
        /// <summary>Mean portfolio return <c>w'mu</c>, per period.</summary>
        public double MeanReturn { get; internal set; }
        /// <summary><c>sqrt(w'Sigma w)</c>, per period.</summary>
        public double Volatility { get; internal set; }
        /// <summary>Gaussian VaR.</summary>
        public double ParametricVaR { get; internal set; }
        /// <summary>Historical VaR (type-7 quantile).</summary>
        public double HistoricalVaR { get; internal set; }
        /// <summary>Cornish-Fisher modified VaR.</summary>
        public double ModifiedVaR { get; internal set; }
        /// <summary>Gaussian CVaR.</summary>
        public double ParametricCVaR { get; internal set; }
        /// <summary>Historical CVaR.</summary>
        public double HistoricalCVaR { get; internal set; }
        /// <summary>Skewness of portfolio returns.</summary>
        public double Skewness { get; internal set; }
        /// <summary>Excess kurtosis of portfolio returns.</summary>
        public double ExcessKurtosis { get; internal set; }
        /// <summary>Euler decomposition of Gaussian VaR/CVaR.</summary>
        public VaRDecomposition Decomposition { get; internal set; } = null!;
        /// <summary>Diversification ratio <c>sum w_i sigma_i / sigma_p</c>.</summary>
        public double DiversificationRatio { get; internal set; }
        /// <summary>Average pairwise correlation (NaN for one asset).</summary>
        public double AverageCorrelation { get; internal set; }
        /// <summary>Meucci effective number of bets.</summary>
        public double EffectiveNumberOfBets { get; internal set; }
        /// <summary>The largest variance contributors (top 3; N - 1 for N &lt;= 3 assets) and whether they exceed the allowed share.</summary>
        public RiskConcentration Concentration { get; internal set; } = null!;
        /// <summary>Benchmark-relative figures, or null when no benchmark was given.</summary>
        public BenchmarkRelativeRisk? Benchmark { get; internal set; }
        /// <summary>Exponentially weighted figures, or null when no decay factor was given.</summary>
        public ExponentiallyWeightedRisk? Exponential { get; internal set; }
    }
}
