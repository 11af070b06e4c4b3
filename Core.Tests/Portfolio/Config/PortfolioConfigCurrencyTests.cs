using NinjaTraderPortfolio.Core.Portfolio.Config;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Portfolio.Config
{
    public sealed class PortfolioConfigCurrencyTests
    {
        private const string Template = @"{ ""portfolios"": [ { ""name"": ""p"", ""account"": ""Sim101"", ""accountCurrency"": ""USD"", ""fxRates"": RATES,
            ""instruments"": [ { ""symbol"": ""DAX"", ""pointValue"": 25, ""currency"": ""EUR"" }, { ""symbol"": ""ES"", ""pointValue"": 50 } ],
            ""optimization"": { ""method"": ""fixed"", ""weights"": { ""DAX"": 0.5, ""ES"": 0.5 } } } ] }";

        [Test]
        public void PointValueInAccount_IsPointValueTimesTheRate_AccountCurrencyIsOne()
        {
            var pc = PortfolioConfigReader.Parse(Template.Replace("RATES", @"{ ""EUR"": 1.08 }")).Portfolios[0];
            Assert.That(pc.PointValueInAccount(pc.Instruments[0]), Is.EqualTo(27m)); // 25 EUR x 1.08
            Assert.That(pc.PointValueInAccount(pc.Instruments[1]), Is.EqualTo(50m));
        }

        [Test]
        public void CurrencyWithoutRate_IsRejectedNamingTheField()
        {
            Assert.That(() => PortfolioConfigReader.Parse(Template.Replace("RATES", @"{ ""GBP"": 1.27 }")),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("instruments[0].currency \"EUR\" has no rate"));
        }

        [Test]
        public void NonPositiveRate_IsRejectedNamingTheCurrency()
        {
            Assert.That(() => PortfolioConfigReader.Parse(Template.Replace("RATES", @"{ ""EUR"": 0 }")),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("fxRates.EUR must be > 0"));
        }
    }
}
