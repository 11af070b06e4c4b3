using System;
using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Tca;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    public class TransactionCostAnalysisTests
    {
        // Worked by hand: buy 1000 decided at 50.00, released at 50.10, fills 400 @ 50.20 and 300 @ 50.30, 300 unfilled,
        // close 50.60, fees 7. Delay 0.10 x 700 = 70; trading 400 x 0.10 + 300 x 0.20 = 100; opportunity 0.60 x 300 = 180;
        // total 357 = 71.4 bp of the 50,000 paper portfolio.
        private static readonly Fill[] Fills = { new Fill(400, 50.20m), new Fill(300, 50.30m) };

        [Test]
        public void Perold_Decomposition_MatchesHandWorkedExample()
        {
            var s = TransactionCostAnalysis.ImplementationShortfall(OrderSide.Buy, 1000, 50.00m, 50.10m, 50.60m, Fills, 7m);
            Assert.That(s.Delay, Is.EqualTo(70m));
            Assert.That(s.Trading, Is.EqualTo(100m));
            Assert.That(s.Opportunity, Is.EqualTo(180m));
            Assert.That(s.Fees, Is.EqualTo(7m));
            Assert.That(s.Total, Is.EqualTo(357m));
            Assert.That(s.TotalBps, Is.EqualTo(71.4).Within(1e-9));
        }

        [Test]
        public void Perold_Total_EqualsPaperMinusRealPortfolio_ForSells()
        {
            // Sell 10 ES (point value 50) decided at 5000, arrival 4999, fills 6 @ 4998.25, 2 @ 4997.5, close 4990, fees 20.
            var fills = new[] { new Fill(6, 4998.25m), new Fill(2, 4997.5m) };
            var s = TransactionCostAnalysis.ImplementationShortfall(OrderSide.Sell, 10, 5000m, 4999m, 4990m, fills, 20m, 50m);
            // paper: sell 10 at 5000; real: received 6*4998.25 + 2*4997.5, 2 unsold marked at 4990.
            decimal paper = 10 * 5000m * 50m;
            decimal real = (6 * 4998.25m + 2 * 4997.5m + 2 * 4990m) * 50m - 20m;
            Assert.That(s.Total, Is.EqualTo(paper - real));
            Assert.That(s.Delay, Is.EqualTo(1m * 8 * 50));
        }

        [Test]
        public void Slippage_IsPositiveForCosts()
        {
            // average 50.242857..., arrival 50.10
            double arrival = TransactionCostAnalysis.ArrivalSlippageBps(OrderSide.Buy, 50.10m, Fills);
            Assert.That(arrival, Is.EqualTo((50.2428571428571428571428571 - 50.10) / 50.10 * 1e4).Within(1e-9));
            double sell = TransactionCostAnalysis.ArrivalSlippageBps(OrderSide.Sell, 50.10m, Fills);
            Assert.That(sell, Is.EqualTo(-arrival).Within(1e-12));
            decimal vwap = TransactionCostAnalysis.MarketVwap(new[] { 50.0m, 50.4m }, new[] { 100m, 300m });
            Assert.That(vwap, Is.EqualTo(50.3m));
            Assert.That(TransactionCostAnalysis.IntervalVwapSlippageBps(OrderSide.Buy, vwap, Fills), Is.LessThan(0), "bought below the interval VWAP");
        }

        [Test]
        public void ZScore_AgainstPreTradeEstimate()
        {
            Assert.That(TransactionCostAnalysis.CostZScore(1_500_000, 911_227, 603_431), Is.EqualTo((1_500_000 - 911_227) / 603_431.0).Within(1e-15));
            Assert.Throws<ArgumentOutOfRangeException>(() => TransactionCostAnalysis.CostZScore(1, 1, 0));
        }

        [Test]
        public void FillsOf_ExecutedChildren_FeedTheShortfall()
        {
            var t = new System.DateTime(2024, 1, 2, 15, 0, 0, System.DateTimeKind.Utc);
            var children = new[]
            {
                new ChildOrderRecord("P-0-0", "P", 0, 0, 500, 400, 50.20, ChildOrderState.Cancelled, CancelReason.Expired, t, null),
                new ChildOrderRecord("P-0-1", "P", 0, 1, 100, 0, double.NaN, ChildOrderState.Rejected, CancelReason.None, t, "margin"),
                new ChildOrderRecord("P-1-0", "P", 1, 0, 300, 300, 50.30, ChildOrderState.Filled, CancelReason.None, t, null),
            };
            var fills = TransactionCostAnalysis.FillsOf(children);
            Assert.That(fills.Select(f => (f.Quantity, f.Price)), Is.EqualTo(new[] { (400L, 50.20m), (300L, 50.30m) }));
            var s = TransactionCostAnalysis.ImplementationShortfall(OrderSide.Buy, 1000, 50.00m, 50.10m, 50.60m, fills, 7m);
            Assert.That(s.Total, Is.EqualTo(357m));
        }

        [Test]
        public void OverFilledOrder_IsRejected()
        {
            Assert.Throws<InvalidInputException>(() => TransactionCostAnalysis.ImplementationShortfall(OrderSide.Buy, 500, 50m, 50m, 50m, Fills, 0m));
        }
    }
}
