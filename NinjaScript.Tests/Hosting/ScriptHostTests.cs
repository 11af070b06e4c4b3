using System;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Hosting
{
    [TestFixture]
    public class ScriptHostTests
    {
        private static readonly DateTime Day1 = new DateTime(2024, 1, 2);

        private static ScriptHost<T> TwoSeries<T>(int secondStartsOnDay = 0) where T : NinjaScriptBase, new() =>
            new ScriptHost<T>(SampleBars.Daily)
                .WithBars("A", Enumerable.Range(0, 4).Select(d => SampleBars.Bar(Day1.AddDays(d), 100 + d)))
                .WithBars("B", Enumerable.Range(secondStartsOnDay, 4 - secondStartsOnDay).Select(d => SampleBars.Bar(Day1.AddDays(d), 50 + d)));

        [Test]
        public void Run_GoesThroughNinjaTraderStatesInOrder()
        {
            var host = TwoSeries<ProbeIndicator>();
            ProbeIndicator probe = host.Run("A");

            State[] expected = { State.SetDefaults, State.Configure, State.DataLoaded, State.Historical, State.Transition, State.Realtime, State.Terminated };
            Assert.That(probe.SeenStates, Is.EqualTo(expected));
            Assert.That(host.States, Is.EqualTo(expected));
        }

        [Test]
        public void Configure_SeesThePrimaryBarsPeriod_WhenTheDataLoadedRuleIsNotEnforced_AndRecordsTheBreach()
        {
            var host = TwoSeries<ProbeIndicator>();
            ProbeIndicator probe = host.Run("A");

            Assert.That(host.RuleViolations, Has.Count.EqualTo(1));

            Assert.That(probe.PeriodSeenInConfigure.BarsPeriodType, Is.EqualTo(BarsPeriodType.Day));
            Assert.That(probe.PeriodSeenInConfigure.Value, Is.EqualTo(1));
        }

        [Test]
        public void EqualTimestamps_PrimarySeriesUpdatesFirst()
        {
            ProbeIndicator probe = TwoSeries<ProbeIndicator>().Run("A");

            Assert.That(probe.Updates.Select(u => (u.Time, u.BarsInProgress)), Is.EqualTo(
                Enumerable.Range(0, 4).SelectMany(d => new[] { (Day1.AddDays(d), 0), (Day1.AddDays(d), 1) })));
        }

        [Test]
        public void PriceSeries_IndexTheCurrentBarOfTheirSeries()
        {
            var host = new ScriptHost<ProbeIndicator>(SampleBars.Daily)
                .WithBars("A", Enumerable.Range(0, 3).Select(d => new BarRecord(Day1.AddDays(d), 1, 2, 0.5, 100 + d, 1000 * (d + 1))))
                .WithBars("B", Enumerable.Range(0, 3).Select(d => SampleBars.Bar(Day1.AddDays(d), 50 + d)));
            ProbeIndicator probe = host.Run("A");

            Assert.That(probe.PrimaryBars, Is.EqualTo(new[] { (100.0, 1000.0), (101.0, 2000.0), (102.0, 3000.0) }));
        }

        [Test]
        public void CurrentBars_StayMinusOneUntilTheSeriesHasABar()
        {
            ProbeIndicator probe = TwoSeries<ProbeIndicator>(secondStartsOnDay: 2).Run("A");

            Assert.That(probe.Updates[0].CurrentBars, Is.EqualTo(new[] { 0, -1 }));
            Assert.That(probe.Updates[1].CurrentBars, Is.EqualTo(new[] { 1, -1 }));
            Assert.That(probe.Updates[2].BarsInProgress, Is.EqualTo(0));
            Assert.That(probe.Updates[2].CurrentBars, Is.EqualTo(new[] { 2, -1 }));
            Assert.That(probe.Updates[3].BarsInProgress, Is.EqualTo(1));
            Assert.That(probe.Updates[3].CurrentBars, Is.EqualTo(new[] { 2, 0 }));
        }

        [Test]
        public void RealtimeFrom_ProcessesLaterBarsInRealtimeAfterTransition()
        {
            var host = TwoSeries<ProbeIndicator>();
            host.RealtimeFrom = Day1.AddDays(2);
            ProbeIndicator probe = host.Run("A");

            Assert.That(probe.Updates.Where(u => u.Time < host.RealtimeFrom).Select(u => u.State), Is.All.EqualTo(State.Historical));
            Assert.That(probe.Updates.Where(u => u.Time >= host.RealtimeFrom).Select(u => u.State), Is.All.EqualTo(State.Realtime));
            Assert.That(probe.SeenStates, Is.EqualTo(new[] { State.SetDefaults, State.Configure, State.DataLoaded, State.Historical, State.Transition, State.Realtime, State.Terminated }));
        }

        [Test]
        public void AddDataSeries_OutsideConfigure_Throws()
        {
            var host = TwoSeries<LateAddDataSeriesIndicator>();

            var error = Assert.Throws<InvalidOperationException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("State.Configure").And.Contain("DataLoaded"));
        }

        [Test]
        public void AddDataSeries_ForAnInstrumentWithoutBars_FailsNamingIt()
        {
            var host = TwoSeries<ProbeIndicator>().WithInputs(p => p.SecondInstrument = "ZZ 03-25");

            var error = Assert.Throws<InvalidOperationException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("ZZ 03-25"));
        }

        [Test]
        public void UnmanagedOrder_OnSecondSeries_GoesToThatInstrumentAndFillsInNinjaTraderEventOrder()
        {
            var host = TwoSeries<ProbeStrategy>();
            host.AfterBarUpdate = (strategy, series) =>
            {
                if (series == 1 && strategy.Entry != null && strategy.Entry.OrderState == OrderState.Working)
                    strategy.Fill(strategy.Entry, 2, strategy.Closes[1][0], strategy.Times[1][0]);
            };
            ProbeStrategy probe = host.Run("A");

            // Day 0: the primary bar comes first and B has no bar yet (CurrentBars[1] == -1), so the order goes out
            // on day 1's primary bar and fills on B's day-1 bar at its close, 51.
            Assert.That(probe.Entry.Time, Is.EqualTo(Day1.AddDays(1)));
            Assert.That(probe.Entry.Instrument.FullName, Is.EqualTo("B"));
            Assert.That(probe.Entry.OrderAction, Is.EqualTo(OrderAction.Buy));
            Assert.That(probe.Entry.Quantity, Is.EqualTo(2));
            Assert.That(probe.Entry.IsBacktestOrder, Is.True);
            Assert.That(probe.Events, Is.EqualTo(new[]
            {
                "order Submitted filled=0", "order Accepted filled=0", "order Working filled=0",
                "order Filled filled=2", "execution Long 2@51", "position Long 2@51",
            }));
            Assert.That(probe.Positions[1].Quantity, Is.EqualTo(2));
            Assert.That(probe.Positions[0].MarketPosition, Is.EqualTo(MarketPosition.Flat));
        }

        [Test]
        public void FillMarketOrdersAtNextOpen_FillsAtTheOpenOfTheFirstLaterBarOfTheOrdersSeries()
        {
            var host = new ScriptHost<ProbeStrategy>(SampleBars.Daily)
                .WithBars("A", Enumerable.Range(0, 4).Select(d => SampleBars.Bar(Day1.AddDays(d), 100 + d)))
                .WithBars("B", Enumerable.Range(0, 4).Select(d => new BarRecord(Day1.AddDays(d), 49.5 + d, 52 + d, 49 + d, 50 + d, 10)))
                .WithInputs(s => { s.UseManaged = true; s.IsUnmanaged = false; });
            host.FillMarketOrdersAtNextOpen = true;
            ProbeStrategy probe = host.Run("A");

            // Submitted at day 1's close (primary bar). B's day-1 bar carries the same timestamp, so its open lies before
            // the submission: the order fills at the open of B's day-2 bar, 51.5, not earlier.
            Assert.That(probe.Entry.OrderState, Is.EqualTo(OrderState.Filled));
            Assert.That(probe.Entry.AverageFillPrice, Is.EqualTo(51.5));
            Assert.That(probe.Entry.Time, Is.EqualTo(Day1.AddDays(2)));
            Assert.That(probe.Events, Does.Contain("execution Long 2@51.5"));
            Assert.That(probe.Positions[1].Quantity, Is.EqualTo(2));
        }

        [Test]
        public void OrderMethods_BeforeBarsRequiredToTradeOnThePrimary_AreIgnored()
        {
            var host = TwoSeries<ProbeStrategy>().WithInputs(s => s.BarsRequiredToTrade = 3);
            ProbeStrategy probe = host.Run("A");

            // Tries on the primary bars 1 and 2 (CurrentBars[0] < 3) return null; the try on bar 3 is processed.
            Assert.That(probe.Attempts, Is.EqualTo(3));
            Assert.That(probe.Entry, Is.Not.Null);
            Assert.That(probe.Entry.Time, Is.EqualTo(Day1.AddDays(3)));
        }

        [Test]
        public void HostedIndicator_IsCachedByTheGeneratedFactory_ButNotDrivenByTheHost_WhichSaysSo()
        {
            var host = TwoSeries<HostingStrategy>();

            var error = Assert.Throws<NotSupportedException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("CacheIndicator"));
        }

        [Test]
        public void ManagedEntry_InAnUnmanagedStrategy_Throws()
        {
            var host = TwoSeries<ProbeStrategy>().WithInputs(s => s.UseManaged = true);

            Assert.Throws<InvalidOperationException>(() => host.Run("A"));
        }
    }
}
