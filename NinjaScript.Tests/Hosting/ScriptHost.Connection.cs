using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript;

namespace NinjaTraderPortfolio.NinjaScript.Tests.Hosting
{
    // Connection loss and reconnection in realtime (.../connectionlosshandling, .../onconnectionstatusupdate).
    internal sealed partial class ScriptHost<T> where T : NinjaScriptBase, new()
    {
        /// <summary>The account's connection (order feed Status, price feed PriceStatus); set by Run.</summary>
        internal Connection Connection { get; private set; }

        /// <summary>Realtime bars stamped while the price feed was lost: added to their series without OnBarUpdate.</summary>
        internal List<(int BarsInProgress, DateTime Time)> MissedBars { get; } = new List<(int, DateTime)>();

        private readonly List<(DateTime At, ConnectionStatus Orders, ConnectionStatus Prices)> connectionEvents =
            new List<(DateTime, ConnectionStatus, ConnectionStatus)>();
        private DateTime? priceFeedLostAt;

        /// <summary>
        /// Connection loss at a realtime moment (before the bars stamped at or after it): the order feed (Status) and/or
        /// the price feed (PriceStatus) become ConnectionLost. The script gets OnConnectionStatusUpdate, subscribers of
        /// Connection.ConnectionStatusUpdate and Account.AccountStatusUpdate are raised; realtime bars are not delivered
        /// while prices are lost; order actions follow ConnectionLossHandling (.../connectionlosshandling).
        /// </summary>
        internal ScriptHost<T> Disconnect(DateTime at, bool orders = true, bool prices = true)
        {
            connectionEvents.Add((at, orders ? ConnectionStatus.ConnectionLost : ConnectionStatus.Connected,
                prices ? ConnectionStatus.ConnectionLost : ConnectionStatus.Connected));
            return this;
        }

        /// <summary>Both feeds are Connected again at that moment.</summary>
        internal ScriptHost<T> Reconnect(DateTime at)
        {
            connectionEvents.Add((at, ConnectionStatus.Connected, ConnectionStatus.Connected));
            return this;
        }

        private void ChangeConnection(T script, (DateTime At, ConnectionStatus Orders, ConnectionStatus Prices) change)
        {
            if (script.State != State.Realtime)
                throw new NotSupportedException($"connection change at {change.At:O} happens before realtime ({RealtimeFrom:O}); the host models connection loss in realtime only");
            ConnectionStatusEventArgs e = Connection.SetStatus(change.Orders, change.Prices, ErrorCode.NoError, string.Empty);
            Account.RaiseAccountStatusUpdate();
            if (change.Prices != ConnectionStatus.Connected) priceFeedLostAt = priceFeedLostAt ?? change.At;
            else priceFeedLostAt = null;
            if (script is StrategyBase strategy) strategy.OrderFeedConnected = change.Orders == ConnectionStatus.Connected;
            script.RaiseConnectionStatusUpdate(e);
        }

        // .../connectionlosshandling: with Recalculate or StopStrategy, a data feed lost for longer than
        // DisconnectDelaySeconds stops the strategy (Recalculate's later recalculation is a restart, not modeled).
        private void CheckDisconnectDelay(T script, DateTime now)
        {
            if (!(script is StrategyBase strategy) || priceFeedLostAt == null || strategy.ConnectionLossHandling == ConnectionLossHandling.KeepRunning)
                return;
            if ((now - priceFeedLostAt.Value).TotalSeconds > strategy.DisconnectDelaySeconds)
                strategy.Disable($"Strategy stopped: data feed lost at {priceFeedLostAt.Value:O} for more than DisconnectDelaySeconds ({strategy.DisconnectDelaySeconds}) (ConnectionLossHandling.{strategy.ConnectionLossHandling})");
        }
    }
}
