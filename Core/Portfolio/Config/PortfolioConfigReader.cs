using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NinjaTraderPortfolio.Core.Data.Json;

namespace NinjaTraderPortfolio.Core.Portfolio.Config
{
    /// <summary>
    /// Reads the portfolio manager's JSON configuration (see <c>samples/portfolio-config.json</c>) with Core's own
    /// <see cref="JsonTextParser"/>, so NinjaTrader can load it without extra assemblies, then validates it
    /// (<see cref="PortfolioConfigValidator"/>). Member names are camelCase and case-sensitive; an unknown member, a value of
    /// the wrong type or a bad value is an <see cref="InvalidInputException"/> naming the path and the value.
    /// </summary>
    public static class PortfolioConfigReader
    {
        /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
        public static PortfolioManagerConfig ReadFile(string path)
        {
            Guard.NotBlank(path, nameof(path));
            InputFile.CheckReadable(path, "config file");
            return Parse(File.ReadAllText(path), path);
        }

        /// <summary>Parses and validates JSON text; <paramref name="source"/> names it in messages.</summary>
        public static PortfolioManagerConfig Parse(string json, string source = "config")
        {
            var root = JsonTextParser.Parse(json, source);
            var config = new PortfolioManagerConfig();
            var r = new Mapper(source);
            r.Members(root, new[] { "portfolios" });
            var list = r.Require(root, "portfolios");
            foreach (var item in r.ArrayOf(list)) config.Portfolios.Add(r.Portfolio(item));
            return PortfolioConfigValidator.Validate(config, source);
        }

        private sealed class Mapper
        {
            private readonly string _source;

            public Mapper(string source) => _source = source;

            private InvalidInputException Bad(JsonNode n, string what)
                => new InvalidInputException($"{_source}: {Path(n)} {what}, got {n.Display()} (line {n.Line})");

            private static string Path(JsonNode n) => n.Path.StartsWith("$.", StringComparison.Ordinal) ? n.Path.Substring(2) : n.Path;

            public void Members(JsonNode n, string[] allowed)
            {
                if (n.Kind != JsonKind.Object) throw Bad(n, "must be an object");
                foreach (var m in n.Members)
                    if (Array.IndexOf(allowed, m.Key) < 0)
                        throw new InvalidInputException($"{_source}: {Path(m.Value)}: unknown member \"{m.Key}\" (line {m.Value.Line}); allowed: {string.Join(", ", allowed)}");
            }

            public JsonNode Require(JsonNode obj, string name)
                => obj.Get(name) ?? throw new InvalidInputException($"{_source}: {(obj.Path == "$" ? "" : Path(obj) + ".")}{name} is required (object at line {obj.Line})");

            public IReadOnlyList<JsonNode> ArrayOf(JsonNode n)
            {
                if (n.Kind != JsonKind.Array) throw Bad(n, "must be an array");
                return n.Items;
            }

            private string Str(JsonNode n)
            {
                if (n.Kind != JsonKind.String) throw Bad(n, "must be a string");
                return n.Text!;
            }

            private double Dbl(JsonNode n)
            {
                if (n.Kind != JsonKind.Number || !double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsInfinity(v))
                    throw Bad(n, "must be a finite number");
                return v;
            }

            private decimal Dec(JsonNode n)
            {
                if (n.Kind != JsonKind.Number || !decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal v))
                    throw Bad(n, "must be a number");
                return v;
            }

            private int Int(JsonNode n)
            {
                if (n.Kind != JsonKind.Number || !int.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
                    throw Bad(n, "must be a whole number");
                return v;
            }

            private Dictionary<string, double> Map(JsonNode n)
            {
                if (n.Kind != JsonKind.Object) throw Bad(n, "must be an object of name: number");
                var d = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var m in n.Members) d[m.Key] = Dbl(m.Value);
                return d;
            }

            public PortfolioConfig Portfolio(JsonNode n)
            {
                Members(n, new[] { "name", "account", "instruments", "optimization", "limits", "rebalance", "commissionPerUnit", "cashBuffer", "executionHorizonDays", "accountCurrency", "fxRates" });
                var p = new PortfolioConfig { Name = Str(Require(n, "name")), Account = Str(Require(n, "account")) };
                foreach (var i in ArrayOf(Require(n, "instruments"))) p.Instruments.Add(Instrument(i));
                if (n.Get("optimization") is JsonNode o) p.Optimization = Optimization(o);
                if (n.Get("limits") is JsonNode l) p.Limits = Limits(l);
                if (n.Get("rebalance") is JsonNode rb) p.Rebalance = Str(rb);
                if (n.Get("commissionPerUnit") is JsonNode c) p.CommissionPerUnit = Dec(c);
                if (n.Get("cashBuffer") is JsonNode cb) p.CashBuffer = Dbl(cb);
                if (n.Get("executionHorizonDays") is JsonNode h) p.ExecutionHorizonDays = Dbl(h);
                if (n.Get("accountCurrency") is JsonNode ac) p.AccountCurrency = Str(ac);
                if (n.Get("fxRates") is JsonNode fx)
                {
                    if (fx.Kind != JsonKind.Object) throw Bad(fx, "must be an object of currency: rate");
                    foreach (var m in fx.Members) p.FxRates[m.Key] = Dec(m.Value);
                }
                return p;
            }

            private InstrumentConfig Instrument(JsonNode n)
            {
                Members(n, new[] { "symbol", "pointValue", "lotSize", "sector", "averageDailyVolume", "spread", "currency" });
                var i = new InstrumentConfig { Symbol = Str(Require(n, "symbol")) };
                if (n.Get("pointValue") is JsonNode pv) i.PointValue = Dec(pv);
                if (n.Get("lotSize") is JsonNode ls) i.LotSize = Int(ls);
                if (n.Get("sector") is JsonNode s) i.Sector = Str(s);
                if (n.Get("averageDailyVolume") is JsonNode adv) i.AverageDailyVolume = Dbl(adv);
                if (n.Get("spread") is JsonNode sp) i.Spread = Dbl(sp);
                if (n.Get("currency") is JsonNode cur) i.Currency = Str(cur);
                return i;
            }

            private OptimizationConfig Optimization(JsonNode n)
            {
                Members(n, new[] { "method", "lookback", "covariance", "riskFreePerPeriod", "weights" });
                var o = new OptimizationConfig();
                if (n.Get("method") is JsonNode m) o.Method = Str(m);
                if (n.Get("lookback") is JsonNode lb) o.Lookback = Int(lb);
                if (n.Get("covariance") is JsonNode c) o.Covariance = Str(c);
                if (n.Get("riskFreePerPeriod") is JsonNode rf) o.RiskFreePerPeriod = Dbl(rf);
                if (n.Get("weights") is JsonNode w) o.Weights = Map(w);
                return o;
            }

            private LimitsConfig Limits(JsonNode n)
            {
                Members(n, new[] { "minWeight", "maxWeight", "sectorMax" });
                var l = new LimitsConfig();
                if (n.Get("minWeight") is JsonNode mn) l.MinWeight = Dbl(mn);
                if (n.Get("maxWeight") is JsonNode mx) l.MaxWeight = Dbl(mx);
                if (n.Get("sectorMax") is JsonNode s) l.SectorMax = Map(s);
                return l;
            }
        }
    }
}
