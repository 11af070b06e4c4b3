using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>
    /// Optimizers against cvxopt's answers on the bundled samples (References/Optimization/optimization-references.json,
    /// produced by generate_optimization_references.py): weights agree to 1e-6.
    /// </summary>
    public sealed class CvxoptReferenceTests
    {
        private const double WeightTolerance = 1e-6;

        public static IEnumerable<TestCaseData> Cases()
        {
            var path = OptimizationSamples.TestPath("References", "Optimization", "optimization-references.json");
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            int k = 0;
            foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                string raw = c.GetRawText();
                string name = $"{k++:D2} {c.GetProperty("method").GetString()} {Path.GetFileNameWithoutExtension(c.GetProperty("dataset").GetString())}";
                yield return new TestCaseData(raw).SetName("Reference_MatchesCvxopt(" + name + ")");
            }
        }

        [TestCaseSource(nameof(Cases))]
        public void Reference_MatchesCvxopt(string json)
        {
            using var doc = JsonDocument.Parse(json);
            var c = doc.RootElement;
            var m = OptimizationSamples.FromSample(c.GetProperty("dataset").GetString()!);
            string method = c.GetProperty("method").GetString()!;
            double rf = Get(c, "riskFree") ?? 0;
            var limits = PortfolioConstraints.LongOnly.WithWeightRange(Get(c, "minWeight") ?? 0, Get(c, "maxWeight") ?? 1)
                .WithMaxLeverage(Get(c, "maxLeverage"));
            if (c.TryGetProperty("sectorFile", out _))
            {
                limits = limits.WithSectors(OptimizationSamples.GccSectors());
                foreach (var p in c.GetProperty("sectorMax").EnumerateObject()) limits = limits.WithSectorMax(p.Name, p.Value.GetDouble());
                foreach (var p in c.GetProperty("sectorMin").EnumerateObject()) limits = limits.WithSectorMin(p.Name, p.Value.GetDouble());
            }
            var solver = TestSolver.Create();
            OptimizationResult r;
            switch (method)
            {
                case "min-variance": r = new MinimumVarianceOptimizer(solver).Optimize(OptimizationSamples.Problem(m, limits, rf)); break;
                case "max-sharpe": r = new MaximumSharpeOptimizer(solver).Optimize(OptimizationSamples.Problem(m, limits, rf)); break;
                case "target-return": r = new TargetReturnOptimizer(solver, Get(c, "targetReturn")!.Value).Optimize(OptimizationSamples.Problem(m, limits, rf)); break;
                case "target-volatility": r = new TargetVolatilityOptimizer(solver, Get(c, "targetVolatility")!.Value).Optimize(OptimizationSamples.Problem(m, limits, rf)); break;
                case "kelly":
                    r = new KellyOptimizer(solver, Get(c, "kellyFraction") ?? 1.0).Optimize(OptimizationSamples.Problem(m, limits.WithBudget(null), rf));
                    break;
                case "projection":
                    var point = c.GetProperty("point").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                    r = new WeightProjection(solver).Project(OptimizationSamples.Problem(m, limits, rf), point);
                    break;
                default: Assert.Fail("unknown method " + method); return;
            }
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            var expected = c.GetProperty("weights");
            for (int i = 0; i < m.Assets.Length; i++)
                Assert.That(r.Weights[i], Is.EqualTo(expected.GetProperty(m.Assets[i]).GetDouble()).Within(WeightTolerance), m.Assets[i]);
            Assert.That(r.ExpectedReturn, Is.EqualTo(c.GetProperty("expectedReturn").GetDouble()).Within(1e-8));
            Assert.That(r.Volatility, Is.EqualTo(c.GetProperty("volatility").GetDouble()).Within(1e-8));
        }

        private static double? Get(JsonElement e, string name)
            => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null;
    }
}
