using System;
using System.Globalization;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core.Execution.Session;
using NinjaTraderPortfolio.Core.Safety;
using NinjaTraderPortfolio.Simulation;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>Parsed and checked options of <c>ntportfolio execute</c>.</summary>
    internal sealed class ExecuteSettings
    {
        public string OrdersPath { get; private set; } = "";
        public string Strategy { get; private set; } = "twap";
        public int Slices { get; private set; }
        public int IntervalMs { get; private set; }
        public decimal Price { get; private set; }
        public DateTime? PriceTime { get; private set; }
        public string DbPath { get; private set; } = "";
        public string JournalPath { get; private set; } = "";
        public string Account { get; private set; } = "Sim101";
        public TradingLimits Limits { get; private set; } = new TradingLimits();
        public double? MarketVolume { get; private set; }
        public SimulatedBrokerOptions Broker { get; private set; } = new SimulatedBrokerOptions();
        public int MaxRetries { get; private set; } = 3;
        public string? KillFile { get; private set; }
        public double Sigma { get; private set; }
        public double Eta { get; private set; } = 1;
        public double RiskAversion { get; private set; }

        public static ExecuteSettings From(CliArgs a)
        {
            var s = new ExecuteSettings
            {
                OrdersPath = a.Require("orders"),
                Strategy = a.GetChoice("strategy", null, "twap", "vwap", "is"),
                DbPath = a.Require("db"),
                JournalPath = a.Require("broker-journal"),
                Account = a.Get("account") ?? "Sim101",
                KillFile = a.Get("kill-file"),
            };
            a.GetChoice("broker", null, "sim");
            s.Slices = PositiveInt(a, "slices", null);
            if (s.Slices > FixedSchedulePolicy.MaxSlices) throw new CliUsageException($"option --slices must be at most {FixedSchedulePolicy.MaxSlices}, got {s.Slices}");
            s.IntervalMs = PositiveInt(a, "slice-interval-ms", null);
            s.Price = PositiveDecimal(a, "price") ?? throw new CliUsageException("missing required option --price");
            string? pt = a.Get("price-time");
            if (pt != null)
            {
                if (!DateTime.TryParse(pt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                    throw new CliUsageException($"option --price-time must be an ISO-8601 UTC time, got '{pt}'");
                s.PriceTime = t;
            }
            // Each guard limit parsed here and checked once, by the TradingLimits builder, against its declaration in Core's
            // LimitCatalog ("option --max-daily-notional: max daily notional must be > 0 (currency), got 0"); the guard and the
            // session take the result as given.
            long? priceAgeMs = Whole(a, "max-price-age-ms");
            double? participation = a.Get("max-participation") is string mp ? CliArgs.ParseNumber("max-participation", mp) : (double?)null;
            s.Limits = new TradingLimits()
                .WithLiveAccounts(a.Has("allow-live-account"))
                .WithMaxOrderQuantity(Whole(a, "max-order-quantity"), "option --max-order-quantity")
                .WithMaxOrderNotional(Money(a, "max-order-notional"), "option --max-order-notional")
                .WithMaxDailyQuantity(Whole(a, "max-daily-quantity"), "option --max-daily-quantity")
                .WithMaxDailyNotional(Money(a, "max-daily-notional"), "option --max-daily-notional")
                .WithMaxParticipation(participation, "option --max-participation")
                .WithMaxPriceAge(priceAgeMs.HasValue ? TimeSpan.FromMilliseconds(priceAgeMs.Value) : (TimeSpan?)null, "option --max-price-age-ms");
            double? mv = a.GetDoubleOrNull("market-volume");
            if (mv.HasValue && !(mv.Value > 0)) throw new CliUsageException($"option --market-volume must be > 0, got {a.Get("market-volume")}");
            s.MarketVolume = mv;
            if (s.Limits.MaxParticipation.HasValue && !mv.HasValue)
                throw new CliUsageException("option --max-participation needs --market-volume (the market volume per slice interval to measure participation against)");
            s.Broker = new SimulatedBrokerOptions
            {
                Latency = TimeSpan.FromMilliseconds(NonNegativeInt(a, "latency-ms", 0)),
                Seed = a.GetInt("sim-seed", 1),
                RejectProbability = Fraction(a, "sim-reject-rate", false) ?? 0,
                PartialFillProbability = Fraction(a, "sim-partial-rate", false) ?? 0,
                VenueCancelProbability = Fraction(a, "sim-venue-cancel-rate", false) ?? 0,
            };
            s.MaxRetries = NonNegativeInt(a, "max-retries", 3);
            s.Sigma = a.GetDouble("sigma", 0);
            s.Eta = a.GetDouble("eta", 1);
            s.RiskAversion = a.GetDouble("risk-aversion", 0);
            if (!(s.Sigma >= 0)) throw new CliUsageException($"option --sigma must be >= 0, got {a.Get("sigma")}");
            if (!(s.Eta > 0)) throw new CliUsageException($"option --eta must be > 0, got {a.Get("eta")}");
            if (!(s.RiskAversion >= 0)) throw new CliUsageException($"option --risk-aversion must be >= 0, got {a.Get("risk-aversion")}");
            return s;
        }

        /// <summary>The slicing policy of these options.</summary>
        public FixedSchedulePolicy Policy()
        {
            var strategy = Strategy == "twap" ? SliceStrategy.Twap : Strategy == "vwap" ? SliceStrategy.Vwap : SliceStrategy.ImplementationShortfall;
            return new FixedSchedulePolicy(strategy, Slices, TimeSpan.FromMilliseconds(IntervalMs), Sigma, Eta, RiskAversion);
        }

        /// <summary>Refuses more slices than the smallest order has units (a slice would be empty).</summary>
        public void CheckSlices(System.Collections.Generic.IReadOnlyList<ExecuteOrderRow> rows)
        {
            foreach (var r in rows)
                if (Slices > r.Quantity)
                    throw new CliUsageException($"option --slices {Slices} is more than the quantity {r.Quantity} of '{r.Instrument}' (orders file '{OrdersPath}' line {r.Line}); use at most one slice per unit");
        }

        private static int PositiveInt(CliArgs a, string name, int? fallback)
        {
            string? v = a.Get(name);
            if (v == null) return fallback ?? throw new CliUsageException($"missing required option --{name}");
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
                throw new CliUsageException($"option --{name} must be a whole number > 0, got '{v}'");
            return n;
        }

        private static int NonNegativeInt(CliArgs a, string name, int fallback)
        {
            string? v = a.Get(name);
            if (v == null) return fallback;
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                throw new CliUsageException($"option --{name} must be a whole number >= 0, got '{v}'");
            return n;
        }

        // A whole-number limit, parsed only (its range is checked by the TradingLimits builder).
        private static long? Whole(CliArgs a, string name)
        {
            string? v = a.Get(name);
            if (v == null) return null;
            if (!long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
                throw new CliUsageException($"option --{name} must be a whole number, got '{v}'");
            return n;
        }

        // A money limit, parsed only (its range is checked by the TradingLimits builder).
        private static decimal? Money(CliArgs a, string name)
        {
            string? v = a.Get(name);
            if (v == null) return null;
            if (!decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d))
                throw new CliUsageException($"option --{name} must be a number, got '{v}'");
            return d;
        }

        private static decimal? PositiveDecimal(CliArgs a, string name)
        {
            string? v = a.Get(name);
            if (v == null) return null;
            if (!decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d) || d <= 0)
                throw new CliUsageException($"option --{name} must be a number > 0, got '{v}'");
            return d;
        }

        private static double? Fraction(CliArgs a, string name, bool positive)
        {
            double? f = a.GetDoubleOrNull(name);
            if (f.HasValue && !((positive ? f.Value > 0 : f.Value >= 0) && f.Value <= 1))
                throw new CliUsageException($"option --{name} must be in {(positive ? "(0" : "[0")}, 1], got {a.Get(name)}");
            return f;
        }
    }
}
