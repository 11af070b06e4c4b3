using System;
using System.Linq;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTrader.NinjaScript.Indicators;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>Test-only indicator: reads a custom series and the plot far back; options choose how it breaks the rules.</summary>
    public class LookBackProbe : Indicator
    {
        private Series<double> custom;

        internal int BarsBack { get; set; } = 256;
        internal bool InfiniteByConstructor { get; set; }
        internal bool CheckValidity { get; set; }
        internal double? CustomRead { get; private set; }
        internal double? PlotRead { get; private set; }

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Name = "LookBackProbe";
                AddPlot(System.Windows.Media.Brushes.Blue, "Plot");
            }
            else if (State == State.DataLoaded)
                custom = InfiniteByConstructor ? new Series<double>(this, MaximumBarsLookBack.Infinite) : new Series<double>(this);
        }

        protected override void OnBarUpdate()
        {
            custom[0] = Close[0];
            Value[0] = Close[0];
            if (CurrentBar < BarsBack)
                return;
            if (CheckValidity && !custom.IsValidDataPoint(BarsBack))
                return;
            CustomRead = custom[BarsBack];
            PlotRead = Value[BarsBack];
        }
    }

    /// <summary>Test-only indicator: adds a series for another instrument with the primary's period, as the Help Guide prescribes.</summary>
    public class NameOnlyAddDataSeriesProbe : Indicator
    {
        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
                Name = "NameOnlyAddDataSeriesProbe";
            else if (State == State.Configure)
                AddDataSeries("B");
        }
    }

    /// <summary>Test-only indicator: adds the instrument named by its input (the pattern the Help Guide advises against).</summary>
    public class InputAddDataSeriesProbe : Indicator
    {
        [NinjaScriptProperty]
        public string Other { get; set; } = "B";

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
                Name = "InputAddDataSeriesProbe";
            else if (State == State.Configure)
                AddDataSeries(Other);
        }
    }

    /// <summary>Help Guide usage rules the host detects (barsperiod, instrument, maximumbarslookback, isvaliddatapoint).</summary>
    [TestFixture]
    public class HelpGuideRuleTests
    {
        private static readonly DateTime Day1 = new DateTime(2024, 1, 2);

        private static ScriptHost<T> Host<T>(int bars) where T : NinjaScriptBase, new() =>
            new ScriptHost<T>(SampleBars.Daily)
                .WithBars("A", Enumerable.Range(0, bars).Select(d => SampleBars.Bar(Day1.AddDays(d), 100 + d)))
                .WithBars("B", Enumerable.Range(0, bars).Select(d => SampleBars.Bar(Day1.AddDays(d), 50 + d)));

        [Test]
        public void BarsPeriodReadInConfigure_Throws_WhenTheRuleIsEnforced()
        {
            var host = Host<ProbeIndicator>(3);
            host.Rules.EnforceDataLoadedOnlyMembers = true;

            var error = Assert.Throws<InvalidOperationException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("BarsPeriod").And.Contain("State.Configure").And.Contain("/barsperiod"));
        }

        [Test]
        public void BarsPeriodReadInConfigure_IsRecordedOnce_WhenTheRuleIsNotEnforced()
        {
            var host = Host<ProbeIndicator>(3);

            host.Run("A");

            Assert.That(host.RuleViolations, Has.Count.EqualTo(1));
            Assert.That(host.RuleViolations[0], Does.Contain("BarsPeriod in State.Configure"));
        }

        [Test]
        public void AddDataSeriesByNameOnly_BreaksNoRule_AndLoadsTheSecondInstrumentWithThePrimaryPeriod()
        {
            var host = Host<NameOnlyAddDataSeriesProbe>(3);
            host.Rules.EnforceDataLoadedOnlyMembers = true;

            NameOnlyAddDataSeriesProbe probe = host.Run("A");

            Assert.That(probe.BarsArray[1].Instrument.FullName, Is.EqualTo("B"));
            Assert.That(probe.BarsPeriods[1].BarsPeriodType, Is.EqualTo(BarsPeriodType.Day));
            Assert.That(probe.BarsPeriods[1].Value, Is.EqualTo(1));
            Assert.That(host.RuleViolations, Is.Empty);
        }

        [Test]
        public void DefaultCustomSeries_Read256BarsBack_Throws_WhenEnforced()
        {
            var host = Host<LookBackProbe>(300);
            host.Rules.EnforceMaximumBarsLookBack = true;

            var error = Assert.Throws<ArgumentOutOfRangeException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("TwoHundredFiftySix").And.Contain("256"));
        }

        [Test]
        public void DefaultCustomSeries_Read255BarsBack_IsTheOldestKeptValue()
        {
            var host = Host<LookBackProbe>(300).WithInputs(p => p.BarsBack = 255);
            host.Rules.EnforceMaximumBarsLookBack = true;

            LookBackProbe probe = host.Run("A");

            // Last bar 299 has close 399; 255 bars back is bar 44, close 144.
            Assert.That(probe.CustomRead, Is.EqualTo(144));
            Assert.That(host.RuleViolations, Is.Empty);
        }

        [Test]
        public void DefaultCustomSeries_Read256BarsBack_IsRecorded_WhenNotEnforced()
        {
            var host = Host<LookBackProbe>(300);

            LookBackProbe probe = host.Run("A");

            Assert.That(probe.CustomRead, Is.EqualTo(143));
            Assert.That(host.RuleViolations.Single(), Does.Contain("256 or more bars back"));
        }

        [TestCase(true, false)]
        [TestCase(false, true)]
        public void InfiniteCustomSeries_ByPropertyOrConstructor_KeepsEveryValue(bool byProperty, bool byConstructor)
        {
            var host = Host<LookBackProbe>(300).WithInputs(p =>
            {
                p.BarsBack = 290;
                if (byProperty) p.MaximumBarsLookBack = MaximumBarsLookBack.Infinite;
                p.InfiniteByConstructor = byConstructor;
                p.CheckValidity = true;
            });
            host.Rules.EnforceMaximumBarsLookBack = true;

            LookBackProbe probe = host.Run("A");

            Assert.That(probe.CustomRead, Is.EqualTo(109));
            Assert.That(probe.PlotRead, Is.EqualTo(109), "plot series are always Infinite");
        }

        [Test]
        public void IsValidDataPoint_OnADefaultCustomSeries_Throws_WhenEnforced()
        {
            var host = Host<LookBackProbe>(10).WithInputs(p => { p.BarsBack = 2; p.CheckValidity = true; });
            host.Rules.EnforceMaximumBarsLookBack = true;

            var error = Assert.Throws<InvalidOperationException>(() => host.Run("A"));
            Assert.That(error.Message, Does.Contain("IsValidDataPoint").And.Contain("/isvaliddatapoint"));
        }

        [Test]
        public void AddDataSeriesFromAUserInput_IsRecorded_OrThrowsWhenEnforced()
        {
            var host = Host<InputAddDataSeriesProbe>(3);
            host.Run("A");
            Assert.That(host.RuleViolations.Single(), Does.Contain("user input Other ('B')").And.Contain("/adddataseries"));

            var strict = Host<InputAddDataSeriesProbe>(3);
            strict.Rules.EnforceHardcodedAddDataSeries = true;
            Assert.Throws<InvalidOperationException>(() => strict.Run("A"));
        }

        [Test]
        public void AddDataSeriesWithAHardcodedName_IsNotMistakenForUserInput()
        {
            var host = Host<NameOnlyAddDataSeriesProbe>(3);
            host.Rules.EnforceHardcodedAddDataSeries = true;

            Assert.DoesNotThrow(() => host.Run("A"));
        }
    }
}
