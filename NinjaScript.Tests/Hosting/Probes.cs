using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTrader.NinjaScript.Indicators;
using NinjaTrader.NinjaScript.Strategies;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Hosting
{
    /// <summary>Test-only indicator that records what the host shows it.</summary>
    public class ProbeIndicator : Indicator
    {
        internal List<State> SeenStates { get; } = new List<State>();
        internal List<(int BarsInProgress, int[] CurrentBars, DateTime Time, State State)> Updates { get; } = new List<(int, int[], DateTime, State)>();
        internal List<(double Close, double Volume)> PrimaryBars { get; } = new List<(double, double)>();
        internal string SecondInstrument { get; set; } = "B";
        internal BarsPeriod PeriodSeenInConfigure { get; private set; }

        protected override void OnStateChange()
        {
            SeenStates.Add(State);
            if (State == State.SetDefaults)
                Name = "Probe";
            else if (State == State.Configure)
            {
                PeriodSeenInConfigure = BarsPeriod;
                AddDataSeries(SecondInstrument, BarsPeriodType.Day, 1);
            }
        }

        protected override void OnBarUpdate()
        {
            Updates.Add((BarsInProgress, (int[])CurrentBars.Clone(), Time[0], State));
            if (BarsInProgress == 0)
                PrimaryBars.Add((Close[0], Volume[0]));
        }
    }

    /// <summary>Test-only indicator that calls AddDataSeries outside State.Configure.</summary>
    public class LateAddDataSeriesIndicator : Indicator
    {
        protected override void OnStateChange()
        {
            if (State == State.DataLoaded)
                AddDataSeries("B", BarsPeriodType.Day, 1);
        }
    }

    /// <summary>Test-only unmanaged strategy: buys 2 of the second instrument on the first bar and logs its events.</summary>
    public class ProbeStrategy : Strategy
    {
        internal List<string> Events { get; } = new List<string>();
        internal Order Entry { get; private set; }
        internal bool UseManaged { get; set; }
        internal int Attempts { get; private set; }

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Name = "ProbeStrategy";
                IsUnmanaged = true;
                BarsRequiredToTrade = 0;
            }
            else if (State == State.Configure)
                AddDataSeries("B", BarsPeriodType.Day, 1);
        }

        protected override void OnBarUpdate()
        {
            if (BarsInProgress != 0 || CurrentBars[1] < 0 || Entry != null)
                return;
            Attempts++;
            Entry = UseManaged
                ? EnterLong(1, 2, "entry")
                : SubmitOrderUnmanaged(1, OrderAction.Buy, OrderType.Market, 2, 0, 0, string.Empty, "entry");
        }

        protected override void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string nativeError)
        {
            Events.Add($"order {orderState} filled={filled}");
        }

        protected override void OnExecutionUpdate(Execution execution, string executionId, double price, int quantity,
            MarketPosition marketPosition, string orderId, DateTime time)
        {
            Events.Add($"execution {marketPosition} {quantity}@{price}");
        }

        protected override void OnPositionUpdate(Position position, double averagePrice, int quantity, MarketPosition marketPosition)
        {
            Events.Add($"position {marketPosition} {quantity}@{averagePrice}");
        }
    }

    /// <summary>Test-only strategy that hosts an indicator through the generated factory method.</summary>
    public class HostingStrategy : Strategy
    {
        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
                Name = "HostingStrategy";
            else if (State == State.Configure)
                AddDataSeries("B", BarsPeriodType.Day, 1);
            else if (State == State.DataLoaded)
                PortfolioCorrelation(3, "B");
        }
    }
}
