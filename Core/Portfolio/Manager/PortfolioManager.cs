using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NinjaTraderPortfolio.Core.Safety;

namespace NinjaTraderPortfolio.Core.Portfolio.Manager
{
    /// <summary>
    /// One facade over optimization, allocation triggers, risk (limits on every evaluation, <see cref="AnalyzeRisk"/> on
    /// demand) and execution for many named portfolios.
    /// Lifecycle per portfolio: <see cref="UpdatePrices"/> (a bar of closes) and <see cref="UpdatePositions"/> (the account),
    /// <see cref="Evaluate"/> (weights, triggers, limits; raises <see cref="RebalanceSignalled"/>), <see cref="Plan"/> (whole
    /// lots under the config's sizing limits), <see cref="Execute"/> (one guarded, durable <see cref="ExecutionSession"/>
    /// along the router's schedule). Each portfolio runs one <see cref="Rebalancing.RebalancingLoop"/> (its one streaming
    /// returns window, the triggers, the target source from <see cref="TargetSourceFactory"/>, the sizing limits): the loop
    /// the backtester replays, so a backtest replays these decisions.
    /// Thread-safe: each portfolio has its own lock; events are delivered one at a time (never concurrently, never while a
    /// portfolio lock is held, so handlers may call back into the manager), in the order they were raised per portfolio.
    /// A handler that throws does not stop delivery: the exception is counted in <see cref="HandlerFailures"/>.
    /// Time for alerts comes from the injected <see cref="IClock"/>; bar times come from the data.
    /// </summary>
    public sealed class PortfolioManager
    {
        private readonly SortedDictionary<string, ManagedPortfolio> _portfolios = new SortedDictionary<string, ManagedPortfolio>(StringComparer.Ordinal);
        private readonly IClock _clock;
        private readonly object _delivery = new object();
        private int _handlerFailures;

        /// <summary>Creates the manager; the config is validated (<see cref="PortfolioConfigValidator"/>).</summary>
        public PortfolioManager(PortfolioManagerConfig config, IClock clock, Func<IQpSolver>? solverFactory = null)
        {
            PortfolioConfigValidator.Validate(Guard.NotNull(config, nameof(config)));
            _clock = Guard.NotNull(clock, nameof(clock));
            var solvers = solverFactory ?? (() => new GoldfarbIdnaniSolver());
            foreach (var p in config.Portfolios)
                _portfolios.Add(p.Name, new ManagedPortfolio(p, TargetSourceFactory.Create(p, solvers())));
        }

        /// <summary>A rebalance is due (first allocation or a trigger fired).</summary>
        public event EventHandler<RebalanceSignalEventArgs>? RebalanceSignalled;

        /// <summary>A limit breach or another condition a trader should see.</summary>
        public event EventHandler<PortfolioAlertEventArgs>? AlertRaised;

        /// <summary>Equity after each evaluation.</summary>
        public event EventHandler<PerformanceUpdateEventArgs>? PerformanceUpdated;

        /// <summary>Event handlers that threw (their exceptions are swallowed so delivery goes on).</summary>
        public int HandlerFailures => System.Threading.Volatile.Read(ref _handlerFailures);

        /// <summary>Portfolio names, ordinal order.</summary>
        public IReadOnlyList<string> PortfolioNames => _portfolios.Keys.ToList();

        /// <summary>The configuration of <paramref name="portfolio"/>.</summary>
        public PortfolioConfig Config(string portfolio) => Get(portfolio).Config;

        /// <summary>
        /// Adds a bar of closes (&gt; 0) for every instrument of the portfolio; <paramref name="time"/> strictly after the
        /// previous bar. Unknown or missing instruments are errors naming them.
        /// </summary>
        public void UpdatePrices(string portfolio, DateTime time, IReadOnlyDictionary<string, double> closes)
        {
            var p = Get(portfolio);
            Guard.NotNull(closes, nameof(closes));
            var row = new double[p.Symbols.Length];
            foreach (var k in closes.Keys)
                if (Array.IndexOf(p.Symbols, k) < 0) throw new InvalidInputException($"portfolio '{portfolio}': unknown instrument '{k}' in prices (known: {string.Join(", ", p.Symbols)})");
            for (int i = 0; i < row.Length; i++)
            {
                if (!closes.TryGetValue(p.Symbols[i], out double c))
                    throw new InvalidInputException($"portfolio '{portfolio}': no price for '{p.Symbols[i]}' at {AssetFrame.FormatDate(time)}");
                if (!(c > 0) || double.IsInfinity(c))
                    throw new InvalidInputException($"portfolio '{portfolio}': price of '{p.Symbols[i]}' must be > 0, got {Guard.Format(c)} at {AssetFrame.FormatDate(time)}");
                row[i] = c;
            }
            lock (p.Gate) p.AddBar(time, row);
        }

