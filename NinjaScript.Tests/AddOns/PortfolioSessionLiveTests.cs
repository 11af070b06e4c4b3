using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTrader.Cbi;
using NinjaTrader.Data;
using NinjaTrader.NinjaScript.AddOns.Portfolio;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.NinjaScript.Tests.Hosting;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Tca;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;

namespace NinjaTraderPortfolio.NinjaScript.Tests.AddOns
{
    /// <summary>
    /// The Portfolio Manager's Execute with real money rules, on the stand-in platform: one send per preview, re-planning
    /// at submit time, trading guards, dry run, the durable store, alerts that stay, the fills blotter and P&amp;L.
    /// </summary>
    [TestFixture]
    public class PortfolioSessionLiveTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc);
        private static readonly double[] Targets = { 0.5, 0.5 };
        private Account account;
        private string storePath;

        [SetUp]
        public void SetUp()
        {
            var bars = SampleBars.LoadCsv(SampleBars.SamplePath("eustockmarkets-prices.csv"));
            Instrument.ClearDefinitions();
            Account.ClearDefinitions();
            Instrument.Define("DAX", 25, 0.5);
            Instrument.Define("FTSE", 10, 0.5);
            account = Define("Sim101");
            BarsRequest.HistoryProvider = r => bars[r.Instrument.FullName].Skip(bars[r.Instrument.FullName].Count - r.BarsBack).ToList();
            storePath = Path.Combine(Path.GetTempPath(), "ntlive-tests", Guid.NewGuid().ToString("N") + ".sqlite");
        }

        [TearDown]
        public void TearDown()
        {
            BarsRequest.HistoryProvider = null;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string f in new[] { storePath, storePath + "-wal", storePath + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }

        private static Account Define(string name)
        {
            Account a = Account.Define(name);
            a.SetAccountItem(AccountItem.NetLiquidation, 10000000, Now);
            return a;
        }

        private PortfolioSession Open(Account on, Action<PortfolioExecutionSettings> edit = null)
        {
            var settings = new PortfolioExecutionSettings { StorePath = storePath, StartUtc = Now };
            edit?.Invoke(settings);
            var session = new PortfolioSession(on, new[] { "DAX", "FTSE" }, null, settings);
            session.RequestHistory(60);
            return session;
        }

        // One slice per order, so one fill completes a parent.
        private static IReadOnlyList<RebalancePreviewRow> PreviewOf(PortfolioSession session) => session.Preview(Targets, 0.6, 0.0, 60, 1, 0);

        /// <summary>Core's planner on the same inputs: the independent reference of the quantities.</summary>
        private static RebalancePlan CorePlan(PortfolioSession session, long dax, long ftse) => new RebalancePlanner().Plan(new[]
        {
            new PlannerInstrument("DAX", (decimal)session.Price("DAX"), 25m, 1, dax, 0.5),
            new PlannerInstrument("FTSE", (decimal)session.Price("FTSE"), 10m, 1, ftse, 0.5),
        }, 10000000m, new PlannerOptions(), new InstrumentLimits(defaultMaxWeight: 0.6));

        private void FillAll(PortfolioSession session)
        {
            foreach (Order o in account.Orders.Where(o => o.OrderState == OrderState.Working).ToList())
                account.Fill(o, o.Quantity - o.Filled, session.Price(o.Instrument.FullName), Now.AddMinutes(1));
        }

        [Test(Description = "[ExecuteTwice] a second Execute sends nothing")]
        public void ExecuteTwice_ASecondClickWhileThePlanWorks_AndAnExecuteAfterItCompleted_SendNothing()
        {
            using (PortfolioSession session = Open(account))
            {
                IReadOnlyList<RebalancePreviewRow> rows = PreviewOf(session);
                RebalancePlan plan = CorePlan(session, 0, 0);

                Assert.That(session.Execute(rows, Now).Outcome, Is.EqualTo(ExecuteOutcome.Sent));
                int sent = account.Orders.Count();
                Assert.That(account.Orders.Select(o => (o.Instrument.FullName, (long)o.Quantity)),
                    Is.EqualTo(plan.Trades.Select(t => (t.Instrument.Symbol, Math.Abs(t.OrderQuantity)))));

                ExecuteResult second = session.Execute(rows, Now.AddSeconds(1));
                Assert.That(second.Outcome, Is.EqualTo(ExecuteOutcome.AlreadyWorking));
                Assert.That(account.Orders.Count(), Is.EqualTo(sent), "the second click sent nothing");

                FillAll(session);
                session.Poll(Now.AddMinutes(2));
                Assert.That(session.Progress(), Is.All.Contains("Completed"));

                Assert.That(session.Execute(rows, Now.AddMinutes(3)).Outcome, Is.EqualTo(ExecuteOutcome.Expired), "an executed preview cannot be sent again");
                IReadOnlyList<RebalancePreviewRow> again = PreviewOf(session);
                Assert.That(again, Is.Empty, "the positions are at the plan");
                Assert.That(session.Execute(again, Now.AddMinutes(4)).Outcome, Is.EqualTo(ExecuteOutcome.NothingToSend));
                Assert.That(account.Orders.Count(), Is.EqualTo(sent));
                Assert.That(session.Position("DAX"), Is.EqualTo(plan.Trades[0].TargetQuantity), "not doubled");
                Assert.That(session.Position("FTSE"), Is.EqualTo(plan.Trades[1].TargetQuantity), "not doubled");
            }
        }

        [Test]
        public void APreview_ExpiresWhenThePositionsChange_AndIsReplannedAgainstTheCurrentPositions()
        {
            using (PortfolioSession session = Open(account))
            {
                IReadOnlyList<RebalancePreviewRow> rows = PreviewOf(session);
                // A manual trade of 5 DAX between Preview and Execute.
                Order manual = account.CreateOrder(Instrument.GetInstrument("DAX"), OrderAction.Buy, OrderType.Market, OrderEntry.Manual, TimeInForce.Day,
                    5, 0, 0, string.Empty, "manual", NinjaTrader.Core.Globals.MaxDate, null);
                account.Submit(new[] { manual });
                account.Fill(manual, 5, session.Price("DAX"), Now);

                ExecuteResult result = session.Execute(rows, Now);

                Assert.That(result.Outcome, Is.EqualTo(ExecuteOutcome.Expired));
                Assert.That(account.Orders.Count(), Is.EqualTo(1), "only the manual order");
                RebalancePlan replanned = CorePlan(session, 5, 0);
                Assert.That(result.Rows.Select(r => (r.Trade.Instrument.Symbol, r.Trade.OrderQuantity)),
                    Is.EqualTo(replanned.Trades.Where(t => t.OrderQuantity != 0).Select(t => (t.Instrument.Symbol, t.OrderQuantity))));
                Assert.That(session.Execute(result.Rows, Now).Outcome, Is.EqualTo(ExecuteOutcome.Sent), "the re-planned rows can be confirmed");
                Assert.That(account.Orders.Single(o => o.Name.StartsWith(PortfolioSession.OrderPrefix) && o.Instrument.FullName == "DAX").Quantity,
                    Is.EqualTo(Math.Abs(replanned.Trades[0].OrderQuantity)));
            }
        }

        [Test(Description = "[LiveAccountWithoutOptIn] a live account without opt-in is refused (AddOn)")]
        public void LiveAccountWithoutOptIn_IsRefusedNamingTheGuard_AndNothingIsSent()
        {
            Account live = Define("Rithmic-1234");
            using (PortfolioSession session = Open(live))
            {
                ExecuteResult result = session.Execute(PreviewOf(session), Now);

                Assert.That(result.Outcome, Is.EqualTo(ExecuteOutcome.Refused));
                Assert.That(result.Message, Does.Contain("LiveAccount").And.Contain("Rithmic-1234"));
                Assert.That(live.Orders, Is.Empty);
                Assert.That(session.LatestAlert.Message, Does.Contain("LiveAccount"));
                Assert.That(session.LatestAlert.Sound, Is.True, "a guard trip also goes to NinjaTrader's alerts");
            }
        }

        [Test]
        public void MaxDailyContractsField_IsCheckedOnceWhereTheWindowBuildsTheLimits_WithTheDeclaredMessage()
        {
            var bad = Assert.Throws<NinjaTraderPortfolio.Core.InvalidInputException>(() => PortfolioExecutionSettings.LimitsOf(false, -2));
            Assert.That(bad.Message, Is.EqualTo("Max daily contracts: " + NinjaTraderPortfolio.Core.Limits.LimitCatalog.MaxDailyQuantity.Message("-2")));
            Assert.That(bad.Message, Is.EqualTo("Max daily contracts: max daily quantity must be > 0 (whole units), got -2"));
            TradingLimits off = PortfolioExecutionSettings.LimitsOf(true, 0);
            Assert.That((off.MaxDailyQuantity, off.AllowLiveAccounts), Is.EqualTo(((long?)null, true)), "0 = no limit");
            Assert.That(PortfolioExecutionSettings.LimitsOf(false, 3).MaxDailyQuantity, Is.EqualTo(3));
        }

        [Test]
        public void LiveAccountWithOptIn_IsTraded()
        {
            Account live = Define("Rithmic-1234");
            using (PortfolioSession session = Open(live, s => s.Limits = new TradingLimits().WithLiveAccounts(true)))
            {
                Assert.That(session.Execute(PreviewOf(session), Now).Outcome, Is.EqualTo(ExecuteOutcome.Sent));
                Assert.That(live.Orders.Count(), Is.EqualTo(2));
            }
        }

        [Test(Description = "[DryRun] dry run sends no order (AddOn)")]
        public void DryRun_ListsTheOrders_AndSendsNone()
        {
            using (PortfolioSession session = Open(account, s => s.DryRun = true))
            {
                IReadOnlyList<RebalancePreviewRow> rows = PreviewOf(session);
                ExecuteResult result = session.Execute(rows, Now);

                Assert.That(result.Outcome, Is.EqualTo(ExecuteOutcome.DryRun));
                Assert.That(account.Orders, Is.Empty);
                foreach (RebalancePreviewRow r in rows)
                    Assert.That(result.Message, Does.Contain(r.Trade.Side + " " + Math.Abs(r.Trade.OrderQuantity) + " " + r.Trade.Instrument.Symbol));
            }
        }

        [Test]
        public void GuardRefusal_AndPersistedParent_TheAddOnExecutesThroughTheGuardedSessionOverADurableStore()
        {
            // Guard refusal: a plan above the daily quantity cap is refused by name, all or nothing, before anything is sent.
            using (PortfolioSession capped = Open(account, s => s.Limits = PortfolioExecutionSettings.LimitsOf(false, 3)))
            {
                ExecuteResult refused = capped.Execute(PreviewOf(capped), Now);
                Assert.That(refused.Outcome, Is.EqualTo(ExecuteOutcome.Refused));
                Assert.That(refused.Message, Does.Contain("DailyQuantity"));
                Assert.That(account.Orders, Is.Empty);
                Assert.That(capped.LatestAlert.Sound, Is.True);
            }
            // Persisted parent: the parent and its child are in the SQLite file, readable by a new store.
            string daxParent;
            using (PortfolioSession session = Open(account))
            {
                Assert.That(session.Execute(PreviewOf(session), Now).Outcome, Is.EqualTo(ExecuteOutcome.Sent));
                string child = account.Orders.First(o => o.Instrument.FullName == "DAX").Name;
                daxParent = child.Substring(0, child.LastIndexOf('-', child.LastIndexOf('-') - 1));
                using (var reader = new SqlitePortfolioStore(storePath))
                {
                    ParentOrderRecord parent = reader.LoadParent(daxParent);
                    Assert.That(parent, Is.Not.Null);
                    Assert.That(parent.Status, Is.EqualTo(ParentOrderStatus.Working));
                    Assert.That(parent.Order.Instrument, Is.EqualTo("DAX"));
                    Assert.That(reader.LoadChildren(daxParent).Select(c => c.ClientOrderId), Is.EqualTo(new[] { daxParent + "-0-0" }));
                }
            }
        }

        [Test]
        public void AParentOfAnEarlierSession_IsResumedFromTheStore_WithoutResendingItsWorkingChild()
        {
            PortfolioSession first = Open(account);
            Assert.That(first.Execute(PreviewOf(first), Now).Outcome, Is.EqualTo(ExecuteOutcome.Sent));
            Order dax = account.Orders.First(o => o.Instrument.FullName == "DAX");
            account.Fill(dax, 10, first.Price("DAX"), Now);
            // The window crashed: nothing was cancelled. A new session on the same store resumes.
            using (PortfolioSession second = Open(account))
            {
                Assert.That(second.Progress(), Is.Empty, "resumed at the first poll with prices");
                second.Poll(Now.AddSeconds(30));
                Assert.That(account.Orders.Count(), Is.EqualTo(2), "nothing re-sent");
                Assert.That(second.Progress().Count, Is.EqualTo(2), string.Join(" | ", second.Alerts.Select(x => x.Message)));
                Assert.That(second.Progress().Single(p => p.Contains("DAX")), Does.Contain("10/" + dax.Quantity).And.Contain("Working"));
                account.Fill(dax, dax.Quantity - 10, first.Price("DAX"), Now.AddMinutes(1));
                Assert.That(second.Progress().Single(p => p.Contains("DAX")), Does.Contain(dax.Quantity + "/" + dax.Quantity).And.Contain("Completed"));
            }
            first.Dispose();
        }

        [Test]
        public void Alerts_StayUntilDismissed()
        {
            using (PortfolioSession session = Open(Define("Live-7")))
            {
                session.Execute(PreviewOf(session), Now);
                session.Alert("history of X failed", false);
                for (int i = 1; i <= 3; i++) session.Poll(Now.AddSeconds(i));

                Assert.That(session.Alerts.Count, Is.EqualTo(2));
                Assert.That(session.LatestAlert.Message, Is.EqualTo("history of X failed"));
                session.Dismiss(session.Alerts[0].Id);
                Assert.That(session.Alerts.Select(a => a.Message), Is.EqualTo(new[] { "history of X failed" }));
                session.DismissAll();
                Assert.That(session.Alerts, Is.Empty);
                Assert.That(session.LatestAlert, Is.Null);
            }
        }

        [Test]
        public void FillsBlotter_ShowsArrivalAndVwapSlippage_AndThePnlPanelCountsFromTheStart()
        {
            Instrument daxInstrument = Instrument.GetInstrument("DAX");
            using (PortfolioSession session = Open(account))
            {
                daxInstrument.MarketData.Push(MarketDataType.Last, 5500, 1, Now, 5499.5, 5500.5);
                IReadOnlyList<RebalancePreviewRow> rows = PreviewOf(session);
                Assert.That(session.Execute(rows, Now).Outcome, Is.EqualTo(ExecuteOutcome.Sent));
                // Market after the start: 10 @ 5500 and 30 @ 5510, VWAP = (55000 + 165300) / 40 = 5507.5.
                daxInstrument.MarketData.Push(MarketDataType.Last, 5500, 10, Now, 5499.5, 5500.5);
                daxInstrument.MarketData.Push(MarketDataType.Last, 5510, 30, Now, 5509.5, 5510.5);
                Order dax = account.Orders.First(o => o.Instrument.FullName == "DAX");
                account.Fill(dax, 4, 5505, Now.AddMinutes(1));

                BlotterRow fill = session.Fills.Single();
                Assert.That(fill.Instrument, Is.EqualTo("DAX"));
                Assert.That(fill.Quantity, Is.EqualTo(4));
                Assert.That(dax.Name, Does.StartWith(fill.ParentId + "-"));
                // Buy 4 @ 5505: arrival 5500 -> (5505 - 5500) / 5500 x 1e4 = 9.0909 bp; VWAP 5507.5 -> -2.5 / 5507.5 x 1e4 = -4.5393 bp.
                Assert.That(fill.ArrivalSlippageBps, Is.EqualTo(5.0 / 5500 * 1e4).Within(1e-9));
                Assert.That(fill.VwapSlippageBps, Is.EqualTo(-2.5 / 5507.5 * 1e4).Within(1e-9));

                // P&L: long 4 from 5505, marked at 5510 with point value 25: 4 x 5 x 25 = 500 unrealized, nothing realized.
                PnlRow pnl = session.Pnl().Single(r => r.Instrument == "DAX");
                Assert.That(pnl.Position, Is.EqualTo(4));
                Assert.That(pnl.Unrealized, Is.EqualTo(500m));
                Assert.That(pnl.Realized, Is.EqualTo(0m));
                Assert.That(session.Pnl().Single(r => r.Instrument == "Total").Total, Is.EqualTo(500m));
            }
        }
    }
}
