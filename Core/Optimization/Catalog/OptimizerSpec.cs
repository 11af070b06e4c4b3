using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Constraints;

namespace NinjaTraderPortfolio.Core.Optimization.Catalog
{
    /// <summary>One optimizer method of the <see cref="OptimizerCatalog"/>: name, factory, default limits and parameters.</summary>
    public sealed class OptimizerSpec
    {
        private readonly Func<OptimizerSettings, IPortfolioOptimizer> _create;

        internal OptimizerSpec(string name, string chartName, string summary, PortfolioConstraints defaultLimits, bool usesLimits,
            IReadOnlyList<OptimizerParameter> parameters, Func<OptimizerSettings, IPortfolioOptimizer> create)
        {
            Name = name;
            ChartName = chartName;
            Summary = summary;
            DefaultLimits = defaultLimits;
            UsesLimits = usesLimits;
            Parameters = parameters;
            _create = create;
        }

        /// <summary>Method name: CLI <c>--method</c>, JSON config <c>optimization.method</c>, <see cref="OptimizationResult.Method"/>.</summary>
        public string Name { get; }

        /// <summary>The NinjaTrader enum member (<c>PortfolioMethod</c>) naming this method, or "" when the chart face does not offer it.</summary>
        public string ChartName { get; }

        /// <summary>One line for help texts.</summary>
        public string Summary { get; }

        /// <summary>
        /// The limits the method starts from before the user's weight, sector, leverage and turnover limits are applied:
        /// long-only and fully invested, except Kelly (long-only, gross leverage &lt;= 1, no budget).
        /// </summary>
        public PortfolioConstraints DefaultLimits { get; }

        /// <summary>False for risk parity: long-only and fully invested by construction, it ignores weight and sector limits.</summary>
        public bool UsesLimits { get; }

        /// <summary>The method's own parameters (empty when it has none).</summary>
        public IReadOnlyList<OptimizerParameter> Parameters { get; }

        /// <summary>True for "mixed", which blends other methods named in <see cref="OptimizerSettings.Mix"/>.</summary>
        public bool IsBlend => Name == OptimizerCatalog.Mixed;

        /// <summary>True when the method can be built from its name alone (every parameter has a default; not a blend).</summary>
        public bool NeedsNoParameters
        {
            get
            {
                if (IsBlend) return false;
                foreach (var p in Parameters) if (p.Default == null) return false;
                return true;
            }
        }

        /// <summary>Builds the optimizer; throws <see cref="InvalidInputException"/> for a missing or out-of-range parameter.</summary>
        public IPortfolioOptimizer Create(OptimizerSettings settings) => _create(Guard.NotNull(settings, nameof(settings)));
    }
}
