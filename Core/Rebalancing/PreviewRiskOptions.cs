using System;
using System.Collections.Generic;
using System.Globalization;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Rebalancing
{
    /// <summary>
    /// Risk settings of the Portfolio Manager's preview, applied like the strategy does: the targets are scaled by Core's
    /// <see cref="RiskScaling"/> (k = min(V / sigma, L / sum |w|), sigma = sqrt(w' S w N), S the sample covariance of the last
    /// <see cref="VolatilityWindow"/> daily simple returns) and sized in whole contracts by Core's <see cref="FuturesSizer"/>
    /// with each instrument's point value converted to the account currency at its <see cref="FxRates"/> entry.
    /// </summary>
    public sealed class PreviewRiskOptions
    {
        /// <summary>Annual volatility target (fraction, 0.10 = 10%/year); 0 = off.</summary>
        public double VolatilityTarget { get; set; }

        /// <summary>Cap on sum |weights| (multiple of equity); 0 = off. Without a volatility target it only cuts.</summary>
        public double MaxGrossLeverage { get; set; }

        /// <summary>Account currency per unit of each instrument's currency, one per instrument in session order; null = all 1.</summary>
        public IReadOnlyList<double>? FxRates { get; set; }

        /// <summary>Daily returns in the covariance (at least 2). Default 60.</summary>
        public int VolatilityWindow { get; set; } = 60;

        /// <summary>Trading days per year for annualising sigma. Default 252.</summary>
        public int PeriodsPerYear { get; set; } = 252;

        /// <summary>True when a volatility target or a leverage cap is set.</summary>
        public bool Scales => VolatilityTarget > 0 || MaxGrossLeverage > 0;

        /// <summary>Checks the values, naming the culprit; <paramref name="names"/> are the session's instruments.</summary>
        public void Validate(IReadOnlyList<string> names)
        {
            if (double.IsNaN(VolatilityTarget) || VolatilityTarget < 0 || double.IsInfinity(VolatilityTarget))
                throw new ArgumentException("volatility target must be >= 0 (0 = off), got " + VolatilityTarget.ToString(CultureInfo.InvariantCulture));
            if (double.IsNaN(MaxGrossLeverage) || MaxGrossLeverage < 0 || double.IsInfinity(MaxGrossLeverage))
                throw new ArgumentException("max gross leverage must be >= 0 (0 = off), got " + MaxGrossLeverage.ToString(CultureInfo.InvariantCulture));
            if (VolatilityWindow < 2) throw new ArgumentException("volatility window must be at least 2 returns, got " + VolatilityWindow.ToString(CultureInfo.InvariantCulture));
            if (PeriodsPerYear < 1) throw new ArgumentException("periods per year must be >= 1, got " + PeriodsPerYear.ToString(CultureInfo.InvariantCulture));
            if (FxRates == null) return;
            if (FxRates.Count != names.Count)
                throw new ArgumentException("FX rates: " + FxRates.Count.ToString(CultureInfo.InvariantCulture) + " given for " + names.Count.ToString(CultureInfo.InvariantCulture) + " instruments");
            for (int i = 0; i < names.Count; i++)
                if (!(FxRates[i] > 0) || double.IsInfinity(FxRates[i]))
                    throw new ArgumentException("FX rate of '" + names[i] + "' must be > 0, got " + FxRates[i].ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Account currency per unit of instrument <paramref name="i"/>'s currency.</summary>
        public double Fx(int i) => FxRates == null ? 1.0 : FxRates[i];

        /// <summary>
        /// The targets scaled by <see cref="RiskScaling"/> on the last <see cref="VolatilityWindow"/> rows of
        /// <paramref name="returns"/> (all rows when fewer), or null when nothing scales.
        /// </summary>
        public RiskScale? Scale(IReadOnlyList<double> targets, AssetFrame returns)
        {
            if (!Scales) return null;
            if (returns.Rows < 2) throw new InvalidOperationException("a volatility target or leverage cap needs at least 2 daily returns, got " + returns.Rows.ToString(CultureInfo.InvariantCulture));
            int count = Math.Min(VolatilityWindow, returns.Rows);
            double[,] covariance = SampleMoments.Covariance(returns.Slice(returns.Rows - count, count));
            double[] w = new double[targets.Count];
            for (int i = 0; i < w.Length; i++) w[i] = targets[i];
            return RiskScaling.Scale(w, covariance, PeriodsPerYear,
                VolatilityTarget > 0 ? VolatilityTarget : (double?)null, MaxGrossLeverage > 0 ? MaxGrossLeverage : (double?)null);
        }
    }
}
