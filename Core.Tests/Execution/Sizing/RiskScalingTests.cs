using System;
using System.IO;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Sizing;

namespace NinjaTraderPortfolio.Core.Tests.Execution.Sizing
{
    public sealed class RiskScalingTests
    {
        [Test]
        public void TwoAssets_HandWorked_VolatilityTargetBinds()
        {
            // w = (0.5, -0.5), S = diag(1e-4, 4e-4) per day: w'Sw = 0.25e-4 + 1e-4 = 1.25e-4; x 252 = 0.0315; sigma = 0.1774823934
            // k = min(0.10 / 0.1774823934, 0.8 / 1.0) = 0.5634361698
            var s = RiskScaling.Scale(new[] { 0.5, -0.5 }, new double[,] { { 1e-4, 0 }, { 0, 4e-4 } }, 252, 0.10, 0.8);
            Assert.That(s.UnscaledVolatility, Is.EqualTo(Math.Sqrt(0.0315)).Within(1e-15));
            Assert.That(s.Scale, Is.EqualTo(0.10 / Math.Sqrt(0.0315)).Within(1e-15));
            Assert.That(s.PredictedVolatility, Is.EqualTo(0.10).Within(1e-15));
            Assert.That(s.GrossLeverage, Is.EqualTo(0.5634361698).Within(1e-9));
            Assert.That(s.Weights[1], Is.EqualTo(-0.5 * s.Scale).Within(1e-15));
            Assert.That(s.Binding, Is.EqualTo("volatility target"));
        }

        [Test]
        public void TwoAssets_HandWorked_LeverageCapBinds()
        {
            // same portfolio, V = 0.5: V / sigma = 2.817 > L / sum|w| = 1.2 -> k = 1.2
            var s = RiskScaling.Scale(new[] { 0.5, -0.5 }, new double[,] { { 1e-4, 0 }, { 0, 4e-4 } }, 252, 0.5, 1.2);
            Assert.That(s.Scale, Is.EqualTo(1.2).Within(1e-15));
            Assert.That(s.GrossLeverage, Is.EqualTo(1.2).Within(1e-15));
            Assert.That(s.Binding, Is.EqualTo("gross leverage"));
        }

        [Test]
        public void LeverageCapAlone_OnlyCuts_NeverLevers()
        {
            var cov = new double[,] { { 1e-4, 0 }, { 0, 4e-4 } };
            Assert.That(RiskScaling.Scale(new[] { 0.3, 0.2 }, cov, 252, null, 2.0).Scale, Is.EqualTo(1.0));
            Assert.That(RiskScaling.Scale(new[] { 1.5, 1.5 }, cov, 252, null, 2.0).Scale, Is.EqualTo(2.0 / 3.0).Within(1e-15));
            Assert.That(RiskScaling.Scale(new[] { 0.3, 0.2 }, cov, 252, null, null).Scale, Is.EqualTo(1.0));
        }

        [Test]
        public void ZeroWeights_ScaleOne_NothingToScale()
        {
            var s = RiskScaling.Scale(new[] { 0.0, 0.0 }, new double[,] { { 1e-4, 0 }, { 0, 4e-4 } }, 252, 0.1, 1.0);
            Assert.That(s.Scale, Is.EqualTo(1.0));
            Assert.That(s.PredictedVolatility, Is.EqualTo(0.0));
        }

        [TestCase("a", new[] { 0.6, -0.3, 0.5, 0.2 }, 0.10, 1.5)]
        [TestCase("b", new[] { 0.9, 0.1, 0.8, 0.7 }, 0.30, 1.2)]
        public void EuStockMarkets_SampleCovariance_MatchesNumpy(string key, double[] w, double v, double l)
        {
            var refs = ReferenceData.KeyValues("risk_scaling_eustockmarkets.csv");
            var prices = PriceFileLoader.Load(new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "eustockmarkets-prices.csv") }).Frame;
            var cov = SampleMoments.Covariance(ReturnCalculator.Simple(prices));
            var s = RiskScaling.Scale(w, cov, 252, v, l);
            Assert.That(s.UnscaledVolatility, Is.EqualTo(refs[key + "_sigma"]).Within(1e-12).Percent);
            Assert.That(s.Scale, Is.EqualTo(refs[key + "_scale"]).Within(1e-10).Percent);
            Assert.That(s.PredictedVolatility, Is.EqualTo(refs[key + "_predicted"]).Within(1e-10).Percent);
            Assert.That(s.GrossLeverage, Is.EqualTo(refs[key + "_gross"]).Within(1e-10).Percent);
        }

        [Test]
        public void BadInputs_ThrowNamingTheInput()
        {
            var cov = new double[,] { { 1e-4, 0 }, { 0, 4e-4 } };
            Assert.That(() => RiskScaling.Scale(new[] { 0.5, 0.5 }, cov, 252, -0.1, null), Throws.InstanceOf<ArgumentException>().With.Message.Contains("volatility target"));
            Assert.That(() => RiskScaling.Scale(new[] { 0.5, double.NaN }, cov, 252, 0.1, null), Throws.InstanceOf<ArgumentException>().With.Message.Contains("weights"));
            Assert.That(() => RiskScaling.Scale(new[] { 0.5 }, cov, 252, 0.1, null), Throws.InstanceOf<ArgumentException>());
        }

        [Test]
        public void RandomCases_ScaledPortfolioMeetsTheBindingLimitAndNeitherIsExceeded()
        {
            var rng = new Random(20261205);
            for (int c = 0; c < 200; c++)
            {
                int n = rng.Next(1, 6);
                var a = new double[n, n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i, j] = rng.NextDouble() * 0.02 - 0.01;
                var cov = new double[n, n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) cov[i, j] += a[i, k] * a[j, k];
                var w = new double[n];
                for (int i = 0; i < n; i++) w[i] = rng.NextDouble() * 2 - 1;
                double v = 0.05 + rng.NextDouble() * 0.2, l = 0.5 + rng.NextDouble() * 3;
                var s = RiskScaling.Scale(w, cov, 252, v, l);
                Assert.That(s.PredictedVolatility, Is.LessThanOrEqualTo(v * (1 + 1e-12)));
                Assert.That(s.GrossLeverage, Is.LessThanOrEqualTo(l * (1 + 1e-12)));
                Assert.That(Math.Max(s.PredictedVolatility / v, s.GrossLeverage / l), Is.EqualTo(1.0).Within(1e-12));
            }
        }
    }
}
