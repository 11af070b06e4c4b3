using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>Typed constraint identities: built once by the program builder, reported unchanged by the solver.</summary>
    public sealed class ConstraintIdentityTests
    {
        [Test]
        public void TheProgramBuilder_NamesEachWeightBoundOnce_AsTheUsersLimit()
        {
            var layout = PortfolioProgramBuilder.Limits(new[] { "A", "B" }, PortfolioConstraints.LongOnly.WithWeightRange(0, 0.7));
            var qp = PortfolioProgramBuilder.ToProgram(layout, new double[,] { { 1, 0 }, { 0, 1 } }, new double[2]);
            var upper = qp.BoundId(1, ConstraintSide.Upper);
            Assert.That((upper.Kind, upper.Subject, upper.Side, upper.Text), Is.EqualTo((ConstraintKind.Weight, "B", ConstraintSide.Upper, "max weight B")));
            Assert.That(qp.Constraints.Single().Id, Is.SameAs(ConstraintId.Budget));
            // A program without identities keeps the solver's generic names.
            var bare = new QuadraticProgram(new double[,] { { 1 } }, new double[1], null, new[] { 0.0 }, new[] { 1.0 });
            Assert.That(bare.BoundId(0, ConstraintSide.Upper).Text, Is.EqualTo("upper bound of x[0]"));
        }

        [Test]
        public void OneWorstViolation_NamesTheWeightLimit_ForTheSolverAnswerAndForTheFinalWeights()
        {
            var layout = PortfolioProgramBuilder.Limits(new[] { "A", "B" }, PortfolioConstraints.LongOnly.WithWeightRange(0, 0.7));
            var qp = PortfolioProgramBuilder.ToProgram(layout, new double[,] { { 1, 0 }, { 0, 1 } }, new double[2]);
            // w = (0.9, 0.1): budget holds, A is 0.2 over its cap.
            var fromQp = QpOutcome.WorstViolation(qp, new[] { 0.9, 0.1 }, out double a1);
            var fromLayout = layout.WorstViolation(new[] { 0.9, 0.1 }, out double a2);
            Assert.That(fromQp, Is.EqualTo(ConstraintId.Weight("A", ConstraintSide.Upper)));
            Assert.That(fromLayout, Is.EqualTo(fromQp));
            Assert.That(a1, Is.EqualTo(0.2).Within(1e-15));
            Assert.That(a2, Is.EqualTo(a1));
        }

        [Test]
        public void ARealSolverConflict_CarriesTypedIdentities_WhoseTextsAreTheMessageNames()
        {
            // Min weight 0.5 of DAX against turnover 0.6 from a book without DAX: |0.5 - 0| + the others' moves > 0.6.
            var eu = OptimizationSamples.FromSample("eustockmarkets-prices.csv");
            var w0 = new Dictionary<string, double> { ["SMI"] = 0.4, ["CAC"] = 0.3, ["FTSE"] = 0.3 };
            var c = PortfolioConstraints.LongOnly.WithAssetRange("DAX", 0.5, 1).WithMaxTurnover(0.6, w0);
            var ex = Assert.Throws<InfeasibleException>(() => new MinimumVarianceOptimizer(new GoldfarbIdnaniSolver()).Optimize(OptimizationSamples.Problem(eu, c)));
            Assert.That(ex!.ConflictIds.Select(i => i.Text), Is.EqualTo(ex.Conflicts));
            Assert.That(ex.ConflictIds, Does.Contain(ConstraintId.Weight("DAX", ConstraintSide.Lower)).Or.Contain(ConstraintId.Turnover), string.Join("; ", ex.Conflicts));
            Assert.That(ex.Conflicts.Any(n => n.StartsWith("lower bound of DAX") || n.StartsWith("upper bound of DAX")), Is.False);
        }
    }
}
