using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Analytics.Attribution;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Analytics
{
    public class RiskAttributionTests
    {
        [Test]
        public void Attribute_TwoAssets_MatchesHandWorkedEulerSplit()
        {
            // sigma = (0.2, 0.1), rho = 0.5, w = (0.5, 0.5). Sigma = [[0.04, 0.01],[0.01, 0.01]].
            // Sigma w = (0.025, 0.01); variance = 0.0175; sigma_p = 0.13228756555;
            // contributions 0.5 x 0.025 / sigma_p = 0.0944911183, 0.5 x 0.01 / sigma_p = 0.0377964473.
            var cov = new[,] { { 0.04, 0.01 }, { 0.01, 0.01 } };
            var sectors = new Dictionary<string, string> { ["a"] = "S", ["b"] = "S" };
            var r = RiskAttribution.Attribute(new[] { "a", "b" }, new[] { 0.5, 0.5 }, cov, sectors);
            Assert.That(r.Volatility, Is.EqualTo(Math.Sqrt(0.0175)).Within(1e-15));
            Assert.That(r.ByAsset["a"], Is.EqualTo(0.0125 / Math.Sqrt(0.0175)).Within(1e-15));
            Assert.That(r.ByAsset["b"], Is.EqualTo(0.005 / Math.Sqrt(0.0175)).Within(1e-15));
            Assert.That(r.BySector["S"], Is.EqualTo(r.Volatility).Within(1e-15));
        }

        [Test]
        public void Attribute_OnSeededRandomCovariances_ContributionsSumToVolatility()
        {
            var rng = new Random(5);
            for (int k = 0; k < 100; k++)
            {
                int n = rng.Next(2, 30);
                var a = new double[n, n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i, j] = rng.NextDouble() - 0.5;
                var cov = new double[n, n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { double s = i == j ? 1e-3 : 0; for (int m = 0; m < n; m++) s += a[i, m] * a[j, m]; cov[i, j] = s; }
                var w = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.3).ToArray();
                var names = Enumerable.Range(0, n).Select(i => "x" + i).ToArray();
                var sectors = names.ToDictionary(x => x, x => "s" + (x.GetHashCode() & 3));
                var r = RiskAttribution.Attribute(names, w, cov, sectors);
                Assert.That(r.ByAsset.Values.Sum(), Is.EqualTo(r.Volatility).Within(1e-12 * Math.Max(1, r.Volatility)));
                Assert.That(r.BySector.Values.Sum(), Is.EqualTo(r.Volatility).Within(1e-12 * Math.Max(1, r.Volatility)));
            }
        }

        [Test]
        public void Attribute_ZeroPortfolio_Throws()
        {
            var ex = Assert.Throws<InvalidInputException>(() => RiskAttribution.Attribute(new[] { "a" }, new[] { 0.0 }, new[,] { { 0.01 } }));
            Assert.That(ex!.Message, Does.Contain("variance must be > 0"));
        }
    }
}
