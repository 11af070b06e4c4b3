using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTrader.NinjaScript.Strategies;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Tca;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Strategies
{
    /// <summary>
    /// The strategy live on the stand-in's realtime rules (RealtimeErrorHandling, IgnoreOverfill, adopted account
    /// positions, GetRealtimeOrder, connection loss): DAX/SMI/CAC/FTSE daily closes, realtime from the first trading day of
    /// a month (the first scheduled rebalance; TradeOnStart off), the account holding <see cref="Held"/> contracts that
    /// the strategy adopts. Orders are checked against Core's planner on the same inputs: equity = Capital + the P&amp;L of
    /// the adopted contracts since the switch (closes of the row before).
    /// </summary>
    [TestFixture]
    public class PortfolioRebalancingLiveTests
    {
        private static readonly string[] Assets = { "DAX", "SMI", "CAC", "FTSE" };
        private static readonly double[] PointValues = { 25, 10, 10, 10 };
        private static readonly int[] Held = { 20, 30, 40, 30 };
        private const double Capital = 10000000;
        private const int Lookback = 250;
        private readonly List<string> stores = new List<string>();

        private sealed class LiveRun
        {
            internal PortfolioRebalancingStrategy Strategy;
            internal ScriptHost<PortfolioRebalancingStrategy> Host;
            internal List<(int Row, Order Order)> Live = new List<(int, Order)>();
            internal string StorePath;
        }

        [TearDown]
        public void TearDown()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string s in stores)
                foreach (string f in new[] { s, s + "-wal", s + "-shm" })
                    if (File.Exists(f)) File.Delete(f);
            stores.Clear();
        }

        private static DateTime[] Dates() => SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"))["DAX"].Select(b => b.Time).ToArray();

        /// <summary>The first trading day of a month from row 1000 on: a calendar rebalance.</summary>
        private static int MonthStart(int from = 1000)
        {
            DateTime[] d = Dates();
            return Enumerable.Range(from, 500).First(r => d[r].Month != d[r - 1].Month);
        }

        private LiveRun Run(int start, Action<PortfolioRebalancingStrategy> inputs = null, Action<ScriptHost<PortfolioRebalancingStrategy>> host = null,
            Action<PortfolioRebalancingStrategy, int> afterLastSeries = null, int skipRows = 0, Func<string, int, BarRecord, BarRecord> edit = null,
            bool fillAtNextOpen = true, int barsAfterStart = 8)
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            DateTime[] dates = bars["DAX"].Select(b => b.Time).ToArray();
            var run = new LiveRun { StorePath = Path.Combine(Path.GetTempPath(), "ntlive-tests", Guid.NewGuid().ToString("N") + ".sqlite") };
            stores.Add(run.StorePath);
            var h = new ScriptHost<PortfolioRebalancingStrategy>(SampleBars.Daily) { FillMarketOrdersAtNextOpen = fillAtNextOpen, RealtimeFrom = dates[start] };
            h.Rules.EnforceAccountAdoption = true;
            run.Host = h;
            int seen = 0;
            h.AfterBarUpdate = (s, series) =>
            {
                var orders = s.SubmittedOrders;
                for (; seen < orders.Count; seen++)
                    if (!orders[seen].IsBacktestOrder) run.Live.Add((Array.IndexOf(dates, orders[seen].Time), orders[seen]));
                if (series == Assets.Length - 1 && afterLastSeries != null)
                    afterLastSeries(s, Array.IndexOf(dates, s.Times[series][0]));
            };
            for (int a = 0; a < Assets.Length; a++)
            {
                string asset = Assets[a];
                // The run ends a few bars after the rebalance (before the next month's).
                IEnumerable<BarRecord> list = bars[asset].Take(start + barsAfterStart).Skip(skipRows);
                if (edit != null) list = list.Select((b, i) => edit(asset, i + skipRows, b));
                h.WithBars(asset, list, PointValues[a]);
                h.WithAccountPosition(asset, MarketPosition.Long, Held[a], bars[asset][start - 1].Close);
            }
            h.WithInputs(s =>
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
                s.ExecutionSlices = 1;
                s.StorePath = run.StorePath;
                inputs?.Invoke(s);
            });
            host?.Invoke(h);
            run.Strategy = h.Run("DAX");
            return run;
        }

        private static AssetFrame Prices() => CsvFrameLoader.Load(SampleBars.SamplePath("eustockmarkets-prices.csv")).Select(Assets);

        /// <summary>Core's plan for the live rebalance on <paramref name="row"/> from <paramref name="held"/> contracts adopted at the switch (row - 1).</summary>
        private static RebalancePlan LivePlan(int row, IReadOnlyList<int> held)
        {
            AssetFrame prices = Prices();
            AssetFrame window = ReturnCalculator.Simple(prices).Slice(row - Lookback, Lookback);
            OptimizationResult result = new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()).Optimize(new PortfolioProblem(window.Assets,
                SampleMoments.Mean(window), SampleMoments.Covariance(window), 0, PortfolioConstraints.LongOnly.WithWeightRange(0, 0.6)));
            Assert.That(result.Status, Is.EqualTo(OptimizationStatus.Optimal));
            double[] targets = result.CopyWeights();
            double equity = Capital;
            for (int a = 0; a < Assets.Length; a++)
                equity += held[a] * (prices[row, a] - prices[row - 1, a]) * PointValues[a];
            var instruments = Enumerable.Range(0, Assets.Length)
                .Select(a => new PlannerInstrument(Assets[a], (decimal)prices[row, a], (decimal)PointValues[a], 1, held[a], targets[a])).ToList();
            return new RebalancePlanner().Plan(instruments, (decimal)equity, new PlannerOptions { CashBuffer = 0.02 }, new InstrumentLimits(defaultMaxWeight: 0.6));
        }

        private static List<(string, OrderAction, int)> Orders(IEnumerable<(int Row, Order Order)> orders) =>
            orders.Select(o => (o.Order.Instrument.FullName, o.Order.OrderAction, o.Order.Quantity)).OrderBy(o => o.FullName).ToList();

        private static List<(string, OrderAction, int)> Expected(RebalancePlan plan) =>
            plan.Trades.Where(t => t.OrderQuantity != 0)
                .Select(t => (t.Instrument.Symbol, t.Side == OrderSide.Buy ? OrderAction.Buy : OrderAction.Sell, (int)Math.Abs(t.OrderQuantity)))
                .OrderBy(t => t.Symbol).ToList();

        private static int Signed(Position p) => p.MarketPosition == MarketPosition.Short ? -p.Quantity : p.Quantity;

        private static int AccountPosition(Account account, string instrument)
        {
            Position p = account.Positions.FirstOrDefault(x => x.Instrument.FullName == instrument);
            return p == null ? 0 : Signed(p);
        }

        [Test]
        public void FirstLiveRebalance_TradesFromTheAdoptedPositions_SizedOnCapitalPlusLivePnl()
        {
            int start = MonthStart();
            LiveRun run = Run(start);

            Assert.That(run.Host.StopReason, Is.Null);
            Assert.That(run.Live.Select(o => o.Row).Distinct(), Is.EqualTo(new[] { start }), "live orders only on the scheduled rebalance");
            Assert.That(Orders(run.Live), Is.EqualTo(Expected(LivePlan(start, Held))));
            Assert.That(run.Strategy.RealtimeErrorHandling, Is.EqualTo(RealtimeErrorHandling.IgnoreAllErrors));
            Assert.That(run.Strategy.IgnoreOverfill, Is.True);
        }

        [Test(Description = "[HistoryLengthInvariant] live contracts are the same whatever history length is loaded")]
        public void HistoryLengthInvariant_TheLiveOrdersDoNotDependOnHowMuchHistoryWasLoaded()
        {
            int start = MonthStart();
            List<(string, OrderAction, int)>[] live = new[] { 0, 300, start - Lookback - 5 }
                .Select(skip => Orders(Run(start, skipRows: skip).Live)).ToArray();

            Assert.That(live[0], Is.Not.Empty);
            Assert.That(live[1], Is.EqualTo(live[0]));
            Assert.That(live[2], Is.EqualTo(live[0]));
            Assert.That(live[0], Is.EqualTo(Expected(LivePlan(start, Held))));
        }

        [Test(Description = "[RejectMidRebalance] a reject mid-rebalance leaves other positions untouched, alerts and retries")]
        public void RejectMidRebalance_IsRetried_Alerted_AndClosesNothing()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            string rejected = plan.Trades.First(t => t.OrderQuantity != 0 && t.Instrument.Symbol != "DAX").Instrument.Symbol;
            LiveRun run = Run(start, host: h => h.RejectNextOrder(rejected, ErrorCode.OrderRejected, "margin check failed"));

            Assert.That(run.Host.StopReason, Is.Null, "IgnoreAllErrors: the strategy keeps running");
            Assert.That(run.Live.Select(o => o.Order.Name), Has.None.EqualTo("Close"), "no position is closed");
            var onRejected = run.Live.Where(o => o.Order.Instrument.FullName == rejected).Select(o => o.Order).ToList();
            Assert.That(onRejected.Select(o => o.OrderState), Is.EqualTo(new[] { OrderState.Rejected, OrderState.Filled }), "retried once");
            Assert.That(onRejected[1].Name, Is.Not.EqualTo(onRejected[0].Name), "the retry has a new client id");
            Assert.That(run.Strategy.RaisedAlerts, Has.Some.Contains("rejected").And.Contains("margin check failed"));
            for (int a = 0; a < Assets.Length; a++)
            {
                long expected = Held[a] + plan.Trades[a].OrderQuantity;
                Assert.That(AccountPosition(run.Host.Account, Assets[a]), Is.EqualTo(expected), Assets[a] + ": adopted + planned, nothing closed");
                Assert.That(Signed(run.Strategy.Positions[a]), Is.EqualTo(expected), Assets[a]);
            }
        }

        [Test]
        public void RejectsBeyondTheRetries_HaltTheParent_AndTheDriftTriggerReArms()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            string rejected = plan.Trades.First(t => t.OrderQuantity != 0).Instrument.Symbol;
            LiveRun run = Run(start, null, h =>
            {
                for (int i = 0; i < 4; i++) h.RejectNextOrder(rejected, ErrorCode.OrderRejected, "market closed");
            });

            Assert.That(run.Host.StopReason, Is.Null);
            var orders = run.Live.Where(o => o.Order.Instrument.FullName == rejected).ToList();
            Assert.That(orders.Take(4).Select(o => o.Order.OrderState), Is.All.EqualTo(OrderState.Rejected));
            Assert.That(orders.Take(4).Select(o => o.Row), Is.All.EqualTo(start), "1 send + 3 retries on the rebalance bar");
            Assert.That(run.Strategy.RaisedAlerts, Has.Some.Contains("parent halted"));
            Assert.That(orders.Skip(4).Select(o => o.Row), Has.Some.EqualTo(start + 1), "the drift trigger re-armed the next bar");
            Assert.That(orders.Skip(4).First().Order.OrderState, Is.EqualTo(OrderState.Filled));
        }

        [Test(Description = "[OverfillAfterCancel] a fill after a cancel request is reconciled")]
        public void OverfillAfterCancel_IsAccepted_AndReconciled()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            PlannedTrade dax = plan.Trades[0];
            Assume.That(Math.Abs(dax.OrderQuantity), Is.GreaterThanOrEqualTo(3), "DAX is sliced over 3 bars");
            Order held = null;
            LiveRun run = null;
            run = Run(start, s => s.ExecutionSlices = 3, h => h.HoldCancelConfirmations = true, (s, row) =>
            {
                // Every order fills at this bar's close, except the first DAX child of the live rebalance, left working past
                // its deadline; once the executor asked to cancel it (CancelSubmitted, unconfirmed), it fills: an overfill.
                foreach (Order o in s.SubmittedOrders.ToList())
                {
                    int k = Array.IndexOf(Assets, o.Instrument.FullName);
                    double close = s.Closes[k][0];
                    if (o == held)
                    {
                        if (o.OrderState == OrderState.CancelSubmitted) s.Fill(o, o.Quantity - o.Filled, close, s.Times[k][0]);
                        continue;
                    }
                    if (held == null && row == start && !o.IsBacktestOrder && o.Instrument.FullName == "DAX" && o.OrderState == OrderState.Working) { held = o; continue; }
                    if (o.OrderState == OrderState.Working) s.Fill(o, o.Quantity - o.Filled, close, s.Times[k][0]);
                }
            }, fillAtNextOpen: false);

            Assert.That(held, Is.Not.Null);
            Assert.That(held.OrderState, Is.EqualTo(OrderState.Filled), "filled after its cancel was requested");
            Assert.That(run.Host.StopReason, Is.Null, "IgnoreOverfill: the strategy keeps running");
            Assert.That(run.Live.Select(o => o.Order.Name), Has.None.EqualTo("Close"));
            int daxNow = AccountPosition(run.Host.Account, "DAX");
            Assert.That(Signed(run.Strategy.Positions[0]), Is.EqualTo(daxNow), "the strategy's position is the account's");
            long daxFilled = run.Live.Where(o => o.Order.Instrument.FullName == "DAX").Sum(o => (long)o.Order.Filled);
            Assert.That(daxFilled, Is.EqualTo(Math.Abs(dax.OrderQuantity)), "the executor counted the late fill: the parent's total is exact");
            Assert.That(daxNow, Is.EqualTo(Held[0] + dax.OrderQuantity));
            Assert.That(run.Strategy.Rebalancer.Working, Is.Empty, "the parent completed");
        }

        [Test(Description = "[DisconnectReconnect] a disconnect pauses and resumes")]
        public void DisconnectReconnect_PausesSlicing_AndResumesAfterReconnection()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            Connection connection = null;
            var sentWhileDown = new List<Order>();
            bool down = false;
            LiveRun run = Run(start, s => s.ExecutionSlices = 3, afterLastSeries: (s, row) =>
            {
                if (row == start)
                {
                    connection = Connection.Define("stand-in feed");
                    s.OrderFeedConnected = false;
                    s.RaiseConnectionStatusUpdate(connection.SetStatus(ConnectionStatus.ConnectionLost, ConnectionStatus.ConnectionLost, ErrorCode.NoError, "lost"));
                    down = true;
                }
                else if (row == start + 3)
                {
                    s.OrderFeedConnected = true;
                    s.RaiseConnectionStatusUpdate(connection.SetStatus(ConnectionStatus.Connected, ConnectionStatus.Connected, ErrorCode.NoError, string.Empty));
                    down = false;
                }
            });

            Assert.That(run.Host.StopReason, Is.Null);
            Assert.That(run.Live.Where(o => o.Row > start && o.Row <= start + 3), Is.Empty, "nothing sent, changed or cancelled while disconnected");
            Assert.That(run.Strategy.RaisedAlerts, Has.Some.Contains("execution paused"));
            Assert.That(run.Strategy.RaisedAlerts, Has.Some.Contains("reconnected"));
            Assert.That(run.Live.Where(o => o.Row > start + 3).Select(o => o.Row).Min(), Is.EqualTo(start + 4), "resumed at the next bar");
            for (int a = 0; a < Assets.Length; a++)
                Assert.That(AccountPosition(run.Host.Account, Assets[a]), Is.EqualTo(Held[a] + plan.Trades[a].OrderQuantity), Assets[a] + ": the whole plan, once");
            Assert.That(down, Is.False);
        }

        [Test(Description = "[DailyLossLimit] the daily loss limit stops trading")]
        public void DailyLossLimit_TripsTheKillSwitch_CancelsAndStopsTrading()
        {
            int start = MonthStart();
            // From row start + 1 DAX trades 10% lower: the adopted and bought DAX lose far more than the 20,000 limit that day.
            LiveRun run = Run(start, s => { s.ExecutionSlices = 3; s.DailyLossLimit = 20000; }, skipRows: 0,
                edit: (asset, row, b) => asset == "DAX" && row >= start + 1 ? SampleBars.Bar(b.Time, b.Close * 0.9) : b);

            Assert.That(run.Strategy.KillSwitch.IsTripped, Is.True);
            Assert.That(run.Strategy.KillSwitch.Reason, Does.Contain("daily loss limit"));
            Assert.That(run.Strategy.RaisedAlerts, Has.Some.Contains("kill switch tripped"));
            Assert.That(run.Live.Select(o => o.Row), Is.All.EqualTo(start), "the first slices only: nothing after the loss");
            Assert.That(run.Strategy.Rebalancer.Working, Is.Empty, "working parents cancelled");
            Assert.That(run.Live.Where(o => o.Order.OrderState == OrderState.Working), Is.Empty);
        }

        [Test(Description = "[DryRun] dry run sends no order (strategy)")]
        public void DryRun_LogsTheOrders_AndSendsNone()
        {
            int start = MonthStart();
            LiveRun run = Run(start, s => s.DryRun = true);

            Assert.That(run.Live, Is.Empty);
            RebalancePlan plan = LivePlan(start, Held);
            foreach (PlannedTrade t in plan.Trades.Where(t => t.OrderQuantity != 0))
                Assert.That(run.Strategy.PrintLog, Has.Some.Contains("DRY RUN: would send " + t.Side + " " + Math.Abs(t.OrderQuantity) + " " + t.Instrument.Symbol));
        }

        [Test]
        public void GuardRefusal_AndPersistedParent_TheStrategyExecutesThroughTheGuardedSessionOverADurableStore()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            long largest = plan.Trades.Max(t => Math.Abs(t.OrderQuantity));
            LiveRun run = Run(start, s => s.MaxDailyContracts = (int)largest - 1);

            string refusedInstrument = plan.Trades.First(t => Math.Abs(t.OrderQuantity) == largest).Instrument.Symbol;
            // The session's guard refuses (the daily cap per instrument, Max daily contracts); its alert names the guard and the instrument.
            Assert.That(run.Strategy.RaisedAlerts, Has.Some.Contains("trading guard DailyQuantity").And.Contains(refusedInstrument)
                .And.Contains("maximum daily quantity per instrument " + (largest - 1)));
            Assert.That(run.Live.Where(o => o.Order.Instrument.FullName == refusedInstrument), Is.Empty, "refused orders are not sent");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var store = new SqlitePortfolioStore(run.StorePath))
            {
                var parents = new[] { ParentOrderStatus.Completed, ParentOrderStatus.Halted }.SelectMany(store.LoadParentIds).Select(id => store.LoadParent(id)).ToList();
                Assert.That(parents.Select(p => p.Order.Instrument).OrderBy(x => x),
                    Is.EqualTo(plan.Trades.Where(t => t.OrderQuantity != 0).Select(t => t.Instrument.Symbol).OrderBy(x => x)), "every live parent is in the SQLite file");
                ParentOrderRecord refused = parents.Single(p => p.Order.Instrument == refusedInstrument);
                Assert.That(refused.Status, Is.EqualTo(ParentOrderStatus.Halted));
                Assert.That(store.LoadTransitions(refused.Order.Id).Select(t => t.Note), Has.Some.Contains("trading guard DailyQuantity refused"));
            }
        }

        [Test]
        public void MaxOrderContracts_SplitsEveryOrderIntoChildrenWithinTheCap()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            // One child at a time of at most 20 contracts (the executor sends the next when the previous is done).
            LiveRun run = Run(start, s => s.MaxOrderContracts = 20, barsAfterStart: 14);

            Assert.That(run.Live.Select(o => o.Order.Quantity), Is.All.LessThanOrEqualTo(20));
            Assert.That(run.Live.Count, Is.GreaterThan(plan.Trades.Count(t => t.OrderQuantity != 0)), "some orders were split");
            for (int a = 0; a < Assets.Length; a++)
                Assert.That(AccountPosition(run.Host.Account, Assets[a]), Is.EqualTo(Held[a] + plan.Trades[a].OrderQuantity), Assets[a]);
        }

        [Test(Description = "[LiveAccountWithoutOptIn] a live account without opt-in is refused (strategy)")]
        public void LiveAccountWithoutOptIn_RefusesEveryLiveRebalance_NamingTheGuard()
        {
            int start = MonthStart();
            LiveRun refused = Run(start, null, h => h.AccountName = "Rithmic-1234");
            Assert.That(refused.Live, Is.Empty);
            Assert.That(refused.Strategy.RaisedAlerts, Has.Some.Contains("LiveAccount").And.Contains("Rithmic-1234"));
            Assert.That(refused.Strategy.PrintLog, Has.Some.Contains("refused: trading guard LiveAccount"));

            LiveRun allowed = Run(start, s => s.AllowLiveAccount = true, h => h.AccountName = "Rithmic-1234");
            Assert.That(Orders(allowed.Live), Is.EqualTo(Expected(LivePlan(start, Held))));
        }

        [Test(Description = "[RestartMidExecution] a restart mid-execution resumes with no duplicate order names and exact totals")]
        public void RestartMidExecution_ResumesFromTheStore_WithNoDuplicateOrderNames_AndExactTotals()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            Assume.That(plan.Trades.Count(t => Math.Abs(t.OrderQuantity) >= 3), Is.GreaterThan(0), "an order sliced over 3 bars");
            // Run 1 stops after the bar start + 1: the first slices filled, the second slices sent and still working.
            LiveRun first = Run(start, s => s.ExecutionSlices = 3, barsAfterStart: 2);
            ScriptHost<PortfolioRebalancingStrategy> host = first.Host;
            Assert.That(first.Live.Where(o => o.Order.OrderState == OrderState.Working), Is.Not.Empty, "stopped mid-execution");
            var accountOrdersBefore = host.Account.Orders.ToList();

            // Run 2: NinjaTrader restarted on the same account and store; history is processed again, realtime from start + 2.
            DateTime[] dates = Dates();
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            var second = new List<Order>();
            host.KeepPlatform = true;
            host.RealtimeFrom = dates[start + 2];
            foreach (string asset in Assets) host.WithBars(asset, bars[asset].Take(start + 8));
            host.WithInputs(s =>
            {
                s.Instrument2 = "SMI"; s.Instrument3 = "CAC"; s.Instrument4 = "FTSE"; s.Capital = Capital; s.Lookback = Lookback; s.MaxWeight = 0.6;
                s.CashBuffer = 0.02; s.DriftBand = 0; s.Calendar = CalendarFrequency.Monthly; s.Method = PortfolioMethod.MinimumVariance;
                s.ExecutionSlices = 3; s.StorePath = first.StorePath;
            });
            int seen = 0;
            host.AfterBarUpdate = (s, series) =>
            {
                for (; seen < s.SubmittedOrders.Count; seen++)
                    if (!s.SubmittedOrders[seen].IsBacktestOrder) second.Add(s.SubmittedOrders[seen]);
                if (s.State != State.Realtime || series != Assets.Length - 1) return;
                // Orders of run 1 still working at the account fill at this bar's close (their events reach run 2 through the account).
                foreach (Order o in accountOrdersBefore.Where(o => o.OrderState == OrderState.Working))
                    host.Account.Fill(o, o.Quantity - o.Filled, s.Closes[Array.IndexOf(Assets, o.Instrument.FullName)][0], s.Times[series][0]);
            };
            PortfolioRebalancingStrategy restarted = host.Run("DAX");

            Assert.That(restarted.PrintLog, Has.Some.Contains("resumed 1 execution(s)"));
            var names = first.Live.Select(o => o.Order.Name).Concat(second.Select(o => o.Name)).ToList();
            Assert.That(names, Is.Unique, "no client id is sent twice");
            Assert.That(second, Is.Not.Empty, "the remaining slices were sent after the restart");
            for (int a = 0; a < Assets.Length; a++)
            {
                long sent = first.Live.Concat(second.Select(o => (0, o))).Where(o => o.Item2.Instrument.FullName == Assets[a]).Sum(o => (long)o.Item2.Filled);
                Assert.That(sent, Is.EqualTo(Math.Abs(plan.Trades[a].OrderQuantity)), Assets[a] + ": filled over both runs = the plan, exactly");
                Assert.That(AccountPosition(host.Account, Assets[a]), Is.EqualTo(Held[a] + plan.Trades[a].OrderQuantity), Assets[a]);
            }
            Assert.That(restarted.Rebalancer.Working, Is.Empty, "the resumed parents completed");
        }

        [Test]
        public void AnInstrumentWhoseMarketIsClosed_GetsNoOrder_UntilItsNextSession()
        {
            int start = MonthStart();
            RebalancePlan plan = LivePlan(start, Held);
            DateTime[] dates = Dates();
            PlannedTrade closed = plan.Trades.First(t => t.OrderQuantity != 0 && t.Instrument.Symbol != "DAX");
            // Daily sessions ending at each bar's time, except on the rebalance day (a holiday for that market).
            var sessions = dates.Where((d, i) => i != start).Select(d => (d.AddHours(-16), d)).ToArray();
            LiveRun run = Run(start, host: h => h.WithTradingHours(closed.Instrument.Symbol, "holiday on the rebalance day", sessions));

            Assert.That(run.Host.StopReason, Is.Null);
            var orders = run.Live.Where(o => o.Order.Instrument.FullName == closed.Instrument.Symbol).ToList();
            Assert.That(orders.Select(o => o.Row).Min(), Is.EqualTo(start + 1), "deferred to its next session");
            Assert.That(run.Strategy.PrintLog, Has.Some.Contains(closed.Instrument.Symbol + " deferred: its market is closed now"));
            Assert.That(run.Live.Where(o => o.Row == start).Select(o => o.Order.Instrument.FullName), Does.Not.Contain(closed.Instrument.Symbol));
            Assert.That(run.Live.Where(o => o.Row == start), Is.Not.Empty, "the open markets traded on the day");
        }
    }
}
