using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Tests.Rebalancing
{
    /// <summary>The strategy's decision loop driven directly (no NinjaScript), with a gateway that accepts and never fills.</summary>
    [TestFixture]
    public class PortfolioRebalancerTests
    {
        private sealed class AcceptingGateway : IOrderGateway
        {
            internal List<ChildOrderRequest> Submitted { get; } = new List<ChildOrderRequest>();
            internal List<string> Cancelled { get; } = new List<string>();
            public event EventHandler<OrderUpdate>? OrderUpdated;
            public void Submit(ChildOrderRequest order)
            {
                Submitted.Add(order);
                OrderUpdated?.Invoke(this, new OrderUpdate(order.ClientOrderId, OrderUpdateKind.Accepted, 0, double.NaN, DateTime.MinValue));
            }
            public void Cancel(string clientOrderId)
            {
                Cancelled.Add(clientOrderId);
                OrderUpdated?.Invoke(this, new OrderUpdate(clientOrderId, OrderUpdateKind.Cancelled, 0, double.NaN, DateTime.MinValue));
            }
            public void Change(string clientOrderId, int newQuantity) { }
        }

        private static readonly DateTime Day0 = new DateTime(2024, 3, 4);
        private static readonly double[][] Closes =
        {
            new[] { 100.0, 50 }, new[] { 101.0, 49.5 }, new[] { 100.5, 50.5 }, new[] { 102.0, 50.2 }, new[] { 130.0, 40.0 }, new[] { 131.0, 40.5 },
        };

        private static (PortfolioRebalancer Loop, AcceptingGateway Gateway, List<string> Log) Create(CalendarFrequency calendar)
        {
            var gateway = new AcceptingGateway();
            var log = new List<string>();
            var loop = new PortfolioRebalancer(new PortfolioRebalancerOptions
            {
                Instruments = new[] { "A", "B" },
                PointValues = new[] { 1.0, 1.0 },
                Targets = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 1.0, 1.0, 0),
                Lookback = 3,
                Calendar = calendar,
                DriftBand = 0.01,
                ExecutionSlices = 3,
                BarLength = TimeSpan.FromDays(1),
            }, gateway, new SettableClock(), null, log.Add);
            return (loop, gateway, log);
        }

        [Test]
        public void FirstRebalance_WaitsForTheLookback_AndSlicesEachOrderOverThreeBars()
        {
            var (loop, gateway, _) = Create(CalendarFrequency.None);

            for (int bar = 0; bar < 3; bar++)
                Assert.That(loop.OnBar(Day0.AddDays(bar), Closes[bar], new[] { 0, 0 }, 100000m, true), Is.EqualTo(RebalanceReason.None));
            Assert.That(gateway.Submitted, Is.Empty);
            Assert.That(loop.TargetWeights, Is.Null);

            loop.OnBar(Day0.AddDays(3), Closes[3], new[] { 0, 0 }, 100000m, true);

            Assert.That(loop.TargetWeights!.Sum(), Is.EqualTo(1).Within(1e-9));
            Assert.That(loop.Working, Has.Count.EqualTo(2));
            foreach (PlannedTrade trade in loop.LastPlan!.Trades)
            {
                long first = TwapSchedule.Build(trade.OrderQuantity, 3, 3).Slices[0].Quantity;
                Assert.That(gateway.Submitted.Single(c => c.Instrument == trade.Instrument.Symbol).Quantity, Is.EqualTo(first));
            }
        }

        [Test]
        public void DriftWhileASlicedRebalanceIsWorking_IsIgnored()
        {
            var (loop, gateway, log) = Create(CalendarFrequency.None);
            for (int bar = 0; bar < 4; bar++)
                loop.OnBar(Day0.AddDays(bar), Closes[bar], new[] { 0, 0 }, 100000m, true);
            var parents = loop.Working.ToList();

            RebalanceReason reasons = loop.OnBar(Day0.AddDays(4), Closes[4], new[] { 0, 0 }, 100000m, true);

            Assert.That(reasons, Is.EqualTo(RebalanceReason.None));
            Assert.That(log.Last(), Does.Contain("ignored").And.Contain("2 parent(s) still working"));
            Assert.That(loop.Working, Is.EqualTo(parents), "the same parents keep working");
            Assert.That(gateway.Cancelled, Has.Count.EqualTo(2), "the unfilled first slices expired and were cancelled");
        }

        [Test]
        public void HistoricalMode_SendsEachOrderWhole()
        {
            var (loop, gateway, _) = Create(CalendarFrequency.None);
            for (int bar = 0; bar < 4; bar++)
                loop.OnBar(Day0.AddDays(bar), Closes[bar], new[] { 0, 0 }, 100000m, false);

            Assert.That(gateway.Submitted.Select(c => (long)c.Quantity), Is.EqualTo(loop.LastPlan!.Trades.Select(t => Math.Abs(t.OrderQuantity))));
        }

        [Test]
        public void StreamingWindow_GivesTheTargetsOfTheBatchWindow_AtEveryMonthlyReoptimization()
        {
            // The loop keeps one streaming window (RebalancingLoop's ring of returns, never rebuilt from the closes); its targets
            // must equal the calculator on the batch window of the same Lookback returns (SampleMoments), bit for bit.
            var prices = CsvFrameLoader.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv"));
            const int lookback = 60;
            var calculator = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 0.6, 1, 0);
            var loop = new PortfolioRebalancer(new PortfolioRebalancerOptions
            {
                Instruments = prices.Assets.ToArray(),
                PointValues = prices.Assets.Select(_ => 1.0).ToArray(),
                Targets = calculator,
                Lookback = lookback,
                Calendar = CalendarFrequency.Monthly,
            }, new AcceptingGateway(), new SettableClock(), null, null);
            int checkedBars = 0;
            double[]? previous = null;
            for (int bar = 0; bar < 400; bar++)
            {
                var closes = Enumerable.Range(0, prices.Assets.Count).Select(a => prices[bar, a]).ToArray();
                loop.OnBar(prices.Dates[bar], closes, new int[closes.Length], 10_000_000m, false);
                if (loop.TargetWeights == null) continue;
                var now = loop.TargetWeights.ToArray();
                if (previous != null && now.SequenceEqual(previous)) continue;
                var batch = calculator.Compute(ReturnCalculator.Simple(prices.Slice(bar - lookback, lookback + 1))).CopyWeights();
                Assert.That(now, Is.EqualTo(batch), "bar " + bar);
                previous = now;
                checkedBars++;
            }
            Assert.That(checkedBars, Is.GreaterThanOrEqualTo(10), "the first targets and at least one re-optimization per month");
        }

        [Test]
        public void SliceHorizon_ChildrenGoOnTheClock_BoundedByTheSessionEnd()
        {
            var gateway = new AcceptingGateway();
            var loop = new PortfolioRebalancer(new PortfolioRebalancerOptions
            {
                Instruments = new[] { "A", "B" },
                PointValues = new[] { 1.0, 1.0 },
                Targets = new TargetWeightCalculator(PortfolioMethod.MinimumVariance, 1.0, 1.0, 0),
                Lookback = 3,
                Calendar = CalendarFrequency.None,
                ExecutionSlices = 3,
                BarLength = TimeSpan.FromDays(1),
                SliceHorizon = TimeSpan.FromMinutes(30),
            }, gateway, new SettableClock(), null, null);
            for (int bar = 0; bar < 3; bar++)
                loop.OnBar(Day0.AddDays(bar), Closes[bar], new[] { 0, 0 }, 100000m, true);
            DateTime t = Day0.AddDays(3).AddHours(15).AddMinutes(48);
            // The session ends 12 minutes later: the 30-minute horizon shrinks to 720 s, 3 children at 0, 240 and 480 s.
            loop.OnBar(t, Closes[3], new[] { 0, 0 }, 100000m, true, t.AddMinutes(12));
            Assert.That(gateway.Submitted, Has.Count.EqualTo(2), "first child of each parent at once");
            loop.OnClock(t.AddMinutes(3).AddSeconds(59));
            Assert.That(gateway.Submitted, Has.Count.EqualTo(2), "nothing before 240 s");
            loop.OnClock(t.AddMinutes(4));
            Assert.That(gateway.Submitted, Has.Count.EqualTo(4), "second children at 240 s");
            loop.OnClock(t.AddMinutes(8));
            Assert.That(gateway.Submitted, Has.Count.EqualTo(6), "third children at 480 s");
            // This gateway never fills: each expired child is cancelled and its quantity rolls into the next one.
            foreach (PlannedTrade trade in loop.LastPlan!.Trades)
            {
                var q = TwapSchedule.Build(Math.Abs(trade.OrderQuantity), 720, 3).Slices.Select(x => x.Quantity).ToArray();
                Assert.That(gateway.Submitted.Where(c => c.Instrument == trade.Instrument.Symbol).Select(c => (long)c.Quantity),
                    Is.EqualTo(new[] { q[0], q[0] + q[1], q[0] + q[1] + q[2] }));
            }
        }
    }
}
