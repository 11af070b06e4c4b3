using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Agreement with cvxopt (interior point, tolerances 1e-12) on sample-data and random problems.</summary>
    public class GoldfarbIdnaniReferenceTests
    {
        private static System.Collections.Generic.IEnumerable<TestCaseData> Cases() => QpReferenceSet.Cases();

        private static System.Collections.Generic.IEnumerable<TestCaseData> UniqueCases() => QpReferenceSet.UniqueCases();

        [TestCaseSource(nameof(Cases))]
        public void Solution_MatchesCvxopt(string name)
        {
            var reference = QpReferenceSet.Get(name);

            var result = new GoldfarbIdnaniSolver().Solve(reference.Problem);

            Assert.That(result.Status, Is.EqualTo(QpStatus.Optimal), result.Message);
            // cvxopt is an interior-point method: variables on a bound come back within about 2e-9 of it.
            if (reference.UniqueX) Assert.That(result.X, Is.EqualTo(reference.X).Within(1e-8));
            Assert.That(result.Objective, Is.EqualTo(reference.Objective).Within(1e-9 * Math.Max(1, Math.Abs(reference.Objective))));
            Assert.That(result.Objective, Is.EqualTo(reference.Objective).Within(1e-6 * Math.Abs(reference.Objective)), "relative");
            // Our active-set answer is exact up to rounding, so its KKT residuals must be far below cvxopt's
            // (a ridge, when P is singular, leaves a stationarity residual of order ridge * |x|).
            var kkt = QpKkt.Check(reference.Problem, result);
            Assert.That(kkt.Max, Is.LessThan(result.RidgeAdded > 0 ? 1e-11 : 1e-12), kkt.ToString());
        }

        [TestCaseSource(nameof(UniqueCases))]
        public void Multipliers_MatchCvxopt(string name)
        {
            var reference = QpReferenceSet.Get(name);

            var result = new GoldfarbIdnaniSolver().Solve(reference.Problem);

            double scale = Math.Max(1e-3, reference.Y.Concat(reference.MuLower).Concat(reference.MuUpper).Max(Math.Abs));
            Assert.That(result.ConstraintMultipliers, Is.EqualTo(reference.Y).Within(1e-6 * scale));
            Assert.That(result.LowerMultipliers, Is.EqualTo(reference.MuLower).Within(1e-6 * scale));
            Assert.That(result.UpperMultipliers, Is.EqualTo(reference.MuUpper).Within(1e-6 * scale));
        }

        [TestCase("samples/eustockmarkets-prices.csv")]
        [TestCase("samples/gccindex-prices.csv")]
        public void SampleProblems_UseTheSampleCovarianceOfSimpleReturns(string source)
        {
            // The reference P came from pandas; rebuild it from the CSV with our own SampleMoments.
            var lines = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, source));
            var assets = lines[0].Split(',').Skip(1).ToArray();
            var prices = lines.Skip(1).Select(l => l.Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            var dates = lines.Skip(2).Select(l => DateTime.ParseExact(l.Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
            var columns = assets.Select((_, j) => Enumerable.Range(1, prices.Length - 1).Select(t => prices[t][j] / prices[t - 1][j] - 1).ToArray()).ToArray();
            var cov = SampleMoments.Covariance(new AssetFrame(dates, assets, columns, FrameKind.SimpleReturns, source));

            var samples = QpReferenceSet.All.Where(r => r.Source == source).ToList();
            Assert.That(samples, Has.Count.EqualTo(4));
            foreach (var r in samples)
            {
                Assert.That(r.Problem.VariableNames, Is.EqualTo(assets));
                for (int i = 0; i < assets.Length; i++)
                    for (int j = 0; j < assets.Length; j++)
                        Assert.That(r.Problem.P[i, j], Is.EqualTo(cov[i, j]).Within(1e-12 * cov[i, i]), $"{r.Name} P[{i},{j}]");
                var result = new GoldfarbIdnaniSolver().Solve(new QuadraticProgram(cov, r.Problem.Q, r.Problem.Constraints, r.Problem.Lower, r.Problem.Upper));
                Assert.That(result.X, Is.EqualTo(r.X).Within(1e-7), r.Name);
            }
        }
    }
}
