using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Risk.Stress;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>
    /// <c>ntportfolio risk</c>: VaR (parametric, historical, Cornish-Fisher), CVaR, Euler component VaR, diversification and
    /// correlation figures of a fixed-weight portfolio, optionally against a benchmark and under stress scenarios.
    /// </summary>
    public sealed class RiskCommand : ICliCommand
    {
        private static readonly string[] Options = { "returns", "prices", "weights", "confidence", "benchmark", "stress", "sectors", "value", "lambda", "horizon", "format" };

        /// <inheritdoc />
        public string Name => "risk";

        /// <inheritdoc />
        public string Summary => "VaR, CVaR, component VaR, correlation and stress tests of a portfolio";

        /// <inheritdoc />
        public string Usage => string.Join("\n",
            "ntportfolio risk (--returns FILE | --prices FILE [--prices FILE2 ...]) --weights FILE|equal --confidence C",
            "                 [--benchmark NAME] [--stress FILE] [--sectors FILE] [--value V] [--lambda L] [--horizon H]",
            "                 [--format table|json]",
            "  --returns      wide CSV Date,<asset>,... of simple returns per period (fractions)",
            "  --prices       wide CSV or NinjaTrader export of prices; simple returns P_t/P_(t-1) - 1 are used (files inner-joined)",
            "  --weights      CSV Asset,Weight (fractions of portfolio value, negative = short), or 'equal' (1/N over every",
            "                 column except the benchmark)",
            "  --confidence   VaR confidence in (0, 1), e.g. 0.99",
            "  --benchmark    a column of the data: adds beta, correlation and tracking error (per period)",
            "  --stress       CSV Scenario,Kind,Target,Value; kinds market|sector|asset (shock returns), history (Target",
            "                 START:END dates), worst (Target = window periods, Value = count), volatility (Value = scale),",
            "                 correlation (Value = shift toward 1 in [0, 1]); format: Core/Risk/README.md",
            "  --sectors      CSV Asset,Sector, needed by sector shocks",
            "  --value        portfolio value in currency for stress losses (default 1000000)",
            "  --lambda       EWMA decay in (0, 1): adds exponentially weighted volatility/VaR/CVaR/component VaR",
            "  --horizon      periods H > 1: adds H-period figures by square-root-of-time scaling (an approximation: i.i.d.",
            "                 returns, mean x H, volatility x sqrt(H))",
            "Figures are per period of the input, as fractions of portfolio value (VaR/CVaR positive = loss). Mean arithmetic,",
            "covariance sample (n-1), historical quantile type 7 (linear), modified VaR Cornish-Fisher with population skew/kurtosis.",
            "JSON keys: volatility, parametricVaR, historicalVaR, modifiedVaR, parametricCVaR, historicalCVaR, componentVaR (by asset),",
            "diversificationRatio, averageCorrelation, and more (marginalVaR, incrementalVaR, componentCVaR, benchmark, ewma, stress).");

        /// <inheritdoc />
        public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
        {
            var a = CliArgs.Parse(args, Options);
            bool hasReturns = a.Has("returns"), hasPrices = a.Has("prices");
            if (hasReturns == hasPrices) throw new CliUsageException("give exactly one of --returns FILE or --prices FILE");
            string weightsArg = a.Require("weights");
            string confText = a.Require("confidence");
            double confidence = CliArgs.ParseDouble("confidence", confText);
            if (!(confidence > 0 && confidence < 1)) throw new CliUsageException($"option --confidence must be in (0, 1), got {confText}");
            string format = a.GetChoice("format", "table", "table", "json");
            double? lambda = a.GetDoubleOrNull("lambda");
            if (lambda.HasValue && !(lambda.Value > 0 && lambda.Value < 1)) throw new CliUsageException($"option --lambda must be in (0, 1), got {a.Get("lambda")}");
            decimal value = a.GetDecimalOrNull("value") ?? 1_000_000m;
            if (value <= 0) throw new CliUsageException($"option --value must be > 0, got {a.Get("value")}");
            int horizon = a.GetInt("horizon", 1);
            if (horizon < 1) throw new CliUsageException($"option --horizon must be a whole number >= 1, got {a.Get("horizon")}");
            if (a.Has("sectors") && !a.Has("stress")) throw new CliUsageException("option --sectors is only used with --stress");

            AssetFrame all;
            if (hasReturns) all = CsvFrameLoader.Load(a.Require("returns"), FrameKind.SimpleReturns);
            else
            {
                var loaded = PriceFileLoader.Load(a.GetAll("prices"));
                foreach (var w in loaded.Warnings) stderr.WriteLine("warning: " + w);
                all = ReturnCalculator.Simple(loaded.Frame);
            }

            string? benchmark = a.Get("benchmark");
            if (benchmark != null && !all.Contains(benchmark))
                throw new InvalidInputException($"benchmark '{benchmark}' is not a column of the data (columns: {string.Join(", ", all.Assets)})");

            string[] assets;
            double[] weights;
            if (weightsArg == "equal")
            {
                assets = all.Assets.Where(x => x != benchmark).ToArray();
                if (assets.Length == 0) throw new InvalidInputException("no asset left for equal weights after removing the benchmark");
                weights = Enumerable.Repeat(1.0 / assets.Length, assets.Length).ToArray();
            }
            else
            {
                var table = AssetValueFileReader.ReadWeights(weightsArg, all.Assets, requireAll: false);
                assets = table.Assets.ToArray();
                weights = table.Align(assets);
            }
            var frame = all.Select(assets);
            double[]? bench = benchmark == null ? null : all.CopyColumn(all.IndexOf(benchmark));
            var report = PortfolioRiskAnalyzer.Analyze(frame, weights, confidence, bench, lambda);

            IReadOnlyList<StressResult>? stress = null;
            if (a.Get("stress") is string stressPath)
            {
                var scenarios = StressScenarioFile.Load(stressPath);
                IReadOnlyDictionary<string, string>? sectors = null;
                if (a.Get("sectors") is string sectorsPath)
                {
                    var t = AssetValueFileReader.ReadSectors(sectorsPath, assets, requireAll: false);
                    sectors = t.Assets.ToDictionary(x => x, x => t[x], StringComparer.Ordinal);
                }
                stress = new StressTester(frame, weights, value, confidence, sectors).Run(scenarios);
            }
            if (format == "json") RiskOutput.WriteJson(stdout, report, benchmark, stress, value, horizon);
            else RiskOutput.WriteTable(stdout, report, benchmark, stress, value, horizon);
            return 0;
        }
    }
}
