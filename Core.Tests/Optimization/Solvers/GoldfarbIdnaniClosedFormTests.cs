using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Problems whose solution is worked out by hand (derivation in each test).</summary>
    public class GoldfarbIdnaniClosedFormTests
    {
        private readonly GoldfarbIdnaniSolver solver = new GoldfarbIdnaniSolver();

        [Test]
        public void EqualityOnly_DiagonalP_MatchesHandSolvedKktSystem()
        {
            // min 1/2 (x1^2 + 2 x2^2 + 4 x3^2) s.t. x1 + x2 + x3 = 1.
            // KKT: P_ii x_i + y = 0 => x_i = -y / P_ii; sum = -y (1 + 1/2 + 1/4) = 1 => y = -4/7, x = (4/7, 2/7, 1/7).
            var p = new double[,] { { 1, 0, 0 }, { 0, 2, 0 }, { 0, 0, 4 } };
            var problem = new QuadraticProgram(p, new double[3], new[] { new LinearConstraint("budget", new double[] { 1, 1, 1 }, ConstraintSense.Equal, 1) });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.X, Is.EqualTo(new[] { 4.0 / 7, 2.0 / 7, 1.0 / 7 }).Within(1e-14));
            Assert.That(result.ConstraintMultipliers[0], Is.EqualTo(-4.0 / 7).Within(1e-14));
            Assert.That(result.Objective, Is.EqualTo(0.5 * (16.0 / 49 + 2 * 4.0 / 49 + 4 * 1.0 / 49)).Within(1e-15));
            Assert.That(result.ActiveSet, Is.EqualTo(new[] { 0 }));
            Assert.That(result.RidgeAdded, Is.EqualTo(0));
        }

        [Test]
        public void EqualityOnly_CoupledP_MatchesHandSolvedKktSystem()
        {
            // min 1/2 x'Px + q'x, P = [[2,1],[1,2]], q = (1, 0), s.t. x1 - x2 = 1.
            // x2 = x1 - 1; stationarity: 2x1 + x2 + 1 + y = 0, x1 + 2x2 - y = 0.
            // Adding: 3x1 + 3x2 + 1 = 0 => 6x1 - 2 = 0 => x1 = 1/3, x2 = -2/3, y = x1 + 2x2 = -1.
            var p = new double[,] { { 2, 1 }, { 1, 2 } };
            var problem = new QuadraticProgram(p, new double[] { 1, 0 }, new[] { new LinearConstraint("spread", new double[] { 1, -1 }, ConstraintSense.Equal, 1) });

            var result = solver.Solve(problem);

            Assert.That(result.X, Is.EqualTo(new[] { 1.0 / 3, -2.0 / 3 }).Within(1e-14));
            Assert.That(result.ConstraintMultipliers[0], Is.EqualTo(-1.0).Within(1e-14));
        }

        [Test]
        public void TwoVariables_WithOneActiveUpperBound_MatchesHandSolution()
        {
            // min (x1 - 1)^2 + (x2 - 2)^2 = 1/2 x'(2I)x + (-2, -4)'x + 5, x2 <= 1.
            // Unconstrained (1, 2) violates the bound, so x = (1, 1); stationarity in x2: 2 - 4 + muU = 0 => muU = 2.
            var p = new double[,] { { 2, 0 }, { 0, 2 } };
            var problem = new QuadraticProgram(p, new double[] { -2, -4 }, null, null, new[] { double.PositiveInfinity, 1.0 });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.X, Is.EqualTo(new[] { 1.0, 1.0 }).Within(1e-15));
            Assert.That(result.UpperMultipliers, Is.EqualTo(new[] { 0.0, 2.0 }).Within(1e-14));
            Assert.That(result.LowerMultipliers, Is.EqualTo(new[] { 0.0, 0.0 }));
            Assert.That(result.Objective, Is.EqualTo(-4.0).Within(1e-14));
            Assert.That(result.ActiveSet, Is.EqualTo(new[] { QpActiveSet.UpperBound(problem, 1) }));
        }

        [Test]
        public void TwoVariables_WithGreaterOrEqualRow_HasNonPositiveMultiplier()
        {
            // min 1/2 |x|^2 s.t. x1 + x2 >= 2: x = (1, 1); stationarity x_i + y = 0 => y = -1 (<= 0 for >= rows).
            var problem = new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, new double[2],
                new[] { new LinearConstraint("floor", new double[] { 1, 1 }, ConstraintSense.GreaterOrEqual, 2) });

            var result = solver.Solve(problem);

            Assert.That(result.X, Is.EqualTo(new[] { 1.0, 1.0 }).Within(1e-14));
            Assert.That(result.ConstraintMultipliers[0], Is.EqualTo(-1.0).Within(1e-14));
        }

        [Test]
        public void TwoVariables_WithLessOrEqualRow_HasNonNegativeMultiplier()
        {
            // min 1/2 |x - (2, 2)|^2 s.t. x1 + x2 <= 2: x = (1, 1); stationarity x_i - 2 + y = 0 => y = 1.
            var problem = new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, new double[] { -2, -2 },
                new[] { new LinearConstraint("cap", new double[] { 1, 1 }, ConstraintSense.LessOrEqual, 2) });

            var result = solver.Solve(problem);

            Assert.That(result.X, Is.EqualTo(new[] { 1.0, 1.0 }).Within(1e-14));
            Assert.That(result.ConstraintMultipliers[0], Is.EqualTo(1.0).Within(1e-14));
        }

        [TestCase(3.0, true, 2.0)]
        [TestCase(-3.0, false, 4.0)]
        public void FixedVariable_IsHeldAtItsValue_WithMultiplierOnTheBindingSide(double value, bool lowerBinds, double multiplier)
        {
            // min 1/2 |x|^2 - x1 - x2 with x2 fixed at v: x = (1, v); the gradient in x2 is v - 1.
            // v = 3: 2 - muL = 0 => muL = 2 (held up). v = -3: -4 + muU = 0 => muU = 4 (held down).
            var problem = new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, new double[] { -1, -1 }, null,
                new[] { double.NegativeInfinity, value }, new[] { double.PositiveInfinity, value });

            var result = solver.Solve(problem);

            Assert.That(result.X, Is.EqualTo(new[] { 1.0, value }).Within(1e-14));
            Assert.That(lowerBinds ? result.LowerMultipliers[1] : result.UpperMultipliers[1], Is.EqualTo(multiplier).Within(1e-14));
            Assert.That(lowerBinds ? result.UpperMultipliers[1] : result.LowerMultipliers[1], Is.EqualTo(0.0));
            int index = lowerBinds ? QpActiveSet.LowerBound(problem, 1) : QpActiveSet.UpperBound(problem, 1);
            Assert.That(result.ActiveSet, Is.EqualTo(new[] { index }));
        }

        [Test]
        public void RedundantEquality_IsLeftInactive_AndReported()
        {
            // The second row is twice the first: min 1/2 |x|^2 s.t. x1 + x2 = 1 => x = (1/2, 1/2).
            var problem = new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, new double[2], new[]
            {
                new LinearConstraint("budget", new double[] { 1, 1 }, ConstraintSense.Equal, 1),
                new LinearConstraint("budget twice", new double[] { 2, 2 }, ConstraintSense.Equal, 2),
            });

            var result = solver.Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal));
            Assert.That(result.X, Is.EqualTo(new[] { 0.5, 0.5 }).Within(1e-14));
            Assert.That(result.Message, Does.Contain("redundant"));
            Assert.That(QpKkt.Check(problem, result).Max, Is.LessThan(1e-14));
        }
    }
}
