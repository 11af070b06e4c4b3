#region Using declarations
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Serialization;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Core.Rebalancing;
#endregion

// This namespace holds strategies in this folder and is required. Do not change it.
namespace NinjaTrader.NinjaScript.Strategies
{
    /// <summary>
    /// Multi-instrument portfolio rebalancer. The chart instrument is slot 1; slots 2-4 are added by the strategy itself
    /// (AddDataSeries in State.Configure), so one instance holds the whole portfolio, also in the Strategy Analyzer (whose
    /// basket test would run instruments separately). Core computes everything: target weights (optimizer over the last
    /// Lookback bar returns), triggers (Core's RebalancingLoop: calendar and drift band), whole-contract orders with point
    /// values, volatility target, leverage and margin caps, FX rates and a no-trade band (FuturesSizer) and their execution
    /// (one ExecutionSession per rebalance over unmanaged orders; historical orders at once, realtime orders as a TWAP, one
    /// child per bar or, with a slice horizon, on the clock of a 1-minute series). Fills come from OnExecutionUpdate.
    /// </summary>
    /// <remarks>
    /// Live rules (docs/ninjatrader.md, "Live trading"):
    /// errors are handled here (RealtimeErrorHandling.IgnoreAllErrors): a reject goes to the executor's retry/halt logic and
    /// to an alert, and never closes a position; overfills are accepted (IgnoreOverfill): the account position is the truth
    /// and the next plan trades the difference. Realtime orders pass Core's trading guards (live-account opt-in, per-order
    /// and daily caps, gross leverage, kill switch, daily loss limit) and are recorded in a durable SQLite execution store,
    /// from which a restart resumes working parents (matched with Account.Orders by order name = client id). Live sizing
    /// uses Capital plus P&amp;L since the strategy went live (or a fraction of NetLiquidation), never the simulated history.
    /// Slots: NinjaTrader asks for fixed AddDataSeries arguments; the slot names are inputs read in State.Configure.
    /// </remarks>
    public class PortfolioRebalancingStrategy : Strategy
    {
        private const int RecordsKept = 4;

