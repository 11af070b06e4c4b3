using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    public sealed class VolumeProfileFileTests
    {
        [Test]
        public void Buckets_AreNormalisedShares_InFileOrder()
        {
            var p = VolumeProfileFile.Parse("# U-shaped day\nBucket,Volume\n1,300\n2,100\n3,100\n4,500\n", "p.csv");
            Assert.That(p.Fractions, Is.EqualTo(new[] { 0.3, 0.1, 0.1, 0.5 }).Within(1e-15));
        }

        [TestCase("Bucket,Volume\n1,10\n3,5\n", "line 3: bucket must be 2")]
        [TestCase("Bucket,Volume\n1,10\n2,-5\n", "line 3: volume of bucket 2 must be a finite number >= 0, got '-5'")]
        [TestCase("Bucket,Volume\n1,0\n2,0\n", "the volumes sum to 0")]
        [TestCase("Slot,Volume\n1,10\n", "header must be 'Bucket,Volume'")]
        [TestCase("Bucket,Volume\n", "has a header but no buckets")]
        [TestCase("Bucket,Volume\n1,NaN\n", "must be a finite number")]
        public void BadFiles_AreRefusedNamingLineAndValue(string text, string message)
        {
            Assert.That(() => VolumeProfileFile.Parse(text, "p.csv"), Throws.InstanceOf<InvalidInputException>().With.Message.Contains(message).And.Message.Contains("p.csv"));
        }
    }
}
