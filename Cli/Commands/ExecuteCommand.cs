using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Simulation;

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
            "  --slices, --slice-interval-ms   N slices (1..100000, at most the smallest order's quantity), one every MS milliseconds",
            "  --price              reference and fill price of every instrument (currency per unit, > 0); --price-time ISO-8601 UTC",
            "  --db                 SQLite execution store; re-running with the same --db resumes (exit 0 once every order is filled)",
            "  --broker-journal     the simulated broker's journal (one JSON line per accepted child order, fsync'd)",
            "                       one execute at a time per --db and per --broker-journal (lock files FILE.lock); a second",
            "                       run is refused (exit 3) naming the process that holds them",
            "  --execution-id       id of this execution. Default: 'x' + a hash of the orders (instrument, side, quantity; row order,",
            "                       blank lines, spaces and quotes do not matter) + '_' + today's UTC date (yyyyMMdd). So the same",
            "                       orders re-run the same day resume (or do nothing once filled), and the same orders on a later",
            "                       day are a new execution; pass the printed executionId to resume on a later day. Orders that",
            "                       no longer match the execution's (side, quantity, a missing or added instrument) are refused.",
            "                       At start the store and the broker journal are reconciled both ways: fewer orders or fills at",
            "                       the broker than the store recorded (a truncated or different journal) are refused (exit 2).",
            "guards (refusals name the guard; exit 3):",
            "  --account NAME       account the orders are for (default Sim101); accounts not named Sim*/Playback*/Backtest are live",
            "  --allow-live-account explicit opt-in to trade a live account",
            "  --max-order-quantity Q, --max-order-notional M, --max-daily-quantity Q, --max-daily-notional M (currency);",
            "                       slices above a per-order cap are sent as several children within it; daily limits count this",
            "                       execution's orders (also those sent before a restart), not other executions of the day",
            "  --max-participation F with --market-volume V (market volume per slice interval), --max-price-age-ms MS",
            "  --kill-file PATH     when anything appears at PATH (file, folder, link, ...), working orders are cancelled and execution",
            "                       stops (exit 3)",
            "simulated broker: --latency-ms MS, --sim-seed S, --sim-reject-rate F, --sim-partial-rate F, --sim-venue-cancel-rate F; --max-retries R",
            "exit codes: 0 all orders filled, 2 bad input, 3 refused by a guard / store or journal in use / halted / kill switch /",
            "disk or database fault (run the same command again to resume the remainder once fixed), 130 interrupted (Ctrl-C or",
            "SIGTERM: stops between slices; run the same command again to resume).");

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                return RunUnnamed(args, stdout, stderr);
            }
            catch (Exception e) when (e is System.Data.Common.DbException || e is ExecutionFaultException)
            {
                // Name the store: "database is locked" or "disk is full" alone does not say which file.
                var a = CliArgs.Parse(args, Options, Flags);
                string cause = e is ExecutionFaultException f ? f.Cause.Message : e.Message;
                throw new InfeasibleException($"execution store --db '{a.Get("db")}' / broker journal '{a.Get("broker-journal")}': {cause}; nothing more was sent; run the same command again to resume once fixed");
            }
        }

        private static SqlitePortfolioStore OpenStore(string path) => new SqlitePortfolioStore(path);

        private int RunUnnamed(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var a = CliArgs.Parse(args, Options, Flags);
            var settings = ExecuteSettings.From(a);
            var rows = ExecuteOrdersFile.Read(settings.OrdersPath);
            var clock = new ExecuteClock();
            DateTime startedAt = clock.UtcNow;
            string executionId = a.Get("execution-id") ?? ExecuteOrdersFile.ExecutionId(rows, startedAt);
            foreach (char c in executionId)
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.')) throw new CliUsageException($"option --execution-id may hold letters, digits, '_' and '.', got '{executionId}'");
            settings.CheckSlices(rows);
            // Refusals that need no file: before the store and the journal are opened (or created).
            // The session's own precondition check, with this face's option names.
            ExecutionSession.CheckPreconditions(settings.Account, settings.Limits.AllowLiveAccounts, settings.KillFile, "pass --allow-live-account", "--kill-file");

            var quotes = new ExecuteQuotes(settings.Price, settings.PriceTime ?? startedAt, settings.MarketVolume);
            // One execution at a time per store and per journal, taken before anything is read or sent.
            if (Directory.Exists(settings.DbPath)) throw new InvalidInputException($"--db '{settings.DbPath}' is a folder, not a SQLite database file");
            string holder = $"ntportfolio execute (execution '{executionId}')";
            using var storeLease = FileLease.Acquire(settings.DbPath, "execution store", holder, createFolder: true);
            using var broker = new SimulatedBroker(clock, new FixedPriceSource(settings.Price), settings.Broker, settings.JournalPath, holder);
            using var store = OpenStore(settings.DbPath);
            var alerts = new ExecuteAlerts();
            var options = new ExecutionSessionOptions
            {
                Account = settings.Account,
                Limits = settings.Limits,
                MaxRetries = settings.MaxRetries,
                CatchUpWindow = TimeSpan.FromMilliseconds(settings.IntervalMs),
                KillPath = settings.KillFile,
            };
            using var session = new ExecutionSession(executionId, settings.Policy(), broker, broker, store, quotes, clock, options, alerts);
            session.Start(rows.Select(r => new SessionOrder(r.Instrument, r.Side, r.Quantity)).ToList());

            int stop = 0;
            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; Interlocked.Exchange(ref stop, 1); }))
            using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; Interlocked.Exchange(ref stop, 1); }))
            {
                int sleepMs = Math.Max(1, Math.Min(20, settings.IntervalMs / 4));
                while (true)
                {
                    broker.DeliverDue();
                    if (Volatile.Read(ref stop) != 0)
                    {
                        stderr.WriteLine($"error: interrupted between slices; working orders stay at the broker; run the same command again (execution '{executionId}') to resume");
                        return Program.ExitInterrupted;
                    }
                    var state = session.Poll();
                    if (state == SessionState.Killed)
                    {
                        broker.DeliverAll();
                        throw new InfeasibleException($"kill switch tripped ({session.KillSwitch.Reason}): working orders cancelled, execution '{executionId}' stopped; " + session.Progress());
                    }
                    broker.DeliverDue();
                    if (session.Executors.All(e => e.Status != ParentOrderStatus.Working)) break;
                    Thread.Sleep(sleepMs);
                }
            }

            var notDone = session.Executors.Where(e => e.Status != ParentOrderStatus.Completed).ToList();
            if (notDone.Count > 0)
            {
                string why = alerts.Messages.Count > 0 ? " (" + string.Join("; ", alerts.Messages.Take(3)) + ")" : "";
                bool halted = notDone.Any(e => e.Status == ParentOrderStatus.Halted);
                throw new InfeasibleException($"execution '{executionId}' stopped: {string.Join(", ", notDone.Select(e => $"'{e.Parent.Instrument}' {e.Status} with {e.Filled} of {e.Parent.Quantity} filled"))}{why}; " +
                    (halted ? "run the same command again to resume the remainder once the cause is fixed" : "a cancelled execution is not resumed (use a new --execution-id after checking the account)"));
            }
            ExecuteOutput.Write(stdout, executionId, session.Executors, session.Resumed > 0);
            return Program.ExitOk;
        }
    }
}
