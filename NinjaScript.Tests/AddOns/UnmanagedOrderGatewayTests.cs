using System;
using System.Collections.Generic;
using NinjaTrader.Cbi;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.NinjaScript.Tests.AddOns
{
    /// <summary>The strategy gateway's event mapping, driven with stand-in orders (the strategy tests drive it through NinjaScript).</summary>
    [TestFixture]
    public class UnmanagedOrderGatewayTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 15, 0, 0);

        private static Order NewOrder(string name, int quantity) => new Order { Name = name, Quantity = quantity, OrderType = OrderType.Market };

        [Test]
        public void EventsRaisedInsideSubmit_AreMatchedByName_AndFillsComeFromExecutions()
        {
            var events = new List<OrderUpdate>();
            UnmanagedOrderGateway gateway = null;
            Order sent = NewOrder("P-0-0", 5);
            gateway = new UnmanagedOrderGateway(r =>
            {
                gateway.OnOrderUpdate(sent, OrderState.Submitted, 0, T0, string.Empty);
                gateway.OnOrderUpdate(sent, OrderState.Accepted, 0, T0, string.Empty);
                return sent;
            }, (o, q) => { }, o => { });
            gateway.OrderUpdated += (s, e) => events.Add(e);

            gateway.Submit(new ChildOrderRequest("P-0-0", "P", "ES", OrderSide.Buy, 5, 0, 0));
            gateway.OnOrderUpdate(sent, OrderState.PartFilled, 2, T0, string.Empty); // fills are taken from executions only
            gateway.OnExecutionUpdate(sent, 100.0, 2, T0);
            gateway.OnExecutionUpdate(sent, 103.0, 3, T0);

            Assert.That(events.ConvertAll(e => (e.Kind, e.CumulativeFilled)),
                Is.EqualTo(new[] { (OrderUpdateKind.Accepted, 0), (OrderUpdateKind.PartFilled, 2), (OrderUpdateKind.Filled, 5) }));
            Assert.That(events[2].AverageFillPrice, Is.EqualTo((2 * 100.0 + 3 * 103.0) / 5).Within(1e-12));
            Assert.That(gateway.Orders["P-0-0"], Is.SameAs(sent));
        }

        [Test]
        public void SubmitReturningNull_Throws_AndTheExecutorRecordsSubmitFailed()
        {
            var gateway = new UnmanagedOrderGateway(r => null, (o, q) => { }, o => { });
            var clock = new SettableClock();
            clock.Set(T0);
            var store = new InMemoryExecutionStore();
            using (var executor = new ScheduleExecutor(new ParentOrder("P", "ES", OrderSide.Buy, 1), new[] { new TimedSlice(0, T0, T0.AddDays(1), 1) },
                gateway, store, clock, new ExecutorOptions { MaxRetries = 1 }))
            {
                executor.Poll();

                Assert.That(executor.Status, Is.EqualTo(ParentOrderStatus.Halted));
                Assert.That(executor.Children, Has.All.Property("State").EqualTo(ChildOrderState.SubmitFailed));
            }
        }

        [Test]
        public void CancelledWithFills_CarriesTheFilledQuantity_AndOrdersOfOthersAreIgnored()
        {
            var events = new List<OrderUpdate>();
            Order sent = NewOrder("P-0-0", 4);
            var cancelled = new List<Order>();
            var gateway = new UnmanagedOrderGateway(r => sent, (o, q) => { }, o => cancelled.Add(o));
            gateway.OrderUpdated += (s, e) => events.Add(e);
            gateway.Submit(new ChildOrderRequest("P-0-0", "P", "ES", OrderSide.Buy, 4, 0, 0));

            gateway.OnExecutionUpdate(sent, 10, 1, T0);
            gateway.Cancel("P-0-0");
            gateway.OnOrderUpdate(sent, OrderState.Cancelled, 1, T0, "cancelled by user");
            gateway.OnOrderUpdate(NewOrder("other", 1), OrderState.Filled, 1, T0, string.Empty);

            Assert.That(cancelled, Is.EqualTo(new[] { sent }));
            Assert.That(events[events.Count - 1].Kind, Is.EqualTo(OrderUpdateKind.Cancelled));
            Assert.That(events[events.Count - 1].CumulativeFilled, Is.EqualTo(1));
            Assert.That(events, Has.Count.EqualTo(2));
            Assert.Throws<InvalidOperationException>(() => gateway.Cancel("unknown"));
        }
    }
}
