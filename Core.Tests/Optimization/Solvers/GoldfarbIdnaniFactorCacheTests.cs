using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>A solver instance reuses the factorisation of an unchanged P, and never a stale one.</summary>
    public class GoldfarbIdnaniFactorCacheTests
    {
        [Test]
        public void SameSolver_SolvingTwice_GivesIdenticalAnswers()
        {
            var problem = RandomQp.Create(11, 30, equalities: 1, inequalities: 8, bounds: true);
            var solver = new GoldfarbIdnaniSolver();

            var first = solver.Solve(problem);
            var second = solver.Solve(problem);

            Assert.That(second.X, Is.EqualTo(first.X));
            Assert.That(second.ConstraintMultipliers, Is.EqualTo(first.ConstraintMultipliers));
        }

        [Test]
        public void MatrixChangedInPlace_IsFactoredAgain()
        {
            var problem = RandomQp.Create(12, 20, equalities: 1, inequalities: 6, bounds: true);
            var solver = new GoldfarbIdnaniSolver();
            solver.Solve(problem);
            var p = problem.P;
            for (int i = 0; i < problem.Size; i++) p[i, i] += 0.5; // same array, new values

            var reused = solver.Solve(new QuadraticProgram(p, problem.Q, problem.Constraints, problem.Lower, problem.Upper));
            var fresh = new GoldfarbIdnaniSolver().Solve(new QuadraticProgram(p, problem.Q, problem.Constraints, problem.Lower, problem.Upper));

            Assert.That(reused.X, Is.EqualTo(fresh.X));
        }

        [Test]
        public void DifferentRidgeSetting_IsFactoredAgain()
        {
            var p = new double[,] { { 1, 1 }, { 1, 1 } };
            var problem = new QuadraticProgram(p, new double[] { -1, -1 });
            var solver = new GoldfarbIdnaniSolver();

            var small = solver.Solve(problem);
            var large = solver.Solve(problem, new QpOptions { RelativeRidge = 1e-6 });

            Assert.That(small.RidgeAdded, Is.EqualTo(1e-10));
            Assert.That(large.RidgeAdded, Is.EqualTo(1e-6));
        }
    }
}
