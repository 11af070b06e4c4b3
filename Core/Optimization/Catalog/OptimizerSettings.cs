using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.RiskParity;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Optimization.Catalog
{
    /// <summary>
    /// The method parameters an <see cref="OptimizerCatalog"/> factory may need. Figures are per period of the returns the
    /// optimizer will see (convert annual figures first). Unused parameters are ignored by methods that do not take them.
    /// </summary>
    public sealed class OptimizerSettings
    {
        /// <summary>The QP solver (default: Goldfarb-Idnani).</summary>
        public IQpSolver Solver { get; set; } = new GoldfarbIdnaniSolver();

        /// <summary>Kelly: multiple of full Kelly, in (0, 1] (default 1).</summary>
        public double KellyFraction { get; set; } = 1;

        /// <summary>target-return: least return per period (required by that method).</summary>
        public double? TargetReturn { get; set; }

        /// <summary>target-volatility: volatility per period (required by that method).</summary>
        public double? TargetVolatility { get; set; }

        /// <summary>risk-parity: risk budgets (null = equal).</summary>
        public RiskBudgets? Budgets { get; set; }

        /// <summary>mixed: method name -> blend weight (&gt;= 0, summing to 1).</summary>
        public IReadOnlyList<KeyValuePair<string, double>> Mix { get; set; } = Array.Empty<KeyValuePair<string, double>>();
    }
}
