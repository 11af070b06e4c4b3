using System;
using System.Collections.Generic;

namespace NinjaTrader.Cbi
{
    // https://developer.ninjatrader.com/docs/desktop/connection_class : static ConnectionStatusUpdate (and Connections,
    // used by .../connections_options); instances: Options, PriceStatus, Status (Accounts, Connect(), Disconnect() and
    // CancelAllOrders() are not mirrored). .../connection : Account.Connection.
    public class Connection
    {
        private static readonly List<Connection> connections = new List<Connection>();

        internal Connection(string name)
        {
            Options = new ConnectOptions(name);
            Status = ConnectionStatus.Connected;
            PriceStatus = ConnectionStatus.Connected;
        }

        // .../connectionstatusupdate : Connection.ConnectionStatusUpdate += handler (unsubscribe when done)
        public static event EventHandler<ConnectionStatusEventArgs> ConnectionStatusUpdate;

        // .../connections_options example: lock (Connection.Connections) Connection.Connections.ToList()
        public static IEnumerable<Connection> Connections => connections;

        // .../connections_options : Name (ConnectOnStartup and Provider are not mirrored)
        public ConnectOptions Options { get; }

        // .../connections_status : status of the order feed; .../connections_pricestatus : status of the price feed
        public ConnectionStatus Status { get; private set; }

        public ConnectionStatus PriceStatus { get; private set; }

        public override string ToString() => Options.Name;

        // ---- host-only ----

        internal static Connection Define(string name)
        {
            var connection = new Connection(name);
            lock (connections) connections.Add(connection);
            return connection;
        }

        internal static void ClearDefinitions()
        {
            lock (connections) connections.Clear();
            ConnectionStatusUpdate = null;
        }

        /// <summary>Host-only: changes the order/price feed status and raises ConnectionStatusUpdate; returns the event raised.</summary>
        internal ConnectionStatusEventArgs SetStatus(ConnectionStatus status, ConnectionStatus priceStatus, ErrorCode error, string nativeError)
        {
            var e = new ConnectionStatusEventArgs(this, error, nativeError, Status, status, PriceStatus, priceStatus);
            Status = status;
            PriceStatus = priceStatus;
            ConnectionStatusUpdate?.Invoke(this, e);
            return e;
        }
    }

    // The type of Connection.Options: named ConnectOptions in NinjaTrader's AddOn Framework sample
    // (Connection.Connect(connectOptions), connectOptions.Name); .../connections_options documents Name.
    public class ConnectOptions
    {
        internal ConnectOptions(string name)
        {
            Name = name;
        }

        public string Name { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/connection_class (PriceStatus/Status "Possible values"; numbers not documented)
    public enum ConnectionStatus { Connected, Connecting, ConnectionLost, Disconnecting, Disconnected }

    // https://developer.ninjatrader.com/docs/desktop/onconnectionstatusupdate (ConnectionStatusEventArgs page):
    // Connection, Error, NativeError, PreviousStatus, Status, PreviousPriceStatus, PriceStatus.
    public class ConnectionStatusEventArgs : EventArgs
    {
        internal ConnectionStatusEventArgs(Connection connection, ErrorCode error, string nativeError, ConnectionStatus previousStatus,
            ConnectionStatus status, ConnectionStatus previousPriceStatus, ConnectionStatus priceStatus)
        {
            Connection = connection;
            Error = error;
            NativeError = nativeError;
            PreviousStatus = previousStatus;
            Status = status;
            PreviousPriceStatus = previousPriceStatus;
            PriceStatus = priceStatus;
        }

        public Connection Connection { get; }
        public ErrorCode Error { get; }
        public string NativeError { get; }
        public ConnectionStatus PreviousStatus { get; }
        public ConnectionStatus Status { get; }
        public ConnectionStatus PreviousPriceStatus { get; }
        public ConnectionStatus PriceStatus { get; }
    }

    // https://developer.ninjatrader.com/docs/desktop/account_class : static event AccountStatusUpdate with
    // AccountStatusEventArgs; the Help Guide lists no member of AccountStatusEventArgs, so none is mirrored.
    public class AccountStatusEventArgs : EventArgs
    {
        internal AccountStatusEventArgs() { }
    }
}
