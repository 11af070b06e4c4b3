using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;
using NinjaTraderPortfolio.Core.Tests.Risk;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Allocation
{
    public class RollingMomentsTests
    {
        [TestCase(1, 0)]
        [TestCase(2, 0)]
        [TestCase(3, 5)]
        [TestCase(4, null)]
        public void Streaming_EqualsBatchOnSameWindow_OnSeededRandomPaths(int seed, int? resync)
        {
            var rng = new Random(seed);
            int n = 3 + rng.Next(8), window = 10 + rng.Next(40), bars = 6 * window + rng.Next(100);
            var rolling = new RollingMoments(n, window, resync);
            var rows = new double[bars][];
            for (int t = 0; t < bars; t++)
            {
                // Returns with a level and scale that change over time (regime shifts stress the incremental update).
                double scale = 0.005 + 0.03 * rng.NextDouble();
                rows[t] = RiskTestData.RandomNormals(rng, n).Select((z, i) => 0.001 * i + scale * z).ToArray();
                rolling.Add(rows[t]);
                if (t < 1 || (t % 7 != 0 && t != bars - 1)) continue;
                int count = Math.Min(t + 1, window);
                Assert.That(rolling.Count, Is.EqualTo(count));
                var frame = Frame(rows, t + 1 - count, count, n);
                var mean = SampleMoments.Mean(frame);
                var cov = SampleMoments.Covariance(frame);
                for (int i = 0; i < n; i++)
                {
                    Assert.That(rolling.Mean(i), Is.EqualTo(mean[i]).Within(1e-12 * (Math.Abs(mean[i]) + 1e-3)), $"mean {i} at bar {t}");
                    for (int j = 0; j < n; j++)
                        Assert.That(rolling.Covariance(i, j), Is.EqualTo(cov[i, j]).Within(1e-10 * Math.Sqrt(cov[i, i] * cov[j, j])), $"cov {i},{j} at bar {t}");
                }
            }
        }

        [Test]
        public void CovarianceTimes_EqualsMatrixProduct()
        {
            var rng = new Random(7);
            var rolling = new RollingMoments(4, 20);
            for (int t = 0; t < 33; t++) rolling.Add(RiskTestData.RandomNormals(rng, 4));
            var w = new[] { 0.1, -0.4, 0.7, 0.6 };
            var cov = new double[4, 4];
            rolling.CopyCovariance(cov);
            var sw = new double[4];
            double v = rolling.CovarianceTimes(w, sw);
            var expected = Core.Numerics.PortfolioMath.CovarianceTimes(cov, w);
            for (int i = 0; i < 4; i++) Assert.That(sw[i], Is.EqualTo(expected[i]).Within(1e-14));
            Assert.That(v, Is.EqualTo(Core.Numerics.PortfolioMath.Variance(cov, w)).Within(1e-14));
        }

        [Test]
        public void BeforeTwoObservations_CovarianceIsNaN()
        {
            var r = new RollingMoments(2, 5);
            Assert.That(r.Covariance(0, 0), Is.NaN);
            r.Add(new[] { 0.1, 0.2 });
            Assert.That(r.Covariance(0, 1), Is.NaN);
            Assert.That(r.Mean(1), Is.EqualTo(0.2));
        }

        [Test]
        public void BadInput_IsRejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new RollingMoments(2, 1));
            var r = new RollingMoments(2, 5);
            Assert.Throws<ArgumentException>(() => r.Add(new[] { 0.1 }));
            var ex = Assert.Throws<ArgumentException>(() => r.Add(new[] { 0.1, double.NaN }));
            Assert.That(ex!.Message, Does.Contain("x[1]"));
        }

        internal static AssetFrame Frame(double[][] rows, int start, int count, int n)
        {
            var dates = Enumerable.Range(0, count).Select(k => new DateTime(2020, 1, 1).AddDays(k)).ToArray();
            var cols = Enumerable.Range(0, n).Select(i => Enumerable.Range(start, count).Select(t => rows[t][i]).ToArray()).ToArray();
            return new AssetFrame(dates, Enumerable.Range(0, n).Select(i => "A" + i).ToArray(), cols, FrameKind.SimpleReturns);
        }
    }
}
