using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core.Backtesting;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// The parsed options of <c>ntportfolio backtest</c>. Options it does not own are optimizer options: they are checked
    /// against the optimize command's list and parsed by <see cref="OptimizeSettings"/>, with the price files and
    /// <c>--periods-per-year</c> forwarded, so typed optimizer figures (risk-free, targets) are in annual units.
    /// </summary>
    internal sealed class BacktestSettings
    {
        public static readonly string[] OwnOptions =
        {
            "prices", "weights", "lookback", "rebalance", "initial-capital", "costs", "commission-per-unit", "format", "report",
            "instruments", "periods-per-year", "cash-buffer", "min-trade-weight", "vol-target", "max-gross-leverage", "vol-window",
            "fx", "account-currency", "execution", "slices", "is-sigma", "is-eta", "is-risk-aversion",
        };

        public static readonly string[] Flags = { "fractional" };

        // Optimize options that make no sense on a rolling window (or that backtest owns).
        private static readonly string[] Rejected = { "returns", "frontier", "current-weights", "max-turnover", "expected-returns" };

        public IReadOnlyList<string> PricePaths { get; private set; } = Array.Empty<string>();
        public string? WeightsPath { get; private set; }
        public OptimizeSettings? Optimizer { get; private set; }
        public int Lookback { get; private set; }
        public RebalancePolicy Policy { get; private set; } = RebalancePolicy.None;
        public decimal InitialCapital { get; private set; }
        public bool ModelCosts { get; private set; }
        public decimal CommissionPerUnit { get; private set; }
        public bool Json { get; private set; }
        public string? ReportDir { get; private set; }
        public string? InstrumentsPath { get; private set; }
        public int PeriodsPerYear { get; private set; } = 252;
        public double CashBuffer { get; private set; }
        public bool Fractional { get; private set; }
        public double MinTradeWeight { get; private set; }
        public double? VolTarget { get; private set; }
        public double? MaxGross { get; private set; }
        public int VolWindow { get; private set; }
        public string? FxPath { get; private set; }
        public string AccountCurrency { get; private set; } = "USD";
        public BacktestExecution? Execution { get; private set; }

        public static BacktestSettings Parse(IReadOnlyList<string> args)
        {
            Split(args, out var own, out var opt);
            var a = CliArgs.Parse(own, OwnOptions, Flags);
            var s = new BacktestSettings();
            s.PricePaths = a.GetAll("prices");
            if (s.PricePaths.Count == 0) throw new CliUsageException("missing required option --prices FILE");
            s.WeightsPath = a.Get("weights");
            string? firstOptimizerOption = opt.FirstOrDefault(x => x.StartsWith("--", StringComparison.Ordinal));
            if (s.WeightsPath != null && firstOptimizerOption != null)
                throw new CliUsageException($"option {OptionName(firstOptimizerOption)} is an optimizer option; give either --weights FILE or --method M with --lookback N, not both");
            if (s.WeightsPath == null && firstOptimizerOption == null)
                throw new CliUsageException("missing --weights FILE (CSV Asset,Weight) or --method M --lookback N (see 'ntportfolio help optimize' for the methods)");
            if (a.Has("periods-per-year"))
            {
                s.PeriodsPerYear = a.GetInt("periods-per-year", 0);
                if (s.PeriodsPerYear <= 0) throw new CliUsageException($"option --periods-per-year must be a whole number > 0, got {a.Get("periods-per-year")}");
            }
            if (s.WeightsPath != null)
            {
                if (a.Has("lookback")) throw new CliUsageException("option --lookback is only for --method (the optimizer's estimation window)");
            }
            else
            {
                if (!a.Has("lookback")) throw new CliUsageException("option --method needs --lookback N (returns in the optimizer's trailing window)");
                s.Lookback = a.GetInt("lookback", 0);
                if (s.Lookback < 2) throw new CliUsageException($"option --lookback must be a whole number >= 2, got {a.Get("lookback")}");
                s.Optimizer = ParseOptimizer(opt, s.PricePaths, s.PeriodsPerYear);
            }
            string policy = a.Get("rebalance") ?? throw new CliUsageException("missing required option --rebalance none|daily|weekly|monthly|quarterly|drift:X");
            try { s.Policy = RebalancePolicy.Parse(policy); }
            catch (Core.InvalidInputException ex) { throw new CliUsageException("option --rebalance: " + ex.Message); }
            s.InitialCapital = a.GetDecimalOrNull("initial-capital") ?? throw new CliUsageException("missing required option --initial-capital C");
            if (s.InitialCapital <= 0) throw new CliUsageException($"option --initial-capital must be > 0, got {a.Get("initial-capital")}");
            s.ModelCosts = a.GetChoice("costs", null, "none", "model") == "model";
            if (a.Has("commission-per-unit"))
            {
                if (!s.ModelCosts) throw new CliUsageException("option --commission-per-unit needs --costs model (--costs none means no commission and no impact)");
                s.CommissionPerUnit = a.GetDecimalOrNull("commission-per-unit")!.Value;
                if (s.CommissionPerUnit < 0) throw new CliUsageException($"option --commission-per-unit must be >= 0, got {a.Get("commission-per-unit")}");
            }
            s.Json = a.GetChoice("format", "table", "table", "json") == "json";
            s.ReportDir = a.Get("report");
            s.InstrumentsPath = a.Get("instruments");
            if (s.ModelCosts && s.InstrumentsPath == null)
                throw new CliUsageException("option --costs model needs --instruments FILE with Adv and Spread for every asset (the impact model's inputs)");
            s.CashBuffer = a.GetDouble("cash-buffer", 0);
            if (s.CashBuffer < 0 || s.CashBuffer >= 1) throw new CliUsageException($"option --cash-buffer must be in [0, 1), got {a.Get("cash-buffer")}");
            s.Fractional = a.Has("fractional");
            s.MinTradeWeight = a.GetDouble("min-trade-weight", 0);
            if (!(s.MinTradeWeight >= 0)) throw new CliUsageException($"option --min-trade-weight must be >= 0, got {a.Get("min-trade-weight")}");
            if (s.MinTradeWeight > 0 && s.Fractional) throw new CliUsageException("option --min-trade-weight applies to whole-lot sizing; drop --fractional");
            s.VolTarget = a.GetDoubleOrNull("vol-target");
            if (s.VolTarget.HasValue && !(s.VolTarget.Value > 0)) throw new CliUsageException($"option --vol-target must be > 0, got {a.Get("vol-target")}");
            s.MaxGross = a.GetDoubleOrNull("max-gross-leverage");
            if (s.MaxGross.HasValue && !(s.MaxGross.Value > 0)) throw new CliUsageException($"option --max-gross-leverage must be > 0, got {a.Get("max-gross-leverage")}");
            s.VolWindow = a.GetInt("vol-window", s.Lookback >= 2 ? s.Lookback : 60);
            if (s.VolWindow < 2) throw new CliUsageException($"option --vol-window must be a whole number >= 2, got {a.Get("vol-window")}");
            if (a.Has("vol-window") && !s.VolTarget.HasValue && !s.MaxGross.HasValue) throw new CliUsageException("option --vol-window needs --vol-target or --max-gross-leverage");
            s.FxPath = a.Get("fx");
            s.AccountCurrency = (a.Get("account-currency") ?? "USD").Trim().ToUpperInvariant();
            if (s.AccountCurrency.Length != 3) throw new CliUsageException($"option --account-currency must be a 3-letter code, got '{a.Get("account-currency")}'");
            s.Execution = ParseExecution(a, s.Fractional);
            return s;
        }

        private static BacktestExecution? ParseExecution(CliArgs a, bool fractional)
        {
            string execution = a.GetChoice("execution", "moc", "moc", "twap", "vwap", "is");
            if (execution == "moc")
            {
                foreach (var o in new[] { "slices", "is-sigma", "is-eta", "is-risk-aversion" })
                    if (a.Has(o)) throw new CliUsageException($"option --{o} needs --execution twap|vwap|is (market-on-close has no slices)");
                return null;
            }
            if (fractional) throw new CliUsageException($"option --execution {execution} splits whole lots; drop --fractional");
            int slices = a.GetInt("slices", -1);
            if (!a.Has("slices")) throw new CliUsageException($"option --execution {execution} needs --slices N (bars per parent order)");
            if (slices < 1 || slices > Core.Execution.Session.FixedSchedulePolicy.MaxSlices)
                throw new CliUsageException($"option --slices must be a whole number in [1, {Core.Execution.Session.FixedSchedulePolicy.MaxSlices}], got {a.Get("slices")}");
            if (execution != "is")
                foreach (var o in new[] { "is-sigma", "is-eta", "is-risk-aversion" })
                    if (a.Has(o)) throw new CliUsageException($"option --{o} applies to --execution is only");
            double sigma = a.GetDouble("is-sigma", 0), eta = a.GetDouble("is-eta", 1), lambda = a.GetDouble("is-risk-aversion", 0);
            if (!(sigma >= 0)) throw new CliUsageException($"option --is-sigma must be >= 0, got {a.Get("is-sigma")}");
            if (!(eta > 0)) throw new CliUsageException($"option --is-eta must be > 0, got {a.Get("is-eta")}");
            if (!(lambda >= 0)) throw new CliUsageException($"option --is-risk-aversion must be >= 0, got {a.Get("is-risk-aversion")}");
            var strategy = execution == "twap" ? Core.Execution.Session.SliceStrategy.Twap
                : execution == "vwap" ? Core.Execution.Session.SliceStrategy.Vwap : Core.Execution.Session.SliceStrategy.ImplementationShortfall;
            return new BacktestExecution(strategy, slices, sigma, eta, lambda);
        }

        private static OptimizeSettings ParseOptimizer(List<string> opt, IReadOnlyList<string> prices, int periodsPerYear)
        {
            foreach (var x in opt)
            {
                if (!x.StartsWith("--", StringComparison.Ordinal)) continue;
                string name = OptionName(x).Substring(2);
                if (Array.IndexOf(Rejected, name) >= 0) throw new CliUsageException($"option --{name} is not supported by backtest");
                if (Array.IndexOf(OptimizeSettings.ValueOptions, name) < 0)
                    throw new CliUsageException($"unknown option --{name}; see 'ntportfolio help backtest' and 'ntportfolio help optimize'");
            }
            var forwarded = new List<string>(opt);
            foreach (var p in prices) { forwarded.Add("--prices"); forwarded.Add(p); }
            forwarded.Add("--periods-per-year");
            forwarded.Add(periodsPerYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return OptimizeSettings.Parse(forwarded);
        }

        private static string OptionName(string arg)
        {
            int eq = arg.IndexOf('=');
            return eq > 0 ? arg.Substring(0, eq) : arg;
        }

        // Every option except the flags takes one value, so "--name value" pairs split without knowing the optimizer's list.
        private static void Split(IReadOnlyList<string> args, out List<string> own, out List<string> optimizer)
        {
            own = new List<string>();
            optimizer = new List<string>();
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2) { own.Add(arg); continue; }
                string name = OptionName(arg).Substring(2);
                var target = Array.IndexOf(OwnOptions, name) >= 0 || Array.IndexOf(Flags, name) >= 0 ? own : optimizer;
                target.Add(arg);
                if (Array.IndexOf(Flags, name) < 0 && arg.IndexOf('=') < 0 && i + 1 < args.Count) target.Add(args[++i]);
            }
        }
    }
}
