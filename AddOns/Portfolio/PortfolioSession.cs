using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Views;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>
    /// Everything one Portfolio Manager tab holds, without WPF: the account, the instruments (with sectors), daily history
    /// from one <see cref="BarsRequest"/> per instrument, live last prices from <see cref="MarketData"/> subscriptions, and
    /// rebalance execution through <see cref="ScheduleExecutor"/>s over an <see cref="AccountOrderGateway"/>. NinjaTrader
    /// raises its events on its own threads: state is guarded by a lock and the window polls snapshots on a timer.
    /// <see cref="Dispose"/> releases the requests and subscriptions (window close) and cancels working parents.
    /// </summary>
    public sealed class PortfolioSession : IDisposable
    {
        private readonly object gate = new object();
        private readonly object alertsGate = new object();
        private readonly Account account;
        private readonly string[] names;
        private readonly string[] sectors;
        private readonly Instrument[] instruments;
        private readonly Dictionary<string, BarHistory> history = new Dictionary<string, BarHistory>(StringComparer.Ordinal);
        private readonly Dictionary<string, double> lastPrices = new Dictionary<string, double>(StringComparer.Ordinal);
        private readonly List<BarsRequest> requests = new List<BarsRequest>();
        private readonly List<ScheduleExecutor> executors = new List<ScheduleExecutor>();
        private readonly List<string> alerts = new List<string>();
        private readonly SettableClock clock = new SettableClock();
        private AccountOrderGateway gateway;
        private int parentSequence;
        private bool disposed;

        /// <summary>
        /// Opens the session: resolves every instrument (an unknown name throws naming it) and subscribes to its market data.
        /// <paramref name="sectors"/> parallel to <paramref name="instrumentNames"/> (null or empty entries = no sector).
        /// </summary>
        public PortfolioSession(Account account, IReadOnlyList<string> instrumentNames, IReadOnlyList<string> sectors)
        {
            this.account = account ?? throw new ArgumentNullException(nameof(account));
            if (instrumentNames == null || instrumentNames.Count == 0) throw new ArgumentException("no instruments given", nameof(instrumentNames));
            names = instrumentNames.ToArray();
            this.sectors = names.Select((n, i) => sectors != null && i < sectors.Count && sectors[i] != null ? sectors[i] : string.Empty).ToArray();
            instruments = new Instrument[names.Length];
            for (int i = 0; i < names.Length; i++)
                instruments[i] = Instrument.GetInstrument(names[i]) ?? throw new InvalidOperationException("unknown instrument '" + names[i] + "'");
            // Help Guide "MarketData": subscribe through the instrument's Dispatcher
            // (if (!instrument.Dispatcher.HasShutdownStarted) instrument.Dispatcher.InvokeAsync(() => ... += ...)).
            foreach (Instrument instrument in instruments)
            {
                Instrument i = instrument;
                if (!i.Dispatcher.HasShutdownStarted)
                    i.Dispatcher.InvokeAsync(() => i.MarketData.Update += OnMarketData);
            }
        }

        /// <summary>Instrument full names.</summary>
        public IReadOnlyList<string> Instruments => names;

        /// <summary>The account orders go to.</summary>
        public Account Account => account;

        /// <summary>True once every instrument's history arrived.</summary>
        public bool HasHistory
        {
            get { lock (gate) return history.Count == names.Length; }
        }

        /// <summary>Alerts and errors, oldest first (a copy).</summary>
        public IReadOnlyList<string> Alerts
        {
            get { lock (alertsGate) return alerts.ToList(); }
        }

        /// <summary>Requests <paramref name="days"/> daily bars of every instrument (BarsRequest); results arrive asynchronously.</summary>
        public void RequestHistory(int days)
        {
            if (days < 3) throw new ArgumentOutOfRangeException(nameof(days), "at least 3 days of history are needed, got " + days);
            for (int i = 0; i < instruments.Length; i++)
            {
                string name = names[i];
                // Help Guide "BarsRequest": the example sets TradingHours before Request; the instrument's own template is used.
                var request = new BarsRequest(instruments[i], days)
                {
                    BarsPeriod = new BarsPeriod { BarsPeriodType = BarsPeriodType.Day, Value = 1 },
                    TradingHours = instruments[i].MasterInstrument.TradingHours,
                };
                lock (gate) requests.Add(request);
                request.Request(new Action<BarsRequest, ErrorCode, string>((r, error, message) =>
                {
                    lock (gate)
                    {
                        if (disposed) return;
                        if (error != ErrorCode.NoError) { Alert("history of " + name + " failed: " + error + " " + message); return; }
                        // Help Guide "BarsRequest": "the last returned bar may be a currently in-progress bar".
                        history[name] = BarHistory.FromBars(name, r.Bars, NinjaTrader.Core.Globals.Now);
                    }
                }));
            }
        }

        /// <summary>Simple returns per day of the instruments on their shared dates (Core: inner join, then simple returns).</summary>
        public AssetFrame Returns()
        {
            List<BarHistory> all;
            lock (gate)
            {
                if (history.Count != names.Length)
                    throw new InvalidOperationException("history has arrived for " + history.Count + " of " + names.Length + " instruments");
                all = names.Select(n => history[n]).ToList();
            }
            AssetFrame prices = BarHistory.JoinCloses(all, out _);
            return ReturnCalculator.Simple(prices);
        }

        /// <summary>Live last price, else the last daily close, else NaN.</summary>
        public double Price(string name)
        {
            lock (gate)
            {
                if (lastPrices.TryGetValue(name, out double p)) return p;
                if (history.TryGetValue(name, out BarHistory h) && h.Closes.Count > 0) return h.Closes[h.Closes.Count - 1];
                return double.NaN;
            }
        }

        /// <summary>Signed position of the account in <paramref name="name"/>.</summary>
        public int Position(string name)
        {
            Position p;
            // Help Guide "Positions" (Account): lock the collection that is enumerated.
            lock (account.Positions)
                p = account.Positions.FirstOrDefault(x => x.Instrument != null && x.Instrument.FullName == name);
            if (p == null) return 0;
            return p.MarketPosition == MarketPosition.Short ? -p.Quantity : p.MarketPosition == MarketPosition.Long ? p.Quantity : 0;
        }

        /// <summary>Account value in the account's currency (NetLiquidation).</summary>
        public double AccountValue => account.Get(AccountItem.NetLiquidation, account.Denomination);

        /// <summary>The Portfolio tab's rows for <paramref name="targets"/> (null = none yet).</summary>
        public IReadOnlyList<PortfolioRow> Rows(IReadOnlyList<double> targets)
        {
            double value = AccountValue;
            if (!(value > 0)) throw new InvalidOperationException("account " + account.Name + " reports no positive net liquidation value");
            return PortfolioRows.Compute(names, sectors, instruments.Select(i => i.MasterInstrument.PointValue).ToList(),
                names.Select(Position).ToList(), names.Select(Price).ToList(), targets, value);
        }

        /// <summary>Plans whole contracts to <paramref name="targets"/> and routes each order (Rebalance tab preview).</summary>
        public IReadOnlyList<RebalancePreviewRow> Preview(IReadOnlyList<double> targets, double maxWeight, double cashBuffer, double horizonMinutes, int slices, double riskAversion)
        {
            if (targets == null || targets.Count != names.Length) throw new ArgumentException("one target weight per instrument is needed", nameof(targets));
            var planned = new List<PlannerInstrument>();
            for (int i = 0; i < names.Length; i++)
            {
                double price = Price(names[i]);
                if (!(price > 0)) throw new InvalidOperationException("no price for '" + names[i] + "' yet");
                planned.Add(new PlannerInstrument(names[i], (decimal)price, (decimal)instruments[i].MasterInstrument.PointValue, 1, Position(names[i]), targets[i]));
            }
            RebalancePlan plan = new RebalancePlanner().Plan(planned, (decimal)AccountValue, new PlannerOptions { CashBuffer = cashBuffer },
                new InstrumentLimits(defaultMaxWeight: maxWeight));
            Dictionary<string, InstrumentLiquidity> liquidity;
            lock (gate)
                liquidity = history.Values.Select(h => (h.Instrument, Liquidity: h.Liquidity(20))).Where(x => x.Liquidity != null)
                    .ToDictionary(x => x.Instrument, x => x.Liquidity, StringComparer.Ordinal);
            return RebalancePreview.Compute(plan, liquidity, horizonMinutes / 1440.0, slices, riskAversion);
        }

        /// <summary>Starts one executor per previewed order at <paramref name="nowUtc"/> (cancels parents still working first).</summary>
        public void Execute(IReadOnlyList<RebalancePreviewRow> rows, DateTime nowUtc)
        {
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            lock (gate)
            {
                CancelAllUnlocked();
                if (gateway == null) gateway = new AccountOrderGateway(account);
                clock.Set(nowUtc);
                var sink = new PrintAlertSink(Alert);
                foreach (RebalancePreviewRow row in rows)
                {
                    string id = string.Format(CultureInfo.InvariantCulture, "PM{0:yyyyMMddHHmmss}n{1}", nowUtc, ++parentSequence);
                    var parent = new ParentOrder(id, row.Trade.Instrument.Symbol, row.Trade.Side, Math.Abs(row.Trade.OrderQuantity));
                    var executor = new ScheduleExecutor(parent, RebalancePreview.Slices(row, nowUtc), gateway, new InMemoryExecutionStore(), clock, null, sink);
                    executors.Add(executor);
                    executor.Poll();
                }
            }
        }

        /// <summary>Advances the executors to <paramref name="nowUtc"/> (call on a timer).</summary>
        public void Poll(DateTime nowUtc)
        {
            List<ScheduleExecutor> working;
            lock (gate)
            {
                clock.Set(nowUtc);
                working = executors.ToList();
            }
            foreach (ScheduleExecutor executor in working)
                executor.Poll();
        }

        /// <summary>One line per parent: id, instrument, side, filled/quantity, status.</summary>
        public IReadOnlyList<string> Progress()
        {
            lock (gate)
                return executors.Select(e => string.Format(CultureInfo.InvariantCulture, "{0}  {1} {2}  {3}/{4}  {5}",
                    e.Parent.Id, e.Parent.Side, e.Parent.Instrument, e.Filled, e.Parent.Quantity, e.Status)).ToList();
        }

        /// <summary>Cancel-all: every working parent stops and its working children are cancelled.</summary>
        public void CancelAll()
        {
            lock (gate) CancelAllUnlocked();
        }

        /// <summary>Releases history requests and market data subscriptions, cancels working parents, stops listening to the account.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                if (disposed) return;
                disposed = true;
                CancelAllUnlocked();
                foreach (BarsRequest request in requests) request.Dispose();
                requests.Clear();
                if (gateway != null) gateway.Dispose();
            }
            // Help Guide "MarketData": unsubscribe through the instrument's Dispatcher as well.
            foreach (Instrument instrument in instruments)
            {
                Instrument i = instrument;
                if (!i.Dispatcher.HasShutdownStarted)
                    i.Dispatcher.InvokeAsync(() => i.MarketData.Update -= OnMarketData);
            }
        }

        private void CancelAllUnlocked()
        {
            foreach (ScheduleExecutor executor in executors)
            {
                if (executor.Status == ParentOrderStatus.Working) executor.CancelAll();
                executor.Dispose();
            }
            executors.Clear();
        }

        private void OnMarketData(object sender, MarketDataEventArgs e)
        {
            if (e.MarketDataType != MarketDataType.Last || !(e.Price > 0) || e.Instrument == null) return;
            lock (gate) lastPrices[e.Instrument.FullName] = e.Price;
        }

        private void Alert(string message)
        {
            lock (alertsGate) alerts.Add(DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "  " + message);
        }
    }
}
