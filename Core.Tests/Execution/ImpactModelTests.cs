using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Impact;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    public class ImpactModelTests
    {
        [Test]
        public void Almgren2005_Table3_PermanentTemporaryAndRealizedCosts()
        {
            var model = new AlmgrenImpactModel();
            foreach (var row in ReferenceData.Table("almgren_2005_table3.csv"))
            {
                double adv = ReferenceData.D(row[1]), outstanding = ReferenceData.D(row[2]), vol = ReferenceData.D(row[3]) / 100;
                double shares = ReferenceData.D(row[4]), days = ReferenceData.D(row[8]);
                var liq = new InstrumentLiquidity(vol, adv, 0, outstanding);
                string what = row[0] + " T=" + row[8];
                Assert.That(outstanding / adv, Is.EqualTo(ReferenceData.D(row[5])).Within(0.0005), what);
                double perm = model.Permanent(shares, liq);
                Assert.That(perm / vol, Is.EqualTo(ReferenceData.D(row[6])).Within(0.0005), what);
                // published to 2 (IBM) or 3 (DRI) decimals of a basis point
                Assert.That(perm * 1e4, Is.EqualTo(ReferenceData.D(row[7])).Within(0.005), what);
                double temp = model.Temporary(shares, days, liq);
                Assert.That(temp / vol, Is.EqualTo(ReferenceData.D(row[9])).Within(0.0005), what);
                Assert.That(temp * 1e4, Is.EqualTo(ReferenceData.D(row[10])).Within(0.5), what);
                Assert.That(model.Realized(shares, days, liq) * 1e4, Is.EqualTo(ReferenceData.D(row[11])).Within(0.5), what);
            }
        }

        [Test]
        public void SquareRootLaw_HalfSpreadPlusVolTimesRootParticipation()
        {
            var liq = new InstrumentLiquidity(0.02, 1_000_000, 0.001);
            var m = new SquareRootImpactModel(1.0);
            // 0.001/2 + 1 * 0.02 * sqrt(40000/1e6) = 0.0005 + 0.004
            Assert.That(m.CostFraction(40_000, liq), Is.EqualTo(0.0045).Within(1e-15));
            Assert.That(m.CostFraction(-40_000, liq), Is.EqualTo(0.0045).Within(1e-15));
            Assert.That(m.Cost(40_000, 50, 1, liq), Is.EqualTo(0.0045 * 40_000 * 50).Within(1e-6));
        }

        [Test]
        public void Almgren2005_WithoutSharesOutstanding_SaysWhatIsMissing()
        {
            var ex = Assert.Throws<InvalidInputException>(() => new AlmgrenImpactModel().Permanent(1000, new InstrumentLiquidity(0.02, 1e6, 0.001)));
            Assert.That(ex!.Message, Does.Contain("shares outstanding"));
        }

        [Test]
        public void LiquidityEstimator_MatchesNumpyOnSeededBars()
        {
            var bars = ReferenceData.Table("liquidity_bars.csv");
            var expected = ReferenceData.KeyValues("liquidity_expected.csv");
            var high = bars.Select(b => ReferenceData.D(b[0])).ToArray();
            var low = bars.Select(b => ReferenceData.D(b[1])).ToArray();
            var close = bars.Select(b => ReferenceData.D(b[2])).ToArray();
            var volume = bars.Select(b => ReferenceData.D(b[3])).ToArray();
            Assert.That(LiquidityEstimator.Volatility(close), Is.EqualTo(expected["volatility"]).Within(1e-12));
            Assert.That(LiquidityEstimator.CorwinSchultzSpread(high, low), Is.EqualTo(expected["corwin_schultz_spread"]).Within(1e-12));
            Assert.That(LiquidityEstimator.AverageVolume(volume, 20), Is.EqualTo(expected["adv20"]).Within(1e-9));
        }

        [Test]
        public void LiquidityEstimator_BadPrice_NamesTheBar()
        {
            var ex = Assert.Throws<InvalidInputException>(() => LiquidityEstimator.Volatility(new[] { 100.0, 101, -1, 102 }));
            Assert.That(ex!.Message, Does.Contain("bar 3"));
        }
    }
}
