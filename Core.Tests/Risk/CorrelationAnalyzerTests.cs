using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Risk;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Risk
{
    public class CorrelationAnalyzerTests
    {
        // sigma = (0.1, 0.2), rho = 0.5.
        private static readonly double[,] Cov = { { 0.01, 0.01 }, { 0.01, 0.04 } };

        [Test]
        public void TwoAssets_MatchClosedForms()
        {
            var c = CorrelationAnalyzer.CorrelationMatrix(Cov);
            Assert.That(c[0, 1], Is.EqualTo(0.5).Within(1e-15));
            Assert.That(c[1, 1], Is.EqualTo(1.0));
            Assert.That(CorrelationAnalyzer.AverageCorrelation(c), Is.EqualTo(0.5).Within(1e-15));
            // (0.5 * 0.1 + 0.5 * 0.2) / sqrt(0.0175)
            Assert.That(CorrelationAnalyzer.DiversificationRatio(Cov, new[] { 0.5, 0.5 }), Is.EqualTo(0.15 / Math.Sqrt(0.0175)).Within(1e-14));
            Assert.That(CorrelationAnalyzer.DiversificationRatio(Cov, new[] { 1.0, 0.0 }), Is.EqualTo(1.0).Within(1e-15));
        }

        [Test]
        public void EffectiveNumberOfBets_IsOneForOneBetAndNForIndependentEqualRisk()
        {
            var iid = new double[,] { { 0.04, 0, 0 }, { 0, 0.04, 0 }, { 0, 0, 0.04 } };
            Assert.That(CorrelationAnalyzer.EffectiveNumberOfBets(iid, new[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }), Is.EqualTo(3).Within(1e-12));
            Assert.That(CorrelationAnalyzer.EffectiveNumberOfBets(iid, new[] { 1.0, 0, 0 }), Is.EqualTo(1).Within(1e-12));
        }

        [Test]
        public void RollingCorrelation_OnHandSample()
        {
            // Window 3: (1,2,3) vs (2,4,6) is exactly 1; (2,3,4) vs (4,6,9): sxy = 5, sxx = 2, syy = 114/9 -> 15/sqrt(228).
            var r = CorrelationAnalyzer.RollingCorrelation(new[] { 1.0, 2, 3, 4 }, new[] { 2.0, 4, 6, 9 }, 3);
            Assert.That(r[0], Is.NaN);
            Assert.That(r[1], Is.NaN);
            Assert.That(r[2], Is.EqualTo(1.0).Within(1e-15));
            Assert.That(r[3], Is.EqualTo(15 / Math.Sqrt(228)).Within(1e-15));
            Assert.That(CorrelationAnalyzer.RollingCorrelation(new[] { 1.0, 1, 1 }, new[] { 1.0, 2, 3 }, 3)[2], Is.NaN, "constant window");
        }

        [Test]
        public void OnGccSample_MatchesNumpy()
        {
            var reference = RiskTestData.Reference("risk_reference.json").GetProperty("correlation");
            var frame = RiskTestData.SampleReturns(reference.GetProperty("file").GetString()!);
            var cov = SampleMoments.Covariance(frame);
            var c = CorrelationAnalyzer.CorrelationMatrix(cov);
            var m = reference.GetProperty("matrix").EnumerateArray().Select(RiskTestData.Doubles).ToArray();
            for (int i = 0; i < m.Length; i++)
                for (int j = 0; j < m.Length; j++) Assert.That(c[i, j], Is.EqualTo(m[i][j]).Within(1e-10), $"[{i},{j}]");

            var pairs = CorrelationAnalyzer.PairsAbove(c, frame.Assets, 0.8);
            var expected = reference.GetProperty("pairsAbove0.8").EnumerateArray().ToArray();
            Assert.That(pairs.Count, Is.EqualTo(expected.Length));
            for (int k = 0; k < pairs.Count; k++)
            {
                Assert.That(pairs[k].First, Is.EqualTo(expected[k][0].GetString()));
                Assert.That(pairs[k].Second, Is.EqualTo(expected[k][1].GetString()));
                RiskTestData.AssertRel(pairs[k].Correlation, expected[k][2].GetDouble(), 1e-8, $"pair {k}");
            }

            var roll = reference.GetProperty("rolling");
            int window = roll.GetProperty("window").GetInt32();
            var r = CorrelationAnalyzer.RollingCorrelation(frame.CopyColumn(frame.IndexOf(roll.GetProperty("x").GetString()!)),
                frame.CopyColumn(frame.IndexOf(roll.GetProperty("y").GetString()!)), window);
            var ev = RiskTestData.Doubles(roll.GetProperty("values"));
            Assert.That(r.Length - (window - 1), Is.EqualTo(ev.Length));
            for (int k = 0; k < ev.Length; k++) RiskTestData.AssertRel(r[window - 1 + k], ev[k], 1e-8, $"rolling {k}");

            var w = Enumerable.Repeat(1.0 / frame.AssetCount, frame.AssetCount).ToArray();
            var conc = CorrelationAnalyzer.Concentration(cov, w, frame.Assets, 3, 0.4);
            var top = reference.GetProperty("top3");
            Assert.That(conc.TopAssets, Is.EqualTo(RiskTestData.Strings(top.GetProperty("assets"))));
            var shares = RiskTestData.Doubles(top.GetProperty("shares"));
            for (int k = 0; k < 3; k++) RiskTestData.AssertRel(conc.TopShares[k], shares[k], 1e-8, $"share {k}");
            RiskTestData.AssertRel(conc.TopShare, shares.Sum(), 1e-8, "top share");
            Assert.That(conc.IsConcentrated, Is.EqualTo(shares.Sum() > 0.4));
        }

        [Test]
        public void Concentration_WarnsWhenTopKCarryTooMuch()
        {
            // w = (0.9, 0.1) on Cov: Sigma w = (0.01, 0.013), variance 0.0103; shares 0.009/0.0103 and 0.0013/0.0103.
            var r = CorrelationAnalyzer.Concentration(Cov, new[] { 0.9, 0.1 }, new[] { "A", "B" }, 1, 0.8);
            Assert.That(r.TopAssets, Is.EqualTo(new[] { "A" }));
            Assert.That(r.TopShare, Is.EqualTo(0.009 / 0.0103).Within(1e-14));
            Assert.That(r.IsConcentrated, Is.True);
            Assert.That(CorrelationAnalyzer.Concentration(Cov, new[] { 0.9, 0.1 }, new[] { "A", "B" }, 1, 0.9).IsConcentrated, Is.False);
        }

        [Test]
        public void BadInput_IsRejected()
        {
            var ex = Assert.Throws<InvalidInputException>(() => CorrelationAnalyzer.CorrelationMatrix(new double[,] { { 0.01, 0 }, { 0, 0 } }));
            Assert.That(ex!.Message, Does.Contain("asset 1"));
            Assert.Throws<InvalidInputException>(() => CorrelationAnalyzer.DiversificationRatio(Cov, new[] { 0.0, 0.0 }));
            Assert.Throws<ArgumentException>(() => CorrelationAnalyzer.DiversificationRatio(Cov, new[] { 1.0 }));
            Assert.Throws<InvalidInputException>(() => CorrelationAnalyzer.RollingCorrelation(new[] { 1.0, 2 }, new[] { 1.0 }, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationAnalyzer.RollingCorrelation(new[] { 1.0, 2 }, new[] { 1.0, 2 }, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationAnalyzer.PairsAbove(CorrelationAnalyzer.CorrelationMatrix(Cov), new[] { "A", "B" }, 1.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => CorrelationAnalyzer.Concentration(Cov, new[] { 0.5, 0.5 }, new[] { "A", "B" }, 3, 0.5));
            Assert.That(CorrelationAnalyzer.AverageCorrelation(new double[,] { { 1 } }), Is.NaN);
        }
    }
}
