using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Backtesting;
using NinjaTraderPortfolio.Core.Persistence;
using NinjaTraderPortfolio.Core.Analytics.Accounting;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Persistence.Records;
using NinjaTraderPortfolio.Core.Persistence.Sqlite;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// Writes the demo's results to a fresh SQLite database (<see cref="SqlitePortfolioStore"/>): configs, each optimizer's
    /// targets (portfolio "optimizer:METHOD"), the planned rebalance (targets, parent orders with their schedules, the account's
    /// positions, alerts) in one transaction, and the backtest's fills and daily performance (average-cost P&amp;L by
    /// <see cref="PositionLedger"/>) in another.
    /// </summary>
    internal static class DemoStore
    {
        public const string FileName = "portfolio.db";

        public static string Write(string outDir, DemoAnalysis a, string configJson)
        {
            string path = Path.Combine(outDir, FileName);
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(f)) File.Delete(f);
            using var store = new SqlitePortfolioStore(path, new SqliteStoreOptions { Durability = SqliteDurability.Normal });
            var now = a.AsOfUtc;
            using (var tx = store.BeginTransaction())
            {
                foreach (var p in a.Config.Portfolios)
                    tx.SaveConfig(new PortfolioConfigRecord(p.Name, 1, "ntportfolio.portfolio-config", 1, configJson, now));
                foreach (var m in a.Methods)
                    for (int i = 0; i < m.Assets.Count; i++)
                        tx.SaveTarget(new TargetRecord("optimizer:" + m.Method, m.Assets[i], m.Weights[i], now, "demo: whole-sample optimization"));
                tx.Commit();
            }
            store.WriteRebalance(Rebalance(a, now));
            using (var tx = store.BeginTransaction())
            {
                WriteBacktest(tx, a.Portfolio.Name + ":backtest", a.Backtest, a.Prices, a.Portfolio.Instruments.ToDictionary(i => i.Symbol, i => a.Portfolio.PointValueInAccount(i)));
                tx.Commit();
            }
            return path;
        }

        private static RebalanceBatch Rebalance(DemoAnalysis a, DateTime now)
        {
            string name = a.Portfolio.Name;
            var targets = a.Evaluation.Instruments.Select((s, i) => new TargetRecord(name, s, a.Evaluation.Targets![i], now, a.Evaluation.Initial ? "initial allocation" : a.Evaluation.Reasons.ToString())).ToList();
            var parents = new List<ParentOrderRecord>();
            foreach (var o in a.Orders)
            {
                var order = new ParentOrder($"{name}/{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}/{o.Trade.Instrument.Symbol}", o.Trade.Instrument.Symbol, o.Trade.Side, Math.Abs(o.Trade.OrderQuantity));
                var slices = o.Decision.Schedule.Slices.Where(s => s.Quantity > 0).ToList();
                var timed = new List<TimedSlice>();
                for (int k = 0; k < slices.Count; k++)
                {
                    var end = k + 1 < slices.Count ? now.AddDays(slices[k + 1].Time) : now.AddDays(Math.Max(o.Decision.Schedule.Horizon, slices[k].Time + 1e-6));
                    timed.Add(new TimedSlice(k, now.AddDays(slices[k].Time), end, slices[k].Quantity));
                }
                parents.Add(new ParentOrderRecord(order, ParentOrderStatus.Working, 0, timed, timed.Select(s => s.Quantity).ToList(),
                    timed.Select(_ => 0).ToList(), timed.Select(_ => 0).ToList(), now));
            }
            var positions = a.AccountPositions.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new PositionSnapshot(name, kv.Key, kv.Value, 0m, now)).ToList();
            var alerts = a.Evaluation.Alerts.Select(m => new AlertRecord(now, AlertSeverity.Warning, name, m)).ToList();
            return new RebalanceBatch($"{name}/{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}", name, now, "demo rebalance of the sample account", targets, parents, positions, alerts);
        }

        private static void WriteBacktest(IPortfolioTransaction tx, string portfolio, BacktestResult r, Core.Data.AssetFrame prices, IReadOnlyDictionary<string, decimal> pointValues)
        {
            var ledgers = r.Assets.ToDictionary(s => s, s => new PositionLedger(s, pointValues[s]), StringComparer.Ordinal);
            int f = 0, id = 0;
            decimal prevEquity = r.InitialCapital, prevRealized = 0m;
            int start = prices.Rows - r.EquityCurve.Count;
            for (int t = 0; t < r.EquityCurve.Count; t++)
            {
                var date = r.EquityCurve[t].Date;
                decimal commissions = 0m, traded = 0m;
                for (; f < r.Fills.Count && r.Fills[f].Date == date; f++)
                {
                    var x = r.Fills[f];
                    long q = (long)x.Quantity;
                    decimal cost = x.Commission + x.ImpactCost;
                    ledgers[x.Symbol].ApplyFill(q, x.Price, cost);
                    commissions += cost;
                    traded += Math.Abs(x.Quantity) * x.Price * pointValues[x.Symbol];
                    var when = DateTime.SpecifyKind(date.Date.AddHours(16), DateTimeKind.Utc);
                    string order = $"{portfolio}/{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{x.Symbol}";
                    tx.RecordFill(new FillRecord($"bt-{++id}", order, x.Symbol, q > 0 ? OrderSide.Buy : OrderSide.Sell, Math.Abs(q), x.Price, cost, when));
                }
                decimal realized = ledgers.Values.Sum(l => l.RealizedPnL);
                decimal unrealized = 0m;
                for (int i = 0; i < r.Assets.Count; i++)
                {
                    var l = ledgers[r.Assets[i]];
                    if (l.Quantity == 0) continue;
                    unrealized += l.UnrealizedPnL((decimal)prices[start + t, prices.IndexOf(r.Assets[i])]);
                }
                decimal equity = r.EquityCurve[t].Equity;
                tx.SaveDailyPerformance(new DailyPerformanceRecord(portfolio, date.Date, equity, equity - prevEquity, realized - prevRealized, unrealized, commissions, traded, t == 0 ? r.InitialCapital : 0m));
                prevEquity = equity;
                prevRealized = realized;
            }
        }
    }
}
