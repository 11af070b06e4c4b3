using System;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Risk;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk
{
    /// <summary>Every metric against numpy/scipy on the bundled samples (risk_reference.json, see its generator).</summary>
    public class RiskReferenceTests
    {
        private const double Tol = 1e-8;

        public static int[] Cases => Enumerable.Range(0, RiskTestData.Reference("risk_reference.json").GetProperty("cases").GetArrayLength()).ToArray();

        [TestCaseSource(nameof(Cases))]
        public void Analyze_OnSampleData_MatchesNumpy(int index)
        {
            var c = RiskTestData.Reference("risk_reference.json").GetProperty("cases")[index];
            var all = RiskTestData.SampleReturns(c.GetProperty("file").GetString()!);
            var assets = RiskTestData.Strings(c.GetProperty("assets"));
            var w = RiskTestData.Doubles(c.GetProperty("weights"));
            double conf = c.GetProperty("confidence").GetDouble();
            var frame = all.Select(assets);
            double[]? bench = c.GetProperty("benchmark").ValueKind == JsonValueKind.Null ? null : all.CopyColumn(all.IndexOf(c.GetProperty("benchmark").GetString()!));
            var e = c.GetProperty("expected");
            var r = PortfolioRiskAnalyzer.Analyze(frame, w, conf, bench, e.GetProperty("ewma").GetProperty("lambda").GetDouble());

            Assert.That(r.Observations, Is.EqualTo(c.GetProperty("observations").GetInt32()));
            void Check(double actual, string key) => RiskTestData.AssertRel(actual, e.GetProperty(key).GetDouble(), Tol, key);
            void CheckAll(System.Collections.Generic.IReadOnlyList<double> actual, JsonElement expected, string key)
            {
                var x = RiskTestData.Doubles(expected);
                Assert.That(actual.Count, Is.EqualTo(x.Length), key);
                for (int i = 0; i < x.Length; i++) RiskTestData.AssertRel(actual[i], x[i], Tol, $"{key}[{assets[i]}]");
            }
            Check(r.MeanReturn, "meanReturn");
            Check(r.Volatility, "volatility");
            Check(r.ParametricVaR, "parametricVaR");
            Check(r.HistoricalVaR, "historicalVaR");
            Check(r.ModifiedVaR, "modifiedVaR");
            Check(r.ParametricCVaR, "parametricCVaR");
            Check(r.HistoricalCVaR, "historicalCVaR");
            Check(r.Skewness, "skewness");
            Check(r.ExcessKurtosis, "excessKurtosis");
            Check(r.DiversificationRatio, "diversificationRatio");
            Check(r.AverageCorrelation, "averageCorrelation");
            Check(r.EffectiveNumberOfBets, "effectiveNumberOfBets");
            CheckAll(r.Decomposition.MarginalVaR, e.GetProperty("marginalVaR"), "marginalVaR");
            CheckAll(r.Decomposition.ComponentVaR, e.GetProperty("componentVaR"), "componentVaR");
            CheckAll(r.Decomposition.IncrementalVaR, e.GetProperty("incrementalVaR"), "incrementalVaR");
            CheckAll(r.Decomposition.ComponentCVaR, e.GetProperty("componentCVaR"), "componentCVaR");
            if (bench != null)
            {
                RiskTestData.AssertRel(r.Benchmark!.Beta, e.GetProperty("beta").GetDouble(), Tol, "beta");
                RiskTestData.AssertRel(r.Benchmark.Correlation, e.GetProperty("benchmarkCorrelation").GetDouble(), Tol, "benchmarkCorrelation");
                RiskTestData.AssertRel(r.Benchmark.TrackingError, e.GetProperty("trackingError").GetDouble(), Tol, "trackingError");
            }
            else Assert.That(r.Benchmark, Is.Null);
            var ew = e.GetProperty("ewma");
            RiskTestData.AssertRel(r.Exponential!.MeanReturn, ew.GetProperty("meanReturn").GetDouble(), Tol, "ewma meanReturn");
            RiskTestData.AssertRel(r.Exponential.Volatility, ew.GetProperty("volatility").GetDouble(), Tol, "ewma volatility");
            RiskTestData.AssertRel(r.Exponential.ParametricVaR, ew.GetProperty("parametricVaR").GetDouble(), Tol, "ewma parametricVaR");
            RiskTestData.AssertRel(r.Exponential.ParametricCVaR, ew.GetProperty("parametricCVaR").GetDouble(), Tol, "ewma parametricCVaR");
            CheckAll(r.Exponential.Decomposition.ComponentVaR, ew.GetProperty("componentVaR"), "ewma componentVaR");
            RiskTestData.AssertRel(r.Exponential.HistoricalVaR, ew.GetProperty("historicalVaR").GetDouble(), Tol, "ewma historicalVaR");
            RiskTestData.AssertRel(r.Exponential.HistoricalCVaR, ew.GetProperty("historicalCVaR").GetDouble(), Tol, "ewma historicalCVaR");
        }

        [Test]
        public void Reference_StatesItsProvenance()
            => Assert.That(RiskTestData.Reference("risk_reference.json").GetProperty("provenance").GetString(), Does.Contain("generate_risk_reference.py").And.Contain("numpy"));
    }
}
