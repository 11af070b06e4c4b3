using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Risk;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk
{
    /// <summary>Bad input to the frame-level entry points, and closed forms of the benchmark and EWMA figures.</summary>
    public class RiskInputsTests
    {
        private static readonly DateTime D0 = new DateTime(2024, 1, 2);

        private static AssetFrame Frame(FrameKind kind, params double[][] cols)
            => new AssetFrame(Enumerable.Range(0, cols[0].Length).Select(t => D0.AddDays(t)).ToArray(),
                Enumerable.Range(0, cols.Length).Select(i => "A" + i).ToArray(), cols, kind, "r.csv");

        [Test]
        public void Benchmark_OnHandSample_MatchesClosedForm()
        {
            // rp = 2 rb + (0, 0.01, 0, -0.01): rb = (0.01, -0.01, 0.02, 0) mean 0.005, deviations (0.005,-0.015,0.015,-0.005),
            // var(rb) = (25+225+225+25)e-6/3 = 5e-4/3; cov(rp, rb) = 2 var(rb) + sum(d_b * e)/3 = 2 var(rb) + (-0.015*0.01 + -0.005*-0.01)/3.
            var rb = new[] { 0.01, -0.01, 0.02, 0.0 };
            var e = new[] { 0.0, 0.01, 0.0, -0.01 };
            var rp = rb.Select((x, i) => 2 * x + e[i]).ToArray();
            double varB = 5e-4 / 3, cross = (-0.015 * 0.01 + -0.005 * -0.01) / 3;
            var r = BenchmarkRelativeRisk.Compute(rp, rb);
            Assert.That(r.Beta, Is.EqualTo((2 * varB + cross) / varB).Within(1e-12));
            // active = rb + e = (0.01, 0, 0.02, -0.01), mean 0.005, deviations (0.005,-0.005,0.015,-0.015): var = 5e-4/3.
            Assert.That(r.TrackingError, Is.EqualTo(Math.Sqrt(5e-4 / 3)).Within(1e-15));
            Assert.That(BenchmarkRelativeRisk.Compute(rb, rb).Correlation, Is.EqualTo(1).Within(1e-15));
        }

        [Test]
        public void Ewma_WeightsAreGeometricAndNormalised()
        {
            var a = ExponentiallyWeightedMoments.Weights(3, 0.5);
            // 0.25, 0.5, 1 over 1.75.
            Assert.That(a, Is.EqualTo(new[] { 0.25 / 1.75, 0.5 / 1.75, 1 / 1.75 }).Within(1e-15));
            var m = ExponentiallyWeightedMoments.Compute(Frame(FrameKind.SimpleReturns, new[] { 0.0, 0.0, 0.07 }), 0.5);
            Assert.That(m.Mean[0], Is.EqualTo(0.04).Within(1e-15));
            // sum a (r - 0.04)^2 = (0.75/1.75) 0.0016 + (1/1.75) 0.0009 = 0.0012
            Assert.That(m.Covariance[0, 0], Is.EqualTo(0.0012).Within(1e-15));
        }

        [Test]
        public void Analyze_BadInput_IsRejected()
        {
            var ret = Frame(FrameKind.SimpleReturns, new[] { 0.01, -0.02, 0.03, 0.0 }, new[] { 0.0, 0.01, -0.01, 0.02 });
            Assert.Throws<ArgumentException>(() => PortfolioRiskAnalyzer.Analyze(ret, new[] { 1.0 }, 0.99));
            Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioRiskAnalyzer.Analyze(ret, new[] { 0.5, 0.5 }, 1.0));
            var ex = Assert.Throws<InvalidInputException>(() => PortfolioRiskAnalyzer.Analyze(Frame(FrameKind.Prices, new[] { 1.0, 2, 3 }), new[] { 1.0 }, 0.99));
            Assert.That(ex!.Message, Does.Contain("Prices"));
            var log = Assert.Throws<InvalidInputException>(() => PortfolioRiskAnalyzer.Analyze(Frame(FrameKind.LogReturns, new[] { 0.01, 0.02, 0.0 }), new[] { 1.0 }, 0.99));
            Assert.That(log!.Message, Does.Contain("LogReturns"));
            Assert.Throws<InvalidInputException>(() => PortfolioRiskAnalyzer.Analyze(Frame(FrameKind.SimpleReturns, new[] { 0.01, 0.02 }), new[] { 1.0 }, 0.99));
            var b = Assert.Throws<InvalidInputException>(() => PortfolioRiskAnalyzer.Analyze(ret, new[] { 0.5, 0.5 }, 0.99, new[] { 0.01 }));
            Assert.That(b!.Message, Does.Contain("benchmark"));
            Assert.Throws<InvalidInputException>(() => BenchmarkRelativeRisk.Compute(new[] { 0.01, 0.02 }, new[] { 0.01, 0.01 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioRiskAnalyzer.Analyze(ret, new[] { 0.5, 0.5 }, 0.99, null, 1.0));
            Assert.Throws<ArgumentOutOfRangeException>(() => ExponentiallyWeightedMoments.Weights(3, 0));
        }
    }
}
