using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Execution.Tca;

namespace NinjaTraderPortfolio.NinjaScript.Tests.AddOns
{
    [TestFixture]
    public class AccountOrderGatewayTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc);
        private Account account;
        private Instrument es;
        private SettableClock clock;

        [SetUp]
        public void SetUp()
        {
            Instrument.ClearDefinitions();
            Account.ClearDefinitions();
            es = Instrument.Define("ES 12-26", 50, 0.25);
            account = Account.Define("Sim101");
            clock = new SettableClock();
            clock.Set(T0);
        }

        private ScheduleExecutor Executor(AccountOrderGateway gateway, OrderSide side, long quantity, int slices = 1)
        {
            var parent = new ParentOrder("R1", "ES 12-26", side, quantity);
            var timed = Enumerable.Range(0, slices).Select(i => new TimedSlice(i, T0.AddMinutes(i), T0.AddMinutes(i + 1), quantity / slices + (i < quantity % slices ? 1 : 0))).ToList();
            return new ScheduleExecutor(parent, timed, gateway, new InMemoryExecutionStore(), clock);
        }

        [Test]
        public void Poll_CreatesAMarketOrderNamedByClientId_AndFillsFromExecutionsCompleteTheParent()
        {
            using (var gateway = new AccountOrderGateway(account))
            using (ScheduleExecutor executor = Executor(gateway, OrderSide.Buy, 5))
            {
                executor.Poll();

                Order order = account.Orders.Single();
                Assert.That((order.Name, order.OrderAction, order.OrderType, order.Quantity, order.OrderState, order.Instrument),
                    Is.EqualTo(("R1-0-0", OrderAction.Buy, OrderType.Market, 5, OrderState.Working, es)));
                Assert.That(executor.Children.Single().State, Is.EqualTo(ChildOrderState.Accepted));

                account.Fill(order, 2, 4000.25, T0.AddSeconds(5));
                Assert.That(executor.Filled, Is.EqualTo(2));
                Assert.That(executor.Children.Single().State, Is.EqualTo(ChildOrderState.PartFilled));

                account.Fill(order, 3, 4000.75, T0.AddSeconds(6));
                Assert.That(executor.Status, Is.EqualTo(ParentOrderStatus.Completed));
                Assert.That(executor.Children.Single().AverageFillPrice, Is.EqualTo((2 * 4000.25 + 3 * 4000.75) / 5).Within(1e-9));
            }
        }

        [Test]
        public void Sell_IsSellWhenLong_AndSellShortWhenFlat()
        {
            using (var gateway = new AccountOrderGateway(account))
            {
                gateway.Submit(new ChildOrderRequest("A-0-0", "A", "ES 12-26", OrderSide.Sell, 1, 0, 0));
                Order flatSell = account.Orders.Single(o => o.Name == "A-0-0");
                Assert.That(flatSell.OrderAction, Is.EqualTo(OrderAction.SellShort));
                account.Fill(flatSell, 1, 4000, T0);

                gateway.Submit(new ChildOrderRequest("B-0-0", "B", "ES 12-26", OrderSide.Buy, 3, 0, 0));
                Order cover = account.Orders.Single(o => o.Name == "B-0-0");
                Assert.That(cover.OrderAction, Is.EqualTo(OrderAction.BuyToCover));
                account.Fill(cover, 3, 4000, T0);

                gateway.Submit(new ChildOrderRequest("C-0-0", "C", "ES 12-26", OrderSide.Sell, 1, 0, 0));
                Assert.That(account.Orders.Single(o => o.Name == "C-0-0").OrderAction, Is.EqualTo(OrderAction.Sell));
            }
        }

        [Test]
        public void CancelAll_CancelsTheWorkingOrderThroughTheAccount()
        {
            using (var gateway = new AccountOrderGateway(account))
            using (ScheduleExecutor executor = Executor(gateway, OrderSide.Buy, 4))
            {
                executor.Poll();
                Order order = account.Orders.Single();
                account.Fill(order, 1, 4000, T0);

                executor.CancelAll();

                Assert.That(order.OrderState, Is.EqualTo(OrderState.Cancelled));
                Assert.That(executor.Status, Is.EqualTo(ParentOrderStatus.Cancelled));
                Assert.That(executor.Children.Single().State, Is.EqualTo(ChildOrderState.Cancelled));
                Assert.That(executor.Filled, Is.EqualTo(1));
            }
        }

        [Test]
        public void Change_SetsQuantityChangedAndCallsAccountChange()
        {
            using (var gateway = new AccountOrderGateway(account))
            {
                gateway.Submit(new ChildOrderRequest("A-0-0", "A", "ES 12-26", OrderSide.Buy, 5, 0, 0));

                gateway.Change("A-0-0", 3);

                Order order = account.Orders.Single();
                Assert.That((order.QuantityChanged, order.Quantity, order.OrderState), Is.EqualTo((3, 3, OrderState.Working)));
            }
        }

        [Test]
        public void UnknownInstrument_ThrowsSoTheExecutorKnowsNothingWasSent()
        {
            using (var gateway = new AccountOrderGateway(account))
            {
                var ex = Assert.Throws<InvalidOperationException>(() => gateway.Submit(new ChildOrderRequest("A-0-0", "A", "NQ 12-26", OrderSide.Buy, 1, 0, 0)));
                Assert.That(ex.Message, Does.Contain("NQ 12-26"));
                Assert.That(account.Orders, Is.Empty);
            }
        }

        [Test]
        public void AfterDispose_AccountEventsAreNoLongerForwarded()
        {
            var events = new List<OrderUpdate>();
            var gateway = new AccountOrderGateway(account);
            gateway.OrderUpdated += (s, e) => events.Add(e);
            gateway.Submit(new ChildOrderRequest("A-0-0", "A", "ES 12-26", OrderSide.Buy, 2, 0, 0));
            int before = events.Count;

            gateway.Dispose();
            account.Fill(account.Orders.Single(), 2, 4000, T0);

            Assert.That(before, Is.GreaterThan(0));
            Assert.That(events, Has.Count.EqualTo(before));
        }

        [Test]
        public void OrdersOfOtherSources_AreIgnored()
        {
            var events = new List<OrderUpdate>();
            using (var gateway = new AccountOrderGateway(account))
            {
                gateway.OrderUpdated += (s, e) => events.Add(e);
                Order manual = account.CreateOrder(es, OrderAction.Buy, OrderType.Market, OrderEntry.Manual, TimeInForce.Day, 1, 0, 0, string.Empty, "manual", NinjaTrader.Core.Globals.MaxDate, null);
                account.Submit(new[] { manual });
                account.Fill(manual, 1, 4000, T0);
            }
            Assert.That(events, Is.Empty);
        }
    }
}
