using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Allocation;
using NinjaTraderPortfolio.Core.Limits;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Safety;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Planning;

namespace NinjaTraderPortfolio.Core.Tests.Limits
{
    /// <summary>
    /// PortfolioConstraints is the one source of weight and sector limits: the planner's sizing caps and the allocation
    /// engine's breach checks are derived from it; the trading guards read their declarations from the same table.
    /// </summary>
    public sealed class DerivedLimitsTests
    {
        private static readonly Dictionary<string, string> Sectors = new Dictionary<string, string> { ["A"] = "Tech", ["B"] = "Tech", ["C"] = "Energy" };

        [Test]
        public void SizingCaps_AreTheLargerMagnitudeOfEachAssetsRange()
        {
            var c = PortfolioConstraints.LongOnly.WithWeightRange(-0.3, 0.2).WithAssetRange("B", -0.1, 0.5);
            IAllocationLimits caps = SizingCaps.From(c);
            Assert.That(caps.MaxWeight("A"), Is.EqualTo(0.3));
            Assert.That(caps.MaxWeight("B"), Is.EqualTo(0.5));
            Assert.That(caps.MaxWeight("Z"), Is.EqualTo(0.3), "assets without an override use the global range");
            Assert.That(caps.MaxNotional("A"), Is.Null);
        }

        [Test]
        public void Planner_CutsATargetToTheCapDerivedFromTheOptimizerLimits()
        {
            // Equity 1,000,000, price 100, point value 1: target 0.5 cut to the max weight 0.3 -> 300,000 / 100 = 3,000 units.
            var plan = new RebalancePlanner().Plan(new[] { new PlannerInstrument("A", 100m, 1m, 1, 0, 0.5) }, 1_000_000m,
                limits: SizingCaps.From(PortfolioConstraints.LongOnly.WithWeightRange(0, 0.3)));
            Assert.That(plan.Trades[0].TargetQuantity, Is.EqualTo(3000));
            Assert.That(plan.Trades[0].Capped, Is.True);
        }

        [Test]
        public void AllocationLimits_From_CarryRangesSectorCapsLeverageAndBudget_AndFlagTheSameBreaches()
        {
            var c = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.5).WithSectors(Sectors).WithSectorMax("Tech", 0.7).WithMaxLeverage(1.2);
            var limits = AllocationLimits.From(c, new[] { "A", "B", "C" }, new Dictionary<string, decimal> { ["C"] = 250_000m });
            Assert.That(limits.MaxWeights, Is.EqualTo(new[] { 0.5, 0.5, 0.5 }));
            Assert.That(limits.MinWeights, Is.EqualTo(new[] { 0.0, 0.0, 0.0 }));
            Assert.That(limits.SectorCaps[limits.SectorOf[0]], Is.EqualTo(0.7));
            Assert.That(limits.MaxGrossLeverage, Is.EqualTo(1.2));
            Assert.That(limits.MaxNetLeverage, Is.EqualTo(1.0), "the budget is the highest net leverage");
            IAllocationLimits planner = limits;
            Assert.That(planner.MaxWeight("B"), Is.EqualTo(0.5));
            Assert.That(planner.MaxNotional("C"), Is.EqualTo(250_000m));
            Assert.That(planner.MaxNotional("A"), Is.Null);

            // w = (0.45, 0.40, 0.15) at value 1,000,000: Tech 0.85 > 0.7, nothing else.
            var breaches = AllocationLimitChecker.Check(limits, new[] { 0.45, 0.40, 0.15 }, 1_000_000m);
            Assert.That(breaches, Has.Count.EqualTo(1));
            Assert.That(breaches[0].Kind, Is.EqualTo(LimitKind.SectorCap));
            Assert.That(breaches[0].Value, Is.EqualTo(0.85).Within(1e-12));
        }

        [Test]
        public void AllocationLimits_From_RefusesFloorsAndTurnover_RatherThanDroppingThem()
        {
            var floors = PortfolioConstraints.LongOnly.WithSectors(Sectors).WithSectorMin("Energy", 0.1);
            Assert.That(() => AllocationLimits.From(floors, new[] { "A", "B", "C" }), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'Energy'"));
            var turnover = PortfolioConstraints.LongOnly.WithMaxTurnover(0.2, new Dictionary<string, double>());
            Assert.That(() => AllocationLimits.From(turnover, new[] { "A" }), Throws.InstanceOf<InvalidInputException>().With.Message.Contains("max turnover"));
        }

        [Test]
        public void TradingLimits_AreBuiltWithTheDeclaredMessages_NamingTheCulprit()
        {
            var ex = Assert.Throws<InvalidInputException>(() => new TradingLimits().WithMaxParticipation(1.5, "property X"));
            Assert.That(ex!.Message, Is.EqualTo("property X: " + LimitCatalog.MaxParticipation.Message("1.5")));
            ex = Assert.Throws<InvalidInputException>(() => new TradingLimits().WithMaxDailyNotional(0m, "option --max-daily-notional"));
            Assert.That(ex!.Message, Is.EqualTo("option --max-daily-notional: max daily notional must be > 0 (currency), got 0"));
            // A face holding money as a double: NaN gets the declared message before any conversion.
            ex = Assert.Throws<InvalidInputException>(() => new TradingLimits().WithMaxOrderNotional(double.NaN, "property Max order notional"));
            Assert.That(ex!.Message, Is.EqualTo("property Max order notional: " + LimitCatalog.MaxOrderNotional.Message("NaN")));
            var ok = new TradingLimits().WithMaxOrderQuantity(1, "q").WithMaxPriceAge(System.TimeSpan.Zero, "age").WithMaxDailyNotional(2500.5, "n").WithLiveAccounts(true);
            Assert.That((ok.MaxOrderQuantity, ok.MaxPriceAge, ok.MaxDailyNotional, ok.AllowLiveAccounts, ok.MaxOrderNotional),
                Is.EqualTo(((long?)1, (System.TimeSpan?)System.TimeSpan.Zero, (decimal?)2500.5m, true, (decimal?)null)));
            // Each With... keeps the others: the per-order copy drops only the daily limits.
            var perOrder = ok.WithMaxDailyQuantity(7, "d").PerOrderOnly();
            Assert.That((perOrder.MaxOrderQuantity, perOrder.MaxDailyQuantity, perOrder.MaxDailyNotional, perOrder.AllowLiveAccounts),
                Is.EqualTo(((long?)1, (long?)null, (decimal?)null, true)));
        }
    }
}
