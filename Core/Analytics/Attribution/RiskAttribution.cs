using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Analytics.Attribution
{
    /// <summary>Contribution of each asset and sector to portfolio volatility (per period of the covariance).</summary>
    /// <remarks>A record: equality compares the dictionaries by reference, not element by element.</remarks>
    /// <param name="Volatility">Portfolio volatility sqrt(w' Sigma w).</param>
    /// <param name="ByAsset">Euler contribution to volatility per asset, w_i (Sigma w)_i / sigma_p; sums to <see cref="Volatility"/>.</param>
    /// <param name="BySector">Sum of asset contributions per sector; sums to <see cref="Volatility"/>.</param>
    public sealed record RiskAttributionResult(
        double Volatility, IReadOnlyDictionary<string, double> ByAsset, IReadOnlyDictionary<string, double> BySector);

    /// <summary>Euler risk attribution: volatility is homogeneous of degree one in w, so sigma = sum_i w_i d sigma / d w_i.</summary>
    public static class RiskAttribution
    {
        /// <summary>Attributes portfolio volatility to assets and (when <paramref name="sectorOf"/> is given) sectors.</summary>
        public static RiskAttributionResult Attribute(IReadOnlyList<string> assets, IReadOnlyList<double> weights, double[,] covariance,
            IReadOnlyDictionary<string, string>? sectorOf = null)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.Length(weights, assets.Count, nameof(weights));
            Guard.SquareFinite(covariance, assets.Count, nameof(covariance));
            var sw = PortfolioMath.CovarianceTimes(covariance, weights);
            double variance = 0;
            for (int i = 0; i < sw.Length; i++) variance += weights[i] * sw[i];
            if (!(variance > 0)) throw new InvalidInputException($"portfolio variance must be > 0 to attribute risk, got {Guard.Format(variance)}");
            double vol = Math.Sqrt(variance);
            var byAsset = new Dictionary<string, double>(StringComparer.Ordinal);
            var bySector = new SortedDictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < assets.Count; i++)
            {
                double c = weights[i] * sw[i] / vol;
                byAsset[assets[i]] = c;
                if (sectorOf == null) continue;
                if (!sectorOf.TryGetValue(assets[i], out var sector)) throw new InvalidInputException($"asset '{assets[i]}' has no sector");
                bySector.TryGetValue(sector, out double cur);
                bySector[sector] = cur + c;
            }
            return new RiskAttributionResult(vol, byAsset, bySector);
        }
    }
}
