using System;
using System.Collections.Generic;
using System.Linq;
using System.Windows.Media;
using NinjaTrader.Cbi;
using NinjaTrader.Gui;
using NUnit.Framework;

namespace NinjaTraderPortfolio.NinjaScript.Tests.StandIn
{
    /// <summary>The stand-in's simple working bodies behave as the Help Guide describes.</summary>
    [TestFixture]
    public class StandInBehaviourTests
    {
        [TearDown]
        public void Clear()
        {
            Account.ClearDefinitions();
            Instrument.ClearDefinitions();
        }

        [Test]
        public void Serialize_BrushRoundTrip_KeepsTheColour()
        {
            string text = Serialize.BrushToString(Brushes.DodgerBlue);

            Assert.That(text, Is.EqualTo("#FF1E90FF"));
            Assert.That(((SolidColorBrush)Serialize.StringToBrush(text)).Color, Is.EqualTo(Brushes.DodgerBlue.Color));
        }

        [TestCase(OrderState.Filled, true)]
        [TestCase(OrderState.Cancelled, true)]
        [TestCase(OrderState.Rejected, true)]
        [TestCase(OrderState.Unknown, true)]
        [TestCase(OrderState.PartFilled, false)]
        [TestCase(OrderState.Working, false)]
        public void IsTerminalState_MatchesNinjaTraderTerminalStates(OrderState state, bool terminal) =>
            Assert.That(Order.IsTerminalState(state), Is.EqualTo(terminal));

        [Test]
        public void RoundToTickSize_RoundsToTheNearestTick()
        {
            Instrument es = Instrument.Define("ES 12-26", 50, 0.25);

            Assert.That(es.MasterInstrument.RoundToTickSize(4012.37), Is.EqualTo(4012.25));
            Assert.That(es.MasterInstrument.RoundToTickSize(4012.38), Is.EqualTo(4012.50));
            Assert.That(Instrument.GetInstrument("es 12-26"), Is.SameAs(es));
            Assert.That(Instrument.GetInstrument("NQ 12-26"), Is.Null);
        }

        [Test]
        public void Account_SubmitThenPartialFills_RaisesOrderThenExecutionThenPositionEvents()
        {
            Instrument es = Instrument.Define("ES 12-26", 50, 0.25);
            Account account = Account.Define("Sim101");
            var events = new List<string>();
            account.OrderUpdate += (s, e) => events.Add($"order {e.OrderState}");
            account.ExecutionUpdate += (s, e) => events.Add($"execution {e.MarketPosition} {e.Quantity}@{e.Price}");
            account.PositionUpdate += (s, e) => events.Add($"position {e.MarketPosition} {e.Quantity}@{e.AveragePrice}");

            Order order = account.CreateOrder(es, OrderAction.Buy, OrderType.Market, OrderEntry.Automated, TimeInForce.Day,
                3, 0, 0, string.Empty, "rebalance", NinjaTrader.Core.Globals.MaxDate, null);
            account.Submit(new[] { order });
            account.Fill(order, 1, 4000, new DateTime(2026, 1, 5));
            account.Fill(order, 2, 4003, new DateTime(2026, 1, 5));

            Assert.That(events, Is.EqualTo(new[]
            {
                "order Submitted", "order Accepted", "order Working",
                "order PartFilled", "execution Long 1@4000", "position Long 1@4000",
                "order Filled", "execution Long 2@4003", "position Long 3@4002",
            }));
            Assert.That(order.AverageFillPrice, Is.EqualTo(4002));
        }

        [Test]
        public void Account_Cancel_LeavesFilledOrdersAlone()
        {
            Instrument es = Instrument.Define("ES 12-26", 50, 0.25);
            Account account = Account.Define("Sim101");
            Order filled = account.CreateOrder(es, OrderAction.Buy, OrderType.Market, OrderEntry.Automated, TimeInForce.Day, 1, 0, 0, "", "a", DateTime.MaxValue, null);
            Order working = account.CreateOrder(es, OrderAction.Sell, OrderType.Limit, OrderEntry.Automated, TimeInForce.Day, 1, 4100, 0, "", "b", DateTime.MaxValue, null);
            account.Submit(new[] { filled, working });
            account.Fill(filled, 1, 4000, DateTime.Today);

            account.Cancel(new[] { filled, working });

            Assert.That(filled.OrderState, Is.EqualTo(OrderState.Filled));
            Assert.That(working.OrderState, Is.EqualTo(OrderState.Cancelled));
        }

        [Test]
        public void OrderEventArgs_CarryTheValuesOfTheirUpdate_WhileTheOrderObjectIsAlreadyAhead()
        {
            Instrument es = Instrument.Define("ES 12-26", 50, 0.25);
            Account account = Account.Define("Sim101");
            var seen = new List<string>();
            account.OrderUpdate += (s, e) => seen.Add($"{e.OrderState} e.Filled={e.Filled} e.Time={e.Time:dd} e.Order.Filled={e.Order.Filled} e.Order.OrderState={e.Order.OrderState}");
            account.ExecutionUpdate += (s, e) => seen.Add($"execution {e.ExecutionId} {e.Quantity}@{e.Price} order={e.OrderId}");
            Order order = account.CreateOrder(es, OrderAction.Buy, OrderType.Market, OrderEntry.Automated, TimeInForce.Day,
                3, 0, 0, string.Empty, "rebalance", NinjaTrader.Core.Globals.MaxDate, null);
            account.Submit(new[] { order });
            account.QueueEvents = true;

            account.Fill(order, 1, 4000, new DateTime(2026, 1, 5));
            account.Fill(order, 2, 4003, new DateTime(2026, 1, 6));
            account.DeliverQueuedEvents();

            Assert.That(seen, Is.EqualTo(new[]
            {
                "Submitted e.Filled=0 e.Time=01 e.Order.Filled=0 e.Order.OrderState=Submitted",
                "Accepted e.Filled=0 e.Time=01 e.Order.Filled=0 e.Order.OrderState=Accepted",
                "Working e.Filled=0 e.Time=01 e.Order.Filled=0 e.Order.OrderState=Working",
                "PartFilled e.Filled=1 e.Time=05 e.Order.Filled=3 e.Order.OrderState=Filled",
                $"execution standin-exec-1 1@4000 order={order.OrderId}",
                "Filled e.Filled=3 e.Time=06 e.Order.Filled=3 e.Order.OrderState=Filled",
                $"execution standin-exec-2 2@4003 order={order.OrderId}",
            }));
        }

        [Test]
        public void Account_FillAfterAHeldCancelRequest_IsAnOverfill_AndTheConfirmationCancelsTheRest()
        {
            Instrument es = Instrument.Define("ES 12-26", 50, 0.25);
            Account account = Account.Define("Sim101");
            var states = new List<string>();
            account.OrderUpdate += (s, e) => states.Add($"{e.OrderState} {e.Filled}");
            Order order = account.CreateOrder(es, OrderAction.Buy, OrderType.Market, OrderEntry.Automated, TimeInForce.Day, 4, 0, 0, "", "child", DateTime.MaxValue, null);
            account.Submit(new[] { order });
            account.HoldCancelConfirmations = true;

            account.Cancel(new[] { order });
            account.Fill(order, 3, 4000, new DateTime(2026, 1, 5));
            account.ConfirmCancel(order);

            Assert.That(states, Is.EqualTo(new[] { "Submitted 0", "Accepted 0", "Working 0", "CancelPending 0", "PartFilled 3", "Cancelled 3" }));
            Assert.That(order.HasOverfill, Is.True);
            Assert.That(account.Positions.Single().Quantity, Is.EqualTo(3));
        }
    }
}
