using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Warm starts from a previous active set give the cold answer, and an efficient frontier needs fewer iterations.</summary>
    public class GoldfarbIdnaniWarmStartTests
    {
        private static QuadraticProgram Frontier(QpReference reference, double riskAversion)
        {
            // Mean-variance point: min 1/2 x'Sx - (1/riskAversion) mu'x, with mu taken from the return-floor row.
            var mu = reference.Problem.Constraints.Single(c => c.Name == "return floor").Coefficients;
            var rows = reference.Problem.Constraints.Where(c => c.Name != "return floor").ToList();
            return new QuadraticProgram(reference.Problem.P, mu.Select(m => -m / riskAversion).ToArray(), rows, reference.Problem.Lower, reference.Problem.Upper);
        }

        [Test]
        public void EfficientFrontier_WarmStarted_MatchesColdSolves_WithFewerIterations()
        {
            var reference = QpReferenceSet.Get("gccindex min-variance with return floor");
            var solver = new GoldfarbIdnaniSolver();
            IReadOnlyList<int>? previous = null;
            int cold = 0, warm = 0;
            for (int k = 0; k < 25; k++)
            {
                var problem = Frontier(reference, 1.0 + 40.0 * k);
                var c = solver.Solve(problem);
                var w = solver.Solve(problem, new QpOptions { WarmActiveSet = previous });
                Assert.That(c.Status, Is.EqualTo(QpStatus.Optimal));
                Assert.That(w.Status, Is.EqualTo(QpStatus.Optimal));
                Assert.That(w.X, Is.EqualTo(c.X).Within(1e-12), $"point {k}");
                Assert.That(QpKkt.Check(problem, w).Max, Is.LessThan(1e-12));
                cold += c.Iterations;
                warm += w.Iterations;
                previous = w.ActiveSet;
            }
            Assert.That(warm, Is.LessThan(cold));
        }

        [Test]
        public void WarmStart_FromTheOptimalSet_NeedsOnlyToReEnterIt()
        {
            var problem = RandomQp.Create(42, 40, equalities: 2, inequalities: 12, bounds: true);
            var solver = new GoldfarbIdnaniSolver();
            var cold = solver.Solve(problem);

            var warm = solver.Solve(problem, new QpOptions { WarmActiveSet = cold.ActiveSet });

            Assert.That(warm.X, Is.EqualTo(cold.X).Within(1e-12));
            Assert.That(warm.ActiveSet, Is.EquivalentTo(cold.ActiveSet));
            Assert.That(warm.Iterations, Is.EqualTo(cold.ActiveSet.Count), "one addition per active row, no drops");
            Assert.That(cold.Iterations, Is.GreaterThan(warm.Iterations));
        }

        [TestCase(1)]
        [TestCase(2)]
        [TestCase(3)]
        public void WarmStart_WithAWrongSet_StillFindsTheOptimum(int seed)
        {
            var problem = RandomQp.Create(seed, 30, equalities: 1, inequalities: 10, bounds: true);
            int m = problem.Constraints.Count, n = problem.Size;
            var solver = new GoldfarbIdnaniSolver();
            var cold = solver.Solve(problem);
            // Every row and every upper bound claimed active, plus the lower bound of the same variables.
            var wrong = Enumerable.Range(0, m).Concat(Enumerable.Range(0, n).Select(i => m + n + i)).Concat(Enumerable.Range(0, n).Select(i => m + i)).ToArray();

            var warm = solver.Solve(problem, new QpOptions { WarmActiveSet = wrong });

            Assert.That(warm.Status, Is.EqualTo(QpStatus.Optimal), warm.Message);
            Assert.That(warm.X, Is.EqualTo(cold.X).Within(1e-10));
            Assert.That(QpKkt.Check(problem, warm).Max, Is.LessThan(1e-10));
        }
    }
}
