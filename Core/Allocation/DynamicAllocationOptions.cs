using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>Configuration of a <see cref="DynamicAllocationEngine"/>.</summary>
    public sealed class DynamicAllocationOptions
    {
        /// <summary>Instrument names, in the order of every per-bar array.</summary>
        public IReadOnlyList<string> Instruments { get; set; } = new string[0];

        /// <summary>Target weights (fractions of portfolio value), one per instrument.</summary>
        public IReadOnlyList<double> TargetWeights { get; set; } = new double[0];

        /// <summary>Currency value of one point per contract (NinjaTrader PointValue); null = 1 for every instrument.</summary>
        public IReadOnlyList<double>? PointValues { get; set; }

        /// <summary>Rolling window of bar returns for the risk estimates. Default 252.</summary>
        public int Window { get; set; } = 252;

        /// <summary>Returns needed before VaR/volatility are reported (NaN before). Default: the full window. At least 2.</summary>
        public int? MinObservations { get; set; }

        /// <summary>Confidence of the Gaussian VaR, in (0, 1). Default 0.99.</summary>
        public double Confidence { get; set; } = 0.99;

        /// <summary>Limits checked on every bar, or null.</summary>
        public AllocationLimits? Limits { get; set; }

        /// <summary>Rebalancing triggers.</summary>
        public RebalanceTriggerOptions Triggers { get; set; } = new RebalanceTriggerOptions();

        /// <summary>Replacements between exact recomputations of the rolling moments (see <see cref="RollingMoments"/>); null = window.</summary>
        public int? ResyncInterval { get; set; }
    }
}
