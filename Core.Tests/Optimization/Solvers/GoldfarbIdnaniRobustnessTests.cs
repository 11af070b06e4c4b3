using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Portfolio-sized, degenerate and infeasible seeded problems: KKT holds, conflicts are real.</summary>
    public class GoldfarbIdnaniRobustnessTests
    {
        private static readonly int[] Seeds = Enumerable.Range(1, 8).ToArray();

        /// <summary>Min-variance-like problem on a factor-model sample covariance (singular when t &lt; n).</summary>
        private static QuadraticProgram Portfolio(int seed, int n, int t, double cap, double returnWeight)
        {
            var rng = new Random(seed);
            int factors = 5;
            var load = new double[n, factors];
            for (int i = 0; i < n; i++) for (int k = 0; k < factors; k++) load[i, k] = Gauss(rng);
            var r = new double[t, n];
            for (int s = 0; s < t; s++)
            {
                var f = Enumerable.Range(0, factors).Select(_ => 0.01 * Gauss(rng)).ToArray();
                for (int i = 0; i < n; i++)
                {
                    double v = 0.02 * Gauss(rng);
                    for (int k = 0; k < factors; k++) v += load[i, k] * f[k];
                    r[s, i] = v;
                }
            }
            var mean = new double[n];
            for (int i = 0; i < n; i++) { for (int s = 0; s < t; s++) mean[i] += r[s, i]; mean[i] /= t; }
            var cov = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double c = 0;
                    for (int s = 0; s < t; s++) c += (r[s, i] - mean[i]) * (r[s, j] - mean[j]);
                    cov[i, j] = cov[j, i] = c / (t - 1);
                }
            var rows = new List<LinearConstraint> { new LinearConstraint("budget", Enumerable.Repeat(1.0, n).ToArray(), ConstraintSense.Equal, 1) };
            for (int g = 0; g < 5; g++)
                rows.Add(new LinearConstraint("sector " + g, Enumerable.Range(0, n).Select(i => i % 5 == g ? 1.0 : 0).ToArray(), ConstraintSense.LessOrEqual, 0.3));
            rows.Add(new LinearConstraint("factor floor", Enumerable.Range(0, n).Select(i => load[i, 0]).ToArray(), ConstraintSense.GreaterOrEqual, -0.2));
            var q = mean.Select(m => -returnWeight * m).ToArray();
            return new QuadraticProgram(cov, q, rows, new double[n], Enumerable.Repeat(cap, n).ToArray());
        }

        private static double Gauss(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

        private static double Scale(QuadraticProgram p)
        {
            double s = 0;
            for (int i = 0; i < p.Size; i++) s = Math.Max(s, p.P[i, i]);
            return s;
        }

        [TestCaseSource(nameof(Seeds))]
        public void PortfolioProblem_WithManyActiveBounds_SatisfiesKkt(int seed)
        {
            var problem = Portfolio(seed, 120, 300, cap: 0.02 + 0.01 * (seed % 3), returnWeight: seed % 2 == 0 ? 0 : 0.5);

            var result = new GoldfarbIdnaniSolver().Solve(problem);
            var kkt = QpKkt.Check(problem, result);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(result.RidgeAdded, Is.EqualTo(0));
            Assert.That(kkt.MaxPrimalInfeasibility, Is.LessThan(1e-12), kkt.ToString());
            Assert.That(kkt.StationarityResidual, Is.LessThan(1e-12 * Scale(problem)), kkt.ToString());
            Assert.That(kkt.MaxDualSignViolation, Is.LessThan(1e-12 * Scale(problem)), kkt.ToString());
            Assert.That(kkt.MaxComplementarity, Is.LessThan(1e-12 * Scale(problem)), kkt.ToString());
            Assert.That(result.X.Sum(), Is.EqualTo(1).Within(1e-13));
        }

        [TestCaseSource(nameof(Seeds))]
        public void SingularPortfolioProblem_FewerObservationsThanAssets_SatisfiesKktUpToTheRidge(int seed)
        {
            var problem = Portfolio(seed, 100, 40, cap: 0.05, returnWeight: seed % 2 == 0 ? 0 : 0.2);

            var result = new GoldfarbIdnaniSolver().Solve(problem);
            var kkt = QpKkt.Check(problem, result);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(result.RidgeAdded, Is.GreaterThan(0));
            Assert.That(kkt.MaxPrimalInfeasibility, Is.LessThan(1e-10), kkt.ToString());
            // Stationarity holds for P + ridge*I, so against P it is off by ridge * |x|_inf at most (plus rounding).
            Assert.That(kkt.StationarityResidual, Is.LessThan(result.RidgeAdded * result.X.Max(Math.Abs) + 1e-10 * Scale(problem)), kkt.ToString());
            Assert.That(kkt.MaxDualSignViolation, Is.LessThan(1e-10 * Scale(problem)), kkt.ToString());
            Assert.That(kkt.MaxComplementarity, Is.LessThan(1e-10 * Scale(problem)), kkt.ToString());
        }

        [TestCaseSource(nameof(Seeds))]
        public void SingularLongOnlyMinVariance_WithoutCaps_IsOptimalNotUnbounded(int seed)
        {
            // No upper bounds, q = 0: bounded below by 0 although P is singular and the box is open.
            var capped = Portfolio(seed, 80, 30, cap: 1, returnWeight: 0);
            var problem = new QuadraticProgram(capped.P, capped.Q, capped.Constraints, capped.Lower, null);

            var result = new GoldfarbIdnaniSolver().Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(result.RidgeAdded, Is.GreaterThan(0));
            Assert.That(QpKkt.Check(problem, result).MaxPrimalInfeasibility, Is.LessThan(1e-12));
        }

        [TestCase(3)]
        [TestCase(8)]
        [TestCase(13)]
        public void OneFactorPortfolio_NearSingularCovariance_KeepsMultiplierSignsToRounding(int seed)
        {
            // One-factor returns with T close to (or below) n: P + ridge is conditioned around 1e10. Seed 8 once ended
            // with an active upper bound whose recomputed multiplier was -5e-10 (relative -5e-7); now dropped and re-solved.
            var rng = new Random(seed);
            int n = 60 + rng.Next(120);
            int t = n + new[] { 2, 5, 20, -10, -30 }[seed % 5];
            var r = new double[t, n];
            for (int s = 0; s < t; s++)
            {
                double f = 0.01 * Gauss(rng);
                for (int i = 0; i < n; i++) r[s, i] = f * (1 + 0.1 * (i % 7)) + 0.02 * Gauss(rng);
            }
            var mean = new double[n];
            for (int i = 0; i < n; i++) { for (int s = 0; s < t; s++) mean[i] += r[s, i]; mean[i] /= t; }
            var cov = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j <= i; j++)
                {
                    double c = 0;
                    for (int s = 0; s < t; s++) c += (r[s, i] - mean[i]) * (r[s, j] - mean[j]);
                    cov[i, j] = cov[j, i] = c / (t - 1);
                }
            var rows = new List<LinearConstraint>
            {
                new LinearConstraint("budget", Enumerable.Repeat(1.0, n).ToArray(), ConstraintSense.Equal, 1),
                new LinearConstraint("return floor", mean, ConstraintSense.GreaterOrEqual, mean.OrderBy(v => v).ElementAt(n / 2)),
            };
            var problem = new QuadraticProgram(cov, mean.Select(v => -0.1 * v * (seed % 3)).ToArray(), rows,
                Enumerable.Repeat(seed % 4 == 0 ? -0.05 : 0.0, n).ToArray(), Enumerable.Repeat(seed % 2 == 0 ? 0.05 : 1, n).ToArray());

            var result = new GoldfarbIdnaniSolver().Solve(problem);
            var kkt = QpKkt.Check(problem, result);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(kkt.MaxPrimalInfeasibility, Is.LessThan(1e-10), kkt.ToString());
            Assert.That(kkt.MaxDualSignViolation, Is.LessThan(1e-9 * cov[0, 0]), kkt.ToString());
            Assert.That(kkt.StationarityResidual, Is.LessThan(1e-9 * cov[0, 0] + 2 * result.RidgeAdded * result.X.Max(Math.Abs)), kkt.ToString());
        }

        [TestCaseSource(nameof(Seeds))]
        public void DegenerateProblem_WithDuplicatedAndBoundParallelRows_MatchesTheCleanProblem(int seed)
        {
            var clean = RandomQp.Create(seed, 25, equalities: 1, inequalities: 8, bounds: true);
            int n = clean.Size;
            var rows = clean.Constraints.ToList();
            rows.AddRange(clean.Constraints.Where(c => c.Sense != ConstraintSense.Equal).Select(c => new LinearConstraint(c.Name + " copy", c.Coefficients, c.Sense, c.Bound)));
            rows.AddRange(clean.Constraints.Where(c => c.Sense == ConstraintSense.Equal).Select(c => new LinearConstraint(c.Name + " scaled", c.Coefficients.Select(a => 3 * a).ToArray(), c.Sense, 3 * c.Bound)));
            for (int i = 0; i < n; i += 3)
            {
                if (double.IsInfinity(clean.Upper[i])) continue;
                var e = new double[n];
                e[i] = 2;
                rows.Add(new LinearConstraint("twice upper " + i, e, ConstraintSense.LessOrEqual, 2 * clean.Upper[i]));
            }
            var degenerate = new QuadraticProgram(clean.P, clean.Q, rows, clean.Lower, clean.Upper);

            var expected = new GoldfarbIdnaniSolver().Solve(clean);
            var result = new GoldfarbIdnaniSolver().Solve(degenerate);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(result.X, Is.EqualTo(expected.X).Within(1e-10));
            Assert.That(QpKkt.Check(degenerate, result).Max, Is.LessThan(1e-10));
        }

        [TestCaseSource(nameof(Seeds))]
        public void InfeasibleProblem_ConflictsFormAnInfeasibleSubsystem_AndTheRestIsFeasible(int seed)
        {
            // A feasible problem plus one row that its box cannot reach: a'x >= (max over the box of a'x) + 0.1.
            var feasible = RandomQp.Create(seed, 15, equalities: 1, inequalities: 6, bounds: false);
            int n = feasible.Size;
            var lo = Enumerable.Range(0, n).Select(i => -1.0 - 0.1 * (i % 3)).ToArray();
            var hi = Enumerable.Range(0, n).Select(i => 1.0 + 0.1 * (i % 4)).ToArray();
            var rng = new Random(seed);
            var a = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? 0 : rng.NextDouble() * 2 - 1).ToArray();
            a[0] = 1;
            double reach = Enumerable.Range(0, n).Sum(i => Math.Max(a[i] * lo[i], a[i] * hi[i]));
            var rows = feasible.Constraints.Select(c => new LinearConstraint(c.Name, c.Coefficients, c.Sense, c.Bound)).ToList();
            rows.Add(new LinearConstraint("unreachable", a, ConstraintSense.GreaterOrEqual, reach + 0.1));
            var problem = new QuadraticProgram(feasible.P, feasible.Q, rows, lo, hi);

            var result = new GoldfarbIdnaniSolver().Solve(problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Infeasible), result.Message);
            Assert.That(result.Conflicts, Is.Not.Empty);
            var conflicts = new HashSet<string>(result.Conflicts);
            // Keep only the named rows and bounds: that subsystem alone must still be infeasible.
            var sub = new QuadraticProgram(problem.P, problem.Q, rows.Where(c => conflicts.Contains(c.Name)).ToList(),
                Enumerable.Range(0, n).Select(i => conflicts.Contains("lower bound of x[" + i + "]") ? lo[i] : double.NegativeInfinity).ToArray(),
                Enumerable.Range(0, n).Select(i => conflicts.Contains("upper bound of x[" + i + "]") ? hi[i] : double.PositiveInfinity).ToArray());
            Assert.That(new GoldfarbIdnaniSolver().Solve(sub).Status, Is.EqualTo(QpStatus.Infeasible));
            // Without the added row the problem is feasible (x0 of the generator lies in the box), so it must be named.
            Assert.That(conflicts, Does.Contain("unreachable"));
            var rest = new QuadraticProgram(problem.P, problem.Q, rows.Where(c => c.Name != "unreachable").ToList(), lo, hi);
            Assert.That(new GoldfarbIdnaniSolver().Solve(rest).Status, Is.EqualTo(QpStatus.Optimal));
        }

        [TestCase(300, 500, 0.01, 0.3)]
        [TestCase(500, 600, 0.02, 0.0)]
        public void LargePortfolioProblem_SolvesToKktTolerance(int n, int t, double cap, double returnWeight)
        {
            var problem = Portfolio(99, n, t, cap, returnWeight);

            var result = new GoldfarbIdnaniSolver().Solve(problem);
            var kkt = QpKkt.Check(problem, result);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            Assert.That(kkt.MaxPrimalInfeasibility, Is.LessThan(1e-12), kkt.ToString());
            Assert.That(kkt.StationarityResidual, Is.LessThan(1e-11 * Scale(problem)), kkt.ToString());
            Assert.That(kkt.MaxDualSignViolation, Is.LessThan(1e-11 * Scale(problem)), kkt.ToString());
        }
    }
}
