using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Risk figures of one portfolio over one period of the input returns, as fractions of portfolio value
    /// (VaR/CVaR positive = loss). Per-asset lists follow <see cref="Assets"/> order.
    /// Statistics: arithmetic mean, sample covariance (n - 1); skewness/kurtosis with population moments.
    /// A record: set once by <see cref="PortfolioRiskAnalyzer"/>; equality compares the lists by reference.
    /// </summary>
    public sealed record RiskReport
    {
        /// <summary>Asset names.</summary>
        public IReadOnlyList<string> Assets { get; internal init; } = new string[0];
        /// <summary>Portfolio weights (fractions).</summary>
        public IReadOnlyList<double> Weights { get; internal init; } = new double[0];
        /// <summary>Confidence level c.</summary>
        public double Confidence { get; internal init; }
        /// <summary>Number of return observations.</summary>
        public int Observations { get; internal init; }
        /// <summary>Mean portfolio return <c>w'mu</c>, per period.</summary>
        public double MeanReturn { get; internal init; }
        /// <summary><c>sqrt(w'Sigma w)</c>, per period.</summary>
        public double Volatility { get; internal init; }
        /// <summary>Gaussian VaR.</summary>
        public double ParametricVaR { get; internal init; }
        /// <summary>Historical VaR (type-7 quantile).</summary>
        public double HistoricalVaR { get; internal init; }
        /// <summary>Cornish-Fisher modified VaR.</summary>
        public double ModifiedVaR { get; internal init; }
        /// <summary>Gaussian CVaR.</summary>
        public double ParametricCVaR { get; internal init; }
        /// <summary>Historical CVaR.</summary>
        public double HistoricalCVaR { get; internal init; }
        /// <summary>Skewness of portfolio returns.</summary>
        public double Skewness { get; internal init; }
        /// <summary>Excess kurtosis of portfolio returns.</summary>
        public double ExcessKurtosis { get; internal init; }
        /// <summary>Euler decomposition of Gaussian VaR/CVaR.</summary>
        public VaRDecomposition Decomposition { get; internal init; } = null!;
        /// <summary>Diversification ratio <c>sum w_i sigma_i / sigma_p</c>.</summary>
        public double DiversificationRatio { get; internal init; }
        /// <summary>Average pairwise correlation (NaN for one asset).</summary>
        public double AverageCorrelation { get; internal init; }
        /// <summary>Meucci effective number of bets.</summary>
        public double EffectiveNumberOfBets { get; internal init; }
        /// <summary>The largest variance contributors (top 3; N - 1 for N &lt;= 3 assets) and whether they exceed the allowed share.</summary>
        public RiskConcentration Concentration { get; internal init; } = null!;
        /// <summary>Benchmark-relative figures, or null when no benchmark was given.</summary>
        public BenchmarkRelativeRisk? Benchmark { get; internal init; }
        /// <summary>Exponentially weighted figures, or null when no decay factor was given.</summary>
        public ExponentiallyWeightedRisk? Exponential { get; internal init; }
    }
}