        /// <summary>Replaces the account state: signed whole positions per instrument (missing = 0) and cash (currency).</summary>
        public void UpdatePositions(string portfolio, IReadOnlyDictionary<string, long> positions, decimal cash)
        {
            var p = Get(portfolio);
            Guard.NotNull(positions, nameof(positions));
            foreach (var k in positions.Keys)
                if (Array.IndexOf(p.Symbols, k) < 0) throw new InvalidInputException($"portfolio '{portfolio}': unknown instrument '{k}' in positions (known: {string.Join(", ", p.Symbols)})");
            lock (p.Gate)
            {
                for (int i = 0; i < p.Symbols.Length; i++) p.Positions[i] = positions.TryGetValue(p.Symbols[i], out long q) ? q : 0;
                p.Cash = cash;
                p.HasPositions = true;
            }
        }

        /// <summary>
        /// Evaluates the portfolio at its latest bar: equity and weights, the first allocation once the optimizer's window is
        /// full, else the rebalance triggers (re-optimizing when one fires), and the weight and sector limits. Raises
        /// <see cref="PerformanceUpdated"/>, <see cref="AlertRaised"/> per breach and <see cref="RebalanceSignalled"/>.
        /// </summary>
        public PortfolioEvaluation Evaluate(string portfolio)
        {
            var p = Get(portfolio);
            PortfolioEvaluation result;
            lock (p.Gate)
            {
                if (p.Bars == 0) throw new InvalidInputException($"portfolio '{portfolio}': no prices yet (call UpdatePrices first)");
                if (!p.HasPositions) throw new InvalidInputException($"portfolio '{portfolio}': no account state yet (call UpdatePositions first)");
                var time = p.LastTime;
                if (p.LastEvaluated == time) throw new InvalidInputException($"portfolio '{portfolio}': bar {AssetFrame.FormatDate(time)} was already evaluated");
                decimal equity = p.Equity();
                if (equity <= 0) throw new InvalidInputException($"portfolio '{portfolio}': equity must be > 0 to evaluate, got {equity.ToString(CultureInfo.InvariantCulture)} at {AssetFrame.FormatDate(time)}");
                p.LastEvaluated = time;
                // The portfolio's rebalancing loop decides (the same step the backtester replays); sizing waits for Plan.
                var decision = p.Loop.Decide(time.Date, p.PositionUnits(), equity);
                var weights = decision.Weights.ToArray();
                bool signal = decision.Trades, initial = decision.Initial;
                var reasons = decision.Reasons;
                int needed = decision.ReturnsNeeded;
                var alerts = LimitAlerts(p, weights);
                if (p.StartEquity == null) p.StartEquity = equity;
                double ret = (double)(equity / p.StartEquity.Value) - 1.0;
                var now = _clock.UtcNow;
                var symbols = p.Symbols;
                var targets = p.Targets == null ? null : (double[])p.Targets.Clone();
                var events = p.Outbox;
                events.Enqueue(() => Raise(PerformanceUpdated, new PerformanceUpdateEventArgs(portfolio, time, equity, ret)));
                foreach (var a in alerts) events.Enqueue(() => Raise(AlertRaised, new PortfolioAlertEventArgs(portfolio, now, PortfolioAlertLevel.Warning, a)));
                if (signal) events.Enqueue(() => Raise(RebalanceSignalled, new RebalanceSignalEventArgs(portfolio, time, reasons, initial, symbols, weights, targets!)));
                result = new PortfolioEvaluation(portfolio, time, equity, symbols, weights, targets, signal, initial, reasons, needed, alerts);
            }
            Deliver(p);
            return result;
        }

