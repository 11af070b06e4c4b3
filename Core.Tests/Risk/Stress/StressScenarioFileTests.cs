using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Risk.Stress;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk.Stress
{
    public class StressScenarioFileTests
    {
        private const string Header = "Scenario,Kind,Target,Value\n";

        [Test]
        public void Parse_ReadsEveryKind()
        {
            var s = StressScenarioFile.Parse("# stress scenarios\n" + Header +
                "Crash,market,,-0.2\nCrash,sector,Energy,-0.35\nCrash,asset,DAX,-0.3  # DAX worst\n\n" +
                "Autumn98,history,1998-07-20:1998-10-05,\nWorst,worst,5,3\nPanic,volatility,,2\nPanic,correlation,,0.5\nVol,volatility,,1.5\n", "s.csv");
            Assert.That(s.Select(x => x.Name), Is.EqualTo(new[] { "Crash", "Autumn98", "Worst", "Panic", "Vol" }));
            var c = (ShockScenario)s[0];
            Assert.That(c.MarketShock, Is.EqualTo(-0.2));
            Assert.That(c.SectorShocks["Energy"], Is.EqualTo(-0.35));
            Assert.That(c.AssetShocks["DAX"], Is.EqualTo(-0.3));
            var h = (HistoricalScenario)s[1];
            Assert.That(h.Start, Is.EqualTo(new DateTime(1998, 7, 20)));
            Assert.That(h.End, Is.EqualTo(new DateTime(1998, 10, 5)));
            var w = (WorstWindowScenario)s[2];
            Assert.That((w.Periods, w.Count), Is.EqualTo((5, 3)));
            var p = (CovarianceStressScenario)s[3];
            Assert.That((p.VolatilityScale, p.CorrelationShift), Is.EqualTo((2.0, 0.5)));
            Assert.That(((CovarianceStressScenario)s[4]).CorrelationShift, Is.EqualTo(0.0));
        }

        [Test]
        public void Load_MissingFile_IsNamed()
        {
            var ex = Assert.Throws<InvalidInputException>(() => StressScenarioFile.Load("/nonexistent/stress.csv"));
            Assert.That(ex!.Message, Does.Contain("stress file").And.Contain("/nonexistent/stress.csv"));
        }

        [TestCase("Scenario,Kind,Value\nA,market,-0.1\n", "line 1", "header")]
        [TestCase(Header + "A,meteor,,-0.1\n", "line 2", "unknown kind 'meteor'")]
        [TestCase(Header + "A,market,,-0.1\nA,volatility,,2\n", "line 2", "mixes")]
        [TestCase(Header + "A,market,,abc\n", "line 2", "'abc'")]
        [TestCase(Header + "A,market,,-0.1\nA,market,,-0.2\n", "line 3", "twice")]
        [TestCase(Header + "A,asset,DAX,-1.5\n", "line 2", ">= -1")]
        [TestCase(Header + "A,asset,,-0.1\n", "line 2", "needs a target")]
        [TestCase(Header + "A,history,1998-07-20,\n", "line 2", "START:END")]
        [TestCase(Header + "A,history,1998-13-01:1998-14-01,\n", "line 2", "yyyy-MM-dd")]
        [TestCase(Header + "A,history,1998-07-20:1998-08-01,3\n", "line 2", "no value")]
        [TestCase(Header + "A,worst,0,1\n", "line 2", "window length")]
        [TestCase(Header + "A,worst,5,-2\n", "line 2", "window count")]
        [TestCase(Header + "A,volatility,,0\n", "line 2", "> 0")]
        [TestCase(Header + "A,correlation,,1.5\n", "line 2", "[0, 1]")]
        [TestCase(Header + "A,market,,-0.1,extra\n", "line 2", "4 fields")]
        [TestCase(Header, "s.csv", "no scenarios")]
        [TestCase("", "s.csv", "no header")]
        public void Parse_BadInput_NamesFileAndLine(string text, string where, string what)
        {
            var ex = Assert.Throws<InvalidInputException>(() => StressScenarioFile.Parse(text, "s.csv"));
            Assert.That(ex!.Message, Does.Contain("s.csv").And.Contain(where).And.Contain(what));
        }
    }
}
