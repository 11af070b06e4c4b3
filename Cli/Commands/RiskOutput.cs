using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Risk.Stress;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>Writes a <see cref="RiskReport"/> (and stress results) as JSON or as an aligned text table.</summary>
    internal static class RiskOutput
    {
        public static void WriteJson(TextWriter stdout, RiskReport r, string? benchmark, IReadOnlyList<StressResult>? stress, decimal value, int horizon)
        {
            using var ms = new MemoryStream();
            using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
            {
                j.WriteStartObject();
                j.WriteNumber("confidence", r.Confidence);
                j.WriteNumber("observations", r.Observations);
                ByAsset(j, "weights", r.Assets, r.Weights);
                Number(j, "meanReturn", r.MeanReturn);
                Number(j, "volatility", r.Volatility);
                Number(j, "parametricVaR", r.ParametricVaR);
                Number(j, "historicalVaR", r.HistoricalVaR);
                Number(j, "modifiedVaR", r.ModifiedVaR);
                Number(j, "parametricCVaR", r.ParametricCVaR);
                Number(j, "historicalCVaR", r.HistoricalCVaR);
                Number(j, "skewness", r.Skewness);
                Number(j, "excessKurtosis", r.ExcessKurtosis);
                ByAsset(j, "componentVaR", r.Assets, r.Decomposition.ComponentVaR);
                ByAsset(j, "marginalVaR", r.Assets, r.Decomposition.MarginalVaR);
                ByAsset(j, "incrementalVaR", r.Assets, r.Decomposition.IncrementalVaR);
                ByAsset(j, "componentCVaR", r.Assets, r.Decomposition.ComponentCVaR);
                Number(j, "diversificationRatio", r.DiversificationRatio);
                Number(j, "averageCorrelation", r.AverageCorrelation);
                Number(j, "effectiveNumberOfBets", r.EffectiveNumberOfBets);
                var top = r.Concentration;
                j.WriteStartObject("riskConcentration");
                j.WriteStartArray("topAssets");
                foreach (var a in top.TopAssets) j.WriteStringValue(a);
                j.WriteEndArray();
                Number(j, "topShare", top.TopShare);
                Number(j, "maxShare", top.MaxShare);
                j.WriteBoolean("concentrated", top.IsConcentrated);
                j.WriteEndObject();
                if (horizon > 1)
                {
                    j.WriteStartObject("horizon");
                    j.WriteNumber("periods", horizon);
                    Number(j, "volatility", HorizonScaling.Volatility(r.Volatility, horizon));
                    Number(j, "parametricVaR", HorizonScaling.ParametricVaR(r.MeanReturn, r.Volatility, r.Confidence, horizon));
                    Number(j, "parametricCVaR", HorizonScaling.ParametricCVaR(r.MeanReturn, r.Volatility, r.Confidence, horizon));
                    Number(j, "historicalVaR", HorizonScaling.SquareRootOfTime(r.HistoricalVaR, horizon));
                    j.WriteEndObject();
                }
                if (r.Benchmark != null)
                {
                    j.WriteStartObject("benchmark");
                    j.WriteString("name", benchmark);
                    Number(j, "beta", r.Benchmark.Beta);
                    Number(j, "correlation", r.Benchmark.Correlation);
                    Number(j, "trackingError", r.Benchmark.TrackingError);
                    j.WriteEndObject();
                }
                if (r.Exponential != null)
                {
                    j.WriteStartObject("ewma");
                    Number(j, "lambda", r.Exponential.Lambda);
                    Number(j, "meanReturn", r.Exponential.MeanReturn);
                    Number(j, "volatility", r.Exponential.Volatility);
                    Number(j, "parametricVaR", r.Exponential.ParametricVaR);
                    Number(j, "parametricCVaR", r.Exponential.ParametricCVaR);
                    Number(j, "historicalVaR", r.Exponential.HistoricalVaR);
                    Number(j, "historicalCVaR", r.Exponential.HistoricalCVaR);
                    ByAsset(j, "componentVaR", r.Assets, r.Exponential.Decomposition.ComponentVaR);
                    j.WriteEndObject();
                }
                if (stress != null)
                {
                    j.WriteNumber("portfolioValue", value);
                    j.WriteStartArray("stress");
                    foreach (var s in stress)
                    {
                        j.WriteStartObject();
                        j.WriteString("scenario", s.Scenario);
                        j.WriteString("kind", s.Kind);
                        j.WriteString("description", s.Description);
                        Number(j, "loss", s.LossFraction);
                        j.WriteNumber("lossCurrency", s.Loss);
                        j.WriteStartObject("positions");
                        foreach (var p in s.Positions)
                        {
                            j.WriteStartObject(p.Asset);
                            Number(j, "weight", p.Weight);
                            Number(j, "return", p.AssetReturn);
                            Number(j, "loss", p.LossFraction);
                            j.WriteNumber("lossCurrency", p.Loss);
                            j.WriteEndObject();
                        }
                        j.WriteEndObject();
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                }
                j.WriteEndObject();
            }
            stdout.Write(Encoding.UTF8.GetString(ms.ToArray()));
            stdout.Write("\n");
        }

        public static void WriteTable(TextWriter stdout, RiskReport r, string? benchmark, IReadOnlyList<StressResult>? stress, decimal value, int horizon)
        {
            string P(double x) => double.IsNaN(x) ? "n/a" : (100 * x).ToString("0.0000", CultureInfo.InvariantCulture) + "%";
            string F(double x) => double.IsNaN(x) ? "n/a" : x.ToString("0.0000", CultureInfo.InvariantCulture);
            var lines = new List<string>
            {
                $"Risk per period at {F(r.Confidence)} confidence, {r.Observations} observations (fractions of portfolio value; VaR/CVaR positive = loss)",
                $"  mean return        {P(r.MeanReturn)}",
                $"  volatility         {P(r.Volatility)}",
                $"  parametric VaR     {P(r.ParametricVaR)}",
                $"  historical VaR     {P(r.HistoricalVaR)}",
                $"  modified VaR       {P(r.ModifiedVaR)}   (skewness {F(r.Skewness)}, excess kurtosis {F(r.ExcessKurtosis)})",
                $"  parametric CVaR    {P(r.ParametricCVaR)}",
                $"  historical CVaR    {P(r.HistoricalCVaR)}",
                $"  diversification    ratio {F(r.DiversificationRatio)}, average correlation {F(r.AverageCorrelation)}, effective bets {F(r.EffectiveNumberOfBets)}",
            };
            var top = r.Concentration;
            lines.Add($"  largest risk       {string.Join(", ", top.TopAssets)} carry {P(top.TopShare)} of the variance{(top.IsConcentrated ? $" (above {P(top.MaxShare)}: risk is concentrated)" : "")}");
            if (horizon > 1)
                lines.Add($"  {horizon}-period (sqrt-time approximation): volatility {P(HorizonScaling.Volatility(r.Volatility, horizon))}, parametric VaR {P(HorizonScaling.ParametricVaR(r.MeanReturn, r.Volatility, r.Confidence, horizon))}, historical VaR {P(HorizonScaling.SquareRootOfTime(r.HistoricalVaR, horizon))}");
            if (r.Benchmark != null)
                lines.Add($"  vs {benchmark,-15} beta {F(r.Benchmark.Beta)}, correlation {F(r.Benchmark.Correlation)}, tracking error {P(r.Benchmark.TrackingError)}");
            if (r.Exponential != null)
                lines.Add($"  EWMA (lambda {F(r.Exponential.Lambda)})  volatility {P(r.Exponential.Volatility)}, VaR {P(r.Exponential.ParametricVaR)}, CVaR {P(r.Exponential.ParametricCVaR)}, age-weighted historical VaR {P(r.Exponential.HistoricalVaR)}, CVaR {P(r.Exponential.HistoricalCVaR)}");
            lines.Add("");
            int w = 6;
            foreach (var a in r.Assets) w = Math.Max(w, a.Length);
            lines.Add($"  {"asset".PadRight(w)}  {"weight",10}  {"comp VaR",10}  {"marg VaR",10}  {"incr VaR",10}  {"comp CVaR",10}");
            for (int i = 0; i < r.Assets.Count; i++)
                lines.Add($"  {r.Assets[i].PadRight(w)}  {P(r.Weights[i]),10}  {P(r.Decomposition.ComponentVaR[i]),10}  {P(r.Decomposition.MarginalVaR[i]),10}  {P(r.Decomposition.IncrementalVaR[i]),10}  {P(r.Decomposition.ComponentCVaR[i]),10}");
            if (stress != null)
            {
                lines.Add("");
                lines.Add($"Stress tests on a portfolio value of {value.ToString("#,0.00", CultureInfo.InvariantCulture)} (loss positive)");
                foreach (var s in stress)
                {
                    lines.Add($"  {s.Scenario} [{s.Kind}] {s.Description}: loss {P(s.LossFraction)} = {s.Loss.ToString("#,0.00", CultureInfo.InvariantCulture)}");
                    foreach (var p in s.Positions)
                        lines.Add($"    {p.Asset.PadRight(w)}  return {P(p.AssetReturn),10}  loss {P(p.LossFraction),10}  {p.Loss.ToString("#,0.00", CultureInfo.InvariantCulture),16}");
                }
            }
            stdout.Write(string.Join("\n", lines) + "\n");
        }

        private static void Number(Utf8JsonWriter j, string name, double v)
        {
            if (double.IsNaN(v) || double.IsInfinity(v)) j.WriteNull(name);
            else j.WriteNumber(name, v);
        }

        private static void ByAsset(Utf8JsonWriter j, string name, IReadOnlyList<string> assets, IReadOnlyList<double> values)
        {
            j.WriteStartObject(name);
            for (int i = 0; i < assets.Count; i++) Number(j, assets[i], values[i]);
            j.WriteEndObject();
        }
    }
}
