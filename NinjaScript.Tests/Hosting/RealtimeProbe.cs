using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;
using NinjaTrader.NinjaScript.Strategies;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Hosting
{
    /// <summary>
    /// Test-only unmanaged strategy on A (primary), B and C: runs the test's actions on primary bars and logs what the
    /// platform tells it (order updates with error and broker text, connection updates, positions when going realtime).
    /// </summary>
    public class RealtimeProbe : Strategy
    {
        internal List<string> Log { get; } = new List<string>();
        internal Dictionary<string, (MarketPosition, int)> PositionsAtRealtime { get; } = new Dictionary<string, (MarketPosition, int)>();
        internal Action<RealtimeProbe> OnPrimaryBar { get; set; }
        internal Action<RealtimeProbe, Order> OnOrder { get; set; }
        internal List<(int BarsInProgress, DateTime Time, State State)> Updates { get; } = new List<(int, DateTime, State)>();
        internal Order Remembered { get; set; }

        protected override void OnStateChange()
        {
            if (State == State.SetDefaults)
            {
                Name = "RealtimeProbe";
                IsUnmanaged = true;
                BarsRequiredToTrade = 0;
            }
            else if (State == State.Configure)
            {
                AddDataSeries("B");
                AddDataSeries("C");
            }
            else if (State == State.Realtime)
            {
                foreach (Position p in Positions)
                    PositionsAtRealtime[p.Instrument.FullName] = (p.MarketPosition, p.Quantity);
            }
        }

        protected override void OnBarUpdate()
        {
            Updates.Add((BarsInProgress, Time[0], State));
            if (BarsInProgress == 0 && CurrentBars.All(c => c >= 0))
                OnPrimaryBar?.Invoke(this);
        }

        internal Order Submit(int series, OrderAction action, OrderType type, int quantity, double limit, string name) =>
            SubmitOrderUnmanaged(series, action, type, quantity, limit, 0, string.Empty, name);

        internal void Cancel(Order order) => CancelOrder(order);

        protected override void OnOrderUpdate(Order order, double limitPrice, double stopPrice, int quantity, int filled,
            double averageFillPrice, OrderState orderState, DateTime time, ErrorCode error, string comment)
        {
            Log.Add(error == ErrorCode.NoError
                ? $"{order.Name} {order.Instrument.FullName} {orderState} filled={filled}"
                : $"{order.Name} {order.Instrument.FullName} {orderState} {error} '{comment}'");
            OnOrder?.Invoke(this, order);
        }

        protected override void OnConnectionStatusUpdate(ConnectionStatusEventArgs connectionStatusUpdate)
        {
            Log.Add($"connection {connectionStatusUpdate.PreviousStatus}>{connectionStatusUpdate.Status} prices {connectionStatusUpdate.PreviousPriceStatus}>{connectionStatusUpdate.PriceStatus}");
        }
    }
}
