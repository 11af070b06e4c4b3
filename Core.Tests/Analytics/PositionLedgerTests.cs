using System;
using NinjaTraderPortfolio.Core.Analytics.Accounting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Analytics
{
    public class PositionLedgerTests
    {
        [Test]
        public void ApplyFill_AveragesEntriesAndRealisesOnReduction()
        {
            // ES, point value 50. Buy 2 @ 4000, buy 1 @ 4030: average (8000 + 4030)/3 = 4010.
            // Sell 2 @ 4050: realised 2 x (4050 - 4010) x 50 = 4000. Mark 4000: unrealised 1 x (4000 - 4010) x 50 = -500.
            var p = new PositionLedger("ES 12-25", 50m);
            p.ApplyFill(2, 4000m, 4.2m);
            p.ApplyFill(1, 4030m, 2.1m);
            Assert.That(p.AveragePrice, Is.EqualTo(4010m));
            p.ApplyFill(-2, 4050m, 4.2m);
            Assert.Multiple(() =>
            {
                Assert.That(p.Quantity, Is.EqualTo(1));
                Assert.That(p.RealizedPnL, Is.EqualTo(4000m));
                Assert.That(p.AveragePrice, Is.EqualTo(4010m));
                Assert.That(p.UnrealizedPnL(4000m), Is.EqualTo(-500m));
                Assert.That(p.Commissions, Is.EqualTo(10.5m));
                Assert.That(p.NetPnL(4000m), Is.EqualTo(4000m - 500m - 10.5m));
            });
        }

        [Test]
        public void ApplyFill_CrossingZero_OpensRemainderAtFillPrice()
        {
            // Long 3 @ 100, sell 5 @ 90: realise 3 x (-10) = -30, then short 2 @ 90. Cover 2 @ 80: +20.
            var p = new PositionLedger("AAPL", 1m);
            p.ApplyFill(3, 100m);
            p.ApplyFill(-5, 90m);
            Assert.That(p.Quantity, Is.EqualTo(-2));
            Assert.That(p.AveragePrice, Is.EqualTo(90m));
            Assert.That(p.RealizedPnL, Is.EqualTo(-30m));
            Assert.That(p.UnrealizedPnL(80m), Is.EqualTo(20m));
            p.ApplyFill(2, 80m);
            Assert.That(p.Quantity, Is.EqualTo(0));
            Assert.That(p.AveragePrice, Is.EqualTo(0m));
            Assert.That(p.RealizedPnL, Is.EqualTo(-10m));
        }

        [Test]
        public void ApplyFill_OnSeededRandomRoundTrips_TotalPnLEqualsCashFlows()
        {
            // Whatever the path, once flat: realised P&L = sum(-qty x price x pv) over fills (cash-flow identity).
            var rng = new Random(3);
            for (int k = 0; k < 300; k++)
            {
                var p = new PositionLedger("X", 5m);
                decimal cash = 0m;
                for (int i = 0; i < 30; i++)
                {
                    long q = rng.Next(-5, 6);
                    if (q == 0) continue;
                    decimal px = 100m + rng.Next(-200, 200) / 8m;
                    p.ApplyFill(q, px);
                    cash -= q * px * 5m;
                }
                decimal close = 101.25m;
                if (p.Quantity != 0) { cash -= -p.Quantity * close * 5m; p.ApplyFill(-p.Quantity, close); }
                Assert.That(p.RealizedPnL, Is.EqualTo(cash));
            }
        }

        [Test]
        public void ApplyFill_WithZeroQuantityOrBadPrice_Throws()
        {
            var p = new PositionLedger("X", 1m);
            Assert.Throws<ArgumentOutOfRangeException>(() => p.ApplyFill(0, 10m));
            Assert.Throws<ArgumentOutOfRangeException>(() => p.ApplyFill(1, -10m));
            Assert.Throws<ArgumentOutOfRangeException>(() => new PositionLedger("X", 0m));
        }
    }
}
