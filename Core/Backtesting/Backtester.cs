using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Analytics.Performance;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Execution.Tca;
using NinjaTraderPortfolio.Core.Rebalancing;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// Replays close prices bar by bar through the live rebalancing logic: every bar goes through the same
    /// <see cref="RebalancingLoop"/> step the NinjaTrader strategy (<see cref="PortfolioRebalancer"/>) and the portfolio
    /// manager run (one streaming returns window, the triggers, the target source, the sizing limits), and the backtester
    /// only plays the broker. Conventions for close-only data (market-on-close): the first allocation trades at the close
    /// of the first bar with targets (<see cref="ITargetWeightSource.FirstBar"/>); on every later bar the equity is marked
    /// at the close, the loop decides on the weights q p pv / equity, and a decision trades to its target positions at that
    /// same close (or, with <see cref="BacktestOptions.Execution"/>, in child fills over the next bars). Fills pay the
    /// commission per unit and the impact model's cost in cash.
    /// Deterministic: arrays in frame column order, decimal money, no clock, no hashing order.
    /// </summary>
    public sealed class Backtester
    {
        /// <summary>
        /// Runs the backtest. <paramref name="prices"/>: closes (kind Prices), one column per instrument; <paramref name="instruments"/>:
        /// one per column, any order, matched by symbol. Throws <see cref="InvalidInputException"/> naming the culprit for a
        /// missing or unknown instrument, too few bars, missing liquidity when impact is on, or an account wiped out.
        /// </summary>
        public BacktestResult Run(AssetFrame prices, IReadOnlyList<BacktestInstrument> instruments, ITargetWeightSource source, BacktestOptions options)
        {
            Guard.NotNull(prices, nameof(prices));
            Guard.NotNull(source, nameof(source));
            Guard.NotNull(options, nameof(options));
            if (prices.Kind != FrameKind.Prices) throw new InvalidInputException($"{prices.Source}: a backtest needs prices, got {prices.Kind}");
            Guard.Positive(options.InitialCapital, nameof(options.InitialCapital));
            Guard.Positive(options.PeriodsPerYear, nameof(options.PeriodsPerYear));
            // The cash buffer and the triggers are checked once, by the loop built below (same messages).
            var policy = Guard.NotNull(options.Policy, nameof(options.Policy));
            var costs = Guard.NotNull(options.Costs, nameof(options.Costs));
            if (options.Execution != null && options.FractionalUnits)
                throw new InvalidInputException($"sliced execution ({options.Execution.Description}) splits whole lots; it cannot be combined with fractional units");
            var ins = Align(prices, instruments, costs);
            int start = source.FirstBar;
            if (start < 0 || start >= prices.Rows)
                throw new InvalidInputException($"{prices.Source}: {prices.Rows} bars, but the targets ({source.Description}) need bar {start + 1} to start");

            var loop = new RebalancingLoop(LoopOptions(prices, ins, policy, options), source);
            var run = new RunState(prices, ins, costs, options);
            var closes = new double[prices.AssetCount];
            for (int t = 0; t < prices.Rows; t++)
            {
                run.FillChildren(t);
                decimal equity = run.Mark(t);
                if (equity <= 0m)
                    throw new InvalidInputException($"{prices.Source}: the account is wiped out (equity {equity.ToString(System.Globalization.CultureInfo.InvariantCulture)}) at {AssetFrame.FormatDate(prices.Dates[t])}");
                for (int i = 0; i < closes.Length; i++) closes[i] = prices[t, i];
                var decision = loop.Step(prices.Dates[t], Session(prices, t), closes, run.Positions, equity, run.Working);
                if (decision.Trades)
                {
                    // A calendar signal while children still work: as live, what still works is cancelled and re-planned.
                    run.CancelChildren();
                    run.Trade(t, decision.Targets!, decision.Quantities!, decision.Reasons, decision.Initial);
                }
                if (t >= start) run.Record(t);
            }

            PerformanceReport? perf = null;
            if (run.Curve.Count >= 2)
            {
                var eq = new decimal[run.Curve.Count];
                for (int i = 0; i < eq.Length; i++) eq[i] = run.Curve[i].Equity;
                perf = PerformanceCalculator.Compute(eq, options.PeriodsPerYear);
            }
            return new BacktestResult(prices.Assets, run.Curve, run.WeightHistory, run.Fills, run.Rebalances, options.InitialCapital,
                run.Commissions, run.ImpactCosts, run.Turnover, perf, source.Description,
                run.DelayCosts, options.Execution?.Description ?? "market-on-close");
        }

        /// <summary>The loop settings of a backtest: its instruments, the triggers (given, else the policy's) and the sizing settings.</summary>
        private static RebalancingLoopOptions LoopOptions(AssetFrame prices, BacktestInstrument[] ins, RebalancePolicy policy, BacktestOptions options) => new RebalancingLoopOptions
        {
            Instruments = prices.Assets,
            PointValues = ins.Select(i => i.PointValue).ToArray(),
            LotSizes = ins.Select(i => i.LotSize).ToArray(),
            Triggers = options.Triggers ?? (policy.IsNone ? null : policy.ToTriggerOptions()),
            CashBuffer = options.CashBuffer,
            MinTradeWeight = options.MinTradeWeight,
            SizingLimits = options.SizingLimits,
            FractionalUnits = options.FractionalUnits,
            RetargetOn = options.RetargetOn,
        };

        private static DateTime Session(AssetFrame prices, int t) => prices.Dates[t].Date;

        private static BacktestInstrument[] Align(AssetFrame prices, IReadOnlyList<BacktestInstrument> instruments, BacktestCosts costs)
        {
            Guard.NotNull(instruments, nameof(instruments));
            var aligned = new BacktestInstrument[prices.AssetCount];
            foreach (var i in instruments)
            {
                Guard.NotNull(i, nameof(instruments));
                if (!prices.Contains(i.Symbol))
                    throw new InvalidInputException($"instrument '{i.Symbol}' is not a column of {prices.Source} (columns: {string.Join(", ", prices.Assets)})");
                int j = prices.IndexOf(i.Symbol);
                if (aligned[j] != null) throw new InvalidInputException($"instrument '{i.Symbol}' is given twice");
                aligned[j] = i;
            }
            for (int j = 0; j < aligned.Length; j++)
            {
                if (aligned[j] == null) throw new InvalidInputException($"no instrument settings for '{prices.Assets[j]}' of {prices.Source}");
                if (costs.Impact != null && !aligned[j].HasLiquidity)
                    throw new InvalidInputException($"the impact cost model needs the average daily volume and spread of '{prices.Assets[j]}'");
            }
            return aligned;
        }

        /// <summary>The state of one run: cash, positions and the records.</summary>
        private sealed class RunState
        {
            private readonly AssetFrame _prices;
            private readonly BacktestInstrument[] _ins;
            private readonly BacktestCosts _costs;
            private readonly BacktestOptions _o;
            private readonly decimal[] _pos;
            private decimal _cash;

            public RunState(AssetFrame prices, BacktestInstrument[] ins, BacktestCosts costs, BacktestOptions o)
            {
                _prices = prices; _ins = ins; _costs = costs; _o = o;
                _pos = new decimal[ins.Length];
                _cash = o.InitialCapital;
            }

            public List<EquityPoint> Curve { get; } = new List<EquityPoint>();
            public List<double[]> WeightHistory { get; } = new List<double[]>();
            public List<BacktestFill> Fills { get; } = new List<BacktestFill>();
            public List<BacktestRebalance> Rebalances { get; } = new List<BacktestRebalance>();
            public decimal Commissions { get; private set; }
            public decimal ImpactCosts { get; private set; }
            public decimal DelayCosts { get; private set; }
            public double Turnover { get; private set; }

            // Children of sliced parents not yet filled, in bar then asset order.
            private readonly List<Child> _pending = new List<Child>();

            /// <summary>True while children of a sliced parent are still to fill.</summary>
            public bool Working => _pending.Count > 0;

            /// <summary>Signed units held now.</summary>
            public IReadOnlyList<decimal> Positions => _pos;

            /// <summary>Drops the children not yet filled (a new rebalance replaces their parents).</summary>
            public void CancelChildren() => _pending.Clear();

            private decimal Price(int t, int i) => (decimal)_prices[t, i];

            /// <summary>Cash plus positions marked at the close of bar <paramref name="t"/>.</summary>
            public decimal Mark(int t)
            {
                decimal e = _cash;
                for (int i = 0; i < _pos.Length; i++) e += _pos[i] * Price(t, i) * _ins[i].PointValue;
                return e;
            }

            public double[] CurrentWeights(int t, decimal equity)
            {
                var w = new double[_pos.Length];
                for (int i = 0; i < w.Length; i++) w[i] = (double)(_pos[i] * Price(t, i) * _ins[i].PointValue / equity);
                return w;
            }

            public void Record(int t)
            {
                decimal e = Mark(t);
                Curve.Add(new EquityPoint(_prices.Dates[t], e));
                WeightHistory.Add(CurrentWeights(t, e));
            }

            public void Trade(int t, IReadOnlyList<double> targets, IReadOnlyList<decimal> next, RebalanceReason reasons, bool initial)
            {
                decimal equity = Mark(t);
                decimal notional = 0m;
                var date = _prices.Dates[t];
                int barsLeft = _prices.Rows - 1 - t;
                for (int i = 0; i < _pos.Length; i++)
                {
                    decimal dq = next[i] - _pos[i];
                    if (dq == 0m) continue;
                    decimal price = Price(t, i);
                    notional += Math.Abs(dq) * price * _ins[i].PointValue;
                    if (_o.Execution == null || barsLeft == 0)
                    {
                        Fill(t, i, dq, t, price); // market-on-close (also a signal on the last bar)
                        _pos[i] = next[i]; // exact, also for 28-digit fractional units
                    }
                    else Schedule(t, i, dq, barsLeft);
                }
                _pending.Sort((a, b) => a.Bar != b.Bar ? a.Bar.CompareTo(b.Bar) : a.Asset.CompareTo(b.Asset));
                if (!initial) Turnover += (double)(notional / equity);
                Rebalances.Add(new BacktestRebalance(date, t, reasons, initial, targets.ToArray(), equity, notional));
            }

            // Splits the parent dq (units) into child lots by the live schedule; child k fills at the close of bar t + 1 + k.
            private void Schedule(int t, int i, decimal dq, int barsLeft)
            {
                decimal lot = dq % _ins[i].LotSize == 0m ? _ins[i].LotSize : 1m;
                long lots = (long)(Math.Abs(dq) / lot);
                long[] children = _o.Execution!.ChildLots(lots, barsLeft);
                decimal sign = Math.Sign(dq);
                for (int k = 0; k < children.Length; k++)
                    if (children[k] > 0) _pending.Add(new Child(t + 1 + k, i, sign * children[k] * lot, t));
            }

            /// <summary>Fills the children due at the close of bar <paramref name="t"/>.</summary>
            public void FillChildren(int t)
            {
                int n = 0;
                while (n < _pending.Count && _pending[n].Bar == t)
                {
                    var c = _pending[n];
                    Fill(t, c.Asset, c.Quantity, c.DecisionBar, Price(c.DecisionBar, c.Asset));
                    n++;
                }
                _pending.RemoveRange(0, n);
            }

            private void Fill(int t, int i, decimal dq, int decisionBar, decimal decisionPrice)
            {
                decimal price = Price(t, i);
                decimal commission = Math.Abs(dq) * _costs.CommissionPerUnit;
                decimal impact = ImpactCost(t, i, (double)dq);
                decimal delay = dq * (price - decisionPrice) * _ins[i].PointValue;
                _cash -= dq * price * _ins[i].PointValue + commission + impact;
                _pos[i] += dq;
                Commissions += commission;
                ImpactCosts += impact;
                DelayCosts += delay;
                Fills.Add(new BacktestFill(_prices.Dates[t], _ins[i].Symbol, dq, price, commission, impact, _prices.Dates[decisionBar], decisionPrice, delay));
            }

            private readonly struct Child
            {
                public Child(int bar, int asset, decimal quantity, int decisionBar) { Bar = bar; Asset = asset; Quantity = quantity; DecisionBar = decisionBar; }
                public int Bar { get; }
                public int Asset { get; }
                public decimal Quantity { get; }
                public int DecisionBar { get; }
            }

            // Square-root impact in currency; sigma from the closes of the last VolatilityLookback bars up to t (spread only
            // while fewer than 3 closes exist).
            private decimal ImpactCost(int t, int i, double quantity)
            {
                var model = _costs.Impact;
                if (model == null) return 0m;
                int from = Math.Max(0, t - _costs.VolatilityLookback);
                double sigma = 0;
                if (t - from + 1 >= 3)
                {
                    var closes = new double[t - from + 1];
                    for (int k = 0; k < closes.Length; k++) closes[k] = _prices[from + k, i];
                    sigma = LiquidityEstimator.Volatility(closes);
                }
                var liq = new InstrumentLiquidity(sigma, _ins[i].AverageDailyVolume, _ins[i].Spread);
                double cost = model.Cost(quantity, _prices[t, i], (double)_ins[i].PointValue, liq);
                return (decimal)cost;
            }
        }
    }
}
