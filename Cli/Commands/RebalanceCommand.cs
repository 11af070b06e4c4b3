using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;
using NinjaTraderPortfolio.Core.Execution.Routing;
using NinjaTraderPortfolio.Core.Execution.Schedules;
using NinjaTraderPortfolio.Core.Execution.Sizing;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// <c>ntportfolio rebalance</c>: current positions + prices + equity + target weights -> whole-lot orders (rebalance
    /// planner), each routed (market/TWAP/VWAP/IS) with the router's reason, its schedule and the pre-trade cost.
    /// </summary>
    public sealed class RebalanceCommand : ICliCommand
    {
        private static readonly string[] Options =
        {
            "positions", "prices", "equity", "targets", "instruments", "format", "cash-buffer", "min-trade", "max-weight",
            "horizon", "slices", "risk-aversion", "vol-target", "periods-per-year", "max-gross-leverage", "fx", "account-currency",
            "max-margin-use", "min-trade-weight",
        };

        /// <inheritdoc />
        public string Name => "rebalance";

        /// <inheritdoc />
        public string Summary => "turn target weights into whole-lot orders with routing, schedules and cost estimates";

        /// <inheritdoc />
        public string Usage => string.Join("\n",
            "ntportfolio rebalance --positions FILE --prices FILE --equity X (--targets FILE | <optimize options>) [--instruments FILE] [--format table|json]",
            "                      [--cash-buffer F] [--min-trade NOTIONAL] [--max-weight W] [--horizon DAYS] [--slices N] [--risk-aversion L]",
            "                      [--vol-target V] [--periods-per-year N] [--max-gross-leverage L] [--max-margin-use F] [--min-trade-weight X]",
            "                      [--fx FILE] [--account-currency CUR]",
            "  --positions     CSV 'Asset,Quantity': signed whole contracts/shares held now (assets not listed hold 0)",
            "  --prices        price file (wide CSV 'Date,<asset>,...' or NinjaTrader export); the last row is the current price,",
            "                  the history gives the volatility per bar (taken as daily) used by the router",
            "  --equity        account equity in currency",
            "  --targets       CSV 'Asset,Weight': signed target weights, fractions of equity (assets not listed target 0)",
            "  <optimize options>  instead of --targets: any 'ntportfolio optimize' options (e.g. --method min-variance); the",
            "                  optimizer runs on the same --prices and its weights become the targets (--max-weight applies to both)",
            "  --instruments   CSV 'Asset,PointValue,LotSize,Adv,Spread,Depth,MaxWeight,MaxNotional,Currency,Margin,Micro,MicroRatio,",
            "                  MicroMargin' (any subset after Asset, empty cells = defaults: point value 1, lot 1, no limits, account",
            "                  currency, no margin, no micro; Spread is a fraction of price; Adv and Spread are needed to price and",
            "                  route orders, otherwise the order is worked as a default TWAP; Margin is the initial margin per",
            "                  contract in the instrument's currency; Micro/MicroRatio name a smaller contract, e.g. MES,10 for ES,",
            "                  priced from its parent: the target is reached within one micro, whole contracts first)",
            "  --vol-target    annual volatility target V (fraction): weights are scaled by k = min(V / sigma, L / sum|w|),",
            "                  sigma = sqrt(w' S w N), S the sample covariance (n-1) of the simple returns of all rows of --prices",
            "  --periods-per-year  N for sigma (default 252, daily rows)",
            "  --max-gross-leverage  L, cap on sum |weights| (multiple of equity); without --vol-target it only cuts (k <= 1)",
            "  --max-margin-use F  total initial margin at most F x equity (needs Margin for every instrument held or targeted)",
            "  --min-trade-weight X  no-trade band: an instrument whose target differs from its weight by less than X keeps its",
            "                  position, and trades are at least X of equity",
            "  --fx            CSV 'Currency,Rate': account-currency units per unit of each instrument currency",
            "  --account-currency  the account's currency (default USD); instruments without Currency are in it",
            "Rule: a contract worth more than its weight limit is not held (the limit is never exceeded to hold one contract);",
            "its row's reason says so; the other instruments are sized as usual. Money in the output is in the account currency.",
            "  --cash-buffer   fraction of equity kept in cash (default 0)",
            "  --min-trade     smallest trade notional in currency; smaller trades are skipped (default 0)",
            "  --max-weight    |weight| limit for every instrument without its own MaxWeight",
            "  --horizon       days allowed for each order (default 1); --slices child orders per order (default 10)",
            "  --risk-aversion lambda in 1/currency for the Almgren-Chriss urgency (default 0)",
            "Unknown options are handed to the optimizer, which reports them by name.");

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            SplitArguments(args, out var ownArgs, out var optimizerArgs);
            var a = CliArgs.Parse(ownArgs, Options);
            string positionsPath = a.Require("positions"), pricesPath = a.Require("prices");
            bool optimizerMode = optimizerArgs.Any(x => x.StartsWith("--", StringComparison.Ordinal) && !IsShared(OptionName(x)));
            if (a.Has("targets") && optimizerMode)
                throw new CliUsageException($"option {optimizerArgs.First(x => x.StartsWith("--", StringComparison.Ordinal) && !IsShared(OptionName(x)))} is an optimizer option; give either --targets FILE or optimizer options, not both");
            if (!a.Has("targets") && !optimizerMode)
                throw new CliUsageException("missing --targets FILE (CSV 'Asset,Weight') or optimizer options (e.g. --method min-variance; see 'ntportfolio help optimize')");
            decimal equity = a.GetDecimalOrNull("equity") ?? throw new CliUsageException("missing required option --equity");
            if (equity <= 0) throw new CliUsageException($"option --equity must be > 0, got {a.Get("equity")}");
            string format = a.GetChoice("format", "table", "table", "json");
            double cashBuffer = a.GetDouble("cash-buffer", 0);
            if (cashBuffer < 0 || cashBuffer >= 1) throw new CliUsageException($"option --cash-buffer must be in [0, 1), got {a.Get("cash-buffer")}");
            decimal minTrade = a.GetDecimalOrNull("min-trade") ?? 0m;
            if (minTrade < 0) throw new CliUsageException($"option --min-trade must be >= 0, got {a.Get("min-trade")}");
            // Here --max-weight is the sizing cap on |weight| (its optimizer copy is checked as the optimizer's max weight).
            double? maxWeight = a.GetLimit("max-weight", LimitCatalog.MaxAbsWeight);
            double horizon = a.GetDouble("horizon", 1);
            if (!(horizon > 0)) throw new CliUsageException($"option --horizon must be > 0, got {a.Get("horizon")}");
            int slices = a.GetInt("slices", 10);
            if (slices < 1) throw new CliUsageException($"option --slices must be >= 1, got {slices}");
            double lambda = a.GetDouble("risk-aversion", 0);
            if (lambda < 0) throw new CliUsageException($"option --risk-aversion must be >= 0, got {a.Get("risk-aversion")}");

            double? volTarget = a.GetDoubleOrNull("vol-target");
            if (volTarget.HasValue && !(volTarget.Value > 0)) throw new CliUsageException($"option --vol-target must be > 0, got {a.Get("vol-target")}");
            double? maxGross = a.GetDoubleOrNull("max-gross-leverage");
            if (maxGross.HasValue && !(maxGross.Value > 0)) throw new CliUsageException($"option --max-gross-leverage must be > 0, got {a.Get("max-gross-leverage")}");
            int periodsPerYear = a.GetInt("periods-per-year", 252);
            if (periodsPerYear < 1) throw new CliUsageException($"option --periods-per-year must be a whole number > 0, got {a.Get("periods-per-year")}");
            double? maxMargin = a.GetDoubleOrNull("max-margin-use");
            if (maxMargin.HasValue && !(maxMargin.Value > 0)) throw new CliUsageException($"option --max-margin-use must be > 0, got {a.Get("max-margin-use")}");
            double minTradeWeight = a.GetDouble("min-trade-weight", 0);
            if (!(minTradeWeight >= 0)) throw new CliUsageException($"option --min-trade-weight must be >= 0, got {a.Get("min-trade-weight")}");
            string accountCurrency = (a.Get("account-currency") ?? "USD").Trim().ToUpperInvariant();
            if (accountCurrency.Length != 3) throw new CliUsageException($"option --account-currency must be a 3-letter code, got '{a.Get("account-currency")}'");
            var fx = FxRatesFile.Read(a.Get("fx"), accountCurrency);

            var frame = PriceFileLoader.Load(new[] { pricesPath }).Frame;
            if (frame.Rows < 1) throw new InvalidInputException($"price file '{pricesPath}' has no rows");
            var assets = frame.Assets;
            var specs = a.Has("instruments") ? RebalanceInstrumentsFile.Read(a.Require("instruments"), assets.ToList()) : new Dictionary<string, InstrumentSpec>();
            var micros = specs.Where(kv => kv.Value.Micro != null).ToDictionary(kv => kv.Value.Micro!, kv => kv.Key, StringComparer.Ordinal);
            var holdable = assets.Concat(micros.Keys).ToList();
            // A flat account is a positions file with only its header line.
            var positions = HeaderOnly(positionsPath)
                ? AssetValueFileReader.ParseNumbers("Asset,Quantity\nnone,0\n", positionsPath, "Quantity", null, requireAll: false)
                : AssetValueFileReader.ReadNumbers(positionsPath, "Quantity", holdable, requireAll: false, label: "positions file");
            var targets = a.Has("targets")
                ? ToMap(AssetValueFileReader.ReadWeights(a.Require("targets"), assets, requireAll: false))
                : OptimizerTargets(optimizerArgs, stderr);

            // Volatility target and leverage cap over every asset of the price file (targets not listed are 0).
            var w = assets.Select(x => targets.TryGetValue(x, out double tw) ? tw : 0.0).ToArray();
            RiskScale? risk = null;
            if (frame.Rows >= 3)
            {
                // The loop's scaling step over its returns window (here: every return of the price file), as the backtester and
                // the strategy scale their targets.
                var scaling = new ScaledWeightSource(new FixedWeightSource(w), frame.Rows - 1, periodsPerYear, volTarget, maxGross);
                scaling.TargetsAt(frame, frame.Rows - 1);
                risk = scaling.LastScale;
            }
            else if (volTarget.HasValue || maxGross.HasValue)
                throw new InvalidInputException($"price file '{pricesPath}' has {frame.Rows} row(s); --vol-target and --max-gross-leverage need at least 3 for a covariance");
            double scale = risk?.Scale ?? 1.0;

            long Held(string symbol)
            {
                if (!positions.TryGetValue(symbol, out double q)) return 0;
                if (q != Math.Floor(q) || Math.Abs(q) > 1e15) throw new InvalidInputException($"positions file '{positionsPath}': quantity of '{symbol}' must be a whole number, got {Guard.Format(q)}");
                return (long)q;
            }
            var used = assets.Where(s => Held(s) != 0 || targets.ContainsKey(s)
                || (specs.TryGetValue(s, out var sp) && sp.Micro != null && Held(sp.Micro) != 0)).ToList();
            if (used.Count == 0) throw new InvalidInputException("neither the positions nor the targets name an asset of the price file");
            var sized = new List<SizingInstrument>();
            var weightLimits = new Dictionary<string, double>(StringComparer.Ordinal);
            var notionalLimits = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var s in used)
            {
                var spec = specs.TryGetValue(s, out var sp) ? sp : new InstrumentSpec();
                double tw = targets.TryGetValue(s, out double t) ? t * scale : 0.0;
                decimal price = (decimal)frame[frame.Rows - 1, frame.IndexOf(s)];
                var micro = spec.Micro == null ? null : new MicroContract(spec.Micro, spec.MicroRatio, Held(spec.Micro), spec.MicroMargin);
                sized.Add(new SizingInstrument(s, price, spec.PointValue, spec.LotSize, Held(s), tw, spec.Currency, spec.Margin, micro));
                if (spec.MaxWeight.HasValue) weightLimits[s] = spec.MaxWeight.Value;
                if (spec.MaxNotional.HasValue) notionalLimits[s] = spec.MaxNotional.Value;
            }
            var limits = new InstrumentLimits(weightLimits, notionalLimits, maxWeight);
            var sizing = new FuturesSizer().Size(sized, equity,
                fx, new SizingOptions { CashBuffer = cashBuffer, MinTradeNotional = minTrade, MinTradeWeight = minTradeWeight, MaxMarginUse = maxMargin }, limits);

            var router = new SmartOrderRouter();
            var rows = new List<RebalanceRow>();
            foreach (var t in sizing.Orders)
            {
                var row = new RebalanceRow(t);
                rows.Add(row);
                if (t.OrderQuantity == 0) { row.Reason = t.Note ?? "no trade"; continue; }
                string listed = t.ParentSymbol ?? t.Symbol;
                var spec = t.ParentSymbol == null && specs.TryGetValue(t.Symbol, out var sp) ? sp : new InstrumentSpec();
                long qty = Math.Abs(t.OrderQuantity);
                string prefix = t.Note == null ? "" : t.Note + "; ";
                if (double.IsNaN(spec.Adv) || double.IsNaN(spec.Spread) || frame.Rows < 3)
                {
                    string missing = double.IsNaN(spec.Adv) || double.IsNaN(spec.Spread) ? "no Adv/Spread in --instruments" : "fewer than 3 prices for a volatility";
                    row.Decision = null;
                    row.Schedule = TwapSchedule.Build(qty, horizon, slices);
                    row.Algorithm = "twap";
                    row.Reason = $"{prefix}{missing}: default TWAP over {horizon.ToString("0.###", CultureInfo.InvariantCulture)} day(s), cost not estimated";
                    continue;
                }
                var closes = frame.CopyColumn(frame.IndexOf(listed));
                double sigma = LiquidityEstimator.Volatility(closes);
                var liq = new InstrumentLiquidity(sigma, spec.Adv, spec.Spread, double.NaN, spec.Depth);
                var d = router.Route(new RoutingRequest(qty, (double)t.Price, (double)(t.PointValue * t.FxRate), liq, horizon, slices, lambda));
                row.Decision = d;
                row.Schedule = d.Schedule;
                row.Algorithm = d.AlgorithmName;
                row.Reason = prefix + d.Reason;
            }
            if (format == "json") WriteJson(stdout, sizing, risk, fx, rows);
            else WriteTable(stdout, sizing, risk, fx, rows);
            return 0;
        }

        // Options of this command; "prices" and "max-weight" also go to the optimizer.
        private static bool IsOwn(string name) => Array.IndexOf(Options, name) >= 0;

        private static bool IsShared(string name) => name == "prices" || name == "max-weight";

        private static string OptionName(string arg)
        {
            string name = arg.Substring(2);
            int eq = name.IndexOf('=');
            return eq > 0 ? name.Substring(0, eq) : name;
        }

        // Every optimizer option takes one value, so "--name value" pairs can be split without knowing the optimizer's list.
        private static void SplitArguments(IReadOnlyList<string> args, out List<string> own, out List<string> optimizer)
        {
            own = new List<string>();
            optimizer = new List<string>();
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2) { own.Add(arg); continue; }
                string name = OptionName(arg);
                bool inline = arg.IndexOf('=') > 0;
                var pair = new List<string> { arg };
                if (!inline && i + 1 < args.Count) pair.Add(args[++i]);
                if (IsOwn(name)) own.AddRange(pair);
                if (!IsOwn(name) || IsShared(name)) optimizer.AddRange(pair);
            }
        }

        // The optimizer options parsed as `optimize` parses them; the catalog's optimizer runs on the same price file and its
        // weights (required optimal) become the targets.
        private static Dictionary<string, double> OptimizerTargets(List<string> optimizerArgs, TextWriter stderr)
        {
            var settings = OptimizeSettings.Parse(optimizerArgs);
            var result = OptimizeCommand.Solve(settings, new GoldfarbIdnaniSolver(), stderr).Result;
            var map = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < result.Assets.Count; i++) map[result.Assets[i]] = result.Weights[i];
            return map;
        }

        private static Dictionary<string, double> ToMap(AssetTable<double> table)
        {
            var map = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var asset in table.Assets) map[asset] = table[asset];
            return map;
        }

        private static bool HeaderOnly(string path)
        {
            string text = DataFileText.Read(path, "positions file");
            int lines = text.Split('\n').Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("#", StringComparison.Ordinal));
            if (lines == 0) throw new InvalidInputException($"positions file '{path}' is empty; it needs at least the header 'Asset,Quantity'");
            return lines == 1;
        }

        private sealed class RebalanceRow
        {
            public RebalanceRow(SizedOrder t) { Trade = t; }
            public SizedOrder Trade { get; }
            public RoutingDecision? Decision { get; set; }
            public ExecutionSchedule? Schedule { get; set; }
            public string Algorithm { get; set; } = "none";
            public string Reason { get; set; } = "no trade";
        }

        private static void WriteJson(TextWriter stdout, SizingResult sizing, RiskScale? risk, FxRates fx, List<RebalanceRow> rows)
        {
            var plan = sizing.Plan;
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("accountCurrency", fx.AccountCurrency);
                w.WriteNumber("equity", plan.Equity);
                w.WriteNumber("investable", plan.Investable);
                w.WriteNumber("grossNotional", sizing.GrossNotional);
                w.WriteNumber("grossBudget", plan.GrossBudget);
                w.WriteNumber("trackingObjective", plan.Objective);
                w.WriteBoolean("provedOptimal", plan.ProvedOptimal);
                if (risk != null)
                {
                    w.WriteNumber("scale", risk.Scale);
                    w.WriteNumber("predictedVolatility", risk.PredictedVolatility);
                    w.WriteNumber("grossLeverage", risk.GrossLeverage);
                    w.WriteString("scaleBinding", risk.Binding);
                }
                else
                {
                    w.WriteNumber("scale", 1.0);
                    w.WriteNull("predictedVolatility");
                    w.WriteNull("grossLeverage");
                    w.WriteString("scaleBinding", "none");
                }
                w.WriteNumber("marginUsed", sizing.MarginUsed);
                if (sizing.MarginLimit.HasValue) w.WriteNumber("marginLimit", sizing.MarginLimit.Value);
                else w.WriteNull("marginLimit");
                w.WriteStartArray("orders");
                foreach (var r in rows)
                {
                    var t = r.Trade;
                    w.WriteStartObject();
                    w.WriteString("asset", t.Symbol);
                    if (t.ParentSymbol != null) w.WriteString("microOf", t.ParentSymbol);
                    w.WriteString("currency", t.Currency ?? fx.AccountCurrency);
                    w.WriteNumber("fxRate", t.FxRate);
                    w.WriteNumber("price", t.Price);
                    w.WriteNumber("pointValue", t.PointValue);
                    w.WriteNumber("currentQuantity", t.CurrentQuantity);
                    w.WriteNumber("targetQuantity", t.TargetQuantity);
                    w.WriteNumber("orderQuantity", t.OrderQuantity);
                    w.WriteString("side", t.OrderQuantity == 0 ? "none" : t.OrderQuantity > 0 ? "buy" : "sell");
                    w.WriteNumber("orderNotional", t.OrderNotional);
                    w.WriteNumber("targetWeight", t.TargetWeight);
                    w.WriteNumber("achievedWeight", t.AchievedWeight);
                    if (t.MarginPerContract.HasValue) w.WriteNumber("marginPerContract", t.MarginPerContract.Value);
                    else w.WriteNull("marginPerContract");
                    w.WriteNumber("marginUsed", t.MarginUsed);
                    w.WriteBoolean("capped", t.Capped);
                    w.WriteString("algorithm", r.Algorithm);
                    w.WriteString("reason", r.Reason);
                    if (r.Decision != null)
                    {
                        w.WriteNumber("expectedCost", r.Decision.ExpectedCost);
                        w.WriteNumber("costStdDev", r.Decision.CostStdDev);
                    }
                    else
                    {
                        w.WriteNull("expectedCost");
                        w.WriteNull("costStdDev");
                    }
                    w.WriteStartArray("schedule");
                    if (r.Schedule != null)
                        foreach (var sl in r.Schedule.Slices)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("index", sl.Index);
                            w.WriteNumber("time", sl.Time);
                            w.WriteNumber("quantity", sl.Quantity);
                            w.WriteEndObject();
                        }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            stdout.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
        }

        private static void WriteTable(TextWriter stdout, SizingResult sizing, RiskScale? risk, FxRates fx, List<RebalanceRow> rows)
        {
            var inv = CultureInfo.InvariantCulture;
            var plan = sizing.Plan;
            stdout.WriteLine($"equity {plan.Equity.ToString(inv)} {fx.AccountCurrency}, investable {plan.Investable.ToString(inv)}, gross {sizing.GrossNotional.ToString("0.##", inv)} of budget {plan.GrossBudget.ToString("0.##", inv)}{(plan.ProvedOptimal ? "" : " (rounding not proved optimal)")}");
            if (risk != null)
                stdout.WriteLine($"scale {risk.Scale.ToString("0.####", inv)} ({risk.Binding}): predicted volatility {risk.PredictedVolatility.ToString("0.####", inv)}, gross leverage {risk.GrossLeverage.ToString("0.####", inv)}");
            stdout.WriteLine($"margin used {sizing.MarginUsed.ToString("0.##", inv)}{(sizing.MarginLimit.HasValue ? " of " + sizing.MarginLimit.Value.ToString("0.##", inv) : "")}");
            stdout.WriteLine($"{"asset",-10} {"current",9} {"target",9} {"order",9} {"side",4} {"notional",14} {"weight",8} {"algo",6} {"exp.cost",12}  schedule / reason");
            foreach (var r in rows)
            {
                var t = r.Trade;
                string side = t.OrderQuantity == 0 ? "-" : t.OrderQuantity > 0 ? "buy" : "sell";
                string cost = r.Decision == null ? "-" : r.Decision.ExpectedCost.ToString("0.##", inv);
                string sched = r.Schedule == null ? "" : string.Join("+", r.Schedule.Slices.Select(s => s.Quantity.ToString(inv)));
                stdout.WriteLine($"{t.Symbol,-10} {t.CurrentQuantity,9} {t.TargetQuantity,9} {t.OrderQuantity,9} {side,4} {t.OrderNotional.ToString("0.##", inv),14} {t.AchievedWeight.ToString("0.0000", inv),8} {r.Algorithm,6} {cost,12}  {sched}{(t.Capped ? " [capped by limit]" : "")}");
                if (t.OrderQuantity != 0 || t.Note != null) stdout.WriteLine($"{"",10}   reason: {r.Reason}");
            }
        }
    }
}
