using System;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>
    /// Large factor updates are split between two threads; every row's arithmetic is the same, so the solution must equal
    /// the one-thread solve bit for bit (seeded capped min-variance problems, N = 300), and satisfy the KKT conditions.
    /// </summary>
    [NonParallelizable]
    public class GoldfarbIdnaniParallelTests
    {
        // min 1/2 x'Px, P = B B' / k + diag(d) (factor model), sum x = 1, 0 <= x <= cap, a few group caps.
        private static QuadraticProgram CappedProblem(int seed, int n)
        {
            var rng = new Random(seed);
            int k = 4;
            var b = new double[n, k];
            for (int i = 0; i < n; i++) for (int f = 0; f < k; f++) b[i, f] = rng.NextDouble() - 0.3;
            var p = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int f = 0; f < k; f++) s += b[i, f] * b[j, f];
                    s /= k;
                    if (i == j) s += 0.05 + 0.2 * rng.NextDouble();
                    p[i, j] = p[j, i] = s;
                }
            var rows = new LinearConstraint[6];
            var ones = new double[n];
            for (int i = 0; i < n; i++) ones[i] = 1;
            rows[0] = new LinearConstraint("budget", ones, ConstraintSense.Equal, 1);
            for (int g = 0; g < 5; g++)
            {
                var a = new double[n];
                for (int i = g; i < n; i += 5) a[i] = 1;
                rows[g + 1] = new LinearConstraint("group" + g, a, ConstraintSense.LessOrEqual, 0.22);
            }
            var lower = new double[n];
            var upper = new double[n];
            for (int i = 0; i < n; i++) upper[i] = 0.01;
            return new QuadraticProgram(p, new double[n], rows, lower, upper);
        }

        [TestCase(1), TestCase(2)]
        public void Solve_TwoThreadUpdates_EqualTheOneThreadSolveBitForBit(int seed)
        {
            var problem = CappedProblem(seed, 300);
            long saved = GoldfarbIdnaniFactors.ParallelWork;
            QpResult one, two;
            try
            {
                GoldfarbIdnaniFactors.ParallelWork = long.MaxValue;
                one = new GoldfarbIdnaniSolver().Solve(problem);
                GoldfarbIdnaniFactors.ParallelWork = 1;
                two = new GoldfarbIdnaniSolver().Solve(problem);
            }
            finally
            {
                GoldfarbIdnaniFactors.ParallelWork = saved;
            }
            Assert.That(one.Status, Is.EqualTo(QpStatus.Optimal), one.Message);
            Assert.That(two.Status, Is.EqualTo(QpStatus.Optimal), two.Message);
            Assert.That(two.Iterations, Is.EqualTo(one.Iterations));
            for (int i = 0; i < problem.Size; i++)
                Assert.That(BitConverter.DoubleToInt64Bits(two.X[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(one.X[i])), $"x[{i}]");
            double sum = 0;
            foreach (double v in two.X) sum += v;
            Assert.That(sum, Is.EqualTo(1).Within(1e-9));
            Assert.That(one.Iterations, Is.GreaterThan(100), "the problem is large enough to reach the two-thread path");
        }
    }
}