        /// <summary>
        /// Risk of the portfolio over the returns its loop's window holds (the optimizer window, at least 20 returns): the weights held now
        /// (<paramref name="useTargets"/> false) or the targets in force (true), through <see cref="Risk.PortfolioRiskAnalyzer"/>
        /// at <paramref name="confidence"/>; per-bar figures. Needs at least 3 returns.
        /// </summary>
        public Risk.RiskReport AnalyzeRisk(string portfolio, double confidence = 0.99, bool useTargets = false)
        {
            var p = Get(portfolio);
            lock (p.Gate)
            {
                if (p.Loop.Window.Count < 3) throw new InvalidInputException($"portfolio '{portfolio}': risk needs at least 4 bars, got {p.Bars}");
                double[] w;
                if (useTargets) w = p.Targets ?? throw new InvalidInputException($"portfolio '{portfolio}': no targets yet");
                else
                {
                    if (!p.HasPositions) throw new InvalidInputException($"portfolio '{portfolio}': no account state yet (call UpdatePositions first)");
                    decimal equity = p.Equity();
                    if (equity <= 0) throw new InvalidInputException($"portfolio '{portfolio}': equity must be > 0 for risk, got {equity.ToString(CultureInfo.InvariantCulture)}");
                    w = p.Weights(equity);
                }
                return Risk.PortfolioRiskAnalyzer.Analyze(p.Loop.Window.Frame(p.Loop.Window.Count), w, confidence);
            }
        }

        /// <summary>
        /// Sizes whole-lot orders from the positions to the targets at the latest closes by the portfolio's loop (its sizing
        /// step: <see cref="RebalancePlanner"/> via <see cref="FuturesSizer"/>, equity = cash + positions, the config's cash
        /// buffer, |weight| capped at the config's limits). Needs targets (an evaluation with enough bars).
        /// </summary>
        public RebalancePlan Plan(string portfolio)
        {
            var p = Get(portfolio);
            lock (p.Gate)
            {
                var targets = p.Loop.Targets ?? throw new InvalidInputException($"portfolio '{portfolio}': no targets yet (evaluate once the optimizer window of {p.Source.FirstBar + 1} bars is full)");
                p.Loop.Size(p.PositionUnits(), p.Equity(), targets, out SizingResult? sizing);
                return sizing!.Plan;
            }
        }

        /// <summary>
        /// Executes the non-zero orders of <paramref name="plan"/> through one <see cref="ExecutionSession"/> (guards, kill
        /// switch, durable <paramref name="store"/>, reconciliation with <paramref name="broker"/> when given): each order
        /// along the router's schedule when the instrument's ADV and spread are configured, else one TWAP slice, over the
        /// config's horizon in days from the clock's now. The execution id is "portfolio/yyyyMMddTHHmmssZ"; the session is
        /// started and returned; the caller polls it (<see cref="ExecutionSession.Poll"/>).
        /// </summary>
        public ExecutionSession Execute(string portfolio, RebalancePlan plan, IOrderGateway gateway, IExecutionStore store, int slices = 5,
            IBrokerOrderQuery? broker = null, ExecutionSessionOptions? options = null, IExecutionAlertSink? alerts = null)
        {
            var p = Get(portfolio);
            Guard.NotNull(plan, nameof(plan));
            Guard.NotNull(gateway, nameof(gateway));
            Guard.NotNull(store, nameof(store));
            Guard.Positive(slices, nameof(slices));
            var now = _clock.UtcNow;
            var orders = new List<SessionOrder>();
            var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var pointValues = new Dictionary<string, decimal>(StringComparer.Ordinal);
            double horizon;
            lock (p.Gate)
            {
                horizon = p.Config.ExecutionHorizonDays;
                foreach (var t in plan.Trades)
                {
                    if (t.OrderQuantity == 0) continue;
                    int i = Array.IndexOf(p.Symbols, t.Instrument.Symbol);
                    if (i < 0) throw new InvalidInputException($"portfolio '{portfolio}': plan names unknown instrument '{t.Instrument.Symbol}'");
                    var c = p.Config.Instruments[i];
                    InstrumentLiquidity? liq = null;
                    if (c.AverageDailyVolume is double adv && c.Spread is double spread && p.Loop.Window.Count >= 2)
                        liq = new InstrumentLiquidity(p.LogVolatility(i), adv, spread);
                    orders.Add(new SessionOrder(c.Symbol, t.Side, Math.Abs(t.OrderQuantity), liq));
                    prices[c.Symbol] = t.Instrument.Price;
                    pointValues[c.Symbol] = t.Instrument.PointValue;
                }
            }
            var sessionOptions = options ?? new ExecutionSessionOptions();
            if (sessionOptions.PointValue == null) sessionOptions.PointValue = s => pointValues.TryGetValue(s, out var v) ? v : 1m;
            var policy = new RoutedSchedulePolicy(horizon, slices, s => prices[s], sessionOptions.PointValue);
            var session = new ExecutionSession(portfolio + "/" + now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), policy, gateway, broker, store,
                new PlanQuotes(prices, now), _clock, sessionOptions, alerts);
            if (orders.Count > 0) session.Start(orders);
            return session;
        }

