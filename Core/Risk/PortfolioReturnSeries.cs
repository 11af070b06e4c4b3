using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>The return series of a fixed-weight portfolio, <c>r_p,t = sum_i w_i r_i,t</c>, per period.</summary>
    public static class PortfolioReturnSeries
    {
        /// <summary>
        /// Portfolio returns from an asset return frame (simple returns, fractions) and one weight per asset column
        /// (fractions of portfolio value, rebalanced every period). Length = rows of the frame.
        /// </summary>
        public static double[] Compute(AssetFrame returns, IReadOnlyList<double> weights)
        {
            Guard.NotNull(returns, nameof(returns));
            RiskInputChecks.Weights(weights, returns.AssetCount);
            if (returns.Kind != FrameKind.SimpleReturns)
                throw new InvalidInputException($"{returns.Source}: portfolio returns need simple returns (weights aggregate simple, not log, returns), got {returns.Kind}");
            var cols = returns.Columns;
            var r = new double[returns.Rows];
            for (int j = 0; j < cols.Length; j++)
            {
                double w = weights[j];
                if (w == 0) continue;
                var c = cols[j];
                for (int t = 0; t < r.Length; t++) r[t] += w * c[t];
            }
            return r;
        }
    }
}
