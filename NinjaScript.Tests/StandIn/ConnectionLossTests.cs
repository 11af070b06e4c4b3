using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.NinjaScript;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>Connection loss and reconnection (.../onconnectionstatusupdate, .../connection_class, .../connectionlosshandling, .../disconnectdelayseconds).</summary>
    [TestFixture]
    public class ConnectionLossTests
    {
        private static readonly DateTime Day0 = RealtimeErrorTests.Day0;
        private static readonly DateTime LostAt = Day0.AddDays(3).AddHours(12);
        private static readonly DateTime BackAt = Day0.AddDays(4).AddHours(12);

        [Test]
        public void KeepRunning_LostThenRestored_RaisesStatusEvents_AndSkipsTheBarsOfTheGap()
        {
            var statuses = new List<string>();
            var accountStatusEvents = 0;
            EventHandler<ConnectionStatusEventArgs> onStatus = (s, e) => statuses.Add($"{e.Connection.Options.Name}: {e.Status}/{e.PriceStatus}");
            EventHandler<AccountStatusEventArgs> onAccount = (s, e) => accountStatusEvents++;
            var host = RealtimeErrorTests.Host(p => p.ConnectionLossHandling = ConnectionLossHandling.KeepRunning)
                .Disconnect(LostAt).Reconnect(BackAt);
            host.AfterBarUpdate = (s, series) =>
            {
                if (s.CurrentBars[0] == 0 && series == 0)
                {
                    Connection.ConnectionStatusUpdate += onStatus;
                    Account.AccountStatusUpdate += onAccount;
                }
            };

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Log, Is.EqualTo(new[]
            {
                "connection Connected>ConnectionLost prices Connected>ConnectionLost",
                "connection ConnectionLost>Connected prices ConnectionLost>Connected",
            }));
            Assert.That(statuses, Is.EqualTo(new[] { "StandIn connection: ConnectionLost/ConnectionLost", "StandIn connection: Connected/Connected" }));
            Assert.That(accountStatusEvents, Is.EqualTo(2));
            Assert.That(host.MissedBars, Is.EqualTo(new[] { (0, Day0.AddDays(4)), (1, Day0.AddDays(4)), (2, Day0.AddDays(4)) }));
            Assert.That(probe.Updates.Where(u => u.BarsInProgress == 0).Select(u => u.Time.Day - Day0.Day), Is.EqualTo(new[] { 0, 1, 2, 3, 5 }));
            Assert.That(probe.CurrentBars, Is.EqualTo(new[] { 5, 5, 5 }), "the missed bars still joined their series");
            Assert.That(host.StopReason, Is.Null);
        }

        [Test]
        public void Recalculate_AnOrderActionWhileTheOrderFeedIsLost_StopsTheStrategy()
        {
            var host = RealtimeErrorTests.Host(p => p.OnPrimaryBar = q =>
            {
                if (q.Time[0] == Day0.AddDays(4)) q.Submit(1, OrderAction.Buy, OrderType.Market, 1, 0, "b-buy");
            }).Disconnect(LostAt, orders: true, prices: false);

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.ConnectionLossHandling, Is.EqualTo(ConnectionLossHandling.Recalculate), "documented default");
            Assert.That(host.StopReason, Does.Contain("order feed was disconnected"));
            Assert.That(probe.Log.Where(l => l.StartsWith("b-buy", StringComparison.Ordinal)), Is.Empty);
        }

        [Test]
        public void KeepRunning_AnOrderWhileTheOrderFeedIsLost_IsRejectedAndTheStrategyContinues()
        {
            var host = RealtimeErrorTests.Host(p =>
            {
                p.ConnectionLossHandling = ConnectionLossHandling.KeepRunning;
                p.RealtimeErrorHandling = RealtimeErrorHandling.IgnoreAllErrors;
                p.OnPrimaryBar = q => { if (q.Time[0] == Day0.AddDays(4)) q.Submit(1, OrderAction.Buy, OrderType.Market, 1, 0, "b-buy"); };
            }).Disconnect(LostAt, orders: true, prices: false).Reconnect(BackAt);

            RealtimeProbe probe = host.Run("A");

            Assert.That(probe.Log, Does.Contain("b-buy B Rejected UnableToSubmitOrder 'stand-in: order connection lost'"));
            Assert.That(host.StopReason, Is.Null);
            Assert.That(probe.Updates.Last().Time, Is.EqualTo(Day0.AddDays(5)));
        }

        [TestCase(ConnectionLossHandling.StopStrategy, 10, true)]
        [TestCase(ConnectionLossHandling.Recalculate, 10, true)]
        [TestCase(ConnectionLossHandling.StopStrategy, 2 * 86400, false)]
        [TestCase(ConnectionLossHandling.KeepRunning, 10, false)]
        public void DataFeedLostLongerThanDisconnectDelaySeconds_StopsUnlessKeepRunning(ConnectionLossHandling handling, int delaySeconds, bool stops)
        {
            var host = RealtimeErrorTests.Host(p => { p.ConnectionLossHandling = handling; p.DisconnectDelaySeconds = delaySeconds; })
                .Disconnect(LostAt, orders: false, prices: true).Reconnect(BackAt);

            host.Run("A");

            Assert.That(host.StopReason, stops ? Does.Contain("data feed lost") : Is.Null);
        }
    }
}
