using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NinjaTraderPortfolio.Core.Portfolio.Manager;
using Moq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Core.Tests.Portfolio.Manager
{
    /// <summary>The multi-portfolio manager: lifecycle, same decisions as the backtester, alerts, thread-safe events.</summary>
    public sealed class PortfolioManagerTests
    {
        private sealed class FixedClock : IClock
        {
            public DateTime UtcNow { get; set; } = new DateTime(2026, 1, 5, 16, 0, 0, DateTimeKind.Utc);
        }

        private static AssetFrame EuStocks()
            => PriceFileLoader.Load(new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv") }).Frame;

        private static PortfolioManagerConfig SampleConfig()
            => PortfolioConfigReader.ReadFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "portfolio-config.json"));

        private static Dictionary<string, double> Row(AssetFrame f, int t, IEnumerable<string> symbols)
            => symbols.ToDictionary(s => s, s => f[t, f.IndexOf(s)]);

        // Streaming equals batch: the manager driven bar by bar, with fills at the close of each signal bar, makes the same
        // decisions (dates, targets) and reaches the same equity as the backtester run on the same configuration.
        [Test]
        public void BarByBar_WithFillsAtTheClose_EqualsTheBacktester()
        {
            var config = SampleConfig();
            var pc = config.Portfolios[0];
            var f = EuStocks().Slice(0, 400);
            var symbols = pc.Instruments.Select(i => i.Symbol).ToArray();
            var m = new PortfolioManager(config, new FixedClock());
            var signals = new List<RebalanceSignalEventArgs>();
            m.RebalanceSignalled += (_, e) => { if (e.Portfolio == pc.Name) signals.Add(e); };
            decimal cash = 1_000_000m;
            var pos = symbols.ToDictionary(s => s, _ => 0L);
            var equity = new List<decimal>();
            for (int t = 0; t < f.Rows; t++)
            {
                m.UpdatePrices(pc.Name, f.Dates[t], Row(f, t, symbols));
                m.UpdatePositions(pc.Name, pos, cash);
                var ev = m.Evaluate(pc.Name);
                if (ev.Signal)
                {
                    foreach (var trade in m.Plan(pc.Name).Trades)
                    {
                        long dq = trade.OrderQuantity;
                        cash -= dq * trade.Instrument.UnitNotional + Math.Abs(dq) * pc.CommissionPerUnit;
                        pos[trade.Instrument.Symbol] = trade.TargetQuantity;
                    }
                    m.UpdatePositions(pc.Name, pos, cash);
                }
                if (t >= pc.Optimization.Lookback)
                    equity.Add(cash + symbols.Sum(s => pos[s] * (decimal)f[t, f.IndexOf(s)] * pc.PointValueInAccount(pc.Instruments.First(i => i.Symbol == s))));
            }

            var bt = new Backtester().Run(f.Select(symbols), TargetSourceFactory.Instruments(pc), TargetSourceFactory.Create(pc, new GoldfarbIdnaniSolver()),
                TargetSourceFactory.BacktestOptions(pc, 1_000_000m));
            var traded = bt.Rebalances.ToList();
            Assert.That(signals.Select(s => s.Time), Is.EqualTo(traded.Select(r => r.Date)));
            Assert.That(signals[0].Initial, Is.True);
            Assert.That(signals.Skip(1).All(s => s.Reasons == RebalanceReason.Calendar), Is.True);
            for (int k = 0; k < signals.Count; k++)
                Assert.That(signals[k].Targets, Is.EqualTo(traded[k].Targets).Within(0.0), AssetFrame.FormatDate(signals[k].Time));
            Assert.That(equity, Is.EqualTo(bt.EquityCurve.Select(e => e.Equity)));
            Assert.That(signals.Count, Is.GreaterThan(5));
        }

        [Test]
        public void WarmingUp_ReportsBarsNeeded_AndPlanRefuses()
        {
            var config = SampleConfig();
            var pc = config.Portfolios[0];
            var f = EuStocks();
            var m = new PortfolioManager(config, new FixedClock());
            var symbols = pc.Instruments.Select(i => i.Symbol).ToArray();
            m.UpdatePrices(pc.Name, f.Dates[0], Row(f, 0, symbols));
            m.UpdatePositions(pc.Name, new Dictionary<string, long>(), 1_000_000m);
            var ev = m.Evaluate(pc.Name);
            Assert.That(ev.Signal, Is.False);
            Assert.That(ev.Targets, Is.Null);
            Assert.That(ev.BarsNeeded, Is.EqualTo(120));
            var ex = Assert.Throws<InvalidInputException>(() => m.Plan(pc.Name));
            Assert.That(ex!.Message, Does.Contain("no targets yet"));
        }

        [Test]
        public void PositionAboveMaxWeight_RaisesAlertNamingItWithTheClockTime()
        {
            var config = SampleConfig();
            var pc = config.Portfolios[0];
            var clock = new FixedClock();
            var m = new PortfolioManager(config, clock);
            var alerts = new List<PortfolioAlertEventArgs>();
            m.AlertRaised += (_, e) => alerts.Add(e);
            var f = EuStocks();
            var symbols = pc.Instruments.Select(i => i.Symbol).ToArray();
            m.UpdatePrices(pc.Name, f.Dates[0], Row(f, 0, symbols));
            // 20 DAX at 1628.75 x 25 EUR = 814,375 EUR x 1.08 = 879,525 USD; cash 185,625 USD -> equity 1,065,150 USD,
            // weight 879,525 / 1,065,150 = 0.8257287706 > 0.5; eurozone sector too (> 0.6)
            m.UpdatePositions(pc.Name, new Dictionary<string, long> { ["DAX"] = 20 }, 1_000_000m - 814_375m);
            var ev = m.Evaluate(pc.Name);
            Assert.That(alerts.Select(a => a.Message), Is.EqualTo(ev.Alerts));
            Assert.That(alerts.Count, Is.EqualTo(2));
            Assert.That(alerts[0].Message, Does.Contain("'DAX'").And.Contain("0.8257287706").And.Contain("maxWeight 0.5"));
            Assert.That(alerts[1].Message, Does.Contain("sector 'eurozone'"));
            Assert.That(alerts[0].TimeUtc, Is.EqualTo(clock.UtcNow));
        }

        [Test]
        public void EventsFromManyThreads_AreDeliveredOneAtATime_InBarOrderPerPortfolio()
        {
            const int portfolios = 4, bars = 150;
            var config = new PortfolioManagerConfig();
            for (int k = 0; k < portfolios; k++)
                config.Portfolios.Add(new PortfolioConfig
                {
                    Name = "p" + k, Account = "Sim" + k, Rebalance = "daily",
                    Instruments = { new InstrumentConfig { Symbol = "A" }, new InstrumentConfig { Symbol = "B" } },
                    Optimization = new OptimizationConfig { Method = "fixed", Weights = { ["A"] = 0.5, ["B"] = 0.5 } },
                });
            var m = new PortfolioManager(config, new FixedClock());
            int inFlight = 0, maxInFlight = 0, performance = 0;
            var last = new Dictionary<string, DateTime>();
            bool ordered = true;
            m.PerformanceUpdated += (_, e) =>
            {
                int now = Interlocked.Increment(ref inFlight);
                if (now > maxInFlight) maxInFlight = now;
                if (last.TryGetValue(e.Portfolio, out var prev) && e.Time <= prev) ordered = false;
                last[e.Portfolio] = e.Time;
                performance++;
                Thread.SpinWait(200);
                Interlocked.Decrement(ref inFlight);
            };
            m.RebalanceSignalled += (_, e) => throw new InvalidOperationException("a faulty subscriber");
            var rng = new Random(7);
            var paths = Enumerable.Range(0, portfolios).Select(_ => Enumerable.Range(0, bars).Select(t => 100 + 10 * Math.Sin(t + rng.NextDouble())).ToArray()).ToArray();
            Parallel.For(0, portfolios, new ParallelOptions { MaxDegreeOfParallelism = portfolios }, k =>
            {
                string name = "p" + k;
                for (int t = 0; t < bars; t++)
                {
                    m.UpdatePrices(name, new DateTime(2024, 1, 1).AddDays(t), new Dictionary<string, double> { ["A"] = paths[k][t], ["B"] = 100 });
                    m.UpdatePositions(name, new Dictionary<string, long> { ["A"] = 10, ["B"] = 10 }, 100m);
                    m.Evaluate(name);
                }
            });
            Assert.That(performance, Is.EqualTo(portfolios * bars));
            Assert.That(maxInFlight, Is.EqualTo(1));
            Assert.That(ordered, Is.True);
            Assert.That(m.HandlerFailures, Is.GreaterThanOrEqualTo(portfolios)); // at least the first allocation of each
        }

        [Test]
        public void Execute_StartsOneSessionWithAnExecutorPerOrder_WithSlicesSummingToTheOrder()
        {
            var config = SampleConfig();
            var pc = config.Portfolios[0];
            var clock = new FixedClock();
            var m = new PortfolioManager(config, clock);
            var f = EuStocks();
            var symbols = pc.Instruments.Select(i => i.Symbol).ToArray();
            for (int t = 0; t <= 120; t++) m.UpdatePrices(pc.Name, f.Dates[t], Row(f, t, symbols));
            m.UpdatePositions(pc.Name, new Dictionary<string, long>(), 2_000_000m);
            Assert.That(m.Evaluate(pc.Name).Signal, Is.True);
            var plan = m.Plan(pc.Name);
            var gateway = new Mock<IOrderGateway>();
            var store = new InMemoryExecutionStore();
            using var session = m.Execute(pc.Name, plan, gateway.Object, store);
            var executors = session.Executors;
            var orders = plan.Trades.Where(x => x.OrderQuantity != 0).ToList();
            Assert.That(executors.Count, Is.EqualTo(orders.Count));
            for (int k = 0; k < orders.Count; k++)
            {
                Assert.That(executors[k].Parent.Quantity, Is.EqualTo(Math.Abs(orders[k].OrderQuantity)));
                Assert.That(executors[k].Parent.Instrument, Is.EqualTo(orders[k].Instrument.Symbol));
                Assert.That(executors[k].Plan.Sum(s => s.Key.Quantity), Is.EqualTo(executors[k].Parent.Quantity));
                Assert.That(executors[k].Parent.Id, Is.EqualTo(ExecutionSession.ParentId("euro-index-futures/20260105T160000Z", orders[k].Instrument.Symbol)));
                Assert.That(store.LoadParent(executors[k].Parent.Id), Is.Not.Null);
            }
        }

        // The manager's risk is the analyzer's on the retained window (the last lookback + 1 closes) and the weights held.
        [Test]
        public void AnalyzeRisk_EqualsTheAnalyzerOnTheRetainedWindow()
        {
            var config = SampleConfig();
            var pc = config.Portfolios[0];
            var m = new PortfolioManager(config, new FixedClock());
            var f = EuStocks();
            var symbols = pc.Instruments.Select(i => i.Symbol).ToArray();
            for (int t = 0; t < 300; t++) m.UpdatePrices(pc.Name, f.Dates[t], Row(f, t, symbols));
            var pos = new Dictionary<string, long> { ["DAX"] = 5, ["SMI"] = 10, ["CAC"] = -3, ["FTSE"] = 7 };
            m.UpdatePositions(pc.Name, pos, 500_000m);
            var report = m.AnalyzeRisk(pc.Name, 0.95);

            decimal equity = 500_000m + symbols.Sum(s => pos[s] * (decimal)f[299, f.IndexOf(s)] * pc.PointValueInAccount(pc.Instruments.First(i => i.Symbol == s)));
            var w = symbols.Select(s => (double)(pos[s] * (decimal)f[299, f.IndexOf(s)] * pc.PointValueInAccount(pc.Instruments.First(i => i.Symbol == s)) / equity)).ToArray();
            var window = ReturnCalculator.Simple(f.Select(symbols).Slice(299 - pc.Optimization.Lookback, pc.Optimization.Lookback + 1));
            var direct = NinjaTraderPortfolio.Core.Risk.PortfolioRiskAnalyzer.Analyze(window, w, 0.95);
            Assert.That(report.Observations, Is.EqualTo(pc.Optimization.Lookback));
            Assert.That(report.Weights, Is.EqualTo(w).Within(1e-15));
            Assert.That(report.ParametricVaR, Is.EqualTo(direct.ParametricVaR).Within(1e-15));
            Assert.That(report.HistoricalCVaR, Is.EqualTo(direct.HistoricalCVaR).Within(1e-15));
            Assert.That(Assert.Throws<InvalidInputException>(() => m.AnalyzeRisk(pc.Name, 0.95, useTargets: true))!.Message, Does.Contain("no targets yet"));
        }

        [Test]
        public void BadCalls_NameTheCulprit()
        {
            var config = SampleConfig();
            var m = new PortfolioManager(config, new FixedClock());
            Assert.That(Assert.Throws<InvalidInputException>(() => m.Evaluate("nope"))!.Message, Does.Contain("unknown portfolio 'nope'"));
            Assert.That(Assert.Throws<InvalidInputException>(() => m.Evaluate("balanced-fixed"))!.Message, Does.Contain("no prices yet"));
            Assert.That(Assert.Throws<InvalidInputException>(() => m.UpdatePrices("balanced-fixed", new DateTime(2024, 1, 1), new Dictionary<string, double> { ["DAX"] = 1 }))!.Message,
                Does.Contain("no price for 'FTSE'"));
            Assert.That(Assert.Throws<InvalidInputException>(() => m.UpdatePrices("balanced-fixed", new DateTime(2024, 1, 1), new Dictionary<string, double> { ["DAX"] = 1, ["FTSE"] = 1, ["CAC"] = 1 }))!.Message,
                Does.Contain("unknown instrument 'CAC'"));
            Assert.That(Assert.Throws<InvalidInputException>(() => m.UpdatePrices("balanced-fixed", new DateTime(2024, 1, 1), new Dictionary<string, double> { ["DAX"] = -1, ["FTSE"] = 1 }))!.Message,
                Does.Contain("price of 'DAX' must be > 0, got -1"));
            m.UpdatePrices("balanced-fixed", new DateTime(2024, 1, 2), new Dictionary<string, double> { ["DAX"] = 1, ["FTSE"] = 1 });
            Assert.That(Assert.Throws<InvalidInputException>(() => m.UpdatePrices("balanced-fixed", new DateTime(2024, 1, 1), new Dictionary<string, double> { ["DAX"] = 1, ["FTSE"] = 1 }))!.Message,
                Does.Contain("not after the previous bar"));
            Assert.That(Assert.Throws<InvalidInputException>(() => m.Evaluate("balanced-fixed"))!.Message, Does.Contain("no account state"));
            Assert.Throws<InvalidInputException>(() => new PortfolioManager(new PortfolioManagerConfig(), new FixedClock()));
        }
    }
}
