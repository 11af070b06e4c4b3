using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Planning;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    public class RebalancePlannerTests
    {
        [Test]
        public void Futures_UsePointValue_ForExposure()
        {
            // ES at 5000 x 50 = 250,000 per contract; 1,000,000 equity at 50% -> 2 contracts.
            var plan = new RebalancePlanner().Plan(new[] { new PlannerInstrument("ES", 5000m, 50m, 1, 0, 0.5) }, 1_000_000m);
            Assert.That(plan.Trades[0].TargetQuantity, Is.EqualTo(2));
            Assert.That(plan.Trades[0].AchievedWeight, Is.EqualTo(0.5).Within(1e-12));
        }

        [Test]
        public void LotSizes_AreRespected()
        {
            var plan = new RebalancePlanner().Plan(new[] { new PlannerInstrument("X", 10m, 1m, 100, 0, 0.37) }, 10_000m);
            Assert.That(plan.Trades[0].TargetQuantity % 100, Is.EqualTo(0));
            Assert.That(plan.Trades[0].TargetQuantity, Is.EqualTo(400)); // ideal 370 -> nearest lot 400
        }

        [Test]
        public void MinimumTrade_KeepsSmallDriftsUntouched()
        {
            var ins = new[] { new PlannerInstrument("A", 100m, 1m, 1, 98, 0.5), new PlannerInstrument("B", 50m, 1m, 1, 0, 0.5) };
            var plan = new RebalancePlanner().Plan(ins, 20_000m, new PlannerOptions { MinTradeNotional = 500m });
            Assert.That(plan.Trades[0].OrderQuantity, Is.EqualTo(0), "2 shares x 100 = 200 < 500");
            Assert.That(plan.Trades[1].TargetQuantity, Is.EqualTo(200));
        }

        [Test]
        public void CashBuffer_ScalesTargetsAndCapsGross()
        {
            var ins = new[] { new PlannerInstrument("A", 10m, 1m, 1, 0, 0.6), new PlannerInstrument("B", 10m, 1m, 1, 0, 0.4) };
            var plan = new RebalancePlanner().Plan(ins, 10_000m, new PlannerOptions { CashBuffer = 0.05 });
            Assert.That(plan.Trades.Select(t => t.TargetQuantity), Is.EqualTo(new long[] { 570, 380 }));
            Assert.That(plan.GrossNotional, Is.LessThanOrEqualTo(9_500m));
        }

        [Test]
        public void Limits_CapTargetsAndAreNeverExceeded()
        {
            var ins = new[] { new PlannerInstrument("ES", 5000m, 50m, 1, 0, 0.9), new PlannerInstrument("NQ", 18000m, 20m, 1, 0, 0.9) };
            var limits = new InstrumentLimits(new Dictionary<string, double> { ["ES"] = 0.6 }, new Dictionary<string, decimal> { ["NQ"] = 500_000m });
            var plan = new RebalancePlanner().Plan(ins, 1_000_000m, null, limits);
            Assert.That(plan.Trades[0].Capped && plan.Trades[1].Capped, Is.True);
            Assert.That(Math.Abs(plan.Trades[0].TargetQuantity) * 250_000m, Is.LessThanOrEqualTo(600_000m));
            Assert.That(Math.Abs(plan.Trades[1].TargetQuantity) * 360_000m, Is.LessThanOrEqualTo(500_000m));
        }

        [Test]
        public void CurrentPositionAboveLimit_IsCutBack()
        {
            var ins = new[] { new PlannerInstrument("A", 100m, 1m, 1, 80, 0.8) };
            var plan = new RebalancePlanner().Plan(ins, 10_000m, new PlannerOptions { MinTradeNotional = 5_000m },
                new InstrumentLimits(new Dictionary<string, double> { ["A"] = 0.5 }));
            Assert.That(plan.Trades[0].TargetQuantity, Is.LessThanOrEqualTo(50));
            Assert.That(plan.Trades[0].TargetQuantity, Is.EqualTo(30), "50 is too small a trade (3,000 < 5,000); 30 is the nearest allowed");
        }

        [Test]
        public void LargeMinimumTrade_JumpsTheHoleWithoutScanning()
        {
            var ins = new[] { new PlannerInstrument("A", 1m, 1m, 1, 10, 0.5), new PlannerInstrument("B", 1m, 1m, 1, 0, 0.00001) };
            var plan = new RebalancePlanner().Plan(ins, 1_000_000_000m, new PlannerOptions { MinTradeNotional = 100_000_000m });
            Assert.That(plan.Trades[0].TargetQuantity, Is.EqualTo(500_000_000));
            Assert.That(plan.Trades[1].TargetQuantity, Is.EqualTo(0), "10,000 is below the minimum trade");
        }

        [Test]
        public void BadInput_NamesTheInstrument()
        {
            var ex = Assert.Throws<InvalidInputException>(() => new PlannerInstrument("GC", -1m, 100m, 1, 0, 0.1));
            Assert.That(ex!.Message, Does.Contain("'GC'"));
            Assert.Throws<InvalidInputException>(() => new RebalancePlanner().Plan(
                new[] { new PlannerInstrument("A", 1m, 1m, 1, 0, 0.1), new PlannerInstrument("A", 1m, 1m, 1, 0, 0.1) }, 100m));
        }

        [Test]
        public void Rounding_MatchesBruteForceOnSmallCases()
        {
            var rng = new Random(2024);
            int worse = 0, infeasible = 0;
            for (int trial = 0; trial < 800; trial++)
            {
                int n = rng.Next(1, 4);
                decimal equity = rng.Next(2_000, 8_000);
                var ins = new List<PlannerInstrument>();
                var weights = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 1.2 - 0.1).ToArray();
                if (rng.NextDouble() < 0.5) { double s = weights.Sum(w => Math.Abs(w)); for (int i = 0; i < n; i++) weights[i] /= Math.Max(s, 1e-9); }
                for (int i = 0; i < n; i++)
                    ins.Add(new PlannerInstrument("I" + i, rng.Next(200, 1500), rng.NextDouble() < 0.3 ? 2m : 1m, rng.Next(1, 4), rng.Next(-5, 15), weights[i]));
                var opt = new PlannerOptions { CashBuffer = rng.NextDouble() < 0.5 ? 0.05 : 0, MinTradeNotional = rng.NextDouble() < 0.4 ? rng.Next(100, 1500) : 0 };
                var limits = rng.NextDouble() < 0.4 ? new InstrumentLimits(defaultMaxWeight: 0.2 + rng.NextDouble() * 0.5) : null;
                RebalancePlan plan;
                try { plan = new RebalancePlanner().Plan(ins, equity, opt, limits); }
                catch (InfeasibleException)
                {
                    Assert.That(BruteForce(ins, equity, opt, limits), Is.EqualTo(double.PositiveInfinity), $"trial {trial}: planner says infeasible");
                    infeasible++;
                    continue;
                }
                double brute = BruteForce(ins, equity, opt, limits);
                Assert.That(plan.Objective, Is.GreaterThanOrEqualTo(brute - 1e-12), $"trial {trial}: planner beat brute force, so the brute force is wrong");
                Assert.That(plan.GrossNotional, Is.LessThanOrEqualTo(plan.GrossBudget * 1.000000001m), $"trial {trial}");
                Assert.That(plan.ProvedOptimal, Is.True);
                if (plan.Objective > brute + 1e-12) worse++;
            }
            Assert.That(worse, Is.EqualTo(0), "cases where the planner is not optimal");
            Assert.That(infeasible, Is.LessThan(50), "most random cases are feasible");
        }

        [Test]
        public void FiveHundredInstruments_RespectLotsLimitsAndBudget()
        {
            var rng = new Random(5);
            var ins = Enumerable.Range(0, 500).Select(i => new PlannerInstrument("S" + i, rng.Next(5, 500), rng.NextDouble() < 0.2 ? 50m : 1m,
                rng.NextDouble() < 0.3 ? 100 : 1, rng.Next(-50, 200), rng.NextDouble() / 250)).ToList();
            var limits = new InstrumentLimits(defaultMaxWeight: 0.004);
            var plan = new RebalancePlanner().Plan(ins, 10_000_000m, new PlannerOptions { CashBuffer = 0.02, MinTradeNotional = 1000m }, limits);
            Assert.That(plan.GrossNotional, Is.LessThanOrEqualTo(plan.GrossBudget * 1.000000001m));
            foreach (var t in plan.Trades)
            {
                bool kept = t.TargetQuantity == t.Instrument.CurrentQuantity;
                if (!kept)
                {
                    Assert.That(t.TargetQuantity % t.Instrument.LotSize, Is.EqualTo(0), t.Instrument.Symbol);
                    Assert.That(t.OrderNotional, Is.GreaterThanOrEqualTo(1000m), t.Instrument.Symbol);
                }
                Assert.That(Math.Abs(t.AchievedWeight), Is.LessThanOrEqualTo(0.004 + 1e-12), t.Instrument.Symbol);
            }
        }

        [Test]
        public void FiveHundredInstruments_FullyInvested_StayWithinBudget()
        {
            var rng = new Random(6);
            var w = Enumerable.Range(0, 500).Select(_ => rng.NextDouble()).ToArray();
            double sum = w.Sum();
            var ins = Enumerable.Range(0, 500).Select(i => new PlannerInstrument("S" + i, rng.Next(50, 5000), 1m, 1, 0, w[i] / sum)).ToList();
            var plan = new RebalancePlanner().Plan(ins, 5_000_000m);
            Assert.That(plan.GrossNotional, Is.LessThanOrEqualTo(5_000_000m));
            Assert.That(plan.Trades.Sum(t => t.AchievedWeight), Is.EqualTo(1.0).Within(0.01));
        }

        // Enumerates every position within +-60 units of zero per instrument with the same rules, independently written.
        private static double BruteForce(List<PlannerInstrument> ins, decimal equity, PlannerOptions opt, IAllocationLimits? limits)
        {
            int n = ins.Count;
            double investable = (double)equity * (1 - opt.CashBuffer);
            var target = new double[n];
            var allowed = new List<long>[n];
            double sumAbs = 0;
            for (int i = 0; i < n; i++)
            {
                double u = (double)ins[i].UnitNotional;
                double lim = double.PositiveInfinity;
                if (limits?.MaxWeight(ins[i].Symbol) is double mw) lim = mw * (double)equity;
                target[i] = ins[i].TargetWeight * investable;
                if (Math.Abs(target[i]) > lim) target[i] = Math.Sign(target[i]) * lim;
                sumAbs += Math.Abs(target[i]);
                allowed[i] = new List<long>();
                for (long v = -60; v <= 60; v++)
                {
                    bool ok = v == ins[i].CurrentQuantity
                        ? Math.Abs(v * u) <= lim + 1e-9
                        : v % ins[i].LotSize == 0 && Math.Abs(v * u) <= lim + 1e-9 && Math.Abs(v - ins[i].CurrentQuantity) * u >= (double)opt.MinTradeNotional - 1e-9;
                    if (ok) allowed[i].Add(v);
                }
            }
            double budget = Math.Max(investable, sumAbs) * (1 + 1e-12);
            double best = double.PositiveInfinity;
            void Recurse(int i, double gross, double obj)
            {
                if (gross > budget) return;
                if (i == n) { best = Math.Min(best, obj); return; }
                double u = (double)ins[i].UnitNotional;
                foreach (long v in allowed[i])
                {
                    double w = v * u / (double)equity - target[i] / (double)equity;
                    Recurse(i + 1, gross + Math.Abs(v * u), obj + w * w);
                }
            }
            Recurse(0, 0, 0);
            return best;
        }
    }
}
