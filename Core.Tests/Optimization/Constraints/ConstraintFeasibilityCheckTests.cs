using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Limits;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Constraints
{
    public sealed class ConstraintFeasibilityCheckTests
    {
        private static readonly string[] Five = { "A", "B", "C", "D", "E" };
        private static readonly Dictionary<string, string> Sectors = new Dictionary<string, string>
        {
            ["A"] = "Energy", ["B"] = "Energy", ["C"] = "Tech", ["D"] = "Tech", ["E"] = "Banks",
        };

        private static InfeasibleException Infeasible(PortfolioConstraints c, string[]? assets = null)
            => Assert.Throws<InfeasibleException>(() => ConstraintFeasibilityCheck.Check(assets ?? Five, c))!;

        [Test]
        public void Check_MaxWeightTooSmallForBudget_ExplainsArithmetic()
        {
            var ex = Infeasible(PortfolioConstraints.LongOnly.WithWeightRange(0, 0.1));
            Assert.That(ex.Conflicts, Is.EqualTo(new[] { "max weight 0.1 x 5 assets = 0.5 < 1 (budget)" }));
            Assert.That(ex.Message, Does.Contain("max weight 0.1 x 5 assets = 0.5 < 1 (budget)"));
        }

        [Test]
        public void Check_MinWeightTooLargeForBudget_ExplainsArithmetic()
            => Assert.That(Infeasible(PortfolioConstraints.LongOnly.WithWeightRange(0.25, 1)).Conflicts,
                Has.Member("min weight 0.25 x 5 assets = 1.25 > 1 (budget)"));

        [Test]
        public void Check_MinAboveMax_NamesAsset()
        {
            var c = PortfolioConstraints.LongOnly.WithAssetRange("C", 0.4, 0.3);
            Assert.That(Infeasible(c).Conflicts, Has.Member("min weight C 0.4 > max weight C 0.3"));
        }

        [Test]
        public void Check_GlobalMinAboveMax_NamesEveryAsset()
            => Assert.That(Infeasible(PortfolioConstraints.LongOnly.WithWeightRange(0.3, 0.2)).Conflicts.Count(s => s.StartsWith("min weight ")),
                Is.GreaterThanOrEqualTo(5));

        [Test]
        public void Check_SectorFloorsAboveBudget_Explains()
        {
            var c = PortfolioConstraints.LongOnly.WithSectors(Sectors).WithSectorMin("Energy", 0.6).WithSectorMin("Tech", 0.5);
            Assert.That(Infeasible(c).Conflicts, Has.Member("sector floors sum to 1.1 > 1 (budget)"));
        }

        [Test]
        public void Check_SectorFloorAboveItsCap_Explains()
        {
            var c = PortfolioConstraints.LongOnly.WithSectors(Sectors).WithSectorMin("Tech", 0.5).WithSectorMax("Tech", 0.4);
            Assert.That(Infeasible(c).Conflicts, Has.Member("sector Tech min 0.5 > sector Tech max 0.4"));
        }

        [Test]
        public void Check_SectorFloorAboveMembersMaxWeights_Explains()
        {
            var c = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.3).WithSectors(Sectors).WithSectorMin("Banks", 0.35);
            Assert.That(Infeasible(c).Conflicts, Has.Member("sector Banks min 0.35 > 0.3, the sum of its assets' max weights"));
        }

        [Test]
        public void Check_SectorCapsTooTightForBudget_Explains()
        {
            var c = PortfolioConstraints.LongOnly.WithSectors(Sectors).WithSectorMax("Energy", 0.3).WithSectorMax("Tech", 0.3).WithSectorMax("Banks", 0.3);
            Assert.That(Infeasible(c).Conflicts, Has.Member("sector caps and max weights allow at most 0.9 < 1 (budget)"));
        }

        [Test]
        public void Check_BudgetAboveLeverage_Explains()
            => Assert.That(Infeasible(PortfolioConstraints.LongOnly.WithMaxLeverage(0.8)).Conflicts,
                Has.Member("budget 1 > max leverage 0.8 (|sum of weights| <= sum of |weights|)"));

        [Test]
        public void Check_TurnoverTooSmallToReachLimits_Explains()
        {
            var w0 = new Dictionary<string, double> { ["A"] = 0.6, ["B"] = 0.4 };
            var c = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.3).WithMaxTurnover(0.2, w0);
            Assert.That(Infeasible(c).Conflicts, Has.Member("moving the current weights inside the weight limits needs turnover 0.4 > 0.2 (max turnover)"));
        }

        [Test]
        public void Check_TurnoverTooSmallToReachBudget_Explains()
        {
            var w0 = new Dictionary<string, double> { ["A"] = 0.2, ["B"] = 0.2, ["C"] = 0.2 };
            var c = PortfolioConstraints.LongOnly.WithMaxTurnover(0.2, w0);
            Assert.That(Infeasible(c).Conflicts, Has.Member("current weights sum to 0.6: reaching the budget 1 needs turnover 0.4 > 0.2 (max turnover)"));
        }

        [Test]
        public void Check_SeveralConflicts_AllListed()
        {
            var c = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.1).WithAssetRange("A", 0.2, 0.1);
            Assert.That(Infeasible(c).Conflicts.Count, Is.EqualTo(2));
        }

        [Test]
        public void Check_UnknownAssetInOverride_IsBadInputNamingIt()
        {
            var ex = Assert.Throws<InvalidInputException>(() => ConstraintFeasibilityCheck.Check(Five, PortfolioConstraints.LongOnly.WithAssetRange("SPX", 0, 0.5)));
            Assert.That(ex!.Message, Does.Contain("'SPX'"));
        }

        [Test]
        public void Check_UnknownSectorLimit_IsBadInputNamingIt()
        {
            var c = PortfolioConstraints.LongOnly.WithSectors(Sectors).WithSectorMax("Utilities", 0.2);
            var ex = Assert.Throws<InvalidInputException>(() => ConstraintFeasibilityCheck.Check(Five, c));
            Assert.That(ex!.Message, Does.Contain("'Utilities'").And.Contain("Banks, Energy, Tech"));
        }

        [Test]
        public void Check_SectorLimitWithoutMap_IsBadInput()
            => Assert.That(() => ConstraintFeasibilityCheck.Check(Five, PortfolioConstraints.LongOnly.WithSectorMax("Energy", 0.2)),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("no sector map"));

        [Test]
        public void Check_SectorMapWithUnknownAsset_IsBadInput()
        {
            var map = new Dictionary<string, string>(Sectors) { ["ZZZ"] = "Tech" };
            Assert.That(() => ConstraintFeasibilityCheck.Check(Five, PortfolioConstraints.LongOnly.WithSectors(map)),
                Throws.InstanceOf<InvalidInputException>().With.Message.Contains("'ZZZ'"));
        }

        [Test]
        public void Check_NoAssets_IsBadInput()
            => Assert.That(() => ConstraintFeasibilityCheck.Check(new string[0], PortfolioConstraints.LongOnly), Throws.InstanceOf<InvalidInputException>());

        [Test]
        public void Check_FeasibleLimits_Pass()
        {
            var c = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.3).WithSectors(Sectors).WithSectorMax("Energy", 0.5).WithSectorMin("Banks", 0.1);
            Assert.That(() => ConstraintFeasibilityCheck.Check(Five, c), Throws.Nothing);
            Assert.That(ConstraintFeasibilityCheck.Conflicts(Five, c), Is.Empty);
        }

        [Test]
        public void Constraints_CarryValuesAsGiven_AndTheirDeclarationsRejectTheBadOnes()
        {
            // The copies no longer check single values (that is the boundary's one check against LimitCatalog) ...
            Assert.That(PortfolioConstraints.LongOnly.WithWeightRange(double.NaN, 1).MinWeight, Is.NaN);
            Assert.That(PortfolioConstraints.LongOnly.WithMaxLeverage(0).MaxLeverage, Is.EqualTo(0));
            Assert.That(PortfolioConstraints.LongOnly.WithSectorMax("X", double.PositiveInfinity).SectorMax["X"], Is.EqualTo(double.PositiveInfinity));
            Assert.That(PortfolioConstraints.LongOnly.WithMaxTurnover(-0.1, new Dictionary<string, double>()).MaxTurnover, Is.EqualTo(-0.1));
            // ... and the declarations every face checks with reject exactly these values.
            Assert.That(LimitCatalog.MinWeight.Problem(double.NaN), Is.EqualTo("min weight must be a finite number (fraction of portfolio value), got NaN"));
            Assert.That(LimitCatalog.MaxLeverage.Problem(0), Is.EqualTo("max leverage must be > 0 (sum of |weights|), got 0"));
            Assert.That(LimitCatalog.SectorMax.Problem(double.PositiveInfinity), Does.StartWith("sector cap must be a finite number"));
            Assert.That(LimitCatalog.MaxTurnover.Problem(-0.1), Is.EqualTo("max turnover must be >= 0 (sum of |weight changes|), got -0.1"));
        }

        [Test]
        public void Constraints_With_LeavesOriginalUnchanged()
        {
            var a = PortfolioConstraints.LongOnly;
            var b = a.WithWeightRange(-0.2, 0.5).WithBudget(null);
            Assert.That(a.MinWeight, Is.EqualTo(0));
            Assert.That(a.Budget, Is.EqualTo(1.0));
            Assert.That(b.MinWeight, Is.EqualTo(-0.2));
            Assert.That(b.Budget, Is.Null);
            Assert.That(b.AllowsShorts, Is.True);
        }
    }
}
