using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// <c>ntportfolio schedule</c>: splits a parent order into TWAP, VWAP or Implementation Shortfall (Almgren-Chriss)
    /// slices and prints the slices with the expected cost E and sqrt(V) under the linear impact model.
    /// </summary>
    public sealed class ScheduleCommand : ICliCommand
    {
        private static readonly string[] Options =
        {
            "strategy", "quantity", "horizon", "slices", "sigma", "eta", "gamma", "epsilon", "risk-aversion",
            "price", "adv", "participation-cap", "min-slice", "format", "volume-profile", "volume-bars", "session",
        };

        /// <inheritdoc />
        public string Name => "schedule";

        /// <inheritdoc />
        public string Summary => "split an order into TWAP, VWAP or Implementation Shortfall slices with expected cost and risk";

        /// <inheritdoc />
        public string Usage => string.Join("\n",
            "ntportfolio schedule --strategy twap|vwap|is --quantity Q --horizon H --slices N [--sigma S] [--eta E] [--gamma G]",
            "                     [--epsilon EPS] [--risk-aversion L] [--price P] [--adv V] [--participation-cap C] [--min-slice M]",
            "                     [--volume-profile FILE | --volume-bars FILE --session HH:MM-HH:MM] [--format table|json]",
            "  --quantity         shares/contracts to trade (whole number > 0)",
            "  --horizon          length of the trading horizon in your time unit (e.g. days)",
            "  --slices           number of child orders (equal intervals of horizon/slices)",
            "  --sigma            price volatility, currency per share per sqrt(time unit) (default 0: no risk term)",
            "  Impact options (--sigma, --eta, --gamma, --epsilon) are needed for --strategy is; for twap and vwap they are",
            "  optional and the cost fields (expectedCost, costStdDev) appear only when they are given",
            "  --eta, --gamma     Almgren-Chriss temporary (currency/share per share/time unit) and permanent (currency/share per share)",
            "                     impact; when omitted and --adv is given: eta = 2 eps / (1% of ADV), gamma = 2 eps / (10% of ADV)",
            "  --epsilon          fixed cost per share (half spread + fees), currency (default 0)",
            "  --risk-aversion    lambda in 1/currency for --strategy is (default 0 = TWAP trajectory)",
            "  --price            current price; adds expectedCostBps to the output",
            "  --adv              expected market volume per time unit (shares); needed for --participation-cap (vwap)",
            "  --participation-cap  vwap: max fraction of market volume per slice, shortfall carried forward",
            "  --min-slice        twap: minimum slice size, slices are merged for small orders (default 1)",
            "  --volume-profile   vwap: CSV 'Bucket,Volume' with --slices rows, buckets numbered 1..N; slice i gets",
            "                     Q x v_i / sum v (cumulative rounding: each slice within 1 of it, total exactly Q)",
            "  --volume-bars      vwap: intraday bars (NinjaTrader export, e.g. 1-minute) whose volume inside --session",
            "                     (time of day, e.g. 09:30-16:00) gives the profile: each day's bucket shares, averaged over days",
            "JSON: {\"strategy\":..., \"slices\":[{\"index\":i,\"time\":t,\"quantity\":q},...], \"expectedCost\":E, \"costStdDev\":sqrt(V)}",
            "Slice times are the start of each interval. Without --volume-profile or --volume-bars VWAP uses the uniform profile (= TWAP).");

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var a = CliArgs.Parse(args, Options);
            string strategy = a.GetChoice("strategy", null, "twap", "vwap", "is");
            long quantity = ParseQuantity(a.Require("quantity"));
            double horizon = CliArgs.ParseDouble("horizon", a.Require("horizon"));
            if (!(horizon > 0)) throw new CliUsageException($"option --horizon must be > 0, got {a.Get("horizon")}");
            int slices = a.GetInt("slices", -1);
            if (slices <= 0) throw new CliUsageException(a.Has("slices") ? $"option --slices must be > 0, got {a.Get("slices")}" : "missing required option --slices");
            string format = a.GetChoice("format", "table", "table", "json");
            double sigma = NonNegative(a, "sigma", 0);
            double epsilon = NonNegative(a, "epsilon", 0);
            double lambda = NonNegative(a, "risk-aversion", 0);
            double? adv = a.GetDoubleOrNull("adv");
            if (adv.HasValue && !(adv.Value > 0)) throw new CliUsageException($"option --adv must be > 0, got {a.Get("adv")}");
            double? price = a.GetDoubleOrNull("price");
            if (price.HasValue && !(price.Value > 0)) throw new CliUsageException($"option --price must be > 0, got {a.Get("price")}");
            double? eta = a.GetDoubleOrNull("eta"), gamma = a.GetDoubleOrNull("gamma");
            bool impactGiven = a.Has("eta") || a.Has("gamma") || a.Has("epsilon") || a.Has("sigma") || a.Has("risk-aversion");
            AlmgrenChrissParameters? p = null;
            if (impactGiven || strategy == "is")
            {
                if (!eta.HasValue || !gamma.HasValue)
                {
                    if (!adv.HasValue || !(epsilon > 0))
                        throw new CliUsageException("give --eta and --gamma, or --adv and --epsilon to derive them (eta = 2 eps/(1% ADV), gamma = 2 eps/(10% ADV))");
                    eta ??= 2 * epsilon / (0.01 * adv.Value);
                    gamma ??= 2 * epsilon / (0.1 * adv.Value);
                }
                if (!(eta.Value > 0)) throw new CliUsageException($"option --eta must be > 0, got {Guard.Format(eta.Value)}");
                if (gamma.Value < 0) throw new CliUsageException($"option --gamma must be >= 0, got {Guard.Format(gamma.Value)}");
                p = new AlmgrenChrissParameters(sigma, eta.Value, gamma.Value, epsilon, lambda);
            }
            if (strategy != "vwap" && (a.Has("volume-profile") || a.Has("volume-bars")))
                throw new CliUsageException("options --volume-profile and --volume-bars are for --strategy vwap");

            ExecutionSchedule schedule;
            switch (strategy)
            {
                case "twap":
                    long minSlice = a.GetInt("min-slice", 1);
                    if (minSlice < 1) throw new CliUsageException($"option --min-slice must be >= 1, got {minSlice}");
                    schedule = TwapSchedule.Build(quantity, horizon, slices, minSlice, null, p);
                    break;
                case "vwap":
                    double? cap = a.GetDoubleOrNull("participation-cap");
                    if (cap.HasValue && !adv.HasValue) throw new CliUsageException("option --participation-cap needs --adv (market volume per time unit)");
                    double[]? volumes = null;
                    if (adv.HasValue) { volumes = new double[slices]; for (int i = 0; i < slices; i++) volumes[i] = adv.Value * horizon / slices; }
                    schedule = VwapSchedule.Build(quantity, horizon, Profile(a, slices), cap, volumes, p);
                    break;
                default:
                    schedule = ImplementationShortfallSchedule.Build(quantity, horizon, slices, p!).Schedule;
                    break;
            }
            if (double.IsInfinity(schedule.ExpectedCost) || double.IsInfinity(schedule.CostVariance)) // NaN = unknown, documented
                throw new InvalidInputException($"the schedule's expected cost ({Guard.Format(schedule.ExpectedCost)}) or its variance ({Guard.Format(schedule.CostVariance)}) is infinite: --quantity, --sigma, --eta, --gamma and --horizon are too large or small together");
            if (format == "json") WriteJson(stdout, schedule, price);
            else WriteTable(stdout, schedule, price);
            return 0;
        }

        // The VWAP profile: a Bucket,Volume file with one row per slice, minute bars over a session, or uniform.
        private static VolumeProfile Profile(CliArgs a, int slices)
        {
            string? file = a.Get("volume-profile"), bars = a.Get("volume-bars");
            if (file != null && bars != null) throw new CliUsageException("give --volume-profile or --volume-bars, not both");
            if (file != null)
            {
                var profile = VolumeProfileFile.Parse(Core.Data.DataFileText.Read(file, "volume profile"), file);
                if (profile.Buckets != slices)
                    throw new CliUsageException($"option --volume-profile: '{file}' has {profile.Buckets} buckets but --slices is {slices}; give one bucket per slice");
                return profile;
            }
            if (bars != null)
            {
                string session = a.Get("session") ?? throw new CliUsageException("option --volume-bars needs --session HH:MM-HH:MM (the trading hours the profile covers)");
                var parts = session.Split('-');
                if (parts.Length != 2 || !TimeSpan.TryParseExact(parts[0].Trim(), @"hh\:mm", CultureInfo.InvariantCulture, out var from)
                    || !TimeSpan.TryParseExact(parts[1].Trim(), @"hh\:mm", CultureInfo.InvariantCulture, out var to) || to <= from)
                    throw new CliUsageException($"option --session must be HH:MM-HH:MM with the end after the start, got '{session}'");
                var series = Core.Data.NinjaTraderExportLoader.Load(bars);
                if (!series.IsIntraday) throw new InvalidInputException($"volume bars '{bars}' are daily; a volume profile needs intraday bars (e.g. 1-minute)");
                var volumes = new double[series.Count];
                for (int i = 0; i < volumes.Length; i++) volumes[i] = series.Volume[i];
                return VolumeProfile.FromHistory(series.Times, volumes, from, to, slices);
            }
            if (a.Has("session")) throw new CliUsageException("option --session is for --volume-bars");
            return VolumeProfile.Uniform(slices);
        }

        private static long ParseQuantity(string s)
        {
            if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long q) || q <= 0)
                throw new CliUsageException($"option --quantity must be a whole number > 0, got '{s}'");
            return q;
        }

        private static double NonNegative(CliArgs a, string name, double fallback)
        {
            double v = a.GetDouble(name, fallback);
            if (v < 0) throw new CliUsageException($"option --{name} must be >= 0, got {a.Get(name)}");
            return v;
        }

        private static void WriteJson(TextWriter stdout, ExecutionSchedule s, double? price)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteString("strategy", s.Strategy);
                w.WriteNumber("quantity", s.ParentQuantity);
                w.WriteNumber("horizon", s.Horizon);
                w.WriteStartArray("slices");
                foreach (var sl in s.Slices)
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", sl.Index);
                    w.WriteNumber("time", sl.Time);
                    w.WriteNumber("quantity", sl.Quantity);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (!double.IsNaN(s.ExpectedCost))
                {
                    w.WriteNumber("expectedCost", s.ExpectedCost);
                    w.WriteNumber("costStdDev", s.CostStdDev);
                }
                if (price.HasValue && !double.IsNaN(s.ExpectedCost)) w.WriteNumber("expectedCostBps", s.ExpectedCost / (s.ParentQuantity * price.Value) * 1e4);
                w.WriteEndObject();
            }
            stdout.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
        }

        private static void WriteTable(TextWriter stdout, ExecutionSchedule s, double? price)
        {
            var inv = CultureInfo.InvariantCulture;
            stdout.WriteLine($"strategy {s.Strategy}, quantity {s.ParentQuantity}, horizon {s.Horizon.ToString("R", inv)}, {s.Slices.Count} slices");
            stdout.WriteLine($"{"index",5}  {"time",12}  {"quantity",12}  {"remaining",12}");
            long remaining = s.ParentQuantity;
            foreach (var sl in s.Slices)
            {
                remaining -= sl.Quantity;
                stdout.WriteLine($"{sl.Index,5}  {sl.Time.ToString("0.######", inv),12}  {sl.Quantity,12}  {remaining,12}");
            }
            if (double.IsNaN(s.ExpectedCost)) { stdout.WriteLine("cost not estimated (no impact options given)"); return; }
            stdout.WriteLine($"expected cost E = {s.ExpectedCost.ToString("R", inv)}, cost std dev sqrt(V) = {s.CostStdDev.ToString("R", inv)}");
            if (price.HasValue)
                stdout.WriteLine($"expected cost = {(s.ExpectedCost / (s.ParentQuantity * price.Value) * 1e4).ToString("0.##", inv)} bp of notional");
        }
    }
}
