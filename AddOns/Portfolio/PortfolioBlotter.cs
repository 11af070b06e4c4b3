using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTraderPortfolio.Core.Analytics.Accounting;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Tca;

namespace NinjaTrader.NinjaScript.AddOns.Portfolio
{
    /// <summary>One fill of the fills blotter, with its parent's transaction cost analysis so far.</summary>
    public sealed class BlotterRow
    {
        internal BlotterRow(DateTime time, string instrument, string orderName, OrderSide side, int quantity, double price, string parentId,
            double arrivalSlippageBps, double vwapSlippageBps)
        {
            Time = time; Instrument = instrument; OrderName = orderName; Side = side; Quantity = quantity; Price = price; ParentId = parentId;
            ArrivalSlippageBps = arrivalSlippageBps; VwapSlippageBps = vwapSlippageBps;
        }

        /// <summary>Execution time (NinjaTrader's execution time).</summary>
        public DateTime Time { get; }
        /// <summary>Instrument full name.</summary>
        public string Instrument { get; }
        /// <summary>Order name (the child's client id for the Portfolio Manager's orders).</summary>
        public string OrderName { get; }
        /// <summary>Buy or sell.</summary>
        public OrderSide Side { get; }
        /// <summary>Contracts filled.</summary>
        public int Quantity { get; }
        /// <summary>Fill price, points.</summary>
        public double Price { get; }
        /// <summary>The parent order, or empty for fills not sent by the Portfolio Manager.</summary>
        public string ParentId { get; }
        /// <summary>The parent's fills so far against its arrival price, basis points (positive = cost; NaN when unknown).</summary>
        public double ArrivalSlippageBps { get; }
        /// <summary>The parent's fills so far against the market VWAP since its start (Last ticks), basis points (NaN when no volume).</summary>
        public double VwapSlippageBps { get; }
    }

    /// <summary>P&amp;L of one instrument since the session started (average-cost, Core's <see cref="PositionLedger"/>), account currency.</summary>
    public sealed class PnlRow
    {
        internal PnlRow(string instrument, long position, decimal realized, decimal unrealized)
        {
            Instrument = instrument; Position = position; Realized = realized; Unrealized = unrealized;
        }

        /// <summary>Instrument full name ("Total" for the sum).</summary>
        public string Instrument { get; }
        /// <summary>Signed contracts now.</summary>
        public long Position { get; }
        /// <summary>Realized since start, account currency.</summary>
        public decimal Realized { get; }
        /// <summary>Unrealized at the last price against the start mark or later entries, account currency.</summary>
        public decimal Unrealized { get; }
        /// <summary>Realized + unrealized.</summary>
        public decimal Total => Realized + Unrealized;
    }

    /// <summary>
    /// The Portfolio Manager's fills blotter and P&amp;L panel. Listens to the account's ExecutionUpdate for the session's
    /// instruments (every execution, also manual ones: the P&amp;L is the account's on those instruments). P&amp;L since start:
    /// each instrument's ledger opens with the position held at start, marked at the first price known
    /// (<see cref="Mark"/>); fills then move it (average cost). TCA per parent: Core's
    /// <see cref="TransactionCostAnalysis"/> against the arrival price (the price when Execute sent it) and the market VWAP of
    /// the Last ticks since then. Thread-safe (NinjaTrader raises account events on its own threads).
    /// </summary>
    public sealed class PortfolioBlotter : IDisposable
    {
        private readonly object gate = new object();
        private readonly Account account;
        private readonly Dictionary<string, decimal> pointValues;
        private readonly Dictionary<string, PositionLedger> ledgers = new Dictionary<string, PositionLedger>(StringComparer.Ordinal);
        private readonly Dictionary<string, long> pendingStart = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly Dictionary<string, decimal> marks = new Dictionary<string, decimal>(StringComparer.Ordinal);
        private readonly Dictionary<string, double[]> volume = new Dictionary<string, double[]>(StringComparer.Ordinal);
        private readonly Dictionary<string, ParentTca> parents = new Dictionary<string, ParentTca>(StringComparer.Ordinal);
        private readonly List<BlotterRow> rows = new List<BlotterRow>();

        /// <summary>Starts listening; <paramref name="startPositions"/> = signed contracts held at start per instrument.</summary>
        public PortfolioBlotter(Account account, IReadOnlyDictionary<string, double> pointValues, IReadOnlyDictionary<string, int> startPositions)
        {
            this.account = account ?? throw new ArgumentNullException(nameof(account));
            this.pointValues = pointValues.ToDictionary(p => p.Key, p => (decimal)p.Value, StringComparer.Ordinal);
            foreach (KeyValuePair<string, decimal> p in this.pointValues)
            {
                ledgers[p.Key] = new PositionLedger(p.Key, p.Value);
                int start;
                pendingStart[p.Key] = startPositions != null && startPositions.TryGetValue(p.Key, out start) ? start : 0;
                volume[p.Key] = new double[2];
            }
            account.ExecutionUpdate += OnExecution;
        }

