#region Using declarations
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Xml.Serialization;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Execution;
using NinjaTraderPortfolio.Core.Rebalancing;
#endregion

// This namespace holds strategies in this folder and is required. Do not change it.
namespace NinjaTrader.NinjaScript.Strategies
{
    /// <summary>
    /// Multi-instrument portfolio rebalancer. The chart instrument is slot 1; slots 2-4 are added by the strategy itself
    /// (AddDataSeries in State.Configure), so one instance holds the whole portfolio, also in the Strategy Analyzer (whose
    /// basket test would run instruments separately). Core computes everything: target weights (optimizer over the last
    /// Lookback bar returns), triggers (DynamicAllocationEngine: calendar and drift band), whole-contract orders with point
    /// values (RebalancePlanner) and their execution (ScheduleExecutor over unmanaged orders; historical orders at once,
    /// realtime orders as a TWAP, one child per bar). Fills come from OnExecutionUpdate.
    /// </summary>
    /// <remarks>
    /// Slots: NinjaTrader asks for fixed AddDataSeries arguments. The slot names are inputs read in State.Configure; that
    /// works on charts, in backtests and optimizations of this strategy, but NinjaTrader may not load series named by inputs
    /// in every context (e.g. when the strategy is hosted by another script). To be safe, type the names into the slot
    /// defaults below and recompile. Start behaviour: AdoptAccountPosition (IsAdoptAccountPositionAware): in realtime the
    /// strategy starts from the account's positions and rebalances from there; the difference between the adopted and the
    /// historical virtual positions is booked at the adopted average price (see SyncAdoptedPositions). Equity =
    /// Capital + cash flows of the strategy's own fills + marked positions.
    /// </remarks>
    public class PortfolioRebalancingStrategy : Strategy
    {
        private PortfolioRebalancer rebalancer;
        private UnmanagedOrderGateway gateway;
        private string[] names;
        private double[] pointValues;
        private double[] closes;
        private int[] positions;
        private int[] ownPositions;
        private Dictionary<string, int> seriesOf;
        private double cash;
        private DateTime pendingTime;
        private bool pending;
        private DateTime lastActed;

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
                RealtimeErrorHandling = RealtimeErrorHandling.StopCancelClose;
                IsUnmanaged = true;
                IsInstantiatedOnEachOptimizationIteration = false;
                DefaultQuantity = 1;
                Instrument2 = string.Empty;
                Instrument3 = string.Empty;
                Instrument4 = string.Empty;
                Method = PortfolioMethod.MinimumVariance;
                MaxWeight = 0.6;
                KellyFraction = 0.5;
                RiskFreeRate = 0;
                Lookback = 120;
                Calendar = CalendarFrequency.Monthly;
                DriftBand = 0.05;
                Capital = 1000000;
                CashBuffer = 0.02;
                ExecutionSlices = 3;
            }
            else if (State == State.Configure)
            {
                // Help Guide "AddDataSeries()": AddDataSeries(string instrumentName) inherits the primary's bars settings;
                // Help Guide "BarsPeriod": BarsPeriod must not be read before State.DataLoaded.
                foreach (string slot in new[] { Instrument2, Instrument3, Instrument4 })
                    if (!string.IsNullOrWhiteSpace(slot))
                        AddDataSeries(slot.Trim());
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
                SyncAdoptedPositions();
            }
            else if (State == State.Terminated)
            {
                if (rebalancer != null)
                    rebalancer.Dispose();
            }
        }

        // Every field is rebuilt here: with IsInstantiatedOnEachOptimizationIteration = false NinjaTrader reuses the instance.
        private void ResetFields()
        {
            int n = BarsArray.Length;
            names = new string[n];
            pointValues = new double[n];
            seriesOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int k = 0; k < n; k++)
            {
                names[k] = Instruments[k].FullName;
                pointValues[k] = Instruments[k].MasterInstrument.PointValue;
                seriesOf[names[k]] = k;
            }
            closes = new double[n];
            positions = new int[n];
            ownPositions = new int[n];
            cash = 0;
            pending = false;
            pendingTime = DateTime.MinValue;
            lastActed = DateTime.MinValue;
            // Lambdas rather than method groups, so NinjaTrader overloads of these methods cannot make the conversion ambiguous.
            gateway = new UnmanagedOrderGateway(SubmitChild, (order, quantity) => ChangeOrder(order, quantity, order.LimitPrice, order.StopPrice), order => CancelOrder(order));
            rebalancer = new PortfolioRebalancer(new PortfolioRebalancerOptions
            {
                Instruments = names,
                PointValues = pointValues,
                Targets = new TargetWeightCalculator(Method, MaxWeight, KellyFraction, RiskFreeRate),
                Lookback = Lookback,
                Calendar = Calendar,
                DriftBand = DriftBand > 0 ? DriftBand : (double?)null,
                CashBuffer = CashBuffer,
                ExecutionSlices = ExecutionSlices,
                BarLength = BarPeriods.Length(BarsPeriod, TimeSpan.Zero),
            }, gateway, new SettableClock(), new PrintAlertSink(message => Print(message)), message => Print(message));
        }

        protected override void OnBarUpdate()
        {
            for (int k = 0; k < BarsArray.Length; k++)
                if (CurrentBars[k] < 0)
                    return;
            // A time is complete when the last series has its bar of that time (primary first on equal timestamps), or
            // when the next primary bar arrives first (then the primary's close of that time is one bar ago).
            if (BarsInProgress == 0 && pending)
                Act(pendingTime, 1);
            if (!pending && Times[0][0] > lastActed)
            {
                pendingTime = Times[0][0];
                pending = true;
            }
            if (pending && BarsInProgress == BarsArray.Length - 1 && Times[BarsInProgress][0] == pendingTime)
                Act(pendingTime, 0);
        }

        private void Act(DateTime time, int primaryBarsAgo)
        {
            pending = false;
            lastActed = time;
            double marked = 0;
            for (int k = 0; k < closes.Length; k++)
            {
                closes[k] = k == 0 ? Closes[0][primaryBarsAgo] : Closes[k][0];
                positions[k] = Signed(Positions[k]);
                marked += positions[k] * closes[k] * pointValues[k];
            }
            double equity = Capital + cash + marked;
            if (!(equity > 0))
            {
                Print(Name + ": equity " + equity + " is not positive at " + time + "; no rebalance");
                return;
            }
            rebalancer.OnBar(time, closes, positions, (decimal)equity, State == State.Realtime);
        }

        private Order SubmitChild(ChildOrderRequest request)
        {
            int k = seriesOf[request.Instrument];
            int held = Signed(Positions[k]);
            OrderAction action = request.Side == OrderSide.Buy
                ? (held < 0 ? OrderAction.BuyToCover : OrderAction.Buy)
                : (held > 0 ? OrderAction.Sell : OrderAction.SellShort);
            return SubmitOrderUnmanaged(k, action, OrderType.Market, request.Quantity, 0, 0, string.Empty, request.ClientOrderId);
        }

        protected override void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string nativeError)
        {
            if (gateway != null)
                gateway.OnOrderUpdate(order, orderState, filled, time, nativeError);
        }

        protected override void OnExecutionUpdate(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
            int k;
            if (seriesOf == null || !seriesOf.TryGetValue(execution.Instrument.FullName, out k))
                return;
            int signed = marketPosition == MarketPosition.Long ? quantity : -quantity;
            cash -= signed * price * pointValues[k];
            ownPositions[k] += signed;
            gateway.OnExecutionUpdate(execution.Order, price, quantity, time);
        }

        // Positions adopted from the account at the switch to realtime (StartBehavior.AdoptAccountPosition) differ from the
        // historical virtual ones: book the difference at the adopted average price so equity stays Capital + P&L.
        private void SyncAdoptedPositions()
        {
            if (ownPositions == null)
                return;
            for (int k = 0; k < ownPositions.Length; k++)
            {
                int difference = Signed(Positions[k]) - ownPositions[k];
                if (difference == 0)
                    continue;
                cash -= difference * Positions[k].AveragePrice * pointValues[k];
                ownPositions[k] += difference;
                Print(Name + ": adopted " + difference + " " + names[k] + " at " + Positions[k].AveragePrice);
            }
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
        [Range(0.01, 1.0)]
        [Display(Name = "Max weight", Description = "Largest weight per instrument (fraction); not applied to risk parity", GroupName = "Parameters", Order = 2)]
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
        #endregion
    }
}
