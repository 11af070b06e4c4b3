using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Tiny random problems checked against exhaustive active-set enumeration (<see cref="BruteForceQp"/>).</summary>
    public class GoldfarbIdnaniBruteForceTests
    {
        private static readonly int[] Seeds = Enumerable.Range(1, 60).ToArray();

        [TestCaseSource(nameof(Seeds))]
        public void TinyProblem_MatchesActiveSetEnumeration(int seed)
        {
            int n = 2 + seed % 3;
            var problem = RandomQp.Create(seed, n, equalities: seed % 2, inequalities: 1 + seed % 4, bounds: seed % 5 != 0);
            var expected = BruteForceQp.Solve(problem);
            Assert.That(expected, Is.Not.Null, "generator builds feasible problems");

            var result = new GoldfarbIdnaniSolver().Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(result.X, Is.EqualTo(expected).Within(1e-9));
        }

        [Test]
        public void TinyProblem_WithOppositeRows_MatchesEnumeration()
        {
            // A degenerate case: a row and its mirror (x1 + x2 <= 1 and x1 + x2 >= 1) plus bounds on both variables.
            var problem = new QuadraticProgram(new double[,] { { 2, 0.5 }, { 0.5, 1 } }, new double[] { -3, 1 }, new[]
            {
                new LinearConstraint("cap", new double[] { 1, 1 }, ConstraintSense.LessOrEqual, 1),
                new LinearConstraint("floor", new double[] { 1, 1 }, ConstraintSense.GreaterOrEqual, 1),
            }, new double[] { 0, 0 }, new double[] { 0.8, 0.8 });

            var result = new GoldfarbIdnaniSolver().Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(result.X, Is.EqualTo(BruteForceQp.Solve(problem)).Within(1e-12));
        }
    }
}
