using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Portfolio.Config
{
    /// <summary>The manager's configuration file: the shipped example loads; bad fields are named with their value.</summary>
    public sealed class PortfolioConfigReaderTests
    {
        private static string Sample => Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "portfolio-config.json");

        private const string Valid = "{\"portfolios\": [{\"name\": \"p\", \"account\": \"Sim101\", \"instruments\": [{\"symbol\": \"A\"}, {\"symbol\": \"B\"}], \"rebalance\": \"monthly\"}]}";

        [Test]
        public void ShippedExample_LoadsWithEveryField()
        {
            var c = PortfolioConfigReader.ReadFile(Sample);
            Assert.That(c.Portfolios.Select(p => p.Name), Is.EqualTo(new[] { "euro-index-futures", "balanced-fixed" }));
            var p0 = c.Portfolios[0];
            Assert.That(p0.Instruments[0].PointValue, Is.EqualTo(25m));
            Assert.That(p0.Instruments[1].Spread, Is.EqualTo(0.0003));
            Assert.That(p0.Optimization.Lookback, Is.EqualTo(120));
            Assert.That(p0.Limits.SectorMax["eurozone"], Is.EqualTo(0.6));
            Assert.That(p0.CommissionPerUnit, Is.EqualTo(2.5m));
            Assert.That(c.Portfolios[1].Optimization.Weights["DAX"], Is.EqualTo(0.6));
        }

        [Test]
        public void Defaults_ApplyToOmittedFields()
        {
            var p = PortfolioConfigReader.Parse(Valid).Portfolios[0];
            Assert.That(p.Instruments[0].PointValue, Is.EqualTo(1m));
            Assert.That(p.Instruments[0].LotSize, Is.EqualTo(1));
            Assert.That(p.Optimization.Method, Is.EqualTo("min-variance"));
            Assert.That(p.Limits.MaxWeight, Is.EqualTo(1.0));
        }

        [TestCase("\"pointValue\": 0", "portfolios[0].instruments[0].pointValue must be > 0, got 0")]
        [TestCase("\"pointValue\": -25", "portfolios[0].instruments[0].pointValue must be > 0, got -25")]
        [TestCase("\"lotSize\": 0", "portfolios[0].instruments[0].lotSize must be a whole number >= 1, got 0")]
        [TestCase("\"lotSize\": 1.5", "portfolios[0].instruments[0].lotSize must be a whole number, got 1.5")]
        [TestCase("\"pointValue\": \"50\"", "portfolios[0].instruments[0].pointValue must be a number, got \"50\"")]
        [TestCase("\"spread\": 2", "portfolios[0].instruments[0].spread must be a fraction of price in [0, 1), got 2")]
        [TestCase("\"averageDailyVolume\": -1", "portfolios[0].instruments[0].averageDailyVolume must be > 0, got -1")]
        [TestCase("\"tickSize\": 0.25", "portfolios[0].instruments[0].tickSize: unknown member \"tickSize\"")]
        public void BadInstrumentField_IsNamedWithItsValue(string field, string message)
        {
            string json = Valid.Replace("{\"symbol\": \"A\"}", "{\"symbol\": \"A\", " + field + "}");
            var ex = Assert.Throws<InvalidInputException>(() => PortfolioConfigReader.Parse(json, "cfg.json"));
            Assert.That(ex!.Message, Does.StartWith("cfg.json: ").And.Contain(message));
        }

        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"yearly\"", "portfolios[0].rebalance must be none|daily|weekly|monthly|quarterly|drift:X with X in (0, 1], got \"yearly\"")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"drift:1.5\"", "got \"drift:1.5\"")]
        [TestCase("\"account\": \"Sim101\"", "\"account\": \"\"", "portfolios[0].account must name the broker account, got \"\"")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"limits\": {\"maxWeight\": -0.2}", "portfolios[0].limits: min weight A 0 > max weight A -0.2")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"limits\": {\"maxWeight\": 0.3}", "portfolios[0].limits: max weight 0.3 x 2 assets = 0.6 < 1 (budget)")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"limits\": {\"minWeight\": 0.6, \"maxWeight\": 0.5}", "portfolios[0].limits: min weight B 0.6 > max weight B 0.5")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"limits\": {\"sectorMax\": {\"tech\": 0.5}}", "portfolios[0].limits.sectorMax.tech: no instrument has sector \"tech\"")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"optimization\": {\"method\": \"magic\"}", "portfolios[0].optimization.method must be one of fixed|min-variance|max-sharpe|risk-parity|kelly, got \"magic\"")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"optimization\": {\"lookback\": 1}", "portfolios[0].optimization.lookback must be a whole number >= 2, got 1")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"optimization\": {\"covariance\": \"robust\"}", "portfolios[0].optimization.covariance must be sample|ewma|ledoit-wolf|ledoit-wolf-cc, got \"robust\"")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"optimization\": {\"method\": \"fixed\", \"weights\": {\"A\": 0.5, \"Z\": 0.5}}", "portfolios[0].optimization.weights.Z: unknown instrument \"Z\"")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"optimization\": {\"method\": \"fixed\"}", "portfolios[0].optimization.weights: method fixed needs weights by symbol")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"cashBuffer\": 1", "portfolios[0].cashBuffer must be in [0, 1), got 1")]
        [TestCase("\"rebalance\": \"monthly\"", "\"rebalance\": \"monthly\", \"commissionPerUnit\": -2", "portfolios[0].commissionPerUnit must be >= 0, got -2")]
        [TestCase("{\"symbol\": \"B\"}", "{\"symbol\": \"A\"}", "portfolios[0].instruments[1].symbol must be unique in the portfolio, got \"A\" a second time")]
        [TestCase("\"name\": \"p\"", "\"name\": 7", "portfolios[0].name must be a string, got 7")]
        public void BadPortfolioField_IsNamedWithItsValue(string from, string to, string message)
        {
            var ex = Assert.Throws<InvalidInputException>(() => PortfolioConfigReader.Parse(Valid.Replace(from, to)));
            Assert.That(ex!.Message, Does.Contain(message));
        }

        [Test]
        public void DuplicatePortfolioNames_AndSeveralProblems_AreAllListed()
        {
            string one = "{\"name\": \"p\", \"account\": \"\", \"instruments\": [{\"symbol\": \"A\", \"pointValue\": 0}]}";
            var ex = Assert.Throws<InvalidInputException>(() => PortfolioConfigReader.Parse("{\"portfolios\": [" + one + ", " + one + "]}"));
            Assert.That(ex!.Message, Does.Contain("portfolios[1].name must be unique, got \"p\" a second time"));
            Assert.That(ex.Message, Does.Contain("portfolios[0].account").And.Contain("portfolios[1].instruments[0].pointValue"));
            Assert.That(ex.Message, Does.Contain("5 problem(s)"));
        }

        [Test]
        public void MissingPortfolios_AndEmptyList_AreRejected()
        {
            Assert.That(Assert.Throws<InvalidInputException>(() => PortfolioConfigReader.Parse("{}"))!.Message, Does.Contain("portfolios is required"));
            Assert.That(Assert.Throws<InvalidInputException>(() => PortfolioConfigReader.Parse("{\"portfolios\": []}"))!.Message, Does.Contain("at least one portfolio"));
            Assert.That(Assert.Throws<InvalidInputException>(() => PortfolioConfigReader.Parse("{\"portfolios\": {}}"))!.Message, Does.Contain("portfolios must be an array, got {...}"));
        }

        [Test]
        public void MissingFile_IsNamed()
        {
            var ex = Assert.Throws<InvalidInputException>(() => PortfolioConfigReader.ReadFile("/nonexistent/cfg.json"));
            Assert.That(ex!.Message, Does.Contain("/nonexistent/cfg.json"));
        }
    }
}
