using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>Computes a full <see cref="RiskReport"/> from a return frame and weights (what <c>ntportfolio risk</c> prints).</summary>
    public static class PortfolioRiskAnalyzer
    {
        /// <summary>
        /// Analyzes a fixed-weight portfolio. <paramref name="returns"/>: simple returns per period (at least 3 rows);
        /// <paramref name="weights"/>: one per asset column (fractions, may be negative); <paramref name="confidence"/> in (0, 1);
        /// <paramref name="benchmarkReturns"/>: optional, same length as the frame; <paramref name="lambda"/>: optional EWMA decay;
        /// <paramref name="concentrationMaxShare"/>: share of variance the 3 largest contributors (N - 1 when N &lt;= 3) may carry before
        /// <see cref="RiskConcentration.IsConcentrated"/> is set (default 0.75).
        /// </summary>
        public static RiskReport Analyze(AssetFrame returns, IReadOnlyList<double> weights, double confidence,
            double[]? benchmarkReturns = null, double? lambda = null, double concentrationMaxShare = 0.75)
        {
            Guard.NotNull(returns, nameof(returns));
            RiskInputChecks.Weights(weights, returns.AssetCount);
            RiskInputChecks.Confidence(confidence);
            if (returns.Kind != FrameKind.SimpleReturns)
                throw new InvalidInputException($"{returns.Source}: risk analysis needs simple returns (fractions per period), got {returns.Kind}");
            if (returns.Rows < 3) throw new InvalidInputException($"{returns.Source}: risk analysis needs at least 3 return observations, got {returns.Rows}");
            var mu = SampleMoments.Mean(returns);
            var cov = SampleMoments.SharedCovariance(returns);
            var rp = PortfolioReturnSeries.Compute(returns, weights);
            var d = VaRDecomposition.Compute(mu, cov, weights, confidence);
            double mean = PortfolioMath.ExpectedReturn(mu, weights);
            double vol = Math.Sqrt(PortfolioMath.Variance(cov, weights));
            var w = new double[weights.Count];
            for (int i = 0; i < w.Length; i++) w[i] = weights[i];
            return new RiskReport
            {
                Assets = returns.Assets,
                Weights = w,
                Confidence = confidence,
                Observations = returns.Rows,
                MeanReturn = mean,
                Volatility = vol,
                ParametricVaR = d.ParametricVaR,
                ParametricCVaR = d.ParametricCVaR,
                HistoricalVaR = ValueAtRisk.Historical(rp, confidence),
                HistoricalCVaR = ExpectedShortfall.Historical(rp, confidence),
                ModifiedVaR = ValueAtRisk.Modified(rp, confidence),
                Skewness = HigherMoments.Skewness(rp),
                ExcessKurtosis = HigherMoments.ExcessKurtosis(rp),
                Decomposition = d,
                DiversificationRatio = CorrelationAnalyzer.DiversificationRatio(cov, weights),
                AverageCorrelation = CorrelationAnalyzer.AverageCorrelation(CorrelationAnalyzer.CorrelationMatrix(cov, returns.Assets)),
                EffectiveNumberOfBets = CorrelationAnalyzer.EffectiveNumberOfBets(cov, weights),
                Concentration = CorrelationAnalyzer.Concentration(cov, weights, returns.Assets, returns.AssetCount > 3 ? 3 : Math.Max(1, returns.AssetCount - 1), concentrationMaxShare),
                Benchmark = benchmarkReturns == null ? null : BenchmarkRelativeRisk.Compute(rp, benchmarkReturns),
                Exponential = lambda.HasValue ? ExponentiallyWeightedRisk.Compute(returns, weights, confidence, lambda.Value) : null,
            };
        }
    }
}