        // The plan's prices, observed at the moment of execution.
        private sealed class PlanQuotes : IQuoteSource
        {
            private readonly Dictionary<string, decimal> _prices;
            private readonly DateTime _time;

            public PlanQuotes(Dictionary<string, decimal> prices, DateTime time) { _prices = prices; _time = time; }

            public Quote? LastQuote(string instrument) => _prices.TryGetValue(instrument, out var p) ? new Quote(p, _time) : null;

            public double? MarketVolume(string instrument) => null;
        }

        private static List<string> LimitAlerts(ManagedPortfolio p, double[] weights)
        {
            // The portfolio's one limits model, the constraints its optimizer gets (validated with the config); the messages
            // name the config members the user wrote.
            var alerts = new List<string>();
            var c = p.Config.Constraints();
            const double tol = 1e-9;
            for (int i = 0; i < weights.Length; i++)
            {
                var range = c.RangeOf(p.Symbols[i]);
                if (weights[i] > range.Max + tol)
                    alerts.Add($"weight of '{p.Symbols[i]}' is {Guard.Format(weights[i])}, above limits.maxWeight {Guard.Format(range.Max)}");
                if (weights[i] < range.Min - tol)
                    alerts.Add($"weight of '{p.Symbols[i]}' is {Guard.Format(weights[i])}, below limits.minWeight {Guard.Format(range.Min)}");
            }
            foreach (var kv in c.SectorMax.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                double sum = 0;
                for (int i = 0; i < weights.Length; i++) if (c.SectorOf(p.Symbols[i]) == kv.Key) sum += weights[i];
                if (sum > kv.Value + tol) alerts.Add($"sector '{kv.Key}' weighs {Guard.Format(sum)}, above limits.sectorMax {Guard.Format(kv.Value)}");
            }
            return alerts;
        }

        // Events are queued under the portfolio's lock (so their order is the order of the evaluations) and delivered one at a
        // time under the delivery lock, taking the portfolio lock only to dequeue: no thread holds a portfolio lock while it
        // waits for delivery, so handlers may call back into the manager without deadlock.
        private void Deliver(ManagedPortfolio p)
        {
            lock (_delivery)
            {
                while (true)
                {
                    Action next;
                    lock (p.Gate)
                    {
                        if (p.Outbox.Count == 0) return;
                        next = p.Outbox.Dequeue();
                    }
                    next();
                }
            }
        }

        private void Raise<T>(EventHandler<T>? handler, T args) where T : EventArgs
        {
            if (handler == null) return;
            foreach (EventHandler<T> h in handler.GetInvocationList())
            {
                try { h(this, args); }
                catch (Exception) { System.Threading.Interlocked.Increment(ref _handlerFailures); }
            }
        }

        private ManagedPortfolio Get(string portfolio)
        {
            Guard.NotNull(portfolio, nameof(portfolio));
            if (_portfolios.TryGetValue(portfolio, out var p)) return p;
            throw new InvalidInputException($"unknown portfolio '{portfolio}' (known: {string.Join(", ", _portfolios.Keys)})");
        }
    }
}
