using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Risk.Stress;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk.Stress
{
    public class StressTesterTests
    {
        private static readonly DateTime D0 = new DateTime(2024, 3, 4);

        private static AssetFrame Frame(params double[][] cols)
            => new AssetFrame(Enumerable.Range(0, cols[0].Length).Select(t => D0.AddDays(t)).ToArray(),
                Enumerable.Range(0, cols.Length).Select(i => ((char)('A' + i)).ToString()).ToArray(), cols, FrameKind.SimpleReturns, "r.csv");

        private static readonly AssetFrame Abc = Frame(new[] { 0.1, -0.1, 0.05, 0.0 }, new[] { 0.0, 0.02, -0.02, 0.01 }, new[] { 0.01, 0.03, -0.01, 0.02 });

        [Test]
        public void Shock_AssetBeatsSectorBeatsMarket()
        {
            var t = new StressTester(Abc, new[] { 0.5, 0.3, 0.2 }, 1_000_000m, 0.99, new Dictionary<string, string> { ["A"] = "Tech", ["B"] = "Tech" });
            var s = new ShockScenario("crash", -0.1, new Dictionary<string, double> { ["Tech"] = -0.2 }, new Dictionary<string, double> { ["A"] = -0.3 });
            var r = t.Apply(s);
            // Returns A -0.3 (asset), B -0.2 (sector), C -0.1 (market): loss 0.15 + 0.06 + 0.02 = 0.23.
            Assert.That(r.LossFraction, Is.EqualTo(0.23).Within(1e-15));
            Assert.That(r.Loss, Is.EqualTo(230_000m).Within(0.000001m));
            Assert.That(r.Positions.Select(p => p.AssetReturn), Is.EqualTo(new[] { -0.3, -0.2, -0.1 }));
            Assert.That(r.Positions.Select(p => p.LossFraction).ToArray(), Is.EqualTo(new[] { 0.15, 0.06, 0.02 }).Within(1e-15));
            Assert.That(r.Positions.Sum(p => p.Loss), Is.EqualTo(r.Loss).Within(0.000001m));
        }

        [Test]
        public void Shock_ShortPositionGainsInACrash()
        {
            var r = new StressTester(Abc, new[] { 1.0, -0.5, 0 }, 100m, 0.99).Apply(new ShockScenario("m", -0.2));
            Assert.That(r.LossFraction, Is.EqualTo(0.2 - 0.1).Within(1e-15));
            Assert.That(r.Positions[1].LossFraction, Is.EqualTo(-0.1).Within(1e-15));
        }

        [Test]
        public void History_ReplaysCompoundedReturnsInRange()
        {
            var r = new StressTester(Abc, new[] { 1.0, 0, 0 }, 1000m, 0.99).Replay(new HistoricalScenario("h", D0.AddDays(1), D0.AddDays(2)));
            // A: (1 - 0.1)(1 + 0.05) - 1 = -0.055.
            Assert.That(r.LossFraction, Is.EqualTo(0.055).Within(1e-15));
            Assert.That(r.Description, Does.Contain("2024-03-05 to 2024-03-06").And.Contain("2 periods"));
        }

        [Test]
        public void WorstWindows_AreWorstFirstAndNonOverlapping()
        {
            // Two-period windows of 0.01 -0.05 -0.05 0.02 -0.03 -0.04 0: losses by start 0.0405 0.0975 0.031 0.0106 0.0688 0.04.
            // Worst is start 1 (0.0975); then start 4 (0.0688); everything else overlaps one of them.
            var f = Frame(new[] { 0.01, -0.05, -0.05, 0.02, -0.03, -0.04, 0.0 });
            var r = new StressTester(f, new[] { 1.0 }, 1m, 0.99).WorstWindows(new WorstWindowScenario("w", 2, 3));
            Assert.That(r.Count, Is.EqualTo(2));
            Assert.That(r[0].LossFraction, Is.EqualTo(1 - 0.95 * 0.95).Within(1e-15));
            Assert.That(r[0].Description, Does.Contain("2024-03-05 to 2024-03-06"));
            Assert.That(r[1].LossFraction, Is.EqualTo(1 - 0.97 * 0.96).Within(1e-15));
        }

        [Test]
        public void StressedCovariance_MatchesHandValues()
        {
            // rho = 0.01 / (0.1 * 0.2) = 0.5 -> 0.5 + 0.5 (1 - 0.5) = 0.75; sigmas x2 -> 0.2, 0.4; cov = 0.75 * 0.08 = 0.06.
            var s = StressTester.StressedCovariance(new[,] { { 0.01, 0.01 }, { 0.01, 0.04 } }, 2, 0.5);
            Assert.That(s[0, 0], Is.EqualTo(0.04).Within(1e-15));
            Assert.That(s[1, 1], Is.EqualTo(0.16).Within(1e-15));
            Assert.That(s[0, 1], Is.EqualTo(0.06).Within(1e-15));
            Assert.That(s[1, 0], Is.EqualTo(0.06).Within(1e-15));
        }

        [Test]
        public void StressedCovariance_StaysPositiveSemidefinite_OnSeededRandomCases()
        {
            var rng = new Random(8);
            for (int trial = 0; trial < 30; trial++)
            {
                int n = 2 + rng.Next(10);
                var x = Matrix<double>.Build.Dense(n + 3, n, (i, j) => rng.NextDouble() - 0.5);
                var cov = (x.TransposeThisAndMultiply(x) / (n + 2)).ToArray();
                var s = StressTester.StressedCovariance(cov, 0.5 + 2 * rng.NextDouble(), rng.NextDouble());
                double min = Matrix<double>.Build.DenseOfArray(s).Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
                Assert.That(min, Is.GreaterThan(-1e-12), $"trial {trial}");
            }
            var one = StressTester.StressedCovariance(new[,] { { 0.01, -0.005 }, { -0.005, 0.04 } }, 1, 1);
            Assert.That(one[0, 1], Is.EqualTo(Math.Sqrt(0.01 * 0.04)).Within(1e-15), "shift 1 = perfect correlation");
        }

        [Test]
        public void CovarianceStress_IsStressedParametricVaRWithComponents()
        {
            var w = new[] { 0.4, 0.3, 0.3 };
            var r = new StressTester(Abc, w, 1000m, 0.95).StressCovariance(new CovarianceStressScenario("panic", 1.5, 0.3));
            var expected = VaRDecomposition.Compute(SampleMoments.Mean(Abc), StressTester.StressedCovariance(SampleMoments.Covariance(Abc), 1.5, 0.3), w, 0.95);
            Assert.That(r.LossFraction, Is.EqualTo(expected.ParametricVaR).Within(1e-15));
            Assert.That(r.Positions.Sum(p => p.LossFraction), Is.EqualTo(r.LossFraction).Within(1e-14));
            var plain = VaRDecomposition.Compute(SampleMoments.Mean(Abc), SampleMoments.Covariance(Abc), w, 0.95);
            Assert.That(r.LossFraction, Is.GreaterThan(plain.ParametricVaR));
        }

        [Test]
        public void OnSampleData_WorstWindowsAndCovarianceStress_MatchNumpy()
        {
            var reference = RiskTestData.Reference("risk_reference.json").GetProperty("stress");
            var frame = RiskTestData.SampleReturns(reference.GetProperty("file").GetString()!);
            var w = Enumerable.Repeat(1.0 / frame.AssetCount, frame.AssetCount).ToArray();
            var tester = new StressTester(frame, w, 1_000_000m, 0.99);
            var worst = reference.GetProperty("worst").EnumerateArray().ToArray();
            var r = tester.WorstWindows(new WorstWindowScenario("w", reference.GetProperty("window").GetInt32(), worst.Length));
            Assert.That(r.Count, Is.EqualTo(worst.Length));
            for (int k = 0; k < worst.Length; k++)
            {
                RiskTestData.AssertRel(r[k].LossFraction, worst[k].GetProperty("loss").GetDouble(), 1e-10, $"window {k} loss");
                Assert.That(r[k].Description, Does.Contain($"{worst[k].GetProperty("start").GetString()} to {worst[k].GetProperty("end").GetString()}"));
                var ar = RiskTestData.Doubles(worst[k].GetProperty("assetReturns"));
                for (int i = 0; i < ar.Length; i++) RiskTestData.AssertRel(r[k].Positions[i].AssetReturn, ar[i], 1e-10, $"window {k} asset {i}");
            }
            var cs = reference.GetProperty("covariance");
            var c = tester.StressCovariance(new CovarianceStressScenario("c", cs.GetProperty("volatilityScale").GetDouble(), cs.GetProperty("correlationShift").GetDouble()));
            RiskTestData.AssertRel(c.LossFraction, cs.GetProperty("var").GetDouble(), 1e-8, "stressed VaR");
            var comp = RiskTestData.Doubles(cs.GetProperty("componentVaR"));
            for (int i = 0; i < comp.Length; i++) RiskTestData.AssertRel(c.Positions[i].LossFraction, comp[i], 1e-8, $"component {i}");
        }

        [Test]
        public void BadScenarios_AreRejectedNamingTheCulprit()
        {
            var t = new StressTester(Abc, new[] { 0.5, 0.3, 0.2 }, 1m, 0.99);
            var ex = Assert.Throws<InvalidInputException>(() => t.Apply(new ShockScenario("s", assetShocks: new Dictionary<string, double> { ["ZZ"] = -0.1 })));
            Assert.That(ex!.Message, Does.Contain("'ZZ'"));
            ex = Assert.Throws<InvalidInputException>(() => t.Apply(new ShockScenario("s", sectorShocks: new Dictionary<string, double> { ["Tech"] = -0.1 })));
            Assert.That(ex!.Message, Does.Contain("'Tech'").And.Contain("no sectors given"));
            ex = Assert.Throws<InvalidInputException>(() => t.Replay(new HistoricalScenario("h", new DateTime(2000, 1, 1), new DateTime(2000, 2, 1))));
            Assert.That(ex!.Message, Does.Contain("no returns between"));
            Assert.Throws<InvalidInputException>(() => t.WorstWindows(new WorstWindowScenario("w", 10, 1)));
            Assert.Throws<InvalidInputException>(() => new ShockScenario("s", -1.5));
            Assert.Throws<InvalidInputException>(() => new HistoricalScenario("h", D0.AddDays(1), D0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new CovarianceStressScenario("c", 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new CovarianceStressScenario("c", 1, 1.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => new StressTester(Abc, new[] { 0.5, 0.3, 0.2 }, 0m, 0.99));
            Assert.Throws<ArgumentException>(() => new StressTester(Abc, new[] { 0.5 }, 1m, 0.99));
        }
    }
}
