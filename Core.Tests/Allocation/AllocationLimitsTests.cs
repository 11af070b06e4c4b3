using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Allocation
{
    public class AllocationLimitsTests
    {
        private static readonly string[] Abc = { "A", "B", "C" };
        private static readonly LimitEnforcer Enforcer = new LimitEnforcer(new GoldfarbIdnaniSolver());

        [Test]
        public void Check_ListsEveryBreachWithItsSize()
        {
            var limits = new AllocationLimits(Abc, minWeights: new[] { 0.0, 0.1, -0.2 }, maxWeights: new[] { 0.5, 0.5, 0.5 },
                sectorOf: new Dictionary<string, string> { ["A"] = "Tech", ["B"] = "Tech", ["C"] = "Energy" },
                sectorCaps: new Dictionary<string, double> { ["Tech"] = 0.6 }, maxGrossLeverage: 1.2, minNetLeverage: 0.9, maxNetLeverage: 1.0,
                maxNotional: new Dictionary<string, decimal> { ["C"] = 10_000m });
            // A 0.6 (> 0.5 by 0.1), B 0.05 (< 0.1 by 0.05), C -0.3 (< -0.2 by 0.1; notional 30,000 > 10,000),
            // Tech 0.65 (> 0.6), gross 0.95 fine, net 0.35 (< 0.9 by 0.55).
            var b = AllocationLimitChecker.Check(limits, new[] { 0.6, 0.05, -0.3 }, 100_000m);
            var byKind = b.ToDictionary(x => (x.Kind, x.Subject));
            Assert.That(b.Count, Is.EqualTo(6));
            Assert.That(byKind[(LimitKind.PositionMax, "A")].Excess, Is.EqualTo(0.1).Within(1e-12));
            Assert.That(byKind[(LimitKind.PositionMin, "B")].Excess, Is.EqualTo(0.05).Within(1e-12));
            Assert.That(byKind[(LimitKind.PositionMin, "C")].Excess, Is.EqualTo(0.1).Within(1e-12));
            Assert.That(byKind[(LimitKind.Notional, "C")].Excess, Is.EqualTo(20_000).Within(1e-6));
            Assert.That(byKind[(LimitKind.SectorCap, "Tech")].Excess, Is.EqualTo(0.05).Within(1e-12));
            Assert.That(byKind[(LimitKind.NetLeverageMin, "portfolio")].Excess, Is.EqualTo(0.55).Within(1e-12));
        }

        [Test]
        public void Check_OnTheLimit_IsCompliant()
            => Assert.That(AllocationLimitChecker.Check(new AllocationLimits(Abc, maxWeights: new[] { 0.5, 0.5, 0.5 }, maxGrossLeverage: 1), new[] { 0.5, 0.3, 0.2 }, 1m), Is.Empty);

        [Test]
        public void Enforce_WithBudget_IsProjectionNotClipAndRenormalise()
        {
            // min 1/2||x - w||^2, x <= 0.5, sum x = 1, w = (0.6, 0.3, 0.1). KKT by hand: x_1 = 0.5 (bound active),
            // x_2,3 = w + nu with 0.5 + 0.4 + 2 nu = 1 -> nu = 0.05 -> (0.5, 0.35, 0.15). Clip-and-renormalise would give
            // (0.5, 0.3, 0.1) / 0.9 = (0.556, 0.333, 0.111), which even breaks the 0.5 cap.
            var limits = new AllocationLimits(Abc, maxWeights: new[] { 0.5, 0.5, 0.5 }, minNetLeverage: 1, maxNetLeverage: 1);
            var r = Enforcer.Enforce(limits, new[] { 0.6, 0.3, 0.1 }, 1m);
            Assert.That(r.Weights.ToArray(), Is.EqualTo(new[] { 0.5, 0.35, 0.15 }).Within(1e-9));
            Assert.That(r.BreachesBefore.Single().Kind, Is.EqualTo(LimitKind.PositionMax));
            Assert.That(r.Distance, Is.EqualTo(Math.Sqrt(0.01 + 0.0025 + 0.0025)).Within(1e-9));
        }

        [Test]
        public void Enforce_SectorCap_MatchesHandKkt()
        {
            // Tech = {A, B} cap 0.6, sum = 1, w = (0.4, 0.4, 0.2): x_A = x_B = 0.4 - a + v, x_C = 0.2 + v,
            // 0.8 - 2a + 2v = 0.6 and -2a + 3v = 0 -> a = 0.3, v = 0.2 -> x = (0.3, 0.3, 0.4).
            var limits = new AllocationLimits(Abc, sectorOf: new Dictionary<string, string> { ["A"] = "Tech", ["B"] = "Tech" },
                sectorCaps: new Dictionary<string, double> { ["Tech"] = 0.6 }, minNetLeverage: 1, maxNetLeverage: 1);
            var r = Enforcer.Enforce(limits, new[] { 0.4, 0.4, 0.2 }, 1m);
            Assert.That(r.Weights.ToArray(), Is.EqualTo(new[] { 0.3, 0.3, 0.4 }).Within(1e-9));
        }

        [Test]
        public void Enforce_GrossLeverageWithShorts_SoftThresholds()
        {
            // Projection of (0.8, -0.6) onto the L1 ball of radius 1: |x_i| = |w_i| - tau, 1.4 - 2 tau = 1 -> (0.6, -0.4).
            var limits = new AllocationLimits(new[] { "A", "B" }, maxGrossLeverage: 1.0);
            var r = Enforcer.Enforce(limits, new[] { 0.8, -0.6 }, 1m);
            Assert.That(r.Weights.ToArray(), Is.EqualTo(new[] { 0.6, -0.4 }).Within(1e-8));
        }

        [Test]
        public void Enforce_NotionalLimit_BecomesWeightBound()
        {
            var limits = new AllocationLimits(new[] { "A", "B" }, maxNotional: new Dictionary<string, decimal> { ["A"] = 30_000m });
            var r = Enforcer.Enforce(limits, new[] { 0.5, 0.5 }, 100_000m);
            Assert.That(r.Weights.ToArray(), Is.EqualTo(new[] { 0.3, 0.5 }).Within(1e-9));
        }

        [Test]
        public void Enforce_CompliantInput_IsReturnedUnchanged()
        {
            var r = Enforcer.Enforce(new AllocationLimits(Abc, maxWeights: new[] { 0.5, 0.5, 0.5 }), new[] { 0.2, 0.3, 0.5 }, 1m);
            Assert.That(r.Weights.ToArray(), Is.EqualTo(new[] { 0.2, 0.3, 0.5 }));
            Assert.That(r.Iterations, Is.EqualTo(0));
        }

        [Test]
        public void Enforce_OnSeededRandomCases_IsCompliantAndNoFartherThanAnyCompliantPoint()
        {
            var rng = new Random(31);
            int solved = 0;
            for (int trial = 0; trial < 40; trial++)
            {
                int n = 3 + rng.Next(10);
                var names = Enumerable.Range(0, n).Select(i => "X" + i).ToArray();
                var sectors = names.ToDictionary(a => a, a => "S" + rng.Next(3));
                var caps = sectors.Values.Distinct().ToDictionary(s => s, s => 0.4 + 0.3 * rng.NextDouble());
                bool shorts = trial % 2 == 1;
                var limits = new AllocationLimits(names, minWeights: Enumerable.Repeat(shorts ? -0.2 : 0.0, n).ToArray(),
                    maxWeights: Enumerable.Repeat(0.35, n).ToArray(), sectorOf: sectors, sectorCaps: caps,
                    maxGrossLeverage: shorts ? 1.3 : (double?)null, minNetLeverage: 1, maxNetLeverage: 1);
                var w = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 0.8 - (shorts ? 0.3 : 0)).ToArray();
                LimitEnforcementResult r;
                try { r = Enforcer.Enforce(limits, w, 1m); }
                catch (InfeasibleException)
                {
                    // Feasible iff the sectors can hold a full budget: sum_s min(cap_s, 0.35 k_s) >= 1.
                    double room = caps.Sum(c => Math.Min(c.Value, 0.35 * sectors.Values.Count(v => v == c.Key)));
                    Assert.That(room, Is.LessThan(1), $"trial {trial} reported infeasible");
                    continue;
                }
                solved++;
                Assert.That(AllocationLimitChecker.Check(limits, r.Weights, 1m).Where(b => b.Excess > 1e-7), Is.Empty, $"trial {trial}");
                // Any compliant point is at least as far from w as the projection: try random convex mixes of r with w.
                for (int k = 0; k < 20; k++)
                {
                    double a = rng.NextDouble();
                    var y = r.Weights.Select((x, i) => x + a * 0.01 * (rng.NextDouble() - 0.5)).ToArray();
                    if (AllocationLimitChecker.Check(limits, y, 1m).Count > 0) continue;
                    double dy = Math.Sqrt(y.Select((v, i) => (v - w[i]) * (v - w[i])).Sum());
                    Assert.That(r.Distance, Is.LessThanOrEqualTo(dy + 1e-8), $"trial {trial}");
                }
            }
            Assert.That(solved, Is.GreaterThanOrEqualTo(20), "feasible trials");
        }

        [Test]
        public void Enforce_Infeasible_NamesConflicts()
        {
            var limits = new AllocationLimits(new[] { "A", "B" }, minWeights: new[] { 0.6, 0.6 }, maxNetLeverage: 1);
            var ex = Assert.Throws<InfeasibleException>(() => Enforcer.Enforce(limits, new[] { 0.5, 0.5 }, 1m));
            Assert.That(ex!.Conflicts, Is.Not.Empty);
            Assert.That(string.Join(";", ex.Conflicts), Does.Contain("net leverage"));
        }

        [Test]
        public void Enforce_BadArguments_AreRejected()
        {
            Assert.Throws<ArgumentNullException>(() => new LimitEnforcer(null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => Enforcer.Enforce(new AllocationLimits(Abc), new[] { 0.2, 0.3, 0.5 }, 0m));
            Assert.Throws<ArgumentException>(() => Enforcer.Enforce(new AllocationLimits(Abc), new[] { 0.2, 0.3 }, 1m));
            var ex = Assert.Throws<InfeasibleException>(() => Enforcer.Enforce(
                new AllocationLimits(new[] { "A", "B" }, minWeights: new[] { 0.5, 0 }, maxNotional: new Dictionary<string, decimal> { ["A"] = 10m }), new[] { 0.9, 0.1 }, 100m));
            Assert.That(ex!.Message, Does.Contain("'A'"));
        }

        [Test]
        public void Limits_BadInput_IsRejected()
        {
            Assert.Throws<InvalidInputException>(() => new AllocationLimits(Abc, minWeights: new[] { 0.6, 0, 0 }, maxWeights: new[] { 0.5, 1, 1 }));
            var ex = Assert.Throws<InvalidInputException>(() => new AllocationLimits(Abc, sectorOf: new Dictionary<string, string> { ["Z"] = "Tech" }));
            Assert.That(ex!.Message, Does.Contain("'Z'"));
            Assert.Throws<InvalidInputException>(() => new AllocationLimits(Abc, sectorOf: new Dictionary<string, string> { ["A"] = "Tech" }, sectorCaps: new Dictionary<string, double> { ["Energy"] = 0.5 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new AllocationLimits(Abc, maxGrossLeverage: 0));
            Assert.Throws<InvalidInputException>(() => new AllocationLimits(Abc, minNetLeverage: 1, maxNetLeverage: 0.5));
            Assert.Throws<InvalidInputException>(() => new AllocationLimits(Abc, maxNotional: new Dictionary<string, decimal> { ["Q"] = 1m }));
            Assert.Throws<InvalidInputException>(() => new AllocationLimits(new[] { "A", "A" }));
            Assert.Throws<ArgumentException>(() => AllocationLimitChecker.Check(new AllocationLimits(Abc), new[] { 0.5, double.NaN, 0.5 }, 1m));
            Assert.Throws<ArgumentException>(() => AllocationLimitChecker.Check(new AllocationLimits(Abc), new[] { 0.5 }, 1m));
        }
    }
}
