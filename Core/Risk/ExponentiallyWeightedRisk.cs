using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>
    /// Gaussian risk figures on exponentially weighted moments (<see cref="ExponentiallyWeightedMoments"/>), one period,
    /// fractions of portfolio value, positive = loss.
    /// </summary>
    public sealed record ExponentiallyWeightedRisk
    {
        private ExponentiallyWeightedRisk(double lambda, double mean, double volatility, VaRDecomposition d, double historicalVaR, double historicalCVaR)
        {
            HistoricalVaR = historicalVaR;
            HistoricalCVaR = historicalCVaR;
            Lambda = lambda;
            MeanReturn = mean;
            Volatility = volatility;
            Decomposition = d;
        }

        /// <summary>Decay factor.</summary>
        public double Lambda { get; }
        /// <summary>Weighted mean portfolio return, per period.</summary>
        public double MeanReturn { get; }
        /// <summary>Weighted portfolio volatility, per period.</summary>
        public double Volatility { get; }
        /// <summary>Gaussian VaR/CVaR and their Euler components on the weighted moments.</summary>
        public VaRDecomposition Decomposition { get; }
        /// <summary>Gaussian VaR on the weighted moments.</summary>
        public double ParametricVaR => Decomposition.ParametricVaR;
        /// <summary>Gaussian CVaR on the weighted moments.</summary>
        public double ParametricCVaR => Decomposition.ParametricCVaR;
        /// <summary>Age-weighted historical VaR with the same exponential weights (<see cref="WeightedHistoricalVaR"/>).</summary>
        public double HistoricalVaR { get; }
        /// <summary>Age-weighted historical CVaR with the same exponential weights.</summary>
        public double HistoricalCVaR { get; }

        /// <summary>Computes the figures for a return frame, weights and decay factor <paramref name="lambda"/> in (0, 1).</summary>
        public static ExponentiallyWeightedRisk Compute(AssetFrame returns, IReadOnlyList<double> weights, double confidence, double lambda)
        {
            var m = ExponentiallyWeightedMoments.Compute(returns, lambda);
            RiskInputChecks.Weights(weights, returns.AssetCount);
            double mean = PortfolioMath.ExpectedReturn(m.Mean, weights);
            double vol = Math.Sqrt(Math.Max(PortfolioMath.Variance(m.Covariance, weights), 0));
            var rp = PortfolioReturnSeries.Compute(returns, weights);
            var a = ExponentiallyWeightedMoments.Weights(returns.Rows, lambda);
            return new ExponentiallyWeightedRisk(lambda, mean, vol, VaRDecomposition.Compute(m.Mean, m.Covariance, weights, confidence),
                WeightedHistoricalVaR.ValueAtRisk(rp, a, confidence), WeightedHistoricalVaR.ConditionalValueAtRisk(rp, a, confidence));
        }
    }
}
