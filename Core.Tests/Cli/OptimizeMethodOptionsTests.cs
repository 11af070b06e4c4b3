using NinjaTraderPortfolio.Cli.Commands;
using NinjaTraderPortfolio.Cli.Infrastructure;
using NinjaTraderPortfolio.Core.Tests.Optimization;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Cli
{
    /// <summary>
    /// Which method takes which option comes from the optimizer catalog's parameters (one vocabulary): a method whose
    /// parameter has no default needs its option, and an option no method in use declares is refused naming the methods
    /// that take it. Messages as written by hand before the catalog.
    /// </summary>
    public sealed class OptimizeMethodOptionsTests
    {
        private static string Eu => OptimizationSamples.TestPath("samples", "eustockmarkets-prices.csv");

        private static string Refusal(params string[] options)
        {
            var args = new System.Collections.Generic.List<string> { "--prices", Eu };
            args.AddRange(options);
            return Assert.Throws<CliUsageException>(() => OptimizeSettings.Parse(args))!.Message;
        }

        [TestCase("target-return", "method target-return needs --target-return X")]
        [TestCase("target-volatility", "method target-volatility needs --target-volatility X")]
        public void AMethodWhoseParameterHasNoDefault_NeedsItsOption(string method, string message)
            => Assert.That(Refusal("--method", method), Is.EqualTo(message));

        [Test]
        public void AMethodInsideAMix_NeedsItsOptionToo()
            => Assert.That(Refusal("--method", "mixed", "--mix", "min-variance=0.5,target-volatility=0.5"),
                Is.EqualTo("method target-volatility needs --target-volatility X"));

        [TestCase("--target-return", "0.001", "option --target-return is only for method target-return")]
        [TestCase("--target-volatility", "0.01", "option --target-volatility is only for method target-volatility")]
        [TestCase("--kelly-fraction", "0.5", "option --kelly-fraction is only for method kelly")]
        public void AnOptionNoMethodInUseTakes_IsRefusedNamingItsMethod(string option, string value, string message)
            => Assert.That(Refusal("--method", "min-variance", option, value), Is.EqualTo(message));

        [Test]
        public void KellyFraction_HasADefault_SoKellyRunsWithoutTheOption()
        {
            OptimizeSettings s = OptimizeSettings.Parse(new[] { "--prices", Eu, "--method", "kelly" });
            Assert.That(s.KellyFraction, Is.EqualTo(1.0));
        }

        [Test]
        public void AnOptionOfAMethodInTheMix_IsAccepted()
        {
            OptimizeSettings s = OptimizeSettings.Parse(new[] { "--prices", Eu, "--method", "mixed", "--mix", "min-variance=0.5,kelly=0.5", "--kelly-fraction", "0.25" });
            Assert.That(s.KellyFraction, Is.EqualTo(0.25));
        }
    }
}
