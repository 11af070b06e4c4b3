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
        private bool clockSeries;
        private int slots;

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
                VolatilityTarget = 0;
                MaxGrossLeverage = 0;
                PeriodsPerYear = 252;
                FxRates = string.Empty;
                Margins = string.Empty;
                MaxMarginUse = 0;
                MinTradeWeight = 0;
                SliceHorizonMinutes = 0;
            }
            else if (State == State.Configure)
            {
                // Help Guide "AddDataSeries()": AddDataSeries(string instrumentName) inherits the primary's bars settings;
                // Help Guide "BarsPeriod": BarsPeriod must not be read before State.DataLoaded.
                foreach (string slot in new[] { Instrument2, Instrument3, Instrument4 })
                    if (!string.IsNullOrWhiteSpace(slot))
                        AddDataSeries(slot.Trim());
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
            int n = BarsArray.Length - (clockSeries ? 1 : 0);
            slots = n;
            names = new string[n];
            pointValues = new double[n];
            // Inputs per slot: FX rate (account currency per unit of the slot's currency, empty = 1) and initial margin per
            // contract (slot currency); point values and margins are converted once, so equity and sizing are in the account currency.
            double[] fx = SlotList(FxRates, n, "FX rates", 1.0);
            double[] margins = SlotList(Margins, n, "Margins", double.NaN);
            seriesOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int k = 0; k < n; k++)
            {
                names[k] = Instruments[k].FullName;
                pointValues[k] = Instruments[k].MasterInstrument.PointValue * fx[k];
                margins[k] *= fx[k];
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
                VolatilityTarget = VolatilityTarget > 0 ? VolatilityTarget : (double?)null,
                MaxGrossLeverage = MaxGrossLeverage > 0 ? MaxGrossLeverage : (double?)null,
                PeriodsPerYear = PeriodsPerYear,
                Margins = double.IsNaN(margins[0]) ? null : margins,
                MaxMarginUse = MaxMarginUse > 0 ? MaxMarginUse : (double?)null,
                MinTradeWeight = MinTradeWeight,
                SliceHorizon = TimeSpan.FromMinutes(SliceHorizonMinutes),
            }, gateway, new SettableClock(), new PrintAlertSink(message => Print(message)), message => Print(message));
        }

        protected override void OnBarUpdate()
        {
            // The portfolio's series gate decisions; the clock series (last, when added) only ticks the slices.
            for (int k = 0; k < slots; k++)
                if (CurrentBars[k] < 0)
                    return;
            if (BarsInProgress >= slots && CurrentBars[BarsInProgress] < 0)
                return;
            // Every bar update in realtime is a clock tick for time-based slices (the 1-minute clock series included).
            if (State == State.Realtime)
                rebalancer.OnClock(Times[BarsInProgress][0]);
            if (BarsInProgress >= slots)
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
            if (pending && BarsInProgress == slots - 1 && Times[BarsInProgress][0] == pendingTime)
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

        [NinjaScriptProperty]
        [Range(0.0, 10.0)]
        [Display(Name = "Volatility target", Description = "Annual volatility target (fraction, 0.12 = 12%); weights scaled by min(V / sigma, L / sum|w|); 0 = off", GroupName = "Sizing", Order = 1)]
        public double VolatilityTarget { get; set; }

        [NinjaScriptProperty]
        [Range(0.0, 100.0)]
        [Display(Name = "Max gross leverage", Description = "Cap on sum |weights| (multiple of equity); 0 = off", GroupName = "Sizing", Order = 2)]
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
        #endregion
    }
}
