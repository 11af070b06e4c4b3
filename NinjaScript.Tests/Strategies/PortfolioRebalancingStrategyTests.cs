using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTrader.NinjaScript.Strategies;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Strategies
{
    /// <summary>
    /// The strategy on the bundled DAX/SMI/CAC/FTSE closes (point values 25/10/10/10), with market orders filled by the host
    /// at the next bar's open. Every order it submits is compared with Core computed directly on the same data: the
    /// optimizer on the sample's return rows, the planner on the positions and cash implied by the earlier fills.
    /// </summary>
    [TestFixture]
    public class PortfolioRebalancingStrategyTests
    {
        private static readonly string[] Assets = { "DAX", "SMI", "CAC", "FTSE" };
        private static readonly double[] PointValues = { 25, 10, 10, 10 };
        private const double Capital = 10000000;
        private const int Lookback = 250;

        private sealed class Submission
        {
            internal DateTime Time;
            internal int Row;
            internal Order Order;
            internal string Instrument;
            internal OrderAction Action;
            internal int Quantity;
        }

        private sealed class RunResult
        {
            internal PortfolioRebalancingStrategy Strategy;
            internal List<Submission> Submissions;
            internal DateTime[] Dates;
        }

        private static RunResult Run(Action<PortfolioRebalancingStrategy> inputs, DateTime? realtimeFrom = null,
            Func<string, List<NinjaTrader.Data.BarRecord>, List<NinjaTrader.Data.BarRecord>> editBars = null)
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            if (editBars != null)
                foreach (string a in Assets) bars[a] = editBars(a, bars[a]);
            DateTime[] dates = bars["DAX"].Select(b => b.Time).ToArray();
            var submissions = new List<Submission>();
            int seen = 0;
            var host = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily)
            {
                FillMarketOrdersAtNextOpen = true,
                RealtimeFrom = realtimeFrom,
            };
            // Help Guide "BarsPeriod": not before State.DataLoaded (the slots use AddDataSeries(instrumentName)); a
            // regression throws here.
            host.Rules.EnforceDataLoadedOnlyMembers = true;
            host.AfterBarUpdate = (s, series) =>
            {
                var orders = s.SubmittedOrders;
                for (; seen < orders.Count; seen++)
                {
                    Order o = orders[seen];
                    submissions.Add(new Submission
                    {
                        Time = o.Time, Row = Array.IndexOf(dates, o.Time), Order = o, Instrument = o.Instrument.FullName,
                        Action = o.OrderAction, Quantity = o.Quantity,
                    });
                }
            };
            for (int a = 0; a < Assets.Length; a++)
                host.WithBars(Assets[a], bars[Assets[a]], PointValues[a]);
            host.WithInputs(s =>
            {
                s.Instrument2 = "SMI";
                s.Instrument3 = "CAC";
                s.Instrument4 = "FTSE";
                s.Capital = Capital;
                s.Lookback = Lookback;
                s.MaxWeight = 0.6;
                s.CashBuffer = 0.02;
                s.DriftBand = 0;
                s.Calendar = CalendarFrequency.Monthly;
                s.Method = PortfolioMethod.MinimumVariance;
                s.ExecutionSlices = 3;
                s.StorePath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ntlive-tests", Guid.NewGuid().ToString("N") + ".sqlite");
                inputs?.Invoke(s);
            });
            var strategy = host.Run("DAX");
            return new RunResult { Strategy = strategy, Submissions = submissions, Dates = dates };
        }

        private static AssetFrame Prices() => CsvFrameLoader.Load(SampleBars.SamplePath("eustockmarkets-prices.csv")).Select(Assets);

        /// <summary>Core's targets for the rebalance on price row <paramref name="row"/>: the optimizer on return rows row-250 .. row-1.</summary>
        private static double[] CoreTargets(AssetFrame returns, int row, Func<PortfolioProblem, OptimizationResult> optimize)
        {
            AssetFrame window = returns.Slice(row - Lookback, Lookback);
            var problem = new PortfolioProblem(window.Assets, SampleMoments.Mean(window), SampleMoments.Covariance(window), 0,
                PortfolioConstraints.LongOnly.WithWeightRange(0, 0.6));
            OptimizationResult result = optimize(problem);
            Assert.That(result.Status, Is.EqualTo(OptimizationStatus.Optimal));
            return result.CopyWeights();
        }

        /// <summary>Core's plan on price row <paramref name="row"/> given the fills of the orders submitted before it.</summary>
        private static RebalancePlan CorePlan(AssetFrame prices, int row, double[] targets, IEnumerable<Submission> earlier)
            => CorePlan(prices, row, targets, earlier, new InstrumentLimits(defaultMaxWeight: 0.6));

        private static RebalancePlan CorePlan(AssetFrame prices, int row, double[] targets, IEnumerable<Submission> earlier, IAllocationLimits limits)
        {
            var held = new long[Assets.Length];
            double cash = 0;
            foreach (Submission s in earlier)
            {
                int a = Array.IndexOf(Assets, s.Instrument);
                int signed = s.Action == OrderAction.Buy || s.Action == OrderAction.BuyToCover ? s.Order.Filled : -s.Order.Filled;
                held[a] += signed;
                cash -= signed * s.Order.AverageFillPrice * PointValues[a];
            }
            double equity = Capital + cash;
            for (int a = 0; a < Assets.Length; a++)
                equity += held[a] * prices[row, a] * PointValues[a];
            var instruments = Enumerable.Range(0, Assets.Length)
                .Select(a => new PlannerInstrument(Assets[a], (decimal)prices[row, a], (decimal)PointValues[a], 1, held[a], targets[a])).ToList();
            return new RebalancePlanner().Plan(instruments, (decimal)equity, new PlannerOptions { CashBuffer = 0.02 }, limits);
        }

        /// <summary>Core's plan for the first live rebalance on row <paramref name="row"/>: equity = Capital + P&amp;L of the held contracts since the switch at row - 1.</summary>
        private static RebalancePlan LivePlan(AssetFrame prices, int row, double[] targets, IEnumerable<Submission> earlier)
        {
            var held = new long[Assets.Length];
            foreach (Submission s in earlier)
                held[Array.IndexOf(Assets, s.Instrument)] += s.Action == OrderAction.Buy || s.Action == OrderAction.BuyToCover ? s.Order.Filled : -s.Order.Filled;
            double equity = Capital;
            for (int a = 0; a < Assets.Length; a++)
                equity += held[a] * (prices[row, a] - prices[row - 1, a]) * PointValues[a];
            var instruments = Enumerable.Range(0, Assets.Length)
                .Select(a => new PlannerInstrument(Assets[a], (decimal)prices[row, a], (decimal)PointValues[a], 1, held[a], targets[a])).ToList();
            return new RebalancePlanner().Plan(instruments, (decimal)equity, new PlannerOptions { CashBuffer = 0.02 }, new InstrumentLimits(defaultMaxWeight: 0.6));
        }

        private static void AssertOrdersEqualPlan(IEnumerable<Submission> submitted, RebalancePlan plan, string when)
        {
            var expected = plan.Trades.Where(t => t.OrderQuantity != 0)
                .Select(t => (t.Instrument.Symbol, t.Side == OrderSide.Buy ? OrderAction.Buy : OrderAction.Sell, (int)Math.Abs(t.OrderQuantity)))
                .OrderBy(t => t.Symbol).ToList();
            var actual = submitted.Select(s => (s.Instrument, s.Action, s.Quantity)).OrderBy(t => t.Instrument).ToList();
            Assert.That(actual, Is.EqualTo(expected), when);
        }

        [Test]
        public void Historical_MonthlyMinimumVariance_SubmitsExactlyCoresOrders()
        {
            RunResult run = Run(null);
            AssetFrame prices = Prices();
            AssetFrame returns = ReturnCalculator.Simple(prices);
            var minVar = new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver());

            var expectedRows = new List<int> { Lookback };
            for (int row = Lookback + 1; row < run.Dates.Length - 1; row++)
                if (run.Dates[row].Month != run.Dates[row - 1].Month) expectedRows.Add(row);
            var byRow = run.Submissions.GroupBy(s => s.Row).ToDictionary(g => g.Key, g => g.ToList());

            Assert.That(run.Submissions.Select(s => s.Row), Is.All.Not.EqualTo(-1), "every order is submitted at a bar time");
            Assert.That(byRow.Keys.Except(expectedRows), Is.Empty, "orders only on the first bar and on calendar bars");
            Assert.That(expectedRows.Count, Is.GreaterThan(60));
            int rebalances = 0;
            foreach (int row in expectedRows)
            {
                double[] targets = CoreTargets(returns, row, minVar.Optimize);
                RebalancePlan plan = CorePlan(prices, row, targets, run.Submissions.Where(s => s.Row < row));
                byRow.TryGetValue(row, out List<Submission> submitted);
                AssertOrdersEqualPlan(submitted ?? new List<Submission>(), plan, $"rebalance on {run.Dates[row]:yyyy-MM-dd}");
                if (submitted != null) rebalances++;
            }
            Assert.That(rebalances, Is.GreaterThan(60));
            Assert.That(run.Submissions.Select(s => s.Order.OrderState), Is.All.EqualTo(OrderState.Filled).Or.EqualTo(OrderState.Working));
            Assert.That(run.Submissions.Select(s => s.Order.OrderType), Is.All.EqualTo(OrderType.Market));
        }

        [TestCase(PortfolioMethod.MaximumSharpe)]
        [TestCase(PortfolioMethod.Kelly)]
        [TestCase(PortfolioMethod.RiskParity)]
        public void Historical_FirstRebalance_OfEachMethod_MatchesCore(PortfolioMethod method)
        {
            RunResult run = Run(s => { s.Method = method; s.KellyFraction = 0.5; s.Calendar = CalendarFrequency.None; });
            AssetFrame prices = Prices();
            AssetFrame window = ReturnCalculator.Simple(prices).Slice(0, Lookback);
            var solver = new GoldfarbIdnaniSolver();
            double[] mu = SampleMoments.Mean(window);
            double[,] cov = SampleMoments.Covariance(window);
            OptimizationResult result;
            switch (method)
            {
                case PortfolioMethod.MaximumSharpe:
                    result = new MaximumSharpeOptimizer(solver).Optimize(new PortfolioProblem(window.Assets, mu, cov, 0, PortfolioConstraints.LongOnly.WithWeightRange(0, 0.6)));
                    break;
                case PortfolioMethod.Kelly:
                    result = new NinjaTraderPortfolio.Core.Optimization.Kelly.KellyOptimizer(solver, 0.5).Optimize(new PortfolioProblem(window.Assets, mu, cov, 0,
                        NinjaTraderPortfolio.Core.Optimization.Kelly.KellyOptimizer.DefaultConstraints.WithWeightRange(0, 0.6)));
                    break;
                default:
                    result = new NinjaTraderPortfolio.Core.Optimization.RiskParity.RiskParityOptimizer().Optimize(window.Assets, cov, null, mu, 0);
                    break;
            }
            Assert.That(result.Status, Is.EqualTo(OptimizationStatus.Optimal));
            IAllocationLimits limits = method == PortfolioMethod.RiskParity ? null : new InstrumentLimits(defaultMaxWeight: 0.6);

            AssertOrdersEqualPlan(run.Submissions.Where(s => s.Row == Lookback), CorePlan(prices, Lookback, result.CopyWeights(), new Submission[0], limits), "first rebalance");
            Assert.That(run.Submissions.Select(s => s.Row), Is.All.EqualTo(Lookback), "no calendar and no drift band: one rebalance only");
            Assert.That(run.Submissions, Is.Not.Empty);
        }

        [Test]
        public void LastInstrumentMissingABar_TheTimeIsCompletedAtTheNextPrimaryBar_WithItsEarlierClose()
        {
            // FTSE (the last series) has no bar on price row 250, the first rebalance: the strategy acts for that time
            // when DAX's next bar arrives, with FTSE's close of row 249 standing for row 250.
            RunResult run = Run(s => s.Calendar = CalendarFrequency.None, null,
                (asset, list) => asset == "FTSE" ? list.Where((b, i) => i != Lookback).ToList() : list);
            AssetFrame sample = Prices();
            var columns = Enumerable.Range(0, Assets.Length).Select(a => sample.CopyColumn(a)).ToArray();
            columns[3][Lookback] = columns[3][Lookback - 1];
            var prices = new AssetFrame(sample.Dates, sample.Assets, columns, FrameKind.Prices, "sample, FTSE row 250 forward-filled");
            double[] targets = CoreTargets(ReturnCalculator.Simple(prices), Lookback, new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()).Optimize);

            Assert.That(run.Submissions.Select(s => s.Row).Distinct(), Is.EqualTo(new[] { Lookback + 1 }), "submitted on DAX's next bar");
            AssertOrdersEqualPlan(run.Submissions, CorePlan(prices, Lookback, targets, new Submission[0]), "rebalance for row 250");
        }

        [Test]
        public void Historical_DriftBand_RebalancesToTheFirstTargetsOnlyWhenAWeightLeftTheBand()
        {
            const double band = 0.03;
            RunResult run = Run(s => { s.Calendar = CalendarFrequency.None; s.DriftBand = band; });
            AssetFrame prices = Prices();
            double[] targets = CoreTargets(ReturnCalculator.Simple(prices), Lookback, new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()).Optimize);
            var rows = run.Submissions.Select(s => s.Row).Distinct().OrderBy(r => r).ToList();

            Assert.That(rows.First(), Is.EqualTo(Lookback));
            Assert.That(rows.Count, Is.GreaterThan(1), "prices drift far enough over six years to leave a 3% band");
            foreach (int row in rows.Skip(1))
            {
                var earlier = run.Submissions.Where(s => s.Row < row).ToList();
                RebalancePlan plan = CorePlan(prices, row, targets, earlier);
                double equity = (double)plan.Equity;
                double maxDrift = Enumerable.Range(0, Assets.Length)
                    .Max(a => Math.Abs(plan.Trades[a].Instrument.CurrentQuantity * prices[row, a] * PointValues[a] / equity - targets[a]));
                Assert.That(maxDrift, Is.GreaterThan(band), $"drift on {run.Dates[row]:yyyy-MM-dd}");
                AssertOrdersEqualPlan(run.Submissions.Where(s => s.Row == row), plan, $"drift rebalance on {run.Dates[row]:yyyy-MM-dd}");
            }
        }

        [Test]
        public void Realtime_OrdersAreSlicedByCoreTwapAcrossBars_AndHistoricalOnesFillAtOnce()
        {
            var dates = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"))["DAX"].Select(b => b.Time).ToArray();
            // A month whose first trading day is a Friday: the slices still go one per bar, across the weekend.
            int start = Enumerable.Range(1000, 500).First(r => dates[r].Month != dates[r - 1].Month && dates[r].DayOfWeek == DayOfWeek.Friday);
            RunResult run = Run(null, dates[start]);
            AssetFrame prices = Prices();
            double[] targets = CoreTargets(ReturnCalculator.Simple(prices), start, new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()).Optimize);
            // Live sizing: Capital plus the P&L since going live (marks of row start-1), not the simulated history's P&L.
            RebalancePlan plan = LivePlan(prices, start, targets, run.Submissions.Where(s => s.Row < start));

            Assert.That(run.Submissions.Where(s => s.Row < start).GroupBy(s => (s.Row, s.Instrument)).All(g => g.Count() == 1), Is.True,
                "historical rebalances send one order per instrument");
            int sliced = 0;
            foreach (PlannedTrade trade in plan.Trades.Where(t => t.OrderQuantity != 0))
            {
                long quantity = Math.Abs(trade.OrderQuantity);
                var children = run.Submissions.Where(s => s.Instrument == trade.Instrument.Symbol && s.Row >= start && s.Row <= start + 2).ToList();
                int bars = (int)Math.Min(3, quantity);
                long[] expected = TwapSchedule.Build(quantity, bars, bars).Slices.Select(x => x.Quantity).ToArray();
                Assert.That(children.Select(c => (long)c.Quantity), Is.EqualTo(expected), trade.Instrument.Symbol);
                Assert.That(children.Select(c => c.Row), Is.EqualTo(Enumerable.Range(start, expected.Length)), "one child per bar");
                Assert.That(children.Select(c => c.Action).Distinct().Single(), Is.EqualTo(trade.Side == OrderSide.Buy ? OrderAction.Buy : OrderAction.Sell));
                if (expected.Length > 1) sliced++;
            }
            Assert.That(sliced, Is.GreaterThan(0), "at least one order large enough to slice");
        }

        [Test]
        public void DataLoadedAgain_RebuildsEveryField_AsNinjaTraderReusesTheInstanceWhenOptimizing()
        {
            RunResult run = Run(null);
            PortfolioRebalancer first = run.Strategy.Rebalancer;
            Assert.That(first.TargetWeights, Is.Not.Null);

            run.Strategy.SetState(NinjaTrader.NinjaScript.State.DataLoaded);

            Assert.That(run.Strategy.Rebalancer, Is.Not.SameAs(first));
            Assert.That(run.Strategy.Rebalancer.TargetWeights, Is.Null);
            Assert.That(run.Strategy.Rebalancer.Loop.Bars, Is.EqualTo(0));
            Assert.That(run.Strategy.Rebalancer.Working, Is.Empty);
        }

        [Test]
        public void MaxWeightProperty_IsValidatedOnce_WithTheDeclaredMessageAndTheSharedFeasibilityText()
        {
            // The property's one check (TargetWeightCalculator.ForInstruments at DataLoaded): the declaration in Core's
            // LimitCatalog, the same message the CLI and the JSON config give, naming the property ...
            var bad = Assert.Throws<NinjaTraderPortfolio.Core.InvalidInputException>(() => Run(s => s.MaxWeight = double.NaN));
            Assert.That(bad.Message, Is.EqualTo("property Max weight: " + LimitCatalog.MaxWeight.Message("NaN")));
            // ... then the limits against the four instruments: 0.2 x 4 = 0.8 cannot reach the budget 1.
            var infeasible = Assert.Throws<NinjaTraderPortfolio.Core.InfeasibleException>(() => Run(s => s.MaxWeight = 0.2));
            Assert.That(infeasible.Message, Does.Contain("max weight 0.2 x 4 assets = 0.8 < 1 (budget)"));
        }

        [Test]
        public void GuardProperties_AreValidatedOnceAtDataLoaded_WithTheDeclaredMessagesNamingTheProperty()
        {
            // 0 = no limit; anything else is checked against its declaration when the TradingLimits are built.
            var contracts = Assert.Throws<NinjaTraderPortfolio.Core.InvalidInputException>(() => Run(s => s.MaxOrderContracts = -1));
            Assert.That(contracts.Message, Is.EqualTo("property Max order contracts: max order quantity must be > 0 (whole units), got -1"));
            var notional = Assert.Throws<NinjaTraderPortfolio.Core.InvalidInputException>(() => Run(s => s.MaxDailyNotional = double.NaN));
            Assert.That(notional.Message, Is.EqualTo("property Max daily notional: " + LimitCatalog.MaxDailyNotionalPerInstrument.Message("NaN")));
        }

        [Test]
        public void MaxWeightDefault_IsTheDeclaredChartFaceDefault()
        {
            var strategy = new PortfolioRebalancingStrategy();
            strategy.SetState(NinjaTrader.NinjaScript.State.SetDefaults);
            Assert.That(strategy.MaxWeight, Is.EqualTo(LimitCatalog.ChartMaxWeightDefault).And.EqualTo(0.6));
        }

        [Test]
        public void IntrabarCalculation_IsRefused()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => Run(s => s.Calculate = NinjaTrader.NinjaScript.Calculate.OnEachTick));
            Assert.That(ex.Message, Does.Contain("On bar close"));
        }

        [Test]
        public void Positions_FollowTheFills_AndStrategyIsUnmanaged()
        {
            RunResult run = Run(null);

            Assert.That(run.Strategy.IsUnmanaged, Is.True);
            Assert.That(run.Strategy.IsInstantiatedOnEachOptimizationIteration, Is.False);
            for (int a = 0; a < Assets.Length; a++)
            {
                int net = run.Submissions.Where(s => s.Instrument == Assets[a])
                    .Sum(s => s.Action == OrderAction.Buy || s.Action == OrderAction.BuyToCover ? s.Order.Filled : -s.Order.Filled);
                Position p = run.Strategy.Positions[a];
                int signed = p.MarketPosition == MarketPosition.Short ? -p.Quantity : p.Quantity;
                Assert.That(signed, Is.EqualTo(net), Assets[a]);
                Assert.That(signed, Is.GreaterThanOrEqualTo(0), Assets[a] + " long-only");
            }
            Assert.That(run.Strategy.Positions.Count(p => p.Quantity > 0), Is.GreaterThan(1));
        }
    }
}
