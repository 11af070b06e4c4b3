using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Seeded random problems of mixed size and constraint senses: the KKT conditions hold at the answer.</summary>
    public class GoldfarbIdnaniPropertyTests
    {
        private static readonly int[] Seeds = Enumerable.Range(100, 40).ToArray();

        [TestCaseSource(nameof(Seeds))]
        public void RandomProblem_SatisfiesKktAndConstraints(int seed)
        {
            int n = 5 + (seed * 7) % 56;
            var problem = RandomQp.Create(seed, n, equalities: seed % 4, inequalities: (seed * 3) % 15, bounds: seed % 3 != 0);

            var result = new GoldfarbIdnaniSolver().Solve(problem);
            var kkt = QpKkt.Check(problem, result);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(kkt.MaxPrimalInfeasibility, Is.LessThan(1e-8), kkt.ToString());
            Assert.That(kkt.StationarityResidual, Is.LessThan(1e-8), kkt.ToString());
            Assert.That(kkt.MaxDualSignViolation, Is.LessThan(1e-8), kkt.ToString());
            Assert.That(kkt.MaxComplementarity, Is.LessThan(1e-8), kkt.ToString());
        }

        [TestCaseSource(nameof(Seeds))]
        public void RandomProblem_ActiveSetEncodingNamesOnlyBindingRows(int seed)
        {
            int n = 5 + (seed * 7) % 56;
            var problem = RandomQp.Create(seed, n, equalities: seed % 4, inequalities: (seed * 3) % 15, bounds: true);

            var result = new GoldfarbIdnaniSolver().Solve(problem);

            int m = problem.Constraints.Count;
            foreach (int k in result.ActiveSet)
            {
                double residual;
                if (k < m) residual = problem.Constraints[k].Coefficients.Select((a, i) => a * result.X[i]).Sum() - problem.Constraints[k].Bound;
                else if (k < m + n) residual = result.X[k - m] - problem.Lower[k - m];
                else residual = result.X[k - m - n] - problem.Upper[k - m - n];
                Assert.That(residual, Is.EqualTo(0).Within(1e-9), QpActiveSet.Describe(problem, k));
            }
        }
    }
}
