using System;
using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    public class TwapVwapScheduleTests
    {
        [Test]
        public void Twap_SevenOverFive_SumsExactlyWithOnesAndTwos()
        {
            var s = TwapSchedule.Build(7, 1, 5);
            Assert.That(s.Slices.Sum(x => x.Quantity), Is.EqualTo(7));
            Assert.That(s.Slices.Select(x => x.Quantity), Is.EqualTo(new long[] { 1, 2, 1, 2, 1 }));
        }

        [Test]
        public void Twap_OneOverTen_MergesIntoOneSlice()
        {
            var s = TwapSchedule.Build(1, 1, 10);
            Assert.That(s.Slices, Has.Count.EqualTo(1));
            Assert.That(s.Slices[0].Quantity, Is.EqualTo(1));
            Assert.That(s.Slices[0].Time, Is.EqualTo(0));
        }

        [Test]
        public void Twap_MinimumSlice_MergesSmallOrders()
        {
            var s = TwapSchedule.Build(10, 1, 5, minSliceSize: 3);
            Assert.That(s.Slices.Select(x => x.Quantity), Is.EqualTo(new long[] { 3, 4, 3 }));
            Assert.That(s.Slices.Select(x => x.Time), Is.EqualTo(new[] { 0, 1.0 / 3, 2.0 / 3 }).Within(1e-12));
        }

        [Test]
        public void Twap_AwkwardSizes_AlwaysSumToParent([Values(1, 2, 3, 7, 11, 97, 1001)] long q, [Values(1, 3, 5, 10, 13)] int n)
        {
            var s = TwapSchedule.Build(q, 6.5, n);
            Assert.That(s.Slices.Sum(x => x.Quantity), Is.EqualTo(q));
            Assert.That(s.Slices.Max(x => x.Quantity) - s.Slices.Min(x => x.Quantity), Is.LessThanOrEqualTo(1));
            Assert.That(s.Slices.All(x => x.Quantity >= 1), Is.True);
        }

        [Test]
        public void Twap_SeededJitter_PreservesTotalMinimumAndOrder()
        {
            var rng = new Random(7);
            for (int trial = 0; trial < 300; trial++)
            {
                long q = rng.Next(1, 5000);
                int n = rng.Next(1, 40);
                long min = rng.Next(1, 20);
                var jitter = new TwapJitter(trial, 0.4, 0.5);
                var s = TwapSchedule.Build(q, 390, n, min, jitter);
                Assert.That(s.Slices.Sum(x => x.Quantity), Is.EqualTo(q), $"trial {trial}");
                if (q >= min) Assert.That(s.Slices.All(x => x.Quantity >= min), Is.True, $"trial {trial}");
                for (int j = 1; j < s.Slices.Count; j++) Assert.That(s.Slices[j].Time, Is.GreaterThan(s.Slices[j - 1].Time));
                Assert.That(s.Slices.Last().Time, Is.LessThan(390));
                var again = TwapSchedule.Build(q, 390, n, min, new TwapJitter(trial, 0.4, 0.5));
                Assert.That(again.Slices.Select(x => x.Quantity), Is.EqualTo(s.Slices.Select(x => x.Quantity)));
            }
        }

        [Test]
        public void Vwap_RandomProfiles_SumToParent()
        {
            var rng = new Random(11);
            for (int trial = 0; trial < 300; trial++)
            {
                int n = rng.Next(1, 30);
                var w = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
                w[0] += 1e-3;
                long q = rng.Next(1, 100000);
                var s = VwapSchedule.Build(q, 1, new VolumeProfile(w));
                Assert.That(s.Slices.Sum(x => x.Quantity), Is.EqualTo(q), $"trial {trial}");
            }
        }

        [Test]
        public void Vwap_ParticipationCap_CarriesShortfallForward()
        {
            // Uniform target of 25 per bucket; caps 20% of [100, 100, 400, 400] = [20, 20, 80, 80].
            var s = VwapSchedule.Build(100, 1, VolumeProfile.Uniform(4), 0.2, new double[] { 100, 100, 400, 400 });
            Assert.That(s.Slices.Select(x => x.Quantity), Is.EqualTo(new long[] { 20, 20, 35, 25 }));
            var full = VwapSchedule.Build(200, 1, VolumeProfile.Uniform(4), 0.2, new double[] { 100, 100, 400, 400 });
            Assert.That(full.Slices.Select(x => x.Quantity), Is.EqualTo(new long[] { 20, 20, 80, 80 }));
            var ex = Assert.Throws<InfeasibleException>(() => VwapSchedule.Build(201, 1, VolumeProfile.Uniform(4), 0.2, new double[] { 100, 100, 400, 400 }));
            Assert.That(ex!.Message, Does.Contain("1 left over"));
        }

        [Test]
        public void VolumeProfile_FromHistory_AveragesDailyFractions()
        {
            var d1 = new DateTime(2024, 3, 4);
            var d2 = d1.AddDays(1);
            var times = new[] { d1.AddHours(9.5), d1.AddHours(10.5), d1.AddHours(15.5), d1.AddHours(17), d2.AddHours(9.75), d2.AddHours(15.9) };
            var vols = new double[] { 600, 200, 200, 999, 100, 300 };
            // Session 09:30-16:00 in 2 buckets split at 12:45. Day 1: [800, 200]/1000, day 2: [100, 300]/400; 17:00 is outside.
            var p = VolumeProfile.FromHistory(times, vols, TimeSpan.FromHours(9.5), TimeSpan.FromHours(16), 2);
            Assert.That(p.Fractions, Is.EqualTo(new[] { (0.8 + 0.25) / 2, (0.2 + 0.75) / 2 }).Within(1e-12));
            Assert.Throws<InvalidInputException>(() => VolumeProfile.FromHistory(new[] { d1.AddHours(20) }, new[] { 5.0 }, TimeSpan.FromHours(9.5), TimeSpan.FromHours(16), 2));
        }

        [Test]
        public void CumulativeRounding_RejectsNegativeWeights()
        {
            var ex = Assert.Throws<ArgumentException>(() => CumulativeRounding.Split(5, new[] { 1.0, -1.0 }));
            Assert.That(ex!.Message, Does.Contain("weights[1]"));
        }

        [Test]
        public void TimedSlices_FollowTheScheduleClock()
        {
            var s = TwapSchedule.Build(7, 1, 5);
            var start = new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc);
            var t = s.ToTimedSlices(start, TimeSpan.FromHours(1));
            Assert.That(t[1].Start, Is.EqualTo(start.AddMinutes(12)));
            Assert.That(t[1].Deadline, Is.EqualTo(start.AddMinutes(24)));
            Assert.That(t[4].Deadline, Is.EqualTo(start.AddHours(1)));
        }
    }
}
