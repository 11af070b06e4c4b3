using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Rebalancing;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Planning;

namespace NinjaTraderPortfolio.Core.Tests.Rebalancing
{
    /// <summary>The rules of the one rebalancing loop, on small hand-worked bars.</summary>
    [TestFixture]
    public class RebalancingLoopTests
    {
        // Targets that change on every call (so a test sees when the loop asks), after a given number of returns.
        private sealed class CountingSource : ITargetWeightSource
        {
            private readonly int _first;
            internal CountingSource(int first) { _first = first; }
            internal int Calls { get; private set; }
            internal List<int> WindowCounts { get; } = new List<int>();
            public string Description => "counting";
            public int FirstBar => _first;
            public bool IsFixed => false;
            public double[] TargetsAt(ReturnWindow window)
            {
                Calls++;
                WindowCounts.Add(window.Count);
                return new[] { 0.5 + 0.01 * Calls, 0.4 - 0.01 * Calls };
            }
        }

        private static readonly DateTime Day0 = new DateTime(2024, 1, 29); // Monday; Feb 1 is a Thursday

        private static RebalancingLoop Loop(ITargetWeightSource source, RebalanceReason retargetOn, CalendarFrequency calendar = CalendarFrequency.Monthly,
            double? band = 0.05, IAllocationLimits? limits = null, bool fractional = false) => new RebalancingLoop(new RebalancingLoopOptions
            {
                Instruments = new[] { "A", "B" },
                PointValues = new[] { 10m, 1m },
                Triggers = new RebalanceTriggerOptions { Calendar = calendar, AbsoluteBand = band },
                SizingLimits = limits,
                FractionalUnits = fractional,
                RetargetOn = retargetOn,
            }, source);

        private static RebalanceDecision Bar(RebalancingLoop loop, int day, decimal[] positions, decimal equity, bool working = false)
            => loop.Step(Day0.AddDays(day), Day0.AddDays(day).Date, new[] { 100.0 + day, 50.0 }, positions, equity, working);

        [Test]
        public void FirstAllocation_ComesWhenTheWindowHoldsTheSourcesReturns_AndSizesWholeContracts()
        {
            var source = new CountingSource(2);
            var loop = Loop(source, RebalancingLoopOptions.EverySignal);
            var flat = new decimal[2];

            Assert.That(Bar(loop, 0, flat, 1_000_000m).ReturnsNeeded, Is.EqualTo(2));
            Assert.That(Bar(loop, 1, flat, 1_000_000m).ReturnsNeeded, Is.EqualTo(1));
            var first = Bar(loop, 2, flat, 1_000_000m);

            Assert.That(first.Action, Is.EqualTo(RebalanceAction.FirstAllocation));
            Assert.That(source.WindowCounts, Is.EqualTo(new[] { 2 }));
            Assert.That(first.Targets, Is.EqualTo(new[] { 0.51, 0.39 }));
            // 0.51 x 1,000,000 / (102 x 10) = 500.0 contracts of A; 0.39 x 1,000,000 / 50 = 7,800 of B.
            Assert.That(first.Quantities, Is.EqualTo(new[] { 500m, 7800m }));
            Assert.That(first.Sizing!.Orders.Select(o => o.OrderQuantity), Is.EqualTo(new[] { 500L, 7800L }));
        }

        [Test]
        public void SizingLimits_CapWholeContracts_AndFractionalUnitsHoldTheTargetsExactly()
        {
            var capped = Loop(new FixedWeightSource(new[] { 0.6, 0.3 }), RebalancingLoopOptions.EverySignal, limits: new InstrumentLimits(defaultMaxWeight: 0.2));
            var d = Bar(capped, 0, new decimal[2], 1_000_000m);
            // |w| <= 0.2: 0.2 x 1,000,000 / (100 x 10) = 200 contracts of A, 0.2 x 1,000,000 / 50 = 4,000 of B.
            Assert.That(d.Quantities, Is.EqualTo(new[] { 200m, 4000m }));

            var exact = Loop(new FixedWeightSource(new[] { 0.6, 0.3 }), RebalancingLoopOptions.EverySignal, fractional: true);
            var f = Bar(exact, 0, new decimal[2], 999_999m);
            Assert.That(f.Quantities![0], Is.EqualTo(0.6m * 999_999m / 1000m));
            Assert.That(f.Quantities[1], Is.EqualTo(0.3m * 999_999m / 50m));
            Assert.That(f.Sizing, Is.Null);
        }

        [Test]
        public void RetargetOn_DecidesWhetherADriftSignalReoptimizes_TheCalendarAlwaysDoes([Values] bool driftRetargets)
        {
            var source = new CountingSource(1);
            var loop = Loop(source, driftRetargets ? RebalancingLoopOptions.EverySignal : RebalanceReason.Calendar);
            Bar(loop, 0, new decimal[2], 1_000_000m);
            var first = Bar(loop, 1, new decimal[2], 1_000_000m);
            Assert.That(first.Initial, Is.True);

            // Flat positions against targets of 0.51/0.39: both bands fire on the next bar (same month).
            var drift = Bar(loop, 2, new decimal[2], 1_000_000m);
            Assert.That(drift.Action, Is.EqualTo(RebalanceAction.Rebalance));
            Assert.That(drift.Reasons, Is.EqualTo(RebalanceReason.AbsoluteDrift));
            Assert.That(drift.Retargeted, Is.EqualTo(driftRetargets));
            Assert.That(source.Calls, Is.EqualTo(driftRetargets ? 2 : 1));

            // Feb 1 (day 3) opens a new month: the calendar re-optimizes in both settings.
            var calendar = Bar(loop, 3, new decimal[2], 1_000_000m);
            Assert.That(calendar.Reasons & RebalanceReason.Calendar, Is.EqualTo(RebalanceReason.Calendar));
            Assert.That(calendar.Retargeted, Is.True);
            Assert.That(source.Calls, Is.EqualTo(driftRetargets ? 3 : 2));
        }