        private PortfolioRebalancer rebalancer;
        private UnmanagedOrderGateway gateway;
        private string[] names;
        private double[] pointValues;
        private double[] closes;
        private int[] positions;
        private List<KeyValuePair<DateTime, double>>[] records;
        private Dictionary<string, int> seriesOf;
        private double cash;
        private DateTime lastActed;
        private bool clockSeries;
        private int slots;
        private DateTime lastDecision;
        // Live state (State.Realtime).
        private bool live;
        private double liveCash;
        private double lastLivePnl;
        private double dayStartPnl;
        private DateTime lossDay;
        private KillSwitch killSwitch;
        private SqlitePortfolioStore store;
        // Guard limits of the properties, checked once in State.DataLoaded; the day's usage the sessions' guards share.
        private TradingLimits liveLimits;
        private DailyUsage dailyUsage;
        private SettableClock marketClock;
        private bool accountSubscribed;
        private bool handoverPending;
        private SessionIterator[] sessionIterators;
        // Futures roll: per slot, the series it trades now, the next contract's series (-1 = none), its roll day, done.
        private string[] rollNames;
        private int rollCount;
        private int[] current;
        private int[] nextSeries;
        private DateTime?[] rollDays;
        private bool[] rolled;
        private Dictionary<string, int> slotOf;

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Description = "Rebalances a portfolio of up to four instruments to Core's optimal weights on a calendar or drift band.";
                Name = "PortfolioRebalancingStrategy";
                Calculate = Calculate.OnBarClose;
                EntriesPerDirection = 1;
                EntryHandling = EntryHandling.AllEntries;
                IsExitOnSessionCloseStrategy = false;
                ExitOnSessionCloseSeconds = 30;
                BarsRequiredToTrade = 0;
                StartBehavior = StartBehavior.AdoptAccountPosition;
                IsAdoptAccountPositionAware = true;
                TimeInForce = TimeInForce.Gtc;
                TraceOrders = false;
                // Errors are handled in OnOrderUpdate: StopCancelClose would close every adopted position on one reject.
                RealtimeErrorHandling = RealtimeErrorHandling.IgnoreAllErrors;
                // A fill after a cancel request (the executor cancels expired children) is accepted and reconciled: the
                // executor counts it, the account position is the truth and the next plan trades the difference.
                IgnoreOverfill = true;
                // The strategy pauses itself on a lost connection (OnConnectionStatusUpdate) and resumes from its store.
                ConnectionLossHandling = ConnectionLossHandling.KeepRunning;
                IsUnmanaged = true;
                IsInstantiatedOnEachOptimizationIteration = false;
                DefaultQuantity = 1;
                Instrument2 = string.Empty;
                Instrument3 = string.Empty;
                Instrument4 = string.Empty;
                Method = PortfolioMethod.MinimumVariance;
                MaxWeight = LimitCatalog.ChartMaxWeightDefault;
                KellyFraction = 0.5;
                RiskFreeRate = 0;
                Lookback = 120;
                Calendar = CalendarFrequency.Monthly;
                DriftBand = 0.05;
                Capital = 1000000;
                CashBuffer = 0.02;
                ExecutionSlices = 3;
                VolatilityTarget = 0;
                MaxGrossLeverage = 0;
                PeriodsPerYear = 252;
                FxRates = string.Empty;
                Margins = string.Empty;
                MaxMarginUse = 0;
                MinTradeWeight = 0;
                SliceHorizonMinutes = 0;
                RollContracts = string.Empty;
                RollOffsetDays = 0;
                EquityBasis = PortfolioEquityBasis.CapitalPlusLivePnL;
                AccountFraction = 1.0;
                TradeOnStart = false;
                AllowLiveAccount = false;
                DryRun = false;
                MaxOrderContracts = 0;
                MaxOrderNotional = 0;
                MaxDailyContracts = 0;
                MaxDailyNotional = 0;
                DailyLossLimit = 0;
                KillFile = string.Empty;
                StorePath = string.Empty;
            }
            else if (State == State.Configure)
            {
                // Help Guide "AddDataSeries()": AddDataSeries(string instrumentName) inherits the primary's bars settings;
                // Help Guide "BarsPeriod": BarsPeriod must not be read before State.DataLoaded.
                foreach (string slot in new[] { Instrument2, Instrument3, Instrument4 })
                    if (!string.IsNullOrWhiteSpace(slot))
                        AddDataSeries(slot.Trim());
                // Futures roll: the next contract of each slot, added after the slots (so they keep their indices) and
                // before the clock series; like the slots, its name is an input read here.
                rollNames = RollList();
                rollCount = 0;
                foreach (string next in rollNames ?? new string[0])
                    if (next != null)
                    {
                        AddDataSeries(next);
                        rollCount++;
                    }
                // Time-based slicing needs a clock between the portfolio's bars: a 1-minute series of the chart instrument,
                // added last so the slots keep their indices. Hardcoded arguments (Help Guide "AddDataSeries()"): the chart's
                // BarsPeriod cannot be read here, so the series is added whenever slicing on the clock is asked for.
                clockSeries = SliceHorizonMinutes > 0;
                if (clockSeries)
                    AddDataSeries(BarsPeriodType.Minute, 1);
            }
            else if (State == State.DataLoaded)
            {
                // Decisions are taken on closed bars; intrabar updates would act on bars still forming.
                if (Calculate != Calculate.OnBarClose)
                    throw new InvalidOperationException(Name + " needs Calculate = On bar close, got " + Calculate);
                ResetFields();
            }
            else if (State == State.Realtime)
            {
                GoLive();
            }
            else if (State == State.Terminated)
            {
                if (rebalancer != null)
                {
                    // Working parents stay in the durable store (a restart resumes them); only the in-memory loop stops.
                    foreach (ExecutionSession session in rebalancer.Sessions) session.Dispose();
                }
                if (accountSubscribed && Account != null)
                {
                    Account.OrderUpdate -= OnAccountOrderUpdate;
                    Account.ExecutionUpdate -= OnAccountExecutionUpdate;
                    accountSubscribed = false;
                }
                if (store != null)
                {
                    store.Dispose();
                    store = null;
                }
            }
        }

        // Every field is rebuilt here: with IsInstantiatedOnEachOptimizationIteration = false NinjaTrader reuses the instance.
        private void ResetFields()
        {
            int n = BarsArray.Length - (clockSeries ? 1 : 0) - rollCount;
            int series = n + rollCount;
            slots = n;
            names = new string[n];
            pointValues = new double[n];
            // Inputs per slot: FX rate (account currency per unit of the slot's currency, empty = 1) and initial margin per
            // contract (slot currency); point values and margins are converted once, so equity and sizing are in the account currency.
            double[] fx = SlotList(FxRates, n, "FX rates", 1.0);
            double[] margins = SlotList(Margins, n, "Margins", double.NaN);
            seriesOf = new Dictionary<string, int>(StringComparer.Ordinal);
            slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
            records = new List<KeyValuePair<DateTime, double>>[series];
            for (int k = 0; k < series; k++)
            {
                records[k] = new List<KeyValuePair<DateTime, double>>();
                seriesOf[Instruments[k].FullName] = k;
            }
            current = new int[n];
            nextSeries = new int[n];
            rollDays = new DateTime?[n];
            rolled = new bool[n];
            int added = n;
            for (int k = 0; k < n; k++)
            {
                names[k] = Instruments[k].FullName;
                pointValues[k] = Instruments[k].MasterInstrument.PointValue * fx[k];
                margins[k] *= fx[k];
                slotOf[names[k]] = k;
                current[k] = k;
                nextSeries[k] = rollNames != null && k < rollNames.Length && rollNames[k] != null ? added++ : -1;
                if (nextSeries[k] >= 0) SetUpRoll(k);
            }
            closes = new double[n];
            positions = new int[n];
            // One session iterator per series (Help Guide: construct it in State.DataLoaded): live orders go only to
            // instruments whose trading hours are in session at the decision's bar time.
            sessionIterators = new SessionIterator[series];
            for (int k = 0; k < series; k++)
                sessionIterators[k] = new SessionIterator(BarsArray[k]);
            cash = 0;
            lastActed = DateTime.MinValue;
            lastDecision = DateTime.MinValue;
            live = false;
            handoverPending = false;
            liveCash = 0;
            lastLivePnl = 0;
            dayStartPnl = 0;
            lossDay = DateTime.MinValue;
            killSwitch = new KillSwitch();
            marketClock = new SettableClock();
            if (store != null) store.Dispose();
            store = null;
            // Lambdas rather than method groups, so NinjaTrader overloads of these methods cannot make the conversion ambiguous.
            gateway = new UnmanagedOrderGateway(SubmitChild,
                (order, quantity) => { Order o = Current(order); if (o != null) ChangeOrder(o, quantity, o.LimitPrice, o.StopPrice); },
                order => { Order o = Current(order); if (o != null) CancelOrder(o); });
            // The one check of the guard properties (0 = no limit; anything else against its declaration in Core's
            // LimitCatalog, naming the property): the session's per-order guards and its daily caps per instrument.
            liveLimits = new TradingLimits()
                .WithLiveAccounts(AllowLiveAccount)
                .WithMaxOrderQuantity(MaxOrderContracts == 0 ? (long?)null : MaxOrderContracts, "property Max order contracts")
                .WithMaxOrderNotional(MaxOrderNotional == 0 ? (double?)null : MaxOrderNotional, "property Max order notional")
                .WithMaxDailyQuantityPerInstrument(MaxDailyContracts == 0 ? (long?)null : MaxDailyContracts, "property Max daily contracts")
                .WithMaxDailyNotionalPerInstrument(MaxDailyNotional == 0 ? (double?)null : MaxDailyNotional, "property Max daily notional");
            // One day's usage for all of the strategy's sessions (one per rebalance), on the bar-time clock.
            dailyUsage = new DailyUsage(marketClock);
            rebalancer = new PortfolioRebalancer(new PortfolioRebalancerOptions
            {
                Instruments = names,
                PointValues = pointValues,
                // The one check of the Max weight property: its declaration, then the limits against these instruments.
                Targets = TargetWeightCalculator.ForInstruments(Method, MaxWeight, "property Max weight", KellyFraction, RiskFreeRate, names),
                Lookback = Lookback,
                Calendar = Calendar,
                DriftBand = DriftBand > 0 ? DriftBand : (double?)null,
                CashBuffer = CashBuffer,
                ExecutionSlices = ExecutionSlices,
                BarLength = BarPeriods.Length(BarsPeriod, TimeSpan.Zero),
                VolatilityTarget = VolatilityTarget > 0 ? VolatilityTarget : (double?)null,
                MaxGrossLeverage = MaxGrossLeverage > 0 ? MaxGrossLeverage : (double?)null,
                PeriodsPerYear = PeriodsPerYear,
                Margins = double.IsNaN(margins[0]) ? null : margins,
                MaxMarginUse = MaxMarginUse > 0 ? MaxMarginUse : (double?)null,
                MinTradeWeight = MinTradeWeight,
                SliceHorizon = TimeSpan.FromMinutes(SliceHorizonMinutes),
                DryRun = false,
                IsMarketOpen = instrument => !live || !seriesOf.ContainsKey(instrument) || sessionIterators[seriesOf[instrument]].IsInSession(lastDecision, true, true),
            }, gateway, new SettableClock(), new StrategyAlertSink(this), message => Print(message));
            killSwitch.Tripped += (sender, reason) =>
            {
                rebalancer.CancelAll();
                RaiseAlert("KillSwitch", "kill switch tripped (" + reason + "): working orders cancelled, no further order is sent");
            };
        }

        // ---- the switch to realtime ----

        private void GoLive()
        {
            if (rebalancer == null)
                return;
            live = true;
            handoverPending = rebalancer.Working.Count > 0;
            // Equity basis: P&L is counted from the marks at this moment, so the simulated history never sizes live orders.
            liveCash = 0;
            for (int k = 0; k < names.Length; k++)
            {
                double mark = LastClose(k, DateTime.MaxValue);
                if (!double.IsNaN(mark)) liveCash -= MarkedValue(k, mark, DateTime.MaxValue);
            }
            lastLivePnl = 0;
            dayStartPnl = 0;
            lossDay = DateTime.MinValue;

            // Realtime orders run through Core's execution session: per-order caps, the daily caps per instrument (UTC day of
            // the bar time, shared by every rebalance's session), live-account opt-in, gross leverage and the kill file are the
            // session's guards; a refused order halts its parent after the retries, and the session's alert says which guard.
            string accountName = Account == null ? string.Empty : Account.Name;
            if (!AllowLiveAccount && !AccountClassifier.IsSimulation(accountName))
                RaiseAlert("Guard LiveAccount", "account '" + accountName + "' is not a simulation account and AllowLiveAccount is off: "
                    + "trading guard LiveAccount refuses every rebalance");

            string path = ResolveStorePath();
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            store = new SqlitePortfolioStore(path);
            var query = new AccountOrderQuery(Account, "P");
            rebalancer.UseExecution(gateway, store, query, new ExecutionSessionOptions
            {
                Account = accountName,
                Limits = liveLimits,
                DailyUsage = dailyUsage,
                KillPath = string.IsNullOrWhiteSpace(KillFile) ? null : KillFile.Trim(),
                RiskLimit = new GrossLeverageCheck(this),
            });
            // Parents of an earlier run still unfinished in the store: their orders still in the account are adopted (their
            // events come through the account), then the sessions resume them without re-sending.
            var unfinished = store.LoadParentIds(ParentOrderStatus.Working).Concat(store.LoadParentIds(ParentOrderStatus.Halted)).ToList();
            if (unfinished.Count > 0)
            {
                SubscribeAccount();
                foreach (string id in unfinished)
                    foreach (ChildOrderRecord child in store.LoadChildren(id))
                    {
                        Order order = query.Find(child.ClientOrderId);
                        if (order != null) gateway.Adopt(child.ClientOrderId, order);
                    }
                try
                {
                    IReadOnlyList<ExecutionSession> resumed = rebalancer.ResumeWorking();
                    Print(Name + ": resumed " + resumed.Count + " execution(s) from " + path);
                }
                catch (Exception ex)
                {
                    RaiseAlert("Restart", "could not resume the executions in " + path + ": " + ex.Message + "; nothing was sent for them");
                }
            }
            rebalancer.DryRun = DryRun;
            if (TradeOnStart) rebalancer.Arm();
            else rebalancer.Armed = false;
            Print(Name + ": live on account " + (Account == null ? "?" : Account.Name) + (DryRun ? " (DRY RUN: orders are logged, none is sent)" : string.Empty)
                + "; execution store " + path + (TradeOnStart ? "; trading now" : "; waiting for the first scheduled rebalance (TradeOnStart off)"));
        }

        private string ResolveStorePath()
        {
            if (!string.IsNullOrWhiteSpace(StorePath))
                return StorePath.Trim();
            // NinjaTrader's user folder is Documents\NinjaTrader 8; one file per strategy name, account and chart instrument.
            // The chart instrument (not the slot's current contract, which a roll changes), so a restart finds the same file.
            string file = Name + "-" + (Account == null ? "account" : Account.Name) + "-" + Instruments[0].FullName;
            foreach (char c in Path.GetInvalidFileNameChars()) file = file.Replace(c, '_');
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "NinjaTrader 8", "db", "portfolio", file + ".sqlite");
        }

        /// <summary>Arms live trading now (TradeOnStart off waits for the first scheduled rebalance otherwise).</summary>
        public void Arm()
        {
            if (rebalancer != null) rebalancer.Arm();
        }

        // Historical parents still working at the switch to realtime: NinjaTrader resubmits their working orders as new
        // realtime Order objects (GetRealtimeOrder); the references are mapped, then the parents are cancelled. They were
        // planned on the virtual history, the adopted account positions are the truth, and TradeOnStart decides when live
        // trading starts; fills that race the cancel are counted (IgnoreOverfill) and the next plan trades the difference.
        private void Handover()
        {
            handoverPending = false;
            foreach (KeyValuePair<string, Order> tracked in gateway.Orders)
            {
                if (!tracked.Value.IsBacktestOrder) continue;
                Order realtime = GetRealtimeOrder(tracked.Value);
                if (realtime != null) gateway.Remap(tracked.Value, realtime);
            }
            if (rebalancer.Working.Count == 0) return;
            Print(Name + ": cancelling " + rebalancer.Working.Count + " historical parent(s) still working at the switch to realtime");
            rebalancer.CancelAll();
        }

        protected override void OnConnectionStatusUpdate(ConnectionStatusEventArgs connectionStatusUpdate)
        {
            if (rebalancer == null || connectionStatusUpdate == null) return;
            bool up = connectionStatusUpdate.Status == ConnectionStatus.Connected && connectionStatusUpdate.PriceStatus == ConnectionStatus.Connected;
            if (!up && !rebalancer.Paused)
            {
                rebalancer.Paused = true;
                RaiseAlert("Connection", "connection " + connectionStatusUpdate.Status + " (prices " + connectionStatusUpdate.PriceStatus
                    + "): execution paused, no order is sent, changed or cancelled until it reconnects");
            }
            else if (up && rebalancer.Paused)
            {
                rebalancer.Paused = false;
                RaiseAlert("Connection", "reconnected: execution resumes at the next bar (expired slices roll into catch-up slices)");
            }
        }

        // ---- bars and decisions ----

        protected override void OnBarUpdate()
        {
            if (handoverPending && State == State.Realtime)
                Handover();
            int k = BarsInProgress;
            if (CurrentBars[k] < 0)
                return;
            // Every bar update in realtime is a clock tick for time-based slices (the 1-minute clock series included).
            if (State == State.Realtime)
                rebalancer.OnClock(Times[k][0]);
            // The portfolio's series (and the next contracts) gate decisions; the clock series (last, when added) only ticks the slices.
            if (k >= records.Length)
                return;
            List<KeyValuePair<DateTime, double>> list = records[k];
            DateTime t = Times[k][0];
            if (list.Count == 0 || t > list[list.Count - 1].Key)
            {
                list.Add(new KeyValuePair<DateTime, double>(t, Closes[k][0]));
                if (list.Count > RecordsKept) list.RemoveAt(0);
            }
            while (TryAct()) { }
        }

        // A time is decided once every series has a bar at or after it (so no series can still deliver a bar of that time),
        // or once the primary series has moved past it (a series without a bar at that time: its last earlier close stands
        // in). Each series contributes its close at or before the decided time: closes of two dates are never mixed.
        private bool TryAct()
        {
            DateTime pending = DateTime.MaxValue;
            for (int k = 0; k < slots; k++)
            {
                if (Rec(k).Count == 0) return false;
                foreach (KeyValuePair<DateTime, double> r in Rec(k))
                    if (r.Key > lastActed && r.Key < pending) { pending = r.Key; break; }
            }
            if (pending == DateTime.MaxValue) return false;
            bool all = true;
            for (int k = 0; k < slots; k++)
                if (Latest(k) < pending) all = false;
            if (!all && Latest(0) <= pending) return false;
            lastActed = pending;
            Act(pending);
            return true;
        }

        // The closes of slot k: those of the contract it trades now.
        private List<KeyValuePair<DateTime, double>> Rec(int k) => records[current[k]];

        private DateTime Latest(int k) => Rec(k)[Rec(k).Count - 1].Key;

        private double LastClose(int k, DateTime atOrBefore)
        {
            List<KeyValuePair<DateTime, double>> list = Rec(k);
            for (int i = list.Count - 1; i >= 0; i--)
                if (list[i].Key <= atOrBefore) return list[i].Value;
            return double.NaN;
        }

        // Signed contracts of slot k: the expiring and the next contract together (the exposure a roll must not double).
        private int SlotPosition(int k) => Signed(Positions[k]) + (nextSeries[k] >= 0 ? Signed(Positions[nextSeries[k]]) : 0);

        // Value of slot k's contracts (account currency): each contract at its own close at or before the time (the slot's
        // close when a contract has none yet), so contracts of both months held around a roll are not marked at one price.
        private double MarkedValue(int k, double slotClose, DateTime atOrBefore)
        {
            double value = 0;
            foreach (int series in new[] { k, nextSeries[k] })
            {
                if (series < 0) continue;
                int held = Signed(Positions[series]);
                if (held == 0) continue;
                double close = series == current[k] ? slotClose : SeriesClose(series, atOrBefore);
                value += held * (double.IsNaN(close) ? slotClose : close) * pointValues[k];
            }
            return value;
        }

        private double SeriesClose(int series, DateTime atOrBefore)
        {
            List<KeyValuePair<DateTime, double>> list = records[series];
            for (int i = list.Count - 1; i >= 0; i--)
                if (list[i].Key <= atOrBefore) return list[i].Value;
            return double.NaN;
        }

        // Roll day of slot k (the Help Guide's MasterInstrument.RolloverCollection, Instrument.Expiry): the date of the first
        // rollover to a later contract month, RollOffsetDays earlier. The next contract must be a later one of the same master.
        private void SetUpRoll(int k)
        {
            Instrument expiring = Instruments[k];
            Instrument next = Instruments[nextSeries[k]];
            if (next.MasterInstrument.Name != expiring.MasterInstrument.Name || !(next.Expiry > expiring.Expiry))
                throw new ArgumentException("input Roll contracts: " + next.FullName + " is not a later contract of " + expiring.FullName + "'s master " + expiring.MasterInstrument.Name);
            var entries = new List<RollEntry>();
            foreach (var rollover in expiring.MasterInstrument.RolloverCollection)
                entries.Add(new RollEntry(rollover.ContractMonth, rollover.Date));
            rollDays[k] = FuturesRoll.RollDay(expiring.Expiry, entries, RollOffsetDays);
            if (!rollDays[k].HasValue)
                throw new ArgumentException("input Roll contracts: master " + expiring.MasterInstrument.Name + " has no rollover after " + expiring.FullName
                    + "'s expiry " + expiring.Expiry.ToString("yyyy-MM", CultureInfo.InvariantCulture) + " in its RolloverCollection; no roll day for " + next.FullName);
        }

        // "ES 06-26; ; NQ 06-26" -> the next contract per slot (null = no roll); empty -> null.
        private string[] RollList()
        {
            if (string.IsNullOrWhiteSpace(RollContracts)) return null;
            int count = 1;
            foreach (string slot in new[] { Instrument2, Instrument3, Instrument4 })
                if (!string.IsNullOrWhiteSpace(slot)) count++;
            string[] parts = RollContracts.Split(';');
            if (parts.Length != count)
                throw new ArgumentException("input Roll contracts: " + parts.Length + " value(s) for " + count + " instrument slot(s); give one per slot separated by ';' (empty = no roll), got '" + RollContracts + "'");
            var result = new string[count];
            for (int k = 0; k < count; k++)
                result[k] = string.IsNullOrWhiteSpace(parts[k]) ? null : parts[k].Trim();
            return result;
        }

        private void Act(DateTime time)
        {
            double marked = 0;
            for (int k = 0; k < closes.Length; k++)
            {
                closes[k] = LastClose(k, time);
                if (double.IsNaN(closes[k]))
                {
                    Print(Name + ": no close of " + names[k] + " at or before " + time + "; no decision");
                    return;
                }
                positions[k] = SlotPosition(k);
                marked += MarkedValue(k, closes[k], time);
            }
            lastDecision = time;
            marketClock.Set(DateTime.SpecifyKind(time, DateTimeKind.Utc));
            double equity;
            if (live)
            {
                double pnl = liveCash + marked;
                if (LiveStops(time, pnl))
                    return;
                equity = EquityBasis == PortfolioEquityBasis.AccountNetLiquidation
                    ? AccountFraction * Account.Get(AccountItem.NetLiquidation, Account.Denomination)
                    : Capital + pnl;
            }
            else
                equity = Capital + cash + marked;
            if (!(equity > 0))
            {
                Print(Name + ": equity " + equity + " is not positive at " + time + "; no rebalance");
                return;
            }
            for (int k = 0; k < slots; k++)
            {
                if (nextSeries[k] < 0 || rolled[k] || !FuturesRoll.IsDue(time, rollDays[k])) continue;
                string next = Instruments[nextSeries[k]].FullName;
                // Only the expiring contract's position moves: contracts already in the next one (adopted at a re-enable)
                // stay, so the slot's exposure is never counted or bought twice.
                if (!rebalancer.Roll(time, k, next, Signed(Positions[k]), closes[k])) continue;
                rolled[k] = true;
                current[k] = nextSeries[k];
                names[k] = next;
                slotOf[next] = k;
            }
            rebalancer.OnBar(time, closes, positions, (decimal)equity, live, live && SliceHorizonMinutes > 0 ? SessionEnd(time) : (DateTime?)null);
        }

        // Time-based slicing: the earliest end of the trading sessions open at the decision time (Help Guide "SessionIterator",
        // ActualSessionEnd after IsInSession); instruments whose market is closed are deferred anyway. Null when none is open.
        private DateTime? SessionEnd(DateTime time)
        {
            DateTime? end = null;
            for (int k = 0; k < sessionIterators.Length; k++)
                if (sessionIterators[k].IsInSession(time, true, true) && (!end.HasValue || sessionIterators[k].ActualSessionEnd < end.Value))
                    end = sessionIterators[k].ActualSessionEnd;
            return end;
        }

        // Kill file and daily loss limit; true when trading is stopped.
        private bool LiveStops(DateTime time, double pnl)
        {
            if (time.Date != lossDay)
            {
                lossDay = time.Date;
                dayStartPnl = lastLivePnl;
            }
            lastLivePnl = pnl;
            if (!killSwitch.IsTripped && !string.IsNullOrWhiteSpace(KillFile) && File.Exists(KillFile.Trim()))
                killSwitch.Trip("kill file '" + KillFile.Trim() + "' exists");
            double loss = dayStartPnl - pnl;
            if (!killSwitch.IsTripped && DailyLossLimit > 0 && loss >= DailyLossLimit)
                killSwitch.Trip(string.Format(CultureInfo.InvariantCulture, "daily loss limit: lost {0:0.00} since the last close of {1:yyyy-MM-dd} (limit DailyLossLimit = {2:0.00})",
                    loss, time.Date.AddDays(-1), DailyLossLimit));
            return killSwitch.IsTripped;
        }

        // ---- orders ----

        private Order SubmitChild(ChildOrderRequest request)
        {
            int k = seriesOf[request.Instrument];
            int held = Signed(Positions[k]);
            OrderAction action = request.Side == OrderSide.Buy
                ? (held < 0 ? OrderAction.BuyToCover : OrderAction.Buy)
                : (held > 0 ? OrderAction.Sell : OrderAction.SellShort);
            return SubmitOrderUnmanaged(k, action, OrderType.Market, request.Quantity, 0, 0, string.Empty, request.ClientOrderId);
        }

        // The order object to act on: a historical order that transitioned to realtime is a new object (GetRealtimeOrder);
        // null when it has none (terminal): acting on the historical object would disable the strategy.
        private Order Current(Order order)
        {
            if (order == null || !order.IsBacktestOrder || State != State.Realtime) return order;
            Order realtime = GetRealtimeOrder(order);
            if (realtime != null) gateway.Remap(order, realtime);
            return realtime;
        }

        protected override void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string nativeError)
        {
            if (gateway == null)
                return;
            if (orderState == OrderState.Rejected)
            {
                // Own error policy (IgnoreAllErrors): the executor retries the slice (MaxRetries) and halts the parent after
                // that; no position is closed. The drift trigger re-arms once the parent halts.
                RaiseAlert("Reject", "order '" + order.Name + "' (" + order.OrderAction + " " + quantity + " " + order.Instrument.FullName + ") rejected: "
                    + error + (string.IsNullOrEmpty(nativeError) ? string.Empty : " " + nativeError) + "; the executor retries, other positions are untouched");
            }
            gateway.OnOrderUpdate(order, orderState, filled, time, string.IsNullOrEmpty(nativeError) ? (error == ErrorCode.NoError ? null : error.ToString()) : nativeError);
        }

        protected override void OnExecutionUpdate(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
            int k;
            if (slotOf == null || !slotOf.TryGetValue(execution.Instrument.FullName, out k))
                return;
            int signed = marketPosition == MarketPosition.Long ? quantity : -quantity;
            if (live) liveCash -= signed * price * pointValues[k];
            else cash -= signed * price * pointValues[k];
            gateway.OnExecutionUpdate(execution.Order, price, quantity, time);
        }

        private void SubscribeAccount()
        {
            if (accountSubscribed || Account == null) return;
            Account.OrderUpdate += OnAccountOrderUpdate;
            Account.ExecutionUpdate += OnAccountExecutionUpdate;
            accountSubscribed = true;
        }

        // Orders of an earlier run (adopted after a restart) report through the account only.
        private void OnAccountOrderUpdate(object sender, OrderEventArgs e)
        {
            if (gateway != null && e.Order != null)
                gateway.OnAccountOrderUpdate(e.Order, e.OrderState, e.Filled, e.Time, null);
        }

        private void OnAccountExecutionUpdate(object sender, ExecutionEventArgs e)
        {
            if (gateway == null || e.Execution == null || !gateway.IsAdopted(e.Execution.Order)) return;
            int k;
            if (slotOf.TryGetValue(e.Execution.Instrument.FullName, out k))
                liveCash -= (e.MarketPosition == MarketPosition.Long ? e.Quantity : -e.Quantity) * e.Price * pointValues[k];
            gateway.OnAccountExecution(e.Execution.Order, e.Price, e.Quantity, e.Time);
        }

        private void RaiseAlert(string kind, string message)
        {
            string line = Name + " " + kind + ": " + message;
            Print(line);
            RaisedAlerts.Add(line);
        }

        // "1.08; 1.13; ..." -> one positive number per slot; empty -> fallback for every slot.
        private static double[] SlotList(string text, int slots, string input, double fallback)
        {
            var values = new double[slots];
            if (string.IsNullOrWhiteSpace(text))
            {
                for (int k = 0; k < slots; k++) values[k] = fallback;
                return values;
            }
            string[] parts = text.Split(';');
            if (parts.Length != slots)
                throw new ArgumentException("input " + input + ": " + parts.Length + " value(s) for " + slots + " instrument slot(s); give one per slot separated by ';', got '" + text + "'");
            for (int k = 0; k < slots; k++)
            {
                double v;
                if (!double.TryParse(parts[k].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out v) || !(v >= 0) || double.IsInfinity(v))
                    throw new ArgumentException("input " + input + ": value " + (k + 1) + " must be a number >= 0, got '" + parts[k].Trim() + "'");
                values[k] = v;
            }
            return values;
        }

        private static int Signed(Position position) =>
            position == null ? 0 : position.MarketPosition == MarketPosition.Short ? -position.Quantity : position.MarketPosition == MarketPosition.Long ? position.Quantity : 0;

        /// <summary>Host/test access: the decision loop (null before State.DataLoaded). Not an input, never serialized.</summary>
        [Browsable(false)]
        [XmlIgnore]
        public PortfolioRebalancer Rebalancer
        {
            get { return rebalancer; }
        }

        /// <summary>Host/test access: the kill switch of this run (trip it to stop trading). Not an input.</summary>
        [Browsable(false)]
        [XmlIgnore]
        public KillSwitch KillSwitch
        {
            get { return killSwitch; }
        }

        /// <summary>Host/test access: alerts raised by this run (rejects, guard refusals, halts, kill switch), oldest first.</summary>
        [Browsable(false)]
        [XmlIgnore]
        public List<string> RaisedAlerts { get; } = new List<string>();

        /// <summary>Host/test access: the durable execution store of the live part (null before State.Realtime).</summary>
        [Browsable(false)]
        [XmlIgnore]
        public IPortfolioStore ExecutionStore
        {
            get { return store; }
        }

        // ---- adapters between NinjaTrader state and Core's guards ----

        // Gross leverage after the order: sum of |position| x close x point value over equity (Capital + live P&L).
        private sealed class GrossLeverageCheck : IRiskLimitCheck
        {
            private readonly PortfolioRebalancingStrategy owner;

            internal GrossLeverageCheck(PortfolioRebalancingStrategy owner)
            {
                this.owner = owner;
            }

            public string Breach(OrderIntent intent)
            {
                if (!(owner.MaxGrossLeverage > 0)) return null;
                double gross = 0;
                double equity = owner.Capital + owner.lastLivePnl;
                for (int k = 0; k < owner.names.Length; k++)
                {
                    double q = owner.SlotPosition(k);
                    if (owner.names[k] == intent.Instrument) q += intent.Side == OrderSide.Buy ? intent.Quantity : -intent.Quantity;
                    gross += Math.Abs(q) * owner.closes[k] * owner.pointValues[k];
                }
                if (!(equity > 0)) return "equity " + equity.ToString("0.00", CultureInfo.InvariantCulture) + " is not positive";
                double leverage = gross / equity;
                return leverage > owner.MaxGrossLeverage
                    ? string.Format(CultureInfo.InvariantCulture, "gross leverage after the order would be {0:0.###}, above MaxGrossLeverage {1:0.###}", leverage, owner.MaxGrossLeverage)
                    : null;
            }
        }

        // Core's execution alerts (halts after retries, late fills, overfills) go to the Output window and the alerts.
        private sealed class StrategyAlertSink : IExecutionAlertSink
        {
            private readonly PortfolioRebalancingStrategy owner;

            internal StrategyAlertSink(PortfolioRebalancingStrategy owner)
            {
                this.owner = owner;
            }

            public void Raise(ExecutionAlert alert) => owner.RaiseAlert("Execution", alert.ToString());
        }

        #region Properties
        [NinjaScriptProperty]
        [Display(Name = "Instrument 2", Description = "Full name, e.g. NQ 12-26; empty = unused (slot 1 is the chart instrument)", GroupName = "Instruments", Order = 1)]
        public string Instrument2 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 3", Description = "Full name; empty = unused", GroupName = "Instruments", Order = 2)]
        public string Instrument3 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Instrument 4", Description = "Full name; empty = unused", GroupName = "Instruments", Order = 3)]
        public string Instrument4 { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Method", Description = "Core optimizer for the target weights", GroupName = "Parameters", Order = 1)]
        public PortfolioMethod Method { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Max weight", Description = "Largest weight per instrument (fraction, default 0.6); not applied to risk parity", GroupName = "Parameters", Order = 2)]
        public double MaxWeight { get; set; }

        [NinjaScriptProperty]
        [Range(0.01, 1.0)]
        [Display(Name = "Kelly fraction", Description = "Multiple of full Kelly (method Kelly)", GroupName = "Parameters", Order = 3)]
        public double KellyFraction { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Risk-free rate per bar", Description = "Fraction per bar (max Sharpe, Kelly)", GroupName = "Parameters", Order = 4)]
        public double RiskFreeRate { get; set; }

        [NinjaScriptProperty]
        [Range(2, int.MaxValue)]
        [Display(Name = "Lookback", Description = "Bar returns used to estimate mean and covariance", GroupName = "Parameters", Order = 5)]
        public int Lookback { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Rebalance calendar", Description = "Re-optimize and rebalance on the first bar of each period", GroupName = "Parameters", Order = 6)]
        public CalendarFrequency Calendar { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, 1.0)]
        [Display(Name = "Drift band", Description = "Rebalance when a weight drifts this far from its target (fraction of value); 0 = off", GroupName = "Parameters", Order = 7)]
        public double DriftBand { get; set; }

        [NinjaScriptProperty]
        [Range(1.0, double.MaxValue)]
        [Display(Name = "Capital", Description = "Account currency allotted to the portfolio", GroupName = "Parameters", Order = 8)]
        public double Capital { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, 0.99)]
        [Display(Name = "Cash buffer", Description = "Fraction of equity kept uninvested", GroupName = "Parameters", Order = 9)]
        public double CashBuffer { get; set; }

        [NinjaScriptProperty]
        [Range(1, 100)]
        [Display(Name = "Execution slices", Description = "Realtime orders are split over this many bars (TWAP)", GroupName = "Parameters", Order = 10)]
        public int ExecutionSlices { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, 10.0)]
        [Display(Name = "Volatility target", Description = "Annual volatility target (fraction, 0.12 = 12%); weights scaled by min(V / sigma, L / sum|w|); 0 = off", GroupName = "Sizing", Order = 1)]
        public double VolatilityTarget { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, 100.0)]
        [Display(Name = "Max gross leverage", Description = "Cap on gross leverage (multiple of equity): target weights are scaled down to sum |weights| <= this, and live orders that would leave gross notional / (Capital + live P&L) above it are refused (guard RiskLimit); 0 = off", GroupName = "Sizing", Order = 2)]
        public double MaxGrossLeverage { get; set; }

        [NinjaScriptProperty]
        [Range(1, 100000)]
        [Display(Name = "Periods per year", Description = "Bars per year for the annualised volatility (252 for daily bars)", GroupName = "Sizing", Order = 3)]
        public int PeriodsPerYear { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "FX rates", Description = "Account currency per unit of each slot's currency, ';'-separated in slot order (e.g. 1.08;1.13;1.08;1.27); empty = all in the account currency", GroupName = "Sizing", Order = 4)]
        public string FxRates { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Margins", Description = "Initial margin per contract in each slot's currency, ';'-separated in slot order; empty = unknown", GroupName = "Sizing", Order = 5)]
        public string Margins { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, 10.0)]
        [Display(Name = "Max margin use", Description = "Total initial margin at most this fraction of equity (needs Margins); 0 = off", GroupName = "Sizing", Order = 6)]
        public double MaxMarginUse { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, 1.0)]
        [Display(Name = "Min trade weight", Description = "No-trade band: positions change only when the target differs from the weight by at least this (fraction of equity)", GroupName = "Sizing", Order = 7)]
        public double MinTradeWeight { get; set; }

        [NinjaScriptProperty]
        [Range(0, 1440)]
        [Display(Name = "Slice horizon (minutes)", Description = "Realtime orders: Execution slices children spread over this many minutes on the clock (bounded by the session end); 0 = one child per bar", GroupName = "Parameters", Order = 11)]
        public int SliceHorizonMinutes { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Roll contracts", Description = "Futures roll: the next contract of each slot, ';'-separated in slot order (empty entry = no roll), e.g. ES 06-26; on the roll day the position moves to it (close, then open)", GroupName = "Futures roll", Order = 1)]
        public string RollContracts { get; set; }

        [NinjaScriptProperty]
        [Range(0, 60)]
        [Display(Name = "Roll offset (days)", Description = "Roll this many calendar days before the master instrument's rollover date (RolloverCollection); 0 = on that date", GroupName = "Futures roll", Order = 2)]
        public int RollOffsetDays { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Equity basis", Description = "Live sizing: Capital plus P&L since the strategy went live, or a fraction of the account's NetLiquidation", GroupName = "Live trading", Order = 1)]
        public PortfolioEquityBasis EquityBasis { get; set; }

        [NinjaScriptProperty]
        [Range(0.01, 1.0)]
        [Display(Name = "Account fraction", Description = "Fraction of NetLiquidation sized when Equity basis = AccountNetLiquidation", GroupName = "Live trading", Order = 2)]
        public double AccountFraction { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Trade on start", Description = "Off: when going live, wait for the first scheduled rebalance (or Arm) before trading", GroupName = "Live trading", Order = 3)]
        public bool TradeOnStart { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Allow live account", Description = "Explicit opt-in to send orders to an account that is not Sim/Playback", GroupName = "Live trading", Order = 4)]
        public bool AllowLiveAccount { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Dry run", Description = "Log the orders a live rebalance would send and send none", GroupName = "Live trading", Order = 5)]
        public bool DryRun { get; set; }

        [NinjaScriptProperty]
        [Range(0, int.MaxValue)]
        [Display(Name = "Max order contracts", Description = "Largest child order, contracts; 0 = no limit", GroupName = "Live trading", Order = 6)]
        public int MaxOrderContracts { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, double.MaxValue)]
        [Display(Name = "Max order notional", Description = "Largest child order notional (contracts x price x point value), account currency; 0 = no limit", GroupName = "Live trading", Order = 7)]
        public double MaxOrderNotional { get; set; }

        [NinjaScriptProperty]
        [Range(0, int.MaxValue)]
        [Display(Name = "Max daily contracts", Description = "Contracts sent per day, per instrument; 0 = no limit", GroupName = "Live trading", Order = 8)]
        public int MaxDailyContracts { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, double.MaxValue)]
        [Display(Name = "Max daily notional", Description = "Notional sent per day, per instrument, account currency; 0 = no limit", GroupName = "Live trading", Order = 9)]
        public double MaxDailyNotional { get; set; }


        [NinjaScriptProperty]
        [Range(0.0, double.MaxValue)]
        [Display(Name = "Daily loss limit", Description = "Loss since the previous day's last bar (account currency) that stops trading; 0 = off", GroupName = "Live trading", Order = 11)]
        public double DailyLossLimit { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Kill file", Description = "When this file exists, working orders are cancelled and trading stops; empty = off", GroupName = "Live trading", Order = 12)]
        public string KillFile { get; set; }

        [NinjaScriptProperty]
        [Display(Name = "Execution store", Description = "SQLite file of the live execution state; empty = Documents\\NinjaTrader 8\\db\\portfolio\\<name>-<account>-<instrument>.sqlite", GroupName = "Live trading", Order = 13)]
        public string StorePath { get; set; }
        #endregion
    }

    /// <summary>What live orders are sized on.</summary>
    public enum PortfolioEquityBasis
    {
        /// <summary>Capital plus the P&amp;L since the strategy went live (the simulated history never counts).</summary>
        CapitalPlusLivePnL,
        /// <summary>AccountFraction x the account's NetLiquidation.</summary>
        AccountNetLiquidation,
    }
}
