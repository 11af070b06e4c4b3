using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Infeasible problems end with status Infeasible (no exception) and name the conflicting rows.</summary>
    public class GoldfarbIdnaniInfeasibilityTests
    {
        private readonly GoldfarbIdnaniSolver solver = new GoldfarbIdnaniSolver();

        private static double[,] Identity(int n)
        {
            var p = new double[n, n];
            for (int i = 0; i < n; i++) p[i, i] = 1;
            return p;
        }

        private static double[] Fill(int n, double v)
        {
            var a = new double[n];
            for (int i = 0; i < n; i++) a[i] = v;
            return a;
        }

        [Test]
        public void Budget_WithAllUpperBoundsTooSmall_NamesBudgetAndEveryUpperBound()
        {
            // sum x = 1 but x_i <= 0.1 on 5 assets: the sum can reach only 0.5.
            var problem = new QuadraticProgram(Identity(5), new double[] { 0.1, -0.2, 0.3, 0, 0.05 },
                new[] { new LinearConstraint("budget", Fill(5, 1), ConstraintSense.Equal, 1) }, Fill(5, 0), Fill(5, 0.1))
            { VariableNames = new[] { "ES", "NQ", "YM", "RTY", "CL" } };

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible));
            Assert.That(result.Conflicts, Is.EquivalentTo(new[]
            {
                "budget", "upper bound of ES", "upper bound of NQ", "upper bound of YM", "upper bound of RTY", "upper bound of CL",
            }));
            Assert.That(result.Message, Does.Contain("infeasible").And.Contain("budget"));
        }

        [Test]
        public void Budget_WithAllUpperBoundsTooSmall_IsDetectedAlsoWhenPIsSingular()
        {
            // Rank-one P (every asset the same series): the ridge makes the metric badly conditioned, the certificate still holds.
            var p = new double[5, 5];
            for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) p[i, j] = 0.04;
            var problem = new QuadraticProgram(p, new double[] { 0.001, -0.002, 0.003, 0, 0.0005 },
                new[] { new LinearConstraint("budget", Fill(5, 1), ConstraintSense.Equal, 1) }, Fill(5, 0), Fill(5, 0.1));

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible));
            Assert.That(result.RidgeAdded, Is.GreaterThan(0));
            Assert.That(result.Conflicts, Is.EquivalentTo(new[]
            {
                "budget", "upper bound of x[0]", "upper bound of x[1]", "upper bound of x[2]", "upper bound of x[3]", "upper bound of x[4]",
            }));
        }

        [Test]
        public void OppositeRows_ThatCannotMeet_AreBothNamed_AndUnrelatedRowsAreNot()
        {
            var problem = new QuadraticProgram(Identity(3), new double[3], new[]
            {
                new LinearConstraint("unrelated", new double[] { 0, 0, 1 }, ConstraintSense.LessOrEqual, 5),
                new LinearConstraint("floor", new double[] { 1, 1, 0 }, ConstraintSense.GreaterOrEqual, 3),
                new LinearConstraint("cap", new double[] { 1, 1, 0 }, ConstraintSense.LessOrEqual, 1),
            }, Fill(3, -10), Fill(3, 10));

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible));
            Assert.That(result.Conflicts, Is.EquivalentTo(new[] { "floor", "cap" }));
        }

        [Test]
        public void InconsistentEqualities_AreBothNamed()
        {
            var problem = new QuadraticProgram(Identity(2), new double[2], new[]
            {
                new LinearConstraint("budget", new double[] { 1, 1 }, ConstraintSense.Equal, 1),
                new LinearConstraint("leveraged budget", new double[] { 2, 2 }, ConstraintSense.Equal, 3),
            });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible));
            Assert.That(result.Conflicts, Is.EquivalentTo(new[] { "budget", "leveraged budget" }));
        }

        [Test]
        public void SectorCap_BelowTheSumOfItsMinimumWeights_NamesCapAndThoseLowerBounds()
        {
            // Sector {A, B} capped at 0.3 while A >= 0.2 and B >= 0.2; C is outside the sector.
            var problem = new QuadraticProgram(Identity(3), new double[] { -1, -1, -1 }, new[]
            {
                new LinearConstraint("budget", new double[] { 1, 1, 1 }, ConstraintSense.Equal, 1),
                new LinearConstraint("sector Tech max", new double[] { 1, 1, 0 }, ConstraintSense.LessOrEqual, 0.3),
            }, new[] { 0.2, 0.2, 0.0 }, Fill(3, 1))
            { VariableNames = new[] { "A", "B", "C" } };

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible));
            Assert.That(result.Conflicts, Is.EquivalentTo(new[] { "sector Tech max", "lower bound of A", "lower bound of B" }));
        }

        [Test]
        public void ZeroRow_WithPositiveRightHandSide_IsNamedAlone()
        {
            var problem = new QuadraticProgram(Identity(2), new double[2],
                new[] { new LinearConstraint("impossible", new double[2], ConstraintSense.GreaterOrEqual, 1) });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible));
            Assert.That(result.Conflicts, Is.EqualTo(new[] { "impossible" }));
        }

        [Test]
        public void UnnamedVariables_AreNamedByIndex()
        {
            // x0 >= 0.5 (bound) and x0 <= 0.2 (row).
            var problem = new QuadraticProgram(Identity(2), new double[2],
                new[] { new LinearConstraint("cap", new double[] { 1, 0 }, ConstraintSense.LessOrEqual, 0.2) }, new[] { 0.5, 0 }, null);

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible));
            Assert.That(result.Conflicts, Is.EquivalentTo(new[] { "cap", "lower bound of x[0]" }));
        }

        [Test]
        public void FeasibleProblem_HasNoConflicts()
        {
            var problem = new QuadraticProgram(Identity(5), new double[5],
                new[] { new LinearConstraint("budget", Fill(5, 1), ConstraintSense.Equal, 1) }, Fill(5, 0), Fill(5, 0.2));

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.Conflicts, Is.Empty);
            Assert.That(result.X, Is.EqualTo(Fill(5, 0.2)).Within(1e-15));
        }
    }
}
