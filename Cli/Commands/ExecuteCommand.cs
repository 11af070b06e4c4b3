using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Execution;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Safety;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// <c>ntportfolio execute</c>: works parent orders through TWAP/VWAP/IS slices against the simulated broker, with all
    /// state in a SQLite file. Crash-safe: a child order is written to the store before it is sent, the broker journals it
    /// (fsync) before acknowledging, and a re-run of the same command reconciles the two by client id and resumes, never
    /// re-sending an id. Every child order passes the trading guards.
    /// </summary>
    public sealed class ExecuteCommand : ICliCommand
    {
        private static readonly string[] Options =
        {
            "orders", "strategy", "slices", "slice-interval-ms", "broker", "price", "price-time", "db", "broker-journal", "account",
            "execution-id", "max-order-quantity", "max-order-notional", "max-daily-quantity", "max-daily-notional", "max-participation",
            "market-volume", "max-price-age-ms", "latency-ms", "sim-seed", "sim-reject-rate", "sim-partial-rate", "sim-venue-cancel-rate",
            "max-retries", "kill-file", "sigma", "eta", "risk-aversion",
        };

        private static readonly string[] Flags = { "allow-live-account" };

        /// <inheritdoc />
        public string Name => "execute";

        /// <inheritdoc />
        public string Summary => "work orders through TWAP/VWAP/IS slices on the simulated broker; crash-safe, re-run to resume";

        /// <inheritdoc />
        public string Usage => string.Join("\n",
            "ntportfolio execute --orders FILE --strategy twap|vwap|is --slices N --slice-interval-ms MS --broker sim --price P",
            "                    --db FILE --broker-journal FILE [--account NAME] [--allow-live-account] [guard options] [sim options]",
            "  --orders             CSV Instrument,Side,Quantity: one parent order per instrument, side Buy|Sell, whole quantity",
            "  --strategy           slice sizes: twap, vwap (uniform volume profile) or is (Almgren-Chriss; --sigma, --eta, --risk-aversion)",
            "  --slices, --slice-interval-ms   N slices, one every MS milliseconds from the first run's start",
            "  --price              reference and fill price of every instrument (currency per unit, > 0); --price-time ISO-8601 UTC",
            "  --db                 SQLite execution store; re-running with the same --db resumes (exit 0 once every order is filled)",
            "  --broker-journal     the simulated broker's journal (one JSON line per accepted child order, fsync'd)",
            "  --execution-id       id of this execution (default: derived from the orders file, so the same file resumes)",
            "guards (refusals name the guard; exit 3):",
            "  --account NAME       account the orders are for (default Sim101); accounts not named Sim*/Playback*/Backtest are live",
            "  --allow-live-account explicit opt-in to trade a live account",
            "  --max-order-quantity Q, --max-order-notional M, --max-daily-quantity Q, --max-daily-notional M (currency);",
            "                       slices above a per-order cap are sent as several children within it; daily limits count this",
            "                       execution's orders (also those sent before a restart), not other executions of the day",
            "  --max-participation F with --market-volume V (market volume per slice interval), --max-price-age-ms MS",
            "  --kill-file PATH     when this file appears, working orders are cancelled and execution stops (exit 3)",
            "simulated broker: --latency-ms MS, --sim-seed S, --sim-reject-rate F, --sim-partial-rate F, --sim-venue-cancel-rate F; --max-retries R",
            "exit codes: 0 all orders filled, 2 bad input, 3 refused by a guard / halted / kill switch, 130 interrupted (Ctrl-C or SIGTERM:",
            "stops between slices; run the same command again to resume).");

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var a = CliArgs.Parse(args, Options, Flags);
            var settings = ExecuteSettings.From(a);
            var rows = ExecuteOrdersFile.Read(settings.OrdersPath);
            string executionId = a.Get("execution-id") ?? ExecuteOrdersFile.ExecutionId(rows);
            foreach (char c in executionId)
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.')) throw new CliUsageException($"option --execution-id may hold letters, digits, '_' and '.', got '{executionId}'");
            if (!settings.Limits.AllowLiveAccounts && !AccountClassifier.IsSimulation(settings.Account))
                throw new CliUsageException($"trading guard LiveAccount: account '{settings.Account}' is not a simulation account (Sim..., Playback..., Backtest); pass --allow-live-account to trade it");
            ExecutePreflight.Check(rows, settings);
            if (settings.KillFile != null && File.Exists(settings.KillFile))
                throw new InfeasibleException($"kill switch: kill file '{settings.KillFile}' exists; nothing was sent (remove it to trade)");

            var clock = new ExecuteClock();
            DateTime startedAt = clock.UtcNow;
            var kill = new KillSwitch();
            var guard = new TradingGuard(settings.Limits, clock, kill);
            var quotes = new ExecuteQuotes(settings.Price, settings.PriceTime ?? startedAt, settings.MarketVolume);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(settings.Price), settings.Broker, settings.JournalPath);
            using var store = new SqlitePortfolioStore(settings.DbPath);
            var gateway = new GuardedOrderGateway(broker, guard, quotes, settings.Account);
            var alerts = new ExecuteAlerts();
            var options = new ExecutorOptions
            {
                MaxRetries = settings.MaxRetries,
                CatchUpWindow = TimeSpan.FromMilliseconds(settings.IntervalMs),
                MaxChildQuantity = ExecutePreflight.MaxChildQuantity(settings),
            };

            // Open or resume every parent; usage already at the broker counts towards today's limits before anything is sent.
            var executors = new List<ScheduleExecutor>();
            var resumed = new List<ScheduleExecutor>();
            int stop = 0;
            try
            {
                foreach (var r in rows)
                {
                    var parent = new ParentOrder(executionId + "-" + r.Line.ToString(CultureInfo.InvariantCulture), r.Instrument, r.Side, r.Quantity);
                    var saved = store.LoadParent(parent.Id);
                    if (saved == null)
                    {
                        var stray = broker.Orders.FirstOrDefault(o => o.ClientOrderId.StartsWith(parent.Id + "-", StringComparison.Ordinal));
                        if (stray != null)
                            throw new InvalidInputException($"the broker journal '{settings.JournalPath}' holds order '{stray.ClientOrderId}' of parent '{parent.Id}' that the execution store '{settings.DbPath}' does not know; the store and the broker journal do not belong together");
                        executors.Add(new ScheduleExecutor(parent, ExecutePreflight.Slices(r.Quantity, settings, clock.UtcNow), gateway, store, clock, options, alerts));
                        continue;
                    }
                    if (saved.Order.Instrument != parent.Instrument || saved.Order.Side != parent.Side || saved.Order.Quantity != parent.Quantity)
                        throw new InvalidInputException($"--db '{settings.DbPath}' holds parent '{parent.Id}' for {saved.Order.Side} {saved.Order.Quantity} '{saved.Order.Instrument}', not {parent.Side} {parent.Quantity} '{parent.Instrument}'");
                    foreach (var child in store.LoadChildren(parent.Id))
                    {
                        var b = broker.FindOrder(child.ClientOrderId);
                        if (b != null && b.State != OrderUpdateKind.Rejected) guard.RecordUsage(b.Quantity, b.Quantity * settings.Price);
                    }
                    var ex = ScheduleExecutor.Resume(parent.Id, gateway, store, clock, options, alerts);
                    executors.Add(ex);
                    resumed.Add(ex);
                }
                foreach (var ex in resumed) ExecutionRecovery.Reconcile(ex, broker, clock.UtcNow);
                foreach (var ex in executors) kill.Tripped += (_, __) => ex.CancelAll();

                using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; Interlocked.Exchange(ref stop, 1); });
                using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; Interlocked.Exchange(ref stop, 1); });
                int sleepMs = Math.Max(1, Math.Min(20, settings.IntervalMs / 4));
                while (true)
                {
                    broker.DeliverDue();
                    if (Volatile.Read(ref stop) != 0)
                    {
                        stderr.WriteLine("error: interrupted between slices; working orders stay at the broker; run the same command again to resume");
                        return Program.ExitInterrupted;
                    }
                    if (settings.KillFile != null && File.Exists(settings.KillFile))
                        kill.Trip($"kill file '{settings.KillFile}' exists");
                    if (kill.IsTripped)
                    {
                        broker.DeliverAll();
                        throw new InfeasibleException($"kill switch tripped ({kill.Reason}): working orders cancelled, execution stopped; " + Progress(executors));
                    }
                    foreach (var ex in executors) ex.Poll();
                    broker.DeliverDue();
                    if (executors.All(e => e.Status != ParentOrderStatus.Working)) break;
                    Thread.Sleep(sleepMs);
                }
            }
            finally
            {
                foreach (var ex in executors) ex.Dispose();
            }

            var notDone = executors.Where(e => e.Status != ParentOrderStatus.Completed).ToList();
            if (notDone.Count > 0)
            {
                string why = alerts.Messages.Count > 0 ? " (" + string.Join("; ", alerts.Messages.Take(3)) + ")" : "";
                throw new InfeasibleException($"execution '{executionId}' stopped: {string.Join(", ", notDone.Select(e => $"'{e.Parent.Instrument}' {e.Status} with {e.Filled} of {e.Parent.Quantity} filled"))}{why}; a cancelled or halted execution is not resumed (use a new --execution-id after checking the account)");
            }
            ExecuteOutput.Write(stdout, executionId, executors, resumed.Count > 0);
            return Program.ExitOk;
        }

        private static string Progress(IEnumerable<ScheduleExecutor> executors)
            => string.Join(", ", executors.Select(e => $"'{e.Parent.Instrument}' {e.Filled} of {e.Parent.Quantity} filled"));
    }
}
