using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTrader.NinjaScript.Strategies;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>Test-only strategy on the expiring ES contract with the next one added: records what it sees of the roll.</summary>
    public class RollProbe : Strategy
    {
        internal List<(DateTime Time, DateTime Expiry, DateTime Front)> Seen { get; } = new List<(DateTime, DateTime, DateTime)>();
        internal List<(DateTime ContractMonth, DateTime Date, double Offset)> Rollovers { get; } = new List<(DateTime, DateTime, double)>();
        internal MergePolicy Policy { get; private set; }

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
                Name = "RollProbe";
            else if (State == State.Configure)
                AddDataSeries("ES 06-26");
            else if (State == State.DataLoaded)
            {
                foreach (var rollover in Instrument.MasterInstrument.RolloverCollection)
                    Rollovers.Add((rollover.ContractMonth, rollover.Date, rollover.Offset));
                Policy = Instrument.MasterInstrument.MergePolicy;
            }
        }

        protected override void OnBarUpdate()
        {
            if (BarsInProgress == 0)
                Seen.Add((Time[0], Instrument.Expiry, Instrument.MasterInstrument.GetNextExpiry(Time[0])));
        }
    }

    /// <summary>Futures rollover (.../rollovercollection, .../expiry, .../getnextexpiry, .../mergepolicy).</summary>
    [TestFixture]
    public class RolloverTests
    {
        private static readonly DateTime Day0 = new DateTime(2026, 3, 9);
        private static readonly DateTime March = new DateTime(2026, 3, 1);
        private static readonly DateTime June = new DateTime(2026, 6, 1);

        private static ScriptHost<RollProbe> Host() =>
            new ScriptHost<RollProbe>(SampleBars.Daily)
                .WithBars("ES 03-26", Enumerable.Range(0, 5).Select(d => SampleBars.Bar(Day0.AddDays(d), 5000 + d)), 50, 0.25)
                .WithBars("ES 06-26", Enumerable.Range(0, 5).Select(d => SampleBars.Bar(Day0.AddDays(d), 5040 + d)), 50, 0.25)
                .WithRollovers("ES", MergePolicy.MergeBackAdjusted,
                    (March, new DateTime(2025, 12, 11), 35.5), (June, Day0.AddDays(3), 40.25));

        [Test]
        public void Expiry_ComesFromTheContractName_AndTheFrontMonthChangesOnTheRollDate()
        {
            RollProbe probe = Host().Run("ES 03-26");

            Assert.That(probe.Seen.Select(s => s.Expiry), Is.All.EqualTo(March));
            Assert.That(probe.Seen.Select(s => s.Front), Is.EqualTo(new[] { March, March, March, June, June }));
        }

        [Test]
        public void RolloverCollection_AndMergePolicy_AreThoseOfTheMaster_SharedByItsContracts()
        {
            RollProbe probe = Host().Run("ES 03-26");

            Assert.That(probe.Rollovers, Is.EqualTo(new[] { (March, new DateTime(2025, 12, 11), 35.5), (June, Day0.AddDays(3), 40.25) }));
            Assert.That(probe.Policy, Is.EqualTo(MergePolicy.MergeBackAdjusted));
            Assert.That(probe.Instruments[1].MasterInstrument, Is.SameAs(probe.Instruments[0].MasterInstrument));
            Assert.That(probe.Instruments[1].Expiry, Is.EqualTo(June));
        }

        [Test]
        public void GetNextExpiry_BeforeEveryKnownRollover_FailsNamingTheMasterAndDate()
        {
            var host = Host().WithRollovers("ES", MergePolicy.DoNotMerge, (June, Day0.AddDays(3), 40.25));

            var error = Assert.Throws<InvalidOperationException>(() => host.Run("ES 03-26"));
            Assert.That(error.Message, Does.Contain("'ES'").And.Contain("2026-03-09"));
        }

        [Test]
        public void ContractsOfOneMaster_WithDifferentPointValues_AreRefused()
        {
            var host = Host().WithBars("ES 06-26", Enumerable.Range(0, 5).Select(d => SampleBars.Bar(Day0.AddDays(d), 5040 + d)), 5, 0.25);

            var error = Assert.Throws<ArgumentException>(() => host.Run("ES 03-26"));
            Assert.That(error.Message, Does.Contain("ES 06-26"));
        }
    }
}
