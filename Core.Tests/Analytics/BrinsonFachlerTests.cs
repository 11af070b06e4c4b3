using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Analytics.Attribution;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Analytics
{
    public class BrinsonFachlerTests
    {
        // Three sectors, one asset each. Portfolio w = (0.4, 0.3, 0.3), r = (20%, -5%, 6%): R_p = 8.3%.
        // Benchmark w = (0.4, 0.2, 0.4), r = (10%, -4%, 8%): R_b = 6.4%. Worked by hand:
        //   A: alloc 0,                        sel 0.4(0.10)  = 0.04,   inter 0
        //   B: alloc 0.1(-0.04-0.064)=-0.0104, sel 0.2(-0.01) = -0.002, inter 0.1(-0.01) = -0.001
        //   C: alloc -0.1(0.08-0.064)=-0.0016, sel 0.4(-0.02) = -0.008, inter -0.1(-0.02) = 0.002
        //   total 0.019 = R_p - R_b.
        [Test]
        public void Attribute_OnHandWorkedExample_MatchesEachEffect()
        {
            // The portfolio holds pa, pb, pc; the benchmark holds ba, bb, bc; the two sets share sectors A, B, C.
            var sectors = new Dictionary<string, string> { ["pa"] = "A", ["pb"] = "B", ["pc"] = "C", ["ba"] = "A", ["bb"] = "B", ["bc"] = "C" };
            var res = BrinsonFachler.Attribute(new[] { "pa", "pb", "pc", "ba", "bb", "bc" },
                new[] { 0.4, 0.3, 0.3, 0, 0, 0 }, new[] { 0, 0, 0, 0.4, 0.2, 0.4 },
                new[] { 0.20, -0.05, 0.06, 0.10, -0.04, 0.08 }, sectors);
            var expected = new[] { (0.0, 0.04, 0.0), (-0.0104, -0.002, -0.001), (-0.0016, -0.008, 0.002) };
            Assert.Multiple(() =>
            {
                Assert.That(res.PortfolioReturn, Is.EqualTo(0.083).Within(1e-15));
                Assert.That(res.BenchmarkReturn, Is.EqualTo(0.064).Within(1e-15));
                for (int i = 0; i < 3; i++)
                {
                    Assert.That(res.Sectors[i].Allocation, Is.EqualTo(expected[i].Item1).Within(1e-15), $"allocation {i}");
                    Assert.That(res.Sectors[i].Selection, Is.EqualTo(expected[i].Item2).Within(1e-15), $"selection {i}");
                    Assert.That(res.Sectors[i].Interaction, Is.EqualTo(expected[i].Item3).Within(1e-15), $"interaction {i}");
                }
                Assert.That(res.Allocation + res.Selection + res.Interaction, Is.EqualTo(0.019).Within(1e-15));
            });
        }

        [Test]
        public void Attribute_AggregatesAssetsIntoSectorReturns()
        {
            // Sector X holds x1 (w_p 0.2, r 10%) and x2 (w_p 0.3, r 0%): w_p = 0.5, r_p = 0.02/0.5 = 4%.
            var sectors = new Dictionary<string, string> { ["x1"] = "X", ["x2"] = "X", ["y"] = "Y" };
            var res = BrinsonFachler.Attribute(new[] { "x1", "x2", "y" }, new[] { 0.2, 0.3, 0.5 }, new[] { 0.25, 0.25, 0.5 },
                new[] { 0.10, 0.0, 0.02 }, sectors);
            var x = res.Sectors.Single(s => s.Sector == "X");
            Assert.That(x.PortfolioWeight, Is.EqualTo(0.5).Within(1e-15));
            Assert.That(x.PortfolioReturn, Is.EqualTo(0.04).Within(1e-15));
            Assert.That(x.BenchmarkReturn, Is.EqualTo(0.05).Within(1e-15));
        }

        [Test]
        public void Attribute_OnSeededRandomPortfolios_EffectsSumToActiveReturn()
        {
            var rng = new Random(11);
            for (int k = 0; k < 500; k++)
            {
                int n = rng.Next(2, 20);
                var assets = Enumerable.Range(0, n).Select(i => "a" + i).ToArray();
                var sectors = assets.ToDictionary(a => a, a => "s" + rng.Next(0, 4));
                var wp = Normalised(rng, n, zeroProb: 0.3);
                var wb = Normalised(rng, n, zeroProb: 0.3);
                var r = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 0.4 - 0.2).ToArray();
                var res = BrinsonFachler.Attribute(assets, wp, wb, r, sectors);
                Assert.That(res.Allocation + res.Selection + res.Interaction, Is.EqualTo(res.ActiveReturn).Within(1e-14));
                Assert.That(res.Sectors.Sum(s => s.Total), Is.EqualTo(res.ActiveReturn).Within(1e-14));
            }
        }

        [Test]
        public void Attribute_WithWeightsNotSummingToOne_Throws()
        {
            var sectors = new Dictionary<string, string> { ["a"] = "A", ["b"] = "B" };
            var ex = Assert.Throws<InvalidInputException>(() => BrinsonFachler.Attribute(new[] { "a", "b" }, new[] { 0.5, 0.4 }, new[] { 0.5, 0.5 }, new[] { 0.0, 0.0 }, sectors));
            Assert.That(ex!.Message, Does.Contain("portfolio weights must sum to 1"));
        }

        [Test]
        public void Attribute_WithAssetWithoutSector_NamesIt()
        {
            var ex = Assert.Throws<InvalidInputException>(() => BrinsonFachler.Attribute(new[] { "a", "b" }, new[] { 0.5, 0.5 }, new[] { 0.5, 0.5 },
                new[] { 0.0, 0.0 }, new Dictionary<string, string> { ["a"] = "A" }));
            Assert.That(ex!.Message, Does.Contain("'b'"));
        }

        private static double[] Normalised(Random rng, int n, double zeroProb)
        {
            var w = new double[n];
            for (int i = 0; i < n; i++) w[i] = rng.NextDouble() < zeroProb ? 0 : rng.NextDouble();
            if (w.Sum() == 0) w[0] = 1;
            double s = w.Sum();
            return w.Select(x => x / s).ToArray();
        }
    }
}