        /// <summary>Records a price (Last tick or history close) of <paramref name="instrument"/>; <paramref name="tickVolume"/> &gt; 0 counts towards VWAP.</summary>
        public void Mark(string instrument, double price, long tickVolume)
        {
            if (!(price > 0)) return;
            lock (gate)
            {
                if (!ledgers.ContainsKey(instrument)) return;
                marks[instrument] = (decimal)price;
                long start;
                if (pendingStart.TryGetValue(instrument, out start))
                {
                    // The position held at start enters the ledger at the first price known: P&L counts from there.
                    if (start != 0) ledgers[instrument].ApplyFill(start, (decimal)price);
                    pendingStart.Remove(instrument);
                }
                if (tickVolume > 0)
                {
                    volume[instrument][0] += price * tickVolume;
                    volume[instrument][1] += tickVolume;
                }
            }
        }

        /// <summary>A parent order the session started, with its side and arrival price (points).</summary>
        public void StartParent(string parentId, string instrument, OrderSide side, double arrivalPrice)
        {
            lock (gate)
            {
                double[] v;
                volume.TryGetValue(instrument, out v);
                parents[parentId] = new ParentTca(side, (decimal)arrivalPrice, v == null ? 0 : v[0], v == null ? 0 : v[1], instrument);
            }
        }

        /// <summary>Every fill seen, oldest first (a copy).</summary>
        public IReadOnlyList<BlotterRow> Rows
        {
            get { lock (gate) return rows.ToList(); }
        }

        /// <summary>P&amp;L per instrument since start, then a "Total" row (a copy).</summary>
        public IReadOnlyList<PnlRow> Pnl()
        {
            lock (gate)
            {
                var list = new List<PnlRow>();
                foreach (KeyValuePair<string, PositionLedger> l in ledgers)
                {
                    decimal mark;
                    long pending;
                    pendingStart.TryGetValue(l.Key, out pending);
                    decimal unrealized = marks.TryGetValue(l.Key, out mark) ? l.Value.UnrealizedPnL(mark) : 0m;
                    list.Add(new PnlRow(l.Key, l.Value.Quantity + pending, l.Value.RealizedPnL, unrealized));
                }
                list.Add(new PnlRow("Total", 0, list.Sum(r => r.Realized), list.Sum(r => r.Unrealized)));
                return list;
            }
        }

        /// <inheritdoc />
        public void Dispose() => account.ExecutionUpdate -= OnExecution;

        private void OnExecution(object sender, ExecutionEventArgs e)
        {
            if (e.Execution == null || e.Execution.Instrument == null || e.Quantity <= 0) return;
            string instrument = e.Execution.Instrument.FullName;
            lock (gate)
            {
                PositionLedger ledger;
                if (!ledgers.TryGetValue(instrument, out ledger)) return;
                long pending;
                if (pendingStart.TryGetValue(instrument, out pending))
                {
                    // A fill before any price was known: the start position enters at this fill's price.
                    if (pending != 0) ledger.ApplyFill(pending, (decimal)e.Price);
                    pendingStart.Remove(instrument);
                }
                OrderSide side = e.MarketPosition == MarketPosition.Long ? OrderSide.Buy : OrderSide.Sell;
                ledger.ApplyFill(side == OrderSide.Buy ? e.Quantity : -e.Quantity, (decimal)e.Price);
                string name = e.Execution.Order == null ? e.Execution.Name : e.Execution.Order.Name;
                string parentId = ParentOf(name);
                double arrival = double.NaN, vwapBps = double.NaN;
                ParentTca tca;
                if (parentId != null && parents.TryGetValue(parentId, out tca))
                {
                    tca.Fills.Add(new Fill(e.Quantity, (decimal)e.Price, e.Time));
                    arrival = TransactionCostAnalysis.ArrivalSlippageBps(tca.Side, tca.Arrival, tca.Fills);
                    double[] v = volume[tca.Instrument];
                    double traded = v[1] - tca.VolumeAtStart;
                    if (traded > 0)
                    {
                        decimal vwap = (decimal)((v[0] - tca.NotionalAtStart) / traded);
                        vwapBps = TransactionCostAnalysis.IntervalVwapSlippageBps(tca.Side, vwap, tca.Fills);
                    }
                }
                rows.Add(new BlotterRow(e.Time, instrument, name ?? string.Empty, side, e.Quantity, e.Price, parentId ?? string.Empty, arrival, vwapBps));
            }
        }

        // Child names are "<parent>-<slice>-<attempt>".
        private string ParentOf(string name)
        {
            if (string.IsNullOrEmpty(name)) return null;
            foreach (string id in parents.Keys)
                if (name.StartsWith(id + "-", StringComparison.Ordinal)) return id;
            return null;
        }

        private sealed class ParentTca
        {
            internal ParentTca(OrderSide side, decimal arrival, double notionalAtStart, double volumeAtStart, string instrument)
            {
                Side = side; Arrival = arrival; NotionalAtStart = notionalAtStart; VolumeAtStart = volumeAtStart; Instrument = instrument;
            }

            internal OrderSide Side { get; }
            internal decimal Arrival { get; }
            internal double NotionalAtStart { get; }
            internal double VolumeAtStart { get; }
            internal string Instrument { get; }
            internal List<Fill> Fills { get; } = new List<Fill>();
        }
    }
}