        [Test]
        public void WhileOrdersWork_ADriftSignalIsIgnored_AndACalendarSignalRebalances()
        {
            var source = new CountingSource(1);
            var loop = Loop(source, RebalancingLoopOptions.EverySignal);
            Bar(loop, 0, new decimal[2], 1_000_000m);
            Bar(loop, 1, new decimal[2], 1_000_000m);

            var drift = Bar(loop, 2, new decimal[2], 1_000_000m, working: true);
            Assert.That(drift.Action, Is.EqualTo(RebalanceAction.IgnoredWhileWorking));
            Assert.That(drift.Trades, Is.False);
            Assert.That(drift.Quantities, Is.Null);
            Assert.That(source.Calls, Is.EqualTo(1), "an ignored signal does not re-optimize");

            var calendar = Bar(loop, 3, new decimal[2], 1_000_000m, working: true);
            Assert.That(calendar.Action, Is.EqualTo(RebalanceAction.Rebalance));
            Assert.That(calendar.Quantities, Is.Not.Null);
        }

        [Test]
        public void BuyAndHold_TradesOnlyTheFirstAllocation()
        {
            var loop = new RebalancingLoop(new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 10m, 1m } },
                new FixedWeightSource(new[] { 0.5, 0.5 }));
            var actions = Enumerable.Range(0, 40).Select(d => Bar(loop, d, new decimal[2], 1_000_000m).Action).ToList();
            Assert.That(actions[0], Is.EqualTo(RebalanceAction.FirstAllocation));
            Assert.That(actions.Skip(1), Is.All.EqualTo(RebalanceAction.None));
        }

        [Test]
        public void SizeNow_AManualRebalance_SizesByTheLoopsRule_FromTheHeldPositions()
        {
            var options = new RebalancingLoopOptions
            {
                Instruments = new[] { "A", "B" },
                PointValues = new[] { 10m, 1m },
                SizingLimits = new InstrumentLimits(defaultMaxWeight: 0.2),
            };
            var sizing = RebalancingLoop.SizeNow(options, new[] { 100.0, 50.0 }, new[] { 50m, -10m }, 1_000_000m, new[] { 0.6, 0.3 });
            // Capped at 0.2 of 1,000,000: 200 contracts of A (100 x 10 each), 4,000 of B (50 each); orders from 50 and -10.
            Assert.That(sizing.Orders.Select(o => o.TargetQuantity), Is.EqualTo(new[] { 200L, 4000L }));
            Assert.That(sizing.Orders.Select(o => o.OrderQuantity), Is.EqualTo(new[] { 150L, 4010L }));
            Assert.That(sizing.Orders.All(o => o.Capped), Is.True);

            options.FractionalUnits = true;
            Assert.That(() => RebalancingLoop.SizeNow(options, new[] { 100.0, 50.0 }, new decimal[2], 1_000_000m, new[] { 0.6, 0.3 }),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("whole lots"));
        }

        [Test]
        public void Settings_AreCopiedAtConstruction_LaterChangesToTheOptionsHaveNoEffect()
        {
            var options = new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 10m, 1m } };
            var loop = new RebalancingLoop(options, new FixedWeightSource(new[] { 0.6, 0.3 }));
            options.SizingLimits = new InstrumentLimits(defaultMaxWeight: 0.01);
            options.FractionalUnits = true;
            var d = Bar(loop, 0, new decimal[2], 1_000_000m);
            // Uncapped whole lots: 0.6 x 1,000,000 / (100 x 10) = 600 and 0.3 x 1,000,000 / 50 = 6,000.
            Assert.That(d.Quantities, Is.EqualTo(new[] { 600m, 6000m }));
        }

        [Test]
        public void BadSettings_AreRefused_NamingTheSetting()
        {
            var source = new FixedWeightSource(new[] { 0.5, 0.5 });
            Assert.That(() => new RebalancingLoop(new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 1m } }, source),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("point values: 1 for 2"));
            Assert.That(() => new RebalancingLoop(new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 1m, 0m } }, source),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("point value of 'B'"));
            Assert.That(() => new RebalancingLoop(new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 1m, 1m }, CashBuffer = 1 }, source),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("cash buffer"));
            Assert.That(() => new RebalancingLoop(new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 1m, 1m }, MinTradeWeight = -0.1 }, source),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("minimum trade weight"));
            Assert.That(() => new RebalancingLoop(new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 1m, 1m }, MaxMarginUse = 0.5 }, source),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("margin per contract"));
            var loop = new RebalancingLoop(new RebalancingLoopOptions { Instruments = new[] { "A", "B" }, PointValues = new[] { 1m, 1m } }, source);
            Assert.That(() => loop.Step(Day0, Day0, new[] { 1.0, 1.0 }, new decimal[2], 0m), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("equity must be > 0"));
        }
    }
}
