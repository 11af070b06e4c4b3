using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.Core.Tests.Risk;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Allocation
{
    public class DynamicAllocationEngineTests
    {
        private sealed class Recorder : IAllocationListener
        {
            public readonly List<LimitBreachEvent> Limits = new List<LimitBreachEvent>();
            public readonly List<DriftBreachEvent> Drifts = new List<DriftBreachEvent>();
            public readonly List<RiskBreachEvent> Risks = new List<RiskBreachEvent>();
            public readonly List<(DateTime Time, RebalanceReason Reasons, double[] Changes)> Signals = new List<(DateTime, RebalanceReason, double[])>();
            public void OnLimitBreach(in LimitBreachEvent e) => Limits.Add(e);
            public void OnDriftBreach(in DriftBreachEvent e) => Drifts.Add(e);
            public void OnRiskBreach(in RiskBreachEvent e) => Risks.Add(e);
            public void OnRebalanceSignal(in RebalanceSignal e) => Signals.Add((e.Time, e.Reasons, e.WeightChanges.ToArray()));
        }

        private static readonly DateTime T0 = new DateTime(2026, 1, 5, 16, 0, 0);

        [TestCase(99)]
        [TestCase(100)]
        [TestCase(101)]
        public void Streaming_EqualsBatch_OnSeededPricePath(int seed)
        {
            var rng = new Random(seed);
            int n = 5, window = 30, bars = 200;
            var names = Enumerable.Range(0, n).Select(i => "I" + i).ToArray();
            var engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = names, TargetWeights = Enumerable.Repeat(0.2, n).ToArray(), Window = window, Confidence = 0.99,
                PointValues = new[] { 50.0, 20.0, 5.0, 1.0, 1000.0 },
            });
            var path = new List<double[]> { Enumerable.Range(0, n).Select(i => 50.0 + 10 * i).ToArray() };
            for (int t = 1; t < bars; t++)
                path.Add(path[t - 1].Select((p, i) => p * (1 + 0.0002 * i + 0.01 * (1 + i % 3) * RiskTestData.RandomNormals(rng, 1)[0])).ToArray());
            var q = new[] { 3, -5, 40, 200, 1 };
            for (int t = 0; t < bars; t++)
            {
                engine.OnBar(T0.AddDays(t), path[t], q, 2_000_000m);
                if (t < window) { Assert.That(engine.IsWarm, Is.False, $"bar {t}"); continue; }
                var rets = Enumerable.Range(t - window + 1, window).Select(s => path[s].Select((p, i) => p / path[s - 1][i] - 1).ToArray()).ToArray();
                var frame = RollingMomentsTests.Frame(rets, 0, window, n);
                var mu = SampleMoments.Mean(frame);
                var cov = SampleMoments.Covariance(frame);
                var w = Enumerable.Range(0, n).Select(i => q[i] * path[t][i] * new[] { 50.0, 20.0, 5.0, 1.0, 1000.0 }[i] / 2_000_000.0).ToArray();
                var batch = VaRDecomposition.Compute(mu, cov, w, 0.99);
                double vol = Math.Sqrt(Core.Numerics.PortfolioMath.Variance(cov, w));
                RiskTestData.AssertRel(engine.Volatility, vol, 1e-10, $"volatility at bar {t}");
                RiskTestData.AssertRel(engine.ValueAtRisk, batch.ParametricVaR, 1e-10, $"VaR at bar {t}");
            }
        }

        [Test]
        public void CraftedPath_RaisesDriftLimitRiskEventsAndSignalsOnce()
        {
            var rec = new Recorder();
            var limits = new AllocationLimits(new[] { "ES", "ZN" }, maxWeights: new[] { 0.7, 0.7 });
            var engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = new[] { "ES", "ZN" }, TargetWeights = new[] { 0.5, 0.5 }, Window = 3, Limits = limits,
                Triggers = new RebalanceTriggerOptions { AbsoluteBand = 0.1, ReArmFraction = 0.5 },
            }, rec);
            // Positions fixed at 50 ES-units and 50 ZN-units of price 100 on 10,000: weights 0.5/0.5 at start.
            // ES price path: 100, 110 (0.55), 125 (0.625: drift 0.125 > 0.1 -> signal), 130 (0.65, still out: no refire),
            // 145 (0.725 > 0.7: limit breach, no drift re-fire), 100 (0.5: back inside, re-armed), 125 (fires again).
            var es = new[] { 100.0, 110, 125, 130, 145, 100, 125 };
            var reasons = new List<RebalanceReason>();
            for (int t = 0; t < es.Length; t++)
                reasons.Add(engine.OnBar(T0.AddDays(t), new[] { es[t], 100.0 }, new[] { 50, 50 }, 10_000m));
            Assert.That(reasons, Is.EqualTo(new[] { RebalanceReason.None, RebalanceReason.None, RebalanceReason.AbsoluteDrift, RebalanceReason.None,
                RebalanceReason.None, RebalanceReason.None, RebalanceReason.AbsoluteDrift }));
            Assert.That(rec.Signals.Count, Is.EqualTo(2));
            Assert.That(rec.Signals[0].Changes[0], Is.EqualTo(-0.125).Within(1e-15));
            Assert.That(rec.Signals[0].Changes[1], Is.EqualTo(0.0).Within(1e-15)); // ZN weight 0.5 = target
            Assert.That(rec.Drifts.Select(d => d.Time), Is.EqualTo(new[] { T0.AddDays(2), T0.AddDays(6) }));
            Assert.That(rec.Drifts.All(d => d.Asset == "ES" && d.Band == RebalanceReason.AbsoluteDrift));
            Assert.That(rec.Limits.Count, Is.EqualTo(1));
            Assert.That(rec.Limits[0].Breach.Kind, Is.EqualTo(LimitKind.PositionMax));
            Assert.That(rec.Limits[0].Breach.Subject, Is.EqualTo("ES"));
            Assert.That(rec.Limits[0].Breach.Excess, Is.EqualTo(0.025).Within(1e-12));
            Assert.That(rec.Limits[0].Time, Is.EqualTo(T0.AddDays(4)));
        }

        [Test]
        public void VaRBudget_RaisesRiskEventAndSignal()
        {
            var rec = new Recorder();
            var engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = new[] { "A" }, TargetWeights = new[] { 0.5 }, Window = 3, Confidence = 0.95,
                Triggers = new RebalanceTriggerOptions { VaRBudget = 0.01 },
            }, rec);
            // Returns 0, +10%, -10% -> window mean 0, sd 0.1; weight 1 -> VaR = 1.6449 * 0.1 > 0.01.
            var p = new[] { 100.0, 100, 110, 99 };
            for (int t = 0; t < p.Length; t++) engine.OnBar(T0.AddDays(t), new[] { p[t] }, new[] { 100 }, (decimal)(100 * p[t]));
            Assert.That(engine.Volatility, Is.EqualTo(0.1).Within(1e-15));
            Assert.That(engine.ValueAtRisk, Is.EqualTo(1.6448536269514722 * 0.1).Within(1e-14));
            Assert.That(rec.Risks.Count, Is.EqualTo(1));
            Assert.That(rec.Risks[0].Measure, Is.EqualTo(RiskMeasure.ValueAtRisk));
            Assert.That(rec.Signals.Single().Reasons, Is.EqualTo(RebalanceReason.VaRBudget));
            Assert.That(rec.Signals.Single().Changes[0], Is.EqualTo(-0.5).Within(1e-15));
        }

        [Test]
        public void OnBar_WhenWarm_DoesNotAllocate()
        {
            int n = 20;
            var engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = Enumerable.Range(0, n).Select(i => "I" + i).ToArray(), TargetWeights = Enumerable.Repeat(0.05, n).ToArray(), Window = 50,
                Limits = new AllocationLimits(Enumerable.Range(0, n).Select(i => "I" + i).ToArray(), maxWeights: Enumerable.Repeat(0.06, n).ToArray(), maxGrossLeverage: 1.5),
                Triggers = new RebalanceTriggerOptions { AbsoluteBand = 0.005, VaRBudget = 0.001, Calendar = CalendarFrequency.Daily, CooldownBars = 3 },
            }, new AllocationListenerBase());
            var rng = new Random(5);
            var prices = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, n).Select(i => 100 * (1 + 0.05 * RiskTestData.RandomNormals(rng, 1)[0])).ToArray()).ToArray();
            var q = Enumerable.Repeat(5, n).ToArray();
            for (int t = 0; t < 100; t++) engine.OnBar(T0.AddHours(t), prices[t], q, 10_000m);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int t = 100; t < 300; t++) engine.OnBar(T0.AddHours(t), prices[t], q, 10_000m);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.That(after - before, Is.EqualTo(0), "bytes allocated by 200 warm bars");
        }

        [Test]
        public void SectorCapAndVolatilityTarget_RaiseEvents_AndSetTargetsChangesTrades()
        {
            var rec = new Recorder();
            var limits = new AllocationLimits(new[] { "ES", "NQ", "ZN" }, sectorOf: new Dictionary<string, string> { ["ES"] = "Equity", ["NQ"] = "Equity" },
                sectorCaps: new Dictionary<string, double> { ["Equity"] = 0.7 });
            var engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = new[] { "ES", "NQ", "ZN" }, TargetWeights = new[] { 0.3, 0.3, 0.4 }, Window = 2, Limits = limits,
                Triggers = new RebalanceTriggerOptions { VolatilityTarget = 0.001 },
            }, rec);
            engine.SetTargets(new[] { 0.2, 0.2, 0.6 });
            // 40 + 40 + 20 units at price 100 on 10,000: weights 0.4, 0.4, 0.2 -> Equity 0.8 > 0.7 from the first bar.
            var q = new[] { 40, 40, 20 };
            engine.OnBar(T0, new[] { 100.0, 100, 100 }, q, 10_000m);
            engine.OnBar(T0.AddDays(1), new[] { 101.0, 99, 100 }, q, 10_000m);
            var why = engine.OnBar(T0.AddDays(2), new[] { 99.0, 101, 102 }, q, 10_000m);
            Assert.That(rec.Limits.Count, Is.EqualTo(1));
            Assert.That(rec.Limits[0].Breach.Kind, Is.EqualTo(LimitKind.SectorCap));
            Assert.That(rec.Limits[0].Breach.Subject, Is.EqualTo("Equity"));
            Assert.That(rec.Limits[0].Breach.Value, Is.EqualTo(0.8).Within(1e-12));
            Assert.That(why, Is.EqualTo(RebalanceReason.VolatilityTarget));
            Assert.That(rec.Risks.Single().Measure, Is.EqualTo(RiskMeasure.Volatility));
            Assert.That(rec.Signals.Single().Changes[2], Is.EqualTo(0.6 - 20 * 102.0 / 10_000).Within(1e-15));
            Assert.Throws<ArgumentException>(() => engine.SetTargets(new[] { 0.5, 0.5 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => engine.SetTargets(new[] { 0.5, double.NaN, 0.5 }));
        }

        [Test]
        public void OnSamplePrices_FinalVaREqualsBatchOnLastWindow()
        {
            var returns = RiskTestData.SampleReturns("eustockmarkets-prices.csv");
            var lines = System.IO.File.ReadAllLines(RiskTestData.SamplePath("eustockmarkets-prices.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
            var prices = lines.Select(l => l.Split(',').Skip(1).Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
            var dates = lines.Select(l => DateTime.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var engine = new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = returns.Assets, TargetWeights = new[] { 0.25, 0.25, 0.25, 0.25 }, Window = 252, Confidence = 0.99,
            });
            var q = new[] { 30, 30, 30, 20 };
            for (int t = 0; t < prices.Length; t++) engine.OnBar(dates[t], prices[t], q, 1_000_000m);
            var window = returns.Slice(returns.Rows - 252, 252);
            var w = prices[prices.Length - 1].Select((p, i) => q[i] * p / 1_000_000.0).ToArray();
            var batch = VaRDecomposition.Compute(SampleMoments.Mean(window), SampleMoments.Covariance(window), w, 0.99);
            RiskTestData.AssertRel(engine.ValueAtRisk, batch.ParametricVaR, 1e-10, "VaR");
        }

        [Test]
        public void BadBars_AreRejectedNamingTheCulprit()
        {
            var engine = new DynamicAllocationEngine(new DynamicAllocationOptions { Instruments = new[] { "ES", "NQ" }, TargetWeights = new[] { 0.5, 0.5 }, Window = 5 });
            var ex = Assert.Throws<InvalidInputException>(() => engine.OnBar(T0, new[] { 100.0, -1 }, new[] { 1, 1 }, 1000m));
            Assert.That(ex!.Message, Does.Contain("'NQ'").And.Contain("-1"));
            Assert.Throws<InvalidInputException>(() => engine.OnBar(T0, new[] { 100.0, double.NaN }, new[] { 1, 1 }, 1000m));
            Assert.Throws<InvalidInputException>(() => engine.OnBar(T0, new[] { 100.0, 100 }, new[] { 1, 1 }, 0m));
            Assert.Throws<ArgumentException>(() => engine.OnBar(T0, new[] { 100.0 }, new[] { 1, 1 }, 1000m));
            engine.OnBar(T0, new[] { 100.0, 100 }, new[] { 1, 1 }, 1000m);
            var ex2 = Assert.Throws<InvalidInputException>(() => engine.OnBar(T0, new[] { 100.0, 100 }, new[] { 1, 1 }, 1000m));
            Assert.That(ex2!.Message, Does.Contain("not after"));
        }

        [Test]
        public void BadOptions_AreRejected()
        {
            Assert.Throws<ArgumentException>(() => new DynamicAllocationEngine(new DynamicAllocationOptions { Instruments = new[] { "A" }, TargetWeights = new[] { 0.5, 0.5 } }));
            Assert.Throws<InvalidInputException>(() => new DynamicAllocationEngine(new DynamicAllocationOptions { Instruments = new[] { "A", "A" }, TargetWeights = new[] { 0.5, 0.5 } }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DynamicAllocationEngine(new DynamicAllocationOptions { Instruments = new[] { "A" }, TargetWeights = new[] { 1.0 }, Confidence = 1.5 }));
            Assert.Throws<InvalidInputException>(() => new DynamicAllocationEngine(new DynamicAllocationOptions
            {
                Instruments = new[] { "A", "B" }, TargetWeights = new[] { 0.5, 0.5 }, Limits = new AllocationLimits(new[] { "B", "A" }),
            }));
        }
    }
}
