using System;
using NinjaTraderPortfolio.Core.Allocation;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Allocation
{
    public class RebalanceTriggerEvaluatorTests
    {
        private static readonly DateTime Mon = new DateTime(2026, 1, 5); // a Monday
        private static readonly double[] Target = { 0.5, 0.5 };

        private static RebalanceReason Step(RebalanceTriggerEvaluator e, int day, double w0, double var = double.NaN, double vol = double.NaN)
            => e.Evaluate(Mon.AddDays(day), new[] { w0, 1 - w0 }, Target, var, vol, 100_000);

        [Test]
        public void AbsoluteBand_OnTheEdge_FiresOnceThenWaitsForReArm()
        {
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { AbsoluteBand = 0.05, ReArmFraction = 0.4 });
            // Drift path of asset 0: 0.04, 0.051 (fire), 0.049, 0.051, 0.049, 0.051 (edge chatter: no refire),
            // 0.019 (re-armed, below 0.4 * 0.05 = 0.02), 0.051 (fires again).
            var drifts = new[] { 0.04, 0.051, 0.049, 0.051, 0.049, 0.051, 0.019, 0.051 };
            var expected = new[] { false, true, false, false, false, false, false, true };
            for (int k = 0; k < drifts.Length; k++)
            {
                var r = Step(e, k, 0.5 + drifts[k]);
                Assert.That(r != RebalanceReason.None, Is.EqualTo(expected[k]), $"bar {k}, drift {drifts[k]}");
                if (expected[k])
                {
                    Assert.That(r, Is.EqualTo(RebalanceReason.AbsoluteDrift));
                    Assert.That(e.Trades[0], Is.EqualTo(-drifts[k]).Within(1e-15));
                    Assert.That(e.Trades[1], Is.EqualTo(drifts[k]).Within(1e-15));
                }
            }
        }

        [Test]
        public void RelativeBand_UsesTargetSize()
        {
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { RelativeBand = 0.1 });
            Assert.That(Step(e, 0, 0.54), Is.EqualTo(RebalanceReason.None));          // 0.04 / 0.5 = 8%
            Assert.That(Step(e, 1, 0.56), Is.EqualTo(RebalanceReason.RelativeDrift)); // 12%
        }

        [Test]
        public void Cooldown_DelaysSignal_AndPendingTriggerFiresAfterwards()
        {
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { AbsoluteBand = 0.05, CooldownBars = 3 });
            Assert.That(Step(e, 0, 0.56), Is.EqualTo(RebalanceReason.AbsoluteDrift));
            Assert.That(Step(e, 1, 0.50), Is.EqualTo(RebalanceReason.None)); // re-armed (drift 0)
            Assert.That(Step(e, 2, 0.57), Is.EqualTo(RebalanceReason.None)); // fires, but cooling down (bar 2 of 3)
            Assert.That(e.LastFired, Is.EqualTo(RebalanceReason.AbsoluteDrift));
            Assert.That(Step(e, 3, 0.57), Is.EqualTo(RebalanceReason.None)); // bar 3 of 3
            Assert.That(Step(e, 4, 0.57), Is.EqualTo(RebalanceReason.AbsoluteDrift));
        }

        [Test]
        public void MinTradeValue_SuppressesTinyTrades()
        {
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { AbsoluteBand = 0.01, MinTradeValue = 2_000m });
            // drift 0.015 of 100,000 = 1,500 < 2,000 on both legs: no signal.
            Assert.That(Step(e, 0, 0.515), Is.EqualTo(RebalanceReason.None));
            Assert.That(e.LastFired, Is.EqualTo(RebalanceReason.AbsoluteDrift));
            var e2 = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { AbsoluteBand = 0.01, MinTradeValue = 1_000m });
            Assert.That(Step(e2, 0, 0.515), Is.EqualTo(RebalanceReason.AbsoluteDrift));
        }

        [Test]
        public void Calendar_FiresOnFirstTradedSessionOfNewPeriod()
        {
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { Calendar = CalendarFrequency.Monthly });
            // Sessions: Fri 30 Jan, (weekend and Mon 2 Feb a holiday), Tue 3 Feb, Wed 4 Feb.
            Assert.That(e.Evaluate(new DateTime(2026, 1, 30), new[] { 0.4, 0.6 }, Target, double.NaN, double.NaN, 1e5), Is.EqualTo(RebalanceReason.None));
            Assert.That(e.Evaluate(new DateTime(2026, 2, 3), new[] { 0.4, 0.6 }, Target, double.NaN, double.NaN, 1e5), Is.EqualTo(RebalanceReason.Calendar));
            Assert.That(e.Evaluate(new DateTime(2026, 2, 4), new[] { 0.4, 0.6 }, Target, double.NaN, double.NaN, 1e5), Is.EqualTo(RebalanceReason.None));
        }

        [TestCase(CalendarFrequency.Weekly, "2026-01-09", "2026-01-12", true)]   // Fri -> Mon
        [TestCase(CalendarFrequency.Weekly, "2026-01-05", "2026-01-09", false)]  // Mon -> Fri
        [TestCase(CalendarFrequency.Quarterly, "2026-03-31", "2026-04-01", true)]
        [TestCase(CalendarFrequency.Quarterly, "2026-04-30", "2026-05-04", false)]
        [TestCase(CalendarFrequency.Daily, "2026-01-05", "2026-01-06", true)]
        public void PeriodKey_SplitsPeriods(CalendarFrequency f, string a, string b, bool different)
            => Assert.That(RebalanceTriggerEvaluator.PeriodKey(DateTime.Parse(a), f) != RebalanceTriggerEvaluator.PeriodKey(DateTime.Parse(b), f), Is.EqualTo(different));

        [Test]
        public void VaRBudget_HasHysteresis()
        {
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { VaRBudget = 0.02, ReArmFraction = 0.9 });
            var path = new[] { 0.019, 0.021, 0.0205, 0.0185, 0.021, 0.017, 0.0201 };
            var fire = new[] { false, true, false, false, false, false, true }; // re-arms at <= 0.018
            for (int k = 0; k < path.Length; k++)
                Assert.That(Step(e, k, 0.4, path[k]) == RebalanceReason.VaRBudget, Is.EqualTo(fire[k]), $"bar {k}");
        }

        [Test]
        public void VolatilityTarget_FiresAboveTarget_AndNaNIsIgnored()
        {
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { VolatilityTarget = 0.01 });
            Assert.That(Step(e, 0, 0.4, double.NaN, double.NaN), Is.EqualTo(RebalanceReason.None));
            Assert.That(Step(e, 1, 0.4, double.NaN, 0.011), Is.EqualTo(RebalanceReason.VolatilityTarget));
        }

        [Test]
        public void BadOptions_AreRejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { AbsoluteBand = -0.1 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { ReArmFraction = 1 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { CooldownBars = -1 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions { MinTradeValue = -1m }));
            var e = new RebalanceTriggerEvaluator(2, new RebalanceTriggerOptions());
            Assert.Throws<ArgumentException>(() => e.Evaluate(Mon, new[] { 1.0 }, Target, 0, 0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => e.Evaluate(Mon, Target, Target, 0, 0, 0));
        }
    }
}
