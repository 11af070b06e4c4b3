using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Routing;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    public class SmartOrderRouterTests
    {
        private static readonly InstrumentLiquidity Liquid = new InstrumentLiquidity(0.01, 1_000_000, 0.0002, double.NaN, 5_000);

        private static RoutingRequest Req(long q, double lambda = 0, InstrumentLiquidity? liq = null, double price = 50, double pv = 1)
            => new RoutingRequest(q, price, pv, liq ?? Liquid, 1.0, 10, lambda);

        [Test]
        public void SmallOrderInsideDepth_GoesToMarket_PricedBySquareRootLaw()
        {
            var d = new SmartOrderRouter().Route(Req(1_000));
            Assert.That(d.Algorithm, Is.EqualTo(ExecutionAlgorithm.Market));
            Assert.That(d.Reason, Does.Contain("0.1% of ADV").And.Contain("visible depth"));
            // (0.0002/2 + 0.01 sqrt(0.001)) x 1000 x 50
            Assert.That(d.ExpectedCost, Is.EqualTo((0.0001 + 0.01 * System.Math.Sqrt(0.001)) * 1000 * 50).Within(1e-9));
            Assert.That(d.Schedule.Slices.Single().Quantity, Is.EqualTo(1_000));
        }

        [Test]
        public void SmallOrderBeyondDepth_IsSliced()
        {
            var d = new SmartOrderRouter().Route(Req(4_000, liq: new InstrumentLiquidity(0.01, 1_000_000, 0.0002, double.NaN, 1_000)));
            Assert.That(d.Algorithm, Is.EqualTo(ExecutionAlgorithm.Twap));
            Assert.That(d.Reason, Does.Contain("visible depth"));
        }

        [Test]
        public void MediumOrder_Twap_LargeOrder_Vwap_UrgentOrder_Is()
        {
            var router = new SmartOrderRouter();
            var medium = router.Route(Req(20_000));
            Assert.That(medium.Algorithm, Is.EqualTo(ExecutionAlgorithm.Twap));
            var large = router.Route(Req(100_000));
            Assert.That(large.Algorithm, Is.EqualTo(ExecutionAlgorithm.Vwap));
            Assert.That(large.Reason, Does.Contain("10% of ADV"));
            var urgent = router.Route(Req(100_000, lambda: 1e-3));
            Assert.That(urgent.Algorithm, Is.EqualTo(ExecutionAlgorithm.ImplementationShortfall));
            Assert.That(urgent.KappaT, Is.GreaterThanOrEqualTo(1));
            Assert.That(urgent.Schedule.Slices[0].Quantity, Is.GreaterThan(urgent.Schedule.Slices.Last().Quantity), "front-loaded");
            foreach (var d in new[] { medium, large, urgent })
            {
                Assert.That(d.Schedule.Slices.Sum(s => s.Quantity), Is.EqualTo(d.Schedule.ParentQuantity));
                Assert.That(d.ExpectedCost, Is.EqualTo(d.Schedule.ExpectedCost).Within(1e-9));
            }
        }

        [Test]
        public void Vwap_FollowsTheGivenVolumeProfile()
        {
            var profile = new VolumeProfile(new[] { 3.0, 1.0, 1.0, 3.0 });
            var d = new SmartOrderRouter().Route(new RoutingRequest(100_000, 50, 1, Liquid, 1.0, 10, 0, profile));
            Assert.That(d.Algorithm, Is.EqualTo(ExecutionAlgorithm.Vwap));
            Assert.That(d.Schedule.Slices.Select(s => s.Quantity), Is.EqualTo(new long[] { 37_500, 12_500, 12_500, 37_500 }));
        }

        [Test]
        public void WideSpread_AvoidsMarketOrders_AndThresholdsAreConfigurable()
        {
            var wide = new InstrumentLiquidity(0.01, 1_000_000, 0.01);
            Assert.That(new SmartOrderRouter().Route(Req(100, liq: wide)).Algorithm, Is.EqualTo(ExecutionAlgorithm.Twap));
            var loose = new SmartOrderRouter(new RouterThresholds { MarketMaxSpread = 0.02 });
            Assert.That(loose.Route(Req(100, liq: wide)).Algorithm, Is.EqualTo(ExecutionAlgorithm.Market));
        }

        [Test]
        public void FuturesPointValue_GivesTheSameDecisionAsTheEquivalentShare()
        {
            // One contract of price 5000 and point value 50 is economically one unit of price 250,000.
            var liq = new InstrumentLiquidity(0.012, 2_000, 0.0001);
            var fut = new SmartOrderRouter().Route(Req(100, 1e-5, liq, 5000, 50));
            var share = new SmartOrderRouter().Route(Req(100, 1e-5, liq, 250_000, 1));
            Assert.That(fut.Algorithm, Is.EqualTo(share.Algorithm));
            Assert.That(fut.KappaT, Is.EqualTo(share.KappaT).Within(1e-9));
            Assert.That(fut.ExpectedCost, Is.EqualTo(share.ExpectedCost).Within(1e-6).Percent);
            Assert.That(fut.CostStdDev, Is.EqualTo(share.CostStdDev).Within(1e-6).Percent);
        }
    }
}
