using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Rebalancing;

namespace NinjaTraderPortfolio.Core.Views
{
    /// <summary>
    /// The Optimize tab's sector caps: the instruments' sectors and a cap per sector (fraction of capital) go into Core's
    /// optimizer limits (<see cref="PortfolioConstraints.WithSectors"/>, <see cref="PortfolioConstraints.WithSectorMax"/>)
    /// on top of the calculator's long-only 0..max weight. Without caps the analysis is <see cref="PortfolioAnalysis.Run"/>.
    /// </summary>
    public static class SectorLimits
    {
        /// <summary>Parses "sector, cap" per line (cap a fraction in [0, 1]); a bad line is named by number.</summary>
        public static IReadOnlyDictionary<string, double> ParseCaps(string text)
        {
            var caps = new Dictionary<string, double>(StringComparer.Ordinal);
            string[] lines = (text ?? string.Empty).Split(new[] { '\n' }, StringSplitOptions.None);
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0) continue;
                string[] parts = line.Split(',');
                double cap;
                if (parts.Length != 2 || parts[0].Trim().Length == 0
                    || !double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out cap) || !(cap >= 0 && cap <= 1))
                    throw new InvalidInputException("sector caps line " + (i + 1) + ": expected 'sector, cap' with cap in [0, 1], got '" + line + "'");
                string sector = parts[0].Trim();
                if (caps.ContainsKey(sector))
                    throw new InvalidInputException("sector caps line " + (i + 1) + ": sector '" + sector + "' is capped twice");
                caps[sector] = cap;
            }
            return caps;
        }

        /// <summary>
        /// The calculator's limits plus the sector map (instruments with an empty sector are in none) and the caps.
        /// Risk parity ignores limits, so caps with it are refused.
        /// </summary>
        public static PortfolioConstraints Constraints(TargetWeightCalculator targets, IReadOnlyList<string> instruments, IReadOnlyList<string> sectors,
            IReadOnlyDictionary<string, double> caps)
        {
            if (targets == null) throw new ArgumentNullException(nameof(targets));
            if (instruments == null) throw new ArgumentNullException(nameof(instruments));
            if (sectors == null) throw new ArgumentNullException(nameof(sectors));
            PortfolioConstraints limits = targets.Constraints;
            if (caps == null || caps.Count == 0) return limits;
            if (!targets.Spec.UsesLimits)
                throw new InvalidInputException("sector caps: method " + targets.Spec.Name + " ignores weight and sector limits; clear the caps or choose another method");
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < instruments.Count; i++)
                if (i < sectors.Count && !string.IsNullOrEmpty(sectors[i]))
                    map[instruments[i]] = sectors[i];
            limits = limits.WithSectors(map);
            foreach (var kv in caps)
                limits = limits.WithSectorMax(kv.Key, kv.Value);
            return limits;
        }

        /// <summary>
        /// Optimize and Risk tabs under sector caps: Core's optimizer (the calculator's method) on the window's sample moments
        /// with <paramref name="limits"/>, the frontier under the same limits, and risk, correlation and stress of those
        /// weights (as <see cref="PortfolioAnalysis.Run"/> describes them). <paramref name="portfolioValue"/> in currency.
        /// </summary>
        public static PortfolioAnalysisResult Run(AssetFrame returns, TargetWeightCalculator targets, PortfolioConstraints limits, double confidence,
            int frontierPoints, decimal portfolioValue)
        {
            if (returns == null) throw new ArgumentNullException(nameof(returns));
            if (targets == null) throw new ArgumentNullException(nameof(targets));
            if (limits == null) throw new ArgumentNullException(nameof(limits));
            if (limits.SectorMax.Count == 0)
                return PortfolioAnalysis.Run(returns, targets, confidence, frontierPoints, portfolioValue);
            PortfolioProblem problem = targets.Problem(returns).WithConstraints(limits);
            OptimizationResult optimal = targets.Spec.Create(new OptimizerSettings { KellyFraction = targets.KellyFraction }).Optimize(problem).RequireOptimal(targets.Spec.Name);
            IReadOnlyList<OptimizationResult> frontier = frontierPoints < 2
                ? new OptimizationResult[0]
                : new EfficientFrontier(new GoldfarbIdnaniSolver()).Compute(problem, frontierPoints);
            return PortfolioAnalysis.Describe(returns, optimal, frontier, confidence, portfolioValue);
        }
    }
}
