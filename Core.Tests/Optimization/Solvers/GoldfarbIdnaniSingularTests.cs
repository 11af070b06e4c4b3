using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Semidefinite P gets the documented ridge, reported in the result.</summary>
    public class GoldfarbIdnaniSingularTests
    {
        private readonly GoldfarbIdnaniSolver solver = new GoldfarbIdnaniSolver();

        [Test]
        public void CollinearAssets_GetRidge_AndSplitTheMergedWeightEvenly()
        {
            // Assets 0 and 1 are the same series: P = [[s, s, c], [s, s, c], [c, c, t]] is singular.
            // Merging them gives the 2-asset min-variance weight w = (t - c) / (s + t - 2c) for the pair
            // (the least-norm minimiser splits it evenly); here s = 0.04, t = 0.09, c = 0.012 => w = 0.078 / 0.106.
            double s = 0.04, t = 0.09, c = 0.012;
            var p = new double[,] { { s, s, c }, { s, s, c }, { c, c, t } };
            var problem = new QuadraticProgram(p, new double[3],
                new[] { new LinearConstraint("budget", new double[] { 1, 1, 1 }, ConstraintSense.Equal, 1) }, new double[3], null);

            var result = solver.Solve(problem);

            double w = (t - c) / (s + t - 2 * c);
            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.RidgeAdded, Is.EqualTo(1e-10 * (s + s + t) / 3).Within(1e-25));
            Assert.That(result.Message, Does.Contain("ridge"));
            // The pair's total is fixed by P; its split only by the ridge, i.e. to about eps * cond(P + ridge I) ~ 1e-6.
            Assert.That(result.X[0] + result.X[1], Is.EqualTo(w).Within(1e-10));
            Assert.That(result.X[2], Is.EqualTo(1 - w).Within(1e-10));
            Assert.That(result.X[0], Is.EqualTo(w / 2).Within(1e-6));
            Assert.That(result.Objective, Is.EqualTo(0.5 * (s * w * w + 2 * c * w * (1 - w) + t * (1 - w) * (1 - w))).Within(1e-14));
        }

        [Test]
        public void AuxiliaryVariable_WithZeroRow_IsDrivenToItsBound()
        {
            // P = diag(1, 1, 0), q = (0, 0, -1), x1 + x2 = 1, 0 <= x3 <= 2: x = (1/2, 1/2, 2), muU_3 = 1.
            var p = new double[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 0 } };
            var problem = new QuadraticProgram(p, new double[] { 0, 0, -1 },
                new[] { new LinearConstraint("budget", new double[] { 1, 1, 0 }, ConstraintSense.Equal, 1) },
                new double[] { double.NegativeInfinity, double.NegativeInfinity, 0 }, new[] { double.PositiveInfinity, double.PositiveInfinity, 2.0 });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.RidgeAdded, Is.EqualTo(1e-10 * 2.0 / 3).Within(1e-25));
            Assert.That(result.X, Is.EqualTo(new[] { 0.5, 0.5, 2.0 }).Within(1e-9));
            Assert.That(result.UpperMultipliers[2], Is.EqualTo(1.0).Within(1e-8));
        }

        [Test]
        public void ZeroMatrix_UsesAbsoluteRidgeFloor_AndSolvesTheLinearProgram()
        {
            // min -x1 - 2 x2 s.t. x1 + x2 <= 1, 0 <= x <= 1: the vertex (0, 1).
            var problem = new QuadraticProgram(new double[2, 2], new double[] { -1, -2 },
                new[] { new LinearConstraint("cap", new double[] { 1, 1 }, ConstraintSense.LessOrEqual, 1) }, new double[2], new double[] { 1, 1 });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.RidgeAdded, Is.EqualTo(1e-10));
            Assert.That(result.X, Is.EqualTo(new[] { 0.0, 1.0 }).Within(1e-8));
            Assert.That(result.Objective, Is.EqualTo(-2.0).Within(1e-8));
        }

        [Test]
        public void LinearObjective_WithoutBoundInItsDirection_IsReportedUnbounded()
        {
            // min -x1 + 1/2 x2^2 with x1 >= 0 only: x1 can grow forever.
            var problem = new QuadraticProgram(new double[,] { { 0, 0 }, { 0, 1 } }, new double[] { -1, 0 }, null, new double[] { 0, double.NegativeInfinity }, null);

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Unbounded));
            Assert.That(result.Message, Does.Contain("unbounded"));
        }

        [TestCase(0.5, QpStatus.Unbounded)]
        [TestCase(1.0, QpStatus.Optimal)]
        public void ZeroCurvatureDirection_AllowedByAnEquality_IsUnboundedOnlyWhenQDecreasesAlongIt(double q3, QpStatus expected)
        {
            // P = diag(1, 0, 0), x2 = x3 leaves d = (0, 1, 1) free with Pd = 0; q = (0, -1, q3) has q'd = q3 - 1:
            // negative (unbounded) for q3 = 0.5, zero (bounded, optimum -0 along a line: x1 = 0) for q3 = 1.
            var p = new double[,] { { 1, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 } };
            var problem = new QuadraticProgram(p, new[] { 0, -1, q3 }, new[] { new LinearConstraint("tie", new double[] { 0, 1, -1 }, ConstraintSense.Equal, 0) });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(expected), result.Message);
            if (expected == QpStatus.Optimal) Assert.That(result.Objective, Is.EqualTo(0).Within(1e-12));
        }

        [Test]
        public void SingularP_WithLinearTermInItsRange_IsNotCalledUnbounded()
        {
            // P = [[1, 1], [1, 1]], q = (-1, -1): minimisers x1 + x2 = 1 (a line), bounded objective -1/2; least norm (1/2, 1/2).
            var problem = new QuadraticProgram(new double[,] { { 1, 1 }, { 1, 1 } }, new double[] { -1, -1 });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.Objective, Is.EqualTo(-0.5).Within(1e-12));
            Assert.That(result.X, Is.EqualTo(new[] { 0.5, 0.5 }).Within(1e-6));
        }

        [Test]
        public void PositiveDefiniteMatrix_GetsNoRidge()
        {
            var result = solver.Solve(new QuadraticProgram(new double[,] { { 2, 1 }, { 1, 2 } }, new double[] { 1, 1 }));

            Assert.That(result.RidgeAdded, Is.EqualTo(0));
            Assert.That(result.Message, Does.Not.Contain("ridge"));
            Assert.That(result.X, Is.EqualTo(new[] { -1.0 / 3, -1.0 / 3 }).Within(1e-15));
        }
    }
}
