using System;
using System.Collections.Generic;
using System.Linq;

namespace NinjaTraderPortfolio.Core.Optimization.Constraints
{
    /// <summary>
    /// Explains impossible limits before any solver runs. Checks names (assets and sectors must exist:
    /// <see cref="InvalidInputException"/>), then necessary conditions for feasibility, each reported with the
    /// arithmetic that fails, e.g. "max weight 0.1 x 5 assets = 0.5 &lt; 1 (budget)" (<see cref="InfeasibleException"/>
    /// listing every conflict found). Passing the check does not prove feasibility: the QP solver reports the rest.
    /// </summary>
    public static class ConstraintFeasibilityCheck
    {
        private const double Slack = 1e-12;

        /// <summary>Throws when names are unknown or limits contradict each other for these <paramref name="assets"/>.</summary>
        public static void Check(IReadOnlyList<string> assets, PortfolioConstraints constraints)
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.NotNull(constraints, nameof(constraints));
            if (assets.Count == 0) throw new InvalidInputException("no assets to optimize");
            CheckNames(assets, constraints);
            var conflicts = Conflicts(assets, constraints);
            if (conflicts.Count > 0)
                throw new InfeasibleException("the limits cannot all hold: " + string.Join("; ", conflicts), conflicts);
        }

        /// <summary>Every contradiction found between the limits (empty when none is evident).</summary>
        public static IReadOnlyList<string> Conflicts(IReadOnlyList<string> assets, PortfolioConstraints c)
        {
            var conflicts = new List<string>();
            int n = assets.Count;
            var lo = new double[n];
            var hi = new double[n];
            for (int i = 0; i < n; i++)
            {
                var r = c.RangeOf(assets[i]);
                lo[i] = r.Min; hi[i] = r.Max;
                if (r.Min > r.Max + Slack)
                    conflicts.Add($"min weight {assets[i]} {F(r.Min)} > max weight {assets[i]} {F(r.Max)}");
            }

            // Sector floors/caps against the weight limits of their members.
            var sectorLo = new Dictionary<string, double>(StringComparer.Ordinal);
            var sectorHi = new Dictionary<string, double>(StringComparer.Ordinal);
            double freeLo = 0, freeHi = 0;
            for (int i = 0; i < n; i++)
            {
                string? s = c.SectorOf(assets[i]);
                if (s == null) { freeLo += lo[i]; freeHi += hi[i]; continue; }
                sectorLo[s] = (sectorLo.TryGetValue(s, out var a) ? a : 0) + lo[i];
                sectorHi[s] = (sectorHi.TryGetValue(s, out var b) ? b : 0) + hi[i];
            }
            foreach (var s in c.LimitedSectors())
            {
                bool hasMax = c.SectorMax.TryGetValue(s, out double cap);
                bool hasMin = c.SectorMin.TryGetValue(s, out double floor);
                double sLo = sectorLo.TryGetValue(s, out var x) ? x : 0, sHi = sectorHi.TryGetValue(s, out var y) ? y : 0;
                if (hasMax && hasMin && floor > cap + Slack)
                    conflicts.Add($"sector {s} min {F(floor)} > sector {s} max {F(cap)}");
                if (hasMin && floor > sHi + Slack)
                    conflicts.Add($"sector {s} min {F(floor)} > {F(sHi)}, the sum of its assets' max weights");
                if (hasMax && cap < sLo - Slack)
                    conflicts.Add($"sector {s} max {F(cap)} < {F(sLo)}, the sum of its assets' min weights");
            }

            if (c.Budget is double budget)
            {
                double sumHi = hi.Sum(), sumLo = lo.Sum();
                bool uniformHi = !c.AssetRanges.Any(), uniformLo = uniformHi;
                if (sumHi < budget - Slack)
                    conflicts.Add(uniformHi
                        ? $"max weight {F(c.MaxWeight)} x {n} assets = {F(sumHi)} < {F(budget)} (budget)"
                        : $"max weights sum to {F(sumHi)} < {F(budget)} (budget)");
                if (sumLo > budget + Slack)
                    conflicts.Add(uniformLo
                        ? $"min weight {F(c.MinWeight)} x {n} assets = {F(sumLo)} > {F(budget)} (budget)"
                        : $"min weights sum to {F(sumLo)} > {F(budget)} (budget)");
                // Tightest sums the sectors allow: floors (or members' mins) and caps (or members' maxes).
                double reachLo = freeLo, reachHi = freeHi, floors = 0, caps = 0;
                bool anyFloor = false, anyCap = false;
                foreach (var kv in sectorLo)
                {
                    string s = kv.Key;
                    double sLo = kv.Value, sHi = sectorHi[s];
                    if (c.SectorMin.TryGetValue(s, out double floor)) { sLo = Math.Max(sLo, floor); floors += floor; anyFloor = true; }
                    if (c.SectorMax.TryGetValue(s, out double cap)) { sHi = Math.Min(sHi, cap); caps += cap; anyCap = true; }
                    reachLo += sLo; reachHi += sHi;
                }
                if (anyFloor && floors > budget + Slack)
                    conflicts.Add($"sector floors sum to {F(floors)} > {F(budget)} (budget)");
                else if (anyFloor && reachLo > budget + Slack && sumLo <= budget + Slack)
                    conflicts.Add($"sector floors and min weights need at least {F(reachLo)} > {F(budget)} (budget)");
                if (anyCap && reachHi < budget - Slack && sumHi >= budget - Slack)
                    conflicts.Add($"sector caps and max weights allow at most {F(reachHi)} < {F(budget)} (budget)");
                if (c.MaxLeverage is double lev && Math.Abs(budget) > lev + Slack)
                    conflicts.Add($"budget {F(budget)} > max leverage {F(lev)} (|sum of weights| <= sum of |weights|)");
            }

            if (c.MaxLeverage is double L)
            {
                double least = 0;
                for (int i = 0; i < n; i++) least += lo[i] > 0 ? lo[i] : hi[i] < 0 ? -hi[i] : 0;
                if (least > L + Slack)
                    conflicts.Add($"min weights need gross leverage {F(least)} > {F(L)} (max leverage)");
            }

            if (c.MaxTurnover is double T)
            {
                double least = 0;
                for (int i = 0; i < n; i++)
                {
                    double w0 = c.CurrentWeightOf(assets[i]);
                    least += w0 < lo[i] ? lo[i] - w0 : w0 > hi[i] ? w0 - hi[i] : 0;
                }
                if (least > T + Slack)
                    conflicts.Add($"moving the current weights inside the weight limits needs turnover {F(least)} > {F(T)} (max turnover)");
                if (c.Budget is double b)
                {
                    double held = 0;
                    for (int i = 0; i < n; i++) held += c.CurrentWeightOf(assets[i]);
                    if (Math.Abs(b - held) > T + Slack)
                        conflicts.Add($"current weights sum to {F(held)}: reaching the budget {F(b)} needs turnover {F(Math.Abs(b - held))} > {F(T)} (max turnover)");
                }
            }
            return conflicts;
        }

