using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Constraints
{
    public sealed class PortfolioProgramBuilderTests
    {
        private static readonly string[] Assets = { "DAX", "SMI", "CAC" };
        private static readonly Dictionary<string, string> Sectors = new Dictionary<string, string> { ["DAX"] = "Core", ["CAC"] = "Core", ["SMI"] = "Swiss" };

        [Test]
        public void Limits_LongOnly_HasBudgetRowAndBoundsOnly()
        {
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly.WithWeightRange(0.1, 0.6));
            Assert.That(layout.VariableCount, Is.EqualTo(3));
            Assert.That(layout.Rows.Select(r => r.Name), Is.EqualTo(new[] { "budget" }));
            Assert.That(layout.Lower, Is.EqualTo(new[] { 0.1, 0.1, 0.1 }));
            Assert.That(layout.Upper, Is.EqualTo(new[] { 0.6, 0.6, 0.6 }));
        }

        [Test]
        public void Limits_SectorsAndOverrides_AreNamedRows()
        {
            var c = PortfolioConstraints.LongOnly.WithSectors(Sectors).WithSectorMax("Core", 0.7).WithSectorMin("Swiss", 0.2).WithAssetRange("SMI", 0.05, 0.5);
            var layout = PortfolioProgramBuilder.Limits(Assets, c);
            Assert.That(layout.Rows.Select(r => r.Name), Is.EqualTo(new[] { "budget", "sector Core max", "sector Swiss min" }));
            var core = layout.Rows[1];
            Assert.That(core.Coefficients, Is.EqualTo(new[] { 1.0, 0.0, 1.0 }));
            Assert.That(core.Sense, Is.EqualTo(ConstraintSense.LessOrEqual));
            Assert.That(core.Bound, Is.EqualTo(0.7));
            Assert.That(layout.Lower[1], Is.EqualTo(0.05));
            Assert.That(layout.Upper[1], Is.EqualTo(0.5));
        }

        [Test]
        public void Limits_ShortsWithLeverageCap_AddAbsoluteValueAuxiliaries()
        {
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly.WithWeightRange(-0.5, 1).WithMaxLeverage(1.5));
            Assert.That(layout.VariableCount, Is.EqualTo(6));
            Assert.That(layout.AbsOffset, Is.EqualTo(3));
            var names = layout.Rows.Select(r => r.Name).ToList();
            Assert.That(names, Does.Contain("|w DAX| >= w DAX").And.Contain("|w DAX| >= -w DAX").And.Contain("max leverage"));
            var lev = layout.Rows.Single(r => r.Name == "max leverage");
            Assert.That(lev.Coefficients, Is.EqualTo(new[] { 0.0, 0, 0, 1, 1, 1 }));
            Assert.That(layout.Lower.Skip(3), Is.All.EqualTo(0.0));
        }

        [Test]
        public void Limits_LongOnlyWithBudgetBelowLeverage_LeavesImpliedLeverageRowOut()
        {
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly.WithMaxLeverage(1.0));
            Assert.That(layout.Rows.Select(r => r.Name), Does.Not.Contain("max leverage"));
            var kelly = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly.WithBudget(null).WithMaxLeverage(1.0));
            Assert.That(kelly.Rows.Select(r => r.Name), Is.EqualTo(new[] { "max leverage" }));
        }

        [Test]
        public void Limits_Turnover_AddsAuxiliariesAgainstCurrentWeights()
        {
            var w0 = new Dictionary<string, double> { ["DAX"] = 0.5, ["SMI"] = 0.5 };
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly.WithMaxTurnover(0.3, w0));
            Assert.That(layout.TurnoverOffset, Is.EqualTo(3));
            var down = layout.Rows.Single(r => r.Name == "turnover DAX down");
            Assert.That(down.Bound, Is.EqualTo(0.5));
            Assert.That(layout.Rows.Single(r => r.Name == "max turnover").Bound, Is.EqualTo(0.3));
            // A portfolio 0.35 / 0.5 / 0.15 trades 0.15 + 0 + 0.15 = 0.3: exactly at the cap, no violation.
            layout.WorstViolation(new[] { 0.35, 0.5, 0.15 }, out double v);
            Assert.That(v, Is.LessThanOrEqualTo(1e-15));
            layout.WorstViolation(new[] { 0.2, 0.5, 0.3 }, out double v2);
            Assert.That(v2, Is.EqualTo(0.3).Within(1e-15));
        }

        [Test]
        public void ToProgram_PadsObjectiveAndExtraRowsForAuxiliaries()
        {
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly.WithWeightRange(-0.5, 1).WithMaxLeverage(1.5));
            var cov = new[,] { { 4.0, 1, 0 }, { 1, 2, 0 }, { 0, 0, 1 } };
            var extra = new LinearConstraint("target return", new[] { 0.1, 0.2, 0.3 }, ConstraintSense.GreaterOrEqual, 0.15);
            var qp = PortfolioProgramBuilder.ToProgram(layout, cov, new[] { -1.0, 0, 0 }, new[] { extra });
            Assert.That(qp.Size, Is.EqualTo(6));
            Assert.That(qp.P[0, 0], Is.EqualTo(1.0));           // scaled by 1/4
            Assert.That(qp.P[0, 1], Is.EqualTo(0.25));
            Assert.That(qp.Q[0], Is.EqualTo(-0.25));
            Assert.That(qp.P[4, 4], Is.EqualTo(0.0));
            Assert.That(qp.Constraints.Last().Coefficients, Is.EqualTo(new[] { 0.1, 0.2, 0.3, 0, 0, 0 }));
            Assert.That(qp.VariableNames![0], Is.EqualTo("DAX"));
        }

        [Test]
        public void CharnesCooper_HomogenisesBoundsAndSectorRows()
        {
            var c = PortfolioConstraints.LongOnly.WithWeightRange(0, 0.6).WithSectors(Sectors).WithSectorMax("Core", 0.7);
            var layout = PortfolioProgramBuilder.Limits(Assets, c);
            var cov = new[,] { { 4.0, 1, 0 }, { 1, 2, 0 }, { 0, 0, 1 } };
            var qp = CharnesCooperProgram.Build(layout, cov, new[] { 0.3, 0.2, 0.1 }, 0.05);
            var names = qp.Constraints.Select(r => r.Name).ToList();
            Assert.That(names, Does.Not.Contain("budget"));
            // sector row 1'y_core <= 0.7 k with k = 1'y:  (1 - 0.7, -0.7, 1 - 0.7) y <= 0.
            var sector = qp.Constraints.Single(r => r.Name == "sector Core max");
            Assert.That(sector.Coefficients[0], Is.EqualTo(0.3).Within(1e-15));
            Assert.That(sector.Coefficients[1], Is.EqualTo(-0.7).Within(1e-15));
            Assert.That(sector.Bound, Is.EqualTo(0.0));
            // max weight 0.6 -> y_i - 0.6 k <= 0; lower bound 0 stays a bound.
            var cap = qp.Constraints.Single(r => r.Name == "max weight SMI");
            Assert.That(cap.Coefficients, Is.EqualTo(new[] { -0.6, 0.4, -0.6 }).Within(1e-15));
            Assert.That(qp.Lower, Is.All.EqualTo(0.0));
            Assert.That(qp.Upper, Is.All.EqualTo(double.PositiveInfinity));
            var excess = qp.Constraints.Single(r => r.Name == CharnesCooperProgram.ExcessReturnRow);
            Assert.That(excess.Coefficients, Is.EqualTo(new[] { 0.25, 0.15, 0.05 }).Within(1e-15));
            Assert.That(excess.Bound, Is.EqualTo(0.25).Within(1e-15));
            Assert.That(CharnesCooperProgram.Recover(layout, new[] { 2.0, 1.0, 1.0 }), Is.EqualTo(new[] { 0.5, 0.25, 0.25 }));
        }

        [Test]
        public void CharnesCooper_LongOnlyCapAtBudget_AddsNoImpliedRows()
        {
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly);
            var qp = CharnesCooperProgram.Build(layout, new[,] { { 1.0, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, new[] { 0.3, 0.2, 0.1 }, 0);
            Assert.That(qp.Constraints.Select(r => r.Name), Is.EqualTo(new[] { CharnesCooperProgram.ExcessReturnRow, "scale k >= 0" }));
        }

        [Test]
        public void CharnesCooper_WithoutBudget_IsBadInput()
        {
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly.WithBudget(null));
            Assert.That(() => CharnesCooperProgram.Build(layout, new[,] { { 1.0, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, new[] { 0.1, 0.1, 0.1 }, 0),
                Throws.InstanceOf<InvalidInputException>());
        }

        [Test]
        public void CharnesCooper_AllReturnsEqualRiskFree_IsInfeasible()
        {
            var layout = PortfolioProgramBuilder.Limits(Assets, PortfolioConstraints.LongOnly);
            Assert.That(() => CharnesCooperProgram.Build(layout, new[,] { { 1.0, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, new[] { 0.1, 0.1, 0.1 }, 0.1),
                Throws.InstanceOf<InfeasibleException>());
        }
    }
}
