using System.IO;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Tests.Execution;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Backtesting
{
    public sealed class ScaledWeightSourceTests
    {
        private static AssetFrame Eu() => PriceFileLoader.Load(new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv") }).Frame;

        [Test]
        public void WindowOfEveryReturn_AtTheLastBar_ScalesLikeNumpy()
        {
            var refs = ReferenceData.KeyValues("risk_scaling_eustockmarkets.csv");
            var prices = Eu();
            var source = new ScaledWeightSource(new FixedWeightSource(new[] { 0.6, -0.3, 0.5, 0.2 }), prices.Rows - 1, 252, 0.10, 1.5);
            double[] w = source.TargetsAt(prices, prices.Rows - 1);
            Assert.That(w[0], Is.EqualTo(0.6 * refs["a_scale"]).Within(1e-10).Percent);
            Assert.That(w[1], Is.EqualTo(-0.3 * refs["a_scale"]).Within(1e-10).Percent);
            Assert.That(source.FirstBar, Is.EqualTo(prices.Rows - 1));
            Assert.That(source.IsFixed, Is.False);
        }

        [Test]
        public void EarlierBars_UseOnlyTheirOwnWindow_NoLookAhead()
        {
            var prices = Eu();
            var source = new ScaledWeightSource(new FixedWeightSource(new[] { 0.25, 0.25, 0.25, 0.25 }), 60, 252, 0.10, null);
            double[] full = source.TargetsAt(prices, 500);
            double[] cut = source.TargetsAt(prices.Slice(0, 501), 500);
            Assert.That(cut, Is.EqualTo(full));
            Assert.That(() => source.TargetsAt(prices, 59), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("60 returns"));
        }
    }
}
