using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Analytics.Attribution
{
    /// <summary>Brinson-Fachler effects of one sector over one period, as fractions of portfolio value.</summary>
    /// <param name="Sector">Sector name.</param>
    /// <param name="PortfolioWeight">Portfolio weight of the sector, w_p.</param>
    /// <param name="BenchmarkWeight">Benchmark weight of the sector, w_b.</param>
    /// <param name="PortfolioReturn">Portfolio's return within the sector, r_p (the benchmark's when the portfolio holds none of it).</param>
    /// <param name="BenchmarkReturn">Benchmark's return within the sector, r_b (0 when the benchmark holds none of it).</param>
    /// <param name="Allocation">(w_p - w_b)(r_b - R_b).</param>
    /// <param name="Selection">w_b (r_p - r_b).</param>
    /// <param name="Interaction">(w_p - w_b)(r_p - r_b).</param>
    public sealed record SectorAttribution(
        string Sector, double PortfolioWeight, double BenchmarkWeight, double PortfolioReturn, double BenchmarkReturn, double Allocation,
        double Selection, double Interaction)
    {
        /// <summary>Allocation + selection + interaction.</summary>
        public double Total => Allocation + Selection + Interaction;
    }

    /// <summary>Brinson-Fachler (1985) attribution of one period's active return by sector.</summary>
    /// <remarks>A record: equality compares the lists by reference, not element by element.</remarks>
    /// <param name="Sectors">Per-sector effects, in sector name order.</param>
    /// <param name="PortfolioReturn">R_p = sum of asset weights x returns of the portfolio.</param>
    /// <param name="BenchmarkReturn">R_b = sum of asset weights x returns of the benchmark.</param>
    public sealed record BrinsonFachlerResult(IReadOnlyList<SectorAttribution> Sectors, double PortfolioReturn, double BenchmarkReturn)
    {
        /// <summary>R_p - R_b; equals the sum of all effects.</summary>
        public double ActiveReturn => PortfolioReturn - BenchmarkReturn;
        /// <summary>Sum of allocation effects.</summary>
        public double Allocation => Sectors.Sum(s => s.Allocation);
        /// <summary>Sum of selection effects.</summary>
        public double Selection => Sectors.Sum(s => s.Selection);
        /// <summary>Sum of interaction effects.</summary>
        public double Interaction => Sectors.Sum(s => s.Interaction);
    }

    /// <summary>
    /// Brinson-Fachler sector attribution: allocation (w_p - w_b)(r_b - R_b), selection w_b (r_p - r_b),
    /// interaction (w_p - w_b)(r_p - r_b); the three sum over sectors to R_p - R_b exactly when both weight sets
    /// sum to one (Brinson &amp; Fachler 1985; Bacon, Practical Portfolio Performance Measurement, ch. 5).
    /// </summary>
    public static class BrinsonFachler
    {
        /// <summary>
        /// Attributes one period. Per asset: portfolio and benchmark weights (each set summing to 1), the asset's
        /// period return (fraction), and its sector. Every asset must have a sector.
        /// </summary>
        public static BrinsonFachlerResult Attribute(IReadOnlyList<string> assets, IReadOnlyList<double> portfolioWeights,
            IReadOnlyList<double> benchmarkWeights, IReadOnlyList<double> assetReturns, IReadOnlyDictionary<string, string> sectorOf)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.Length(portfolioWeights, assets.Count, nameof(portfolioWeights));
            Guard.Length(benchmarkWeights, assets.Count, nameof(benchmarkWeights));
            Guard.Length(assetReturns, assets.Count, nameof(assetReturns));
            Guard.NotNull(sectorOf, nameof(sectorOf));
            CheckSumsToOne(portfolioWeights, "portfolio weights");
            CheckSumsToOne(benchmarkWeights, "benchmark weights");

            var wp = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var wb = new SortedDictionary<string, double>(StringComparer.Ordinal);
            var cp = new Dictionary<string, double>(StringComparer.Ordinal);
            var cb = new Dictionary<string, double>(StringComparer.Ordinal);
            double rp = 0, rb = 0;
            for (int i = 0; i < assets.Count; i++)
            {
                Guard.Finite(portfolioWeights[i], $"portfolio weight of '{assets[i]}'");
                Guard.Finite(benchmarkWeights[i], $"benchmark weight of '{assets[i]}'");
                Guard.Finite(assetReturns[i], $"return of '{assets[i]}'");
                if (!sectorOf.TryGetValue(assets[i], out var sector))
                    throw new InvalidInputException($"asset '{assets[i]}' has no sector");
                Add(wp, sector, portfolioWeights[i]);
                Add(wb, sector, benchmarkWeights[i]);
                Add(cp, sector, portfolioWeights[i] * assetReturns[i]);
                Add(cb, sector, benchmarkWeights[i] * assetReturns[i]);
                rp += portfolioWeights[i] * assetReturns[i];
                rb += benchmarkWeights[i] * assetReturns[i];
            }

            var rows = new List<SectorAttribution>();
            foreach (var sector in wp.Keys)
            {
                double wps = wp[sector], wbs = wb[sector];
                // Sector return = contribution / weight. Where one side holds none of the sector its return is
                // undefined; it is taken from the other side, so that side's selection and interaction are 0 and the
                // whole effect shows as allocation. The effects still sum to R_p - R_b.
                double rps = wps != 0 ? cp[sector] / wps : (wbs != 0 ? cb[sector] / wbs : 0);
                double rbs = wbs != 0 ? cb[sector] / wbs : rps;
                double alloc = (wps - wbs) * (rbs - rb);
                double sel = wbs * (rps - rbs);
                double inter = (wps - wbs) * (rps - rbs);
                rows.Add(new SectorAttribution(sector, wps, wbs, rps, rbs, alloc, sel, inter));
            }
            return new BrinsonFachlerResult(rows, rp, rb);
        }

        private static void Add(IDictionary<string, double> map, string key, double v)
        {
            map.TryGetValue(key, out double cur);
            map[key] = cur + v;
        }

        private static void CheckSumsToOne(IReadOnlyList<double> w, string what)
        {
            double s = 0;
            for (int i = 0; i < w.Count; i++) s += w[i];
            if (Math.Abs(s - 1) > 1e-9)
                throw new InvalidInputException($"{what} must sum to 1, got {Guard.Format(s)}");
        }
    }
}
