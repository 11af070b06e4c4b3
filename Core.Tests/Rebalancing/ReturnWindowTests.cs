using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Rebalancing;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Rebalancing
{
    /// <summary>The loop's one streaming returns window against the batch returns of the same prices.</summary>
    [TestFixture]
    public class ReturnWindowTests
    {
        private static AssetFrame Prices(int seed, int rows)
        {
            var rng = new Random(seed);
            var dates = Enumerable.Range(0, rows).Select(t => new DateTime(2024, 1, 1).AddDays(t)).ToArray();
            var cols = new double[3][];
            for (int j = 0; j < 3; j++)
            {
                cols[j] = new double[rows];
                double p = 100;
                for (int t = 0; t < rows; t++) cols[j][t] = p *= 1 + 0.02 * (rng.NextDouble() - 0.5);
            }
            return new AssetFrame(dates, new[] { "A", "B", "C" }, cols, FrameKind.Prices, "random");
        }

        private static ReturnWindow Stream(AssetFrame prices, int length, int rows)
        {
            var window = new ReturnWindow(prices.Assets, length);
            for (int t = 0; t < rows; t++) window.Add(prices.Dates[t], Enumerable.Range(0, prices.AssetCount).Select(j => prices[t, j]).ToArray());
            return window;
        }

        [Test]
        public void Frame_HoldsTheLastReturnsOfThePrices_OldestFirst_DatedByTheLaterClose([Values(1, 2, 3)] int seed)
        {
            var prices = Prices(seed, 37);
            var window = Stream(prices, 10, 37);
            var batch = ReturnCalculator.Simple(prices);

            Assert.That(window.Count, Is.EqualTo(10));
            Assert.That(window.Bars, Is.EqualTo(37));
            foreach (int last in new[] { 10, 4, 2 })
            {
                var frame = window.Frame(last);
                Assert.That(frame.Dates, Is.EqualTo(batch.Dates.Skip(batch.Rows - last)));
                for (int k = 0; k < last; k++)
                    for (int j = 0; j < 3; j++)
                        Assert.That(frame[k, j], Is.EqualTo(batch[batch.Rows - last + k, j]), $"row {k} asset {j}: the same division, bit for bit");
            }
        }

        [Test]
        public void Estimate_EqualsTheBatchSampleMomentsOfTheSameReturns_BitForBit([Values(1, 2, 3)] int seed)
        {
            var prices = Prices(seed, 80);
            var window = Stream(prices, 25, 80);
            var tail = ReturnCalculator.Simple(prices.Slice(80 - 26, 26));
            double[] mean = SampleMoments.Mean(tail);
            double[,] cov = SampleMoments.Covariance(tail);

            window.Estimate(25, out double[] m, out double[,] c);
            Assert.That(m, Is.EqualTo(mean));
            Assert.That(c, Is.EqualTo(cov));
            window.Estimate(7, out double[] m7, out double[,] c7);
            var tail7 = ReturnCalculator.Simple(prices.Slice(80 - 8, 8));
            Assert.That(m7, Is.EqualTo(SampleMoments.Mean(tail7)));
            Assert.That(c7, Is.EqualTo(SampleMoments.Covariance(tail7)));
        }

        [Test]
        public void SkipNextReturn_TheNextBarAddsNoReturn_AndTheOneAfterStartsFromItsClose()
        {
            var window = new ReturnWindow(new[] { "A" }, 5);
            var day = new DateTime(2024, 3, 1);
            window.Add(day, new[] { 100.0 });
            window.Add(day.AddDays(1), new[] { 110.0 });
            window.SkipNextReturn();
            window.Add(day.AddDays(2), new[] { 50.0 });   // a new contract's close: no return against 110
            window.Add(day.AddDays(3), new[] { 55.0 });

            Assert.That(window.Count, Is.EqualTo(2));
            var frame = window.Frame(2);
            Assert.That(frame[0, 0], Is.EqualTo(110.0 / 100.0 - 1));
            Assert.That(frame[1, 0], Is.EqualTo(55.0 / 50.0 - 1));
            Assert.That(frame.Dates, Is.EqualTo(new[] { day.AddDays(1), day.AddDays(3) }));
        }

        [Test]
        public void BadBars_AreRefused_NamingTheAssetAndTheDate()
        {
            var window = new ReturnWindow(new[] { "A", "B" }, 3);
            var day = new DateTime(2024, 3, 1);
            window.Add(day, new[] { 100.0, 10 });
            var zero = Assert.Throws<InvalidInputException>(() => window.Add(day.AddDays(1), new[] { 100.0, 0 }));
            Assert.That(zero!.Message, Does.Contain("'B'").And.Contain("2024-03-02"));
            var late = Assert.Throws<InvalidInputException>(() => window.Add(day, new[] { 100.0, 10 }));
            Assert.That(late!.Message, Does.Contain("not after"));
            Assert.That(() => window.Frame(2), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("holds 0 returns"));
            Assert.That(() => new ReturnWindow(new[] { "A", "A" }, 3), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("unique"));
        }
    }
}