        private static void CheckNames(IReadOnlyList<string> assets, PortfolioConstraints c)
        {
            var known = new HashSet<string>(assets, StringComparer.Ordinal);
            string list = string.Join(", ", assets);
            foreach (var a in c.AssetRanges.Keys)
                if (!known.Contains(a)) throw new InvalidInputException($"weight limit for unknown asset '{a}' (known: {list})");
            foreach (var a in c.Sectors.Keys)
                if (!known.Contains(a)) throw new InvalidInputException($"sector map names unknown asset '{a}' (known: {list})");
            foreach (var a in c.CurrentWeights.Keys)
                if (!known.Contains(a)) throw new InvalidInputException($"current weight for unknown asset '{a}' (known: {list})");
            var sectors = new HashSet<string>(assets.Select(c.SectorOf).Where(s => s != null).Select(s => s!), StringComparer.Ordinal);
            foreach (var s in c.LimitedSectors())
                if (!sectors.Contains(s))
                    throw new InvalidInputException(sectors.Count == 0
                        ? $"limit for sector '{s}' but no sector map was given"
                        : $"limit for unknown sector '{s}' (known: {string.Join(", ", sectors.OrderBy(x => x, StringComparer.Ordinal))})");
        }

        private static string F(double v) => Guard.Format(v);
    }
}
