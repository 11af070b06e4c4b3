using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Rebalancing;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Impact;
using NinjaTraderPortfolio.Core.Execution.Planning;

namespace NinjaTraderPortfolio.Core.Tests.Rebalancing
{
    /// <summary>The AddOn's preview with a risk-aversion input: urgent orders may be routed to Implementation Shortfall.</summary>
    public sealed class RebalancePreviewRiskAversionTests
    {
        private static IReadOnlyList<RebalancePreviewRow> Preview(double riskAversion)
        {
            // 20,000 units of a 100 instrument (20% of a 100,000 ADV, 2% daily volatility) over one day in 10 slices.
            var plan = new RebalancePlanner().Plan(new[] { new PlannerInstrument("X", 100m, 1m, 1, 0, 1.0) }, 2_000_000m);
            var liquidity = new Dictionary<string, InstrumentLiquidity> { ["X"] = new InstrumentLiquidity(0.02, 100_000, 0.0002) };
            return RebalancePreview.Compute(plan, liquidity, 1.0, 10, riskAversion);
        }

        [Test]
        public void NoRiskAversion_NeverImplementationShortfall()
        {
            Assert.That(Preview(0).Single().Algorithm, Is.Not.EqualTo("is"));
        }

        [Test]
        public void HighRiskAversion_RoutesTheUrgentOrderToImplementationShortfall_FrontLoaded()
        {
            var row = Preview(1e-3).Single();
            Assert.That(row.Algorithm, Is.EqualTo("is"), row.Reason);
            Assert.That(row.Reason, Does.Contain("risk aversion"));
            var q = row.Schedule.Slices.Select(s => s.Quantity).ToArray();
            Assert.That(q.Sum(), Is.EqualTo(20_000));
            Assert.That(q[0], Is.GreaterThan(q[q.Length - 1]), "front-loaded");
        }
    }
}
