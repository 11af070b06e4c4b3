using System;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Impact;

namespace NinjaTraderPortfolio.NinjaScript.Tests.AddOns
{
    /// <summary>The Portfolio Manager's bar history (built from NinjaTrader Bars); the platform-free tab computations are tested in Core.Tests/Views.</summary>
    [TestFixture]
    public class BarHistoryTests
    {
        [Test]
        public void BarHistory_JoinsOnSharedDates_AndEstimatesLiquidityFromVolume()
        {
            var d = new DateTime(2024, 1, 2);
            var es = new BarHistory("ES", new[] { d, d.AddDays(1), d.AddDays(2), d.AddDays(3) }, new[] { 101.0, 103, 102, 104 }, new[] { 99.0, 100, 99, 101 },
                new[] { 100.0, 102, 100, 103 }, new[] { 1000.0, 1200, 800, 1000 });
            var nq = new BarHistory("NQ", new[] { d, d.AddDays(2), d.AddDays(3) }, new[] { 1.0, 1, 1 }, new[] { 1.0, 1, 1 }, new[] { 50.0, 51, 52 }, new[] { 0.0, 0, 0 });

            AssetFrame prices = BarHistory.JoinCloses(new[] { es, nq }, out _);

            Assert.That(prices.Dates, Is.EqualTo(new[] { d, d.AddDays(2), d.AddDays(3) }));
            Assert.That(prices.CopyColumn(0), Is.EqualTo(new[] { 100.0, 100, 103 }));
            InstrumentLiquidity liq = es.Liquidity(20);
            Assert.That(liq.AverageDailyVolume, Is.EqualTo(1000).Within(1e-12));
            Assert.That(liq.DailyVolatility, Is.EqualTo(LiquidityEstimator.Volatility(new[] { 100.0, 102, 100, 103 })));
            Assert.That(nq.Liquidity(20), Is.Null, "no volume: liquidity unknown");
        }
    }
}
