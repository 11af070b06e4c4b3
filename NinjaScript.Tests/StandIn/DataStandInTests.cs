using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>BarsRequest and MarketData behave as the Help Guide's AddOn examples use them.</summary>
    [TestFixture]
    public class DataStandInTests
    {
        [TearDown]
        public void Clear()
        {
            BarsRequest.HistoryProvider = null;
            BarsRequest.FormingBarProvider = null;
            NinjaTrader.Core.Globals.NowProvider = null;
            Instrument.ClearDefinitions();
            NinjaTrader.NinjaScript.HostRules.ResetPlatform();
        }

        [Test]
        public void BarsRequest_Request_CallsBackWithTheProvidedBarsAndNoError()
        {
            Instrument dax = Instrument.Define("FDAX 12-26", 25, 0.5);
            var day = new DateTime(2026, 1, 5);
            BarsRequest.HistoryProvider = r => Enumerable.Range(0, 3).Select(d => SampleBars.Bar(day.AddDays(d), 100 + d)).ToList();
            var request = new BarsRequest(dax, 3) { BarsPeriod = SampleBars.Daily };
            var closes = new List<double>();
            ErrorCode seen = (ErrorCode)(-1);

            request.Request((bars, error, message) =>
            {
                seen = error;
                for (int i = 0; i < bars.Bars.Count; i++)
                    closes.Add(bars.Bars.GetClose(i));
            });

            Assert.That(seen, Is.EqualTo(ErrorCode.NoError));
            Assert.That(closes, Is.EqualTo(new[] { 100.0, 101.0, 102.0 }));
            Assert.That(request.Bars.Instrument, Is.SameAs(dax));
            Assert.That(request.BarsBack, Is.EqualTo(3));
        }

        [Test]
        public void BarsRequest_WithBarsOutOfTimeOrder_FailsNamingTheInstrument()
        {
            Instrument dax = Instrument.Define("FDAX 12-26", 25, 0.5);
            var day = new DateTime(2026, 1, 5);
            BarsRequest.HistoryProvider = r => new List<BarRecord> { SampleBars.Bar(day.AddDays(1), 1), SampleBars.Bar(day, 2) };

            var error = Assert.Throws<ArgumentException>(() => new BarsRequest(dax, day, day.AddDays(2)).Request((b, e, m) => { }));
            Assert.That(error.Message, Does.Contain("FDAX 12-26"));
        }

        [Test]
        public void BarsRequest_Dispose_DropsUpdateSubscribers()
        {
            Instrument dax = Instrument.Define("FDAX 12-26", 25, 0.5);
            var request = new BarsRequest(dax, 10);
            request.Update += (s, e) => { };

            request.Dispose();

            Assert.That(request.HasSubscribers, Is.False);
        }

        [Test]
        public void MarketData_Push_UpdatesTheSnapshotAndRaisesUpdateUntilUnsubscribed()
        {
            Instrument dax = Instrument.Define("FDAX 12-26", 25, 0.5);
            var seen = new List<(MarketDataType, double)>();
            EventHandler<MarketDataEventArgs> handler = (s, e) => seen.Add((e.MarketDataType, e.Price));
            dax.MarketData.Update += handler;
            var time = new DateTime(2026, 1, 5, 9, 0, 0);

            dax.MarketData.Push(MarketDataType.Last, 18000.5, 3, time, 18000, 18001);
            dax.MarketData.Update -= handler;
            dax.MarketData.Push(MarketDataType.Last, 18001, 1, time.AddSeconds(1), 18000.5, 18001.5);

            Assert.That(seen, Is.EqualTo(new[] { (MarketDataType.Last, 18000.5) }));
            Assert.That(dax.MarketData.Last.Price, Is.EqualTo(18001));
            Assert.That(dax.MarketData.Last.Volume, Is.EqualTo(1));
            Assert.That(dax.MarketData.HasSubscribers, Is.False);
        }

        [Test]
        public void MarketData_SubscribedThroughTheInstrumentsDispatcher_BreaksNoRule()
        {
            Instrument dax = Instrument.Define("FDAX 12-26", 25, 0.5);
            NinjaTrader.NinjaScript.HostRules.Platform.EnforceInstrumentDispatcher = true;
            var prices = new List<double>();
            EventHandler<MarketDataEventArgs> handler = (s, e) => prices.Add(e.Price);

            if (!dax.Dispatcher.HasShutdownStarted)
                dax.Dispatcher.InvokeAsync(() => dax.MarketData.Update += handler);
            dax.MarketData.Push(MarketDataType.Last, 18000.5, 3, new DateTime(2026, 1, 5, 9, 0, 0), 18000, 18001);
            dax.Dispatcher.InvokeAsync(() => dax.MarketData.Update -= handler);

            Assert.That(prices, Is.EqualTo(new[] { 18000.5 }));
            Assert.That(NinjaTrader.NinjaScript.HostRules.Platform.Violations, Is.Empty);
        }

        [Test]
        public void MarketData_SubscribedOffTheDispatcher_IsRecorded_OrThrowsWhenEnforced()
        {
            Instrument dax = Instrument.Define("FDAX 12-26", 25, 0.5);
            EventHandler<MarketDataEventArgs> handler = (s, e) => { };

            dax.MarketData.Update += handler;
            Assert.That(NinjaTrader.NinjaScript.HostRules.Platform.Violations.Single(), Does.Contain("'FDAX 12-26' subscribed to off the instrument's Dispatcher"));

            NinjaTrader.NinjaScript.HostRules.Platform.EnforceInstrumentDispatcher = true;
            var error = Assert.Throws<InvalidOperationException>(() => dax.MarketData.Update -= handler);
            Assert.That(error.Message, Does.Contain("/marketdata"));
        }

        [Test]
        public void BarsRequest_ReturnsTheBarStillFormingLast_StampedAfterNow_SoTheCallerMustExcludeIt()
        {
            Instrument dax = Instrument.Define("FDAX 12-26", 25, 0.5);
            var day = new DateTime(2026, 1, 5, 22, 0, 0);
            DateTime now = day.AddDays(3).AddHours(-8);   // 14:00 on the fourth day, its daily bar (22:00) still forming
            NinjaTrader.Core.Globals.NowProvider = () => now;
            BarsRequest.HistoryProvider = r => Enumerable.Range(0, 3).Select(d => SampleBars.Bar(day.AddDays(d), 100 + d)).ToList();
            BarsRequest.FormingBarProvider = r => SampleBars.Bar(day.AddDays(3), 104.5);
            var request = new BarsRequest(dax, 4)
            {
                BarsPeriod = SampleBars.Daily,
                TradingHours = TradingHours.Get("Default 24 x 7"),
                MergePolicy = MergePolicy.DoNotMerge,
            };
            int complete = -1;

            request.Request((r, error, message) =>
            {
                // The exclusion a caller needs: keep bars stamped at or before Core.Globals.Now.
                complete = Enumerable.Range(0, r.Bars.Count).Count(i => r.Bars.GetTime(i) <= NinjaTrader.Core.Globals.Now);
            });

            Assert.That(request.Bars.Count, Is.EqualTo(4));
            Assert.That(request.Bars.GetClose(3), Is.EqualTo(104.5));
            Assert.That(request.Bars.GetTime(3), Is.GreaterThan(NinjaTrader.Core.Globals.Now));
            Assert.That(complete, Is.EqualTo(3));
            Assert.That(request.TradingHours.Name, Is.EqualTo("Default 24 x 7"));
        }
    }
}
