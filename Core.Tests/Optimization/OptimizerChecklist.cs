using System;
using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Numerics;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>
    /// The checklist every optimizer passes: on seeded random problems weights are finite, within their limits (1e-8),
    /// sum as promised, and the reported figures match the weights; bad input (NaN, mismatched sizes, singular covariance)
    /// and empty input throw. Derive a fixture, implement <see cref="Optimize"/> (and override <see cref="Constraints"/>
    /// or <see cref="PromisedSum"/> when the method promises something else) and the whole checklist runs for it.
    /// </summary>
    public abstract class OptimizerChecklist
    {
        /// <summary>Limit tolerance for bounds, sums and caps.</summary>
        protected const double Tolerance = 1e-8;

        /// <summary>Runs the optimizer under test on raw inputs (build the optimizer's own input types here).</summary>
        protected abstract OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints constraints);

        /// <summary>The limits the checklist applies (default: long-only, fully invested, max weight 0.6).</summary>
        protected virtual PortfolioConstraints Constraints(int assetCount) => PortfolioConstraints.LongOnly.WithWeightRange(0, 0.6);

        /// <summary>Sum of weights the method promises under <paramref name="constraints"/> (null: none, e.g. Kelly).</summary>
        protected virtual double? PromisedSum(PortfolioConstraints constraints) => constraints.Budget;

        /// <summary>
        /// False for methods defined on a singular (positive semidefinite) covariance, e.g. risk parity with a duplicated
        /// asset; the singular-covariance check is then skipped with that reason.
        /// </summary>
        protected virtual bool RequiresPositiveDefiniteCovariance => true;

        /// <summary>False for methods whose weights ignore expected returns (they only feed reported figures); the NaN check is then skipped.</summary>
        protected virtual bool ValidatesExpectedReturns => true;

        /// <summary>Seeds of the random problems.</summary>
        protected static readonly int[] Seeds = { 11, 23, 37, 41, 59 };

        [TestCaseSource(nameof(Seeds))]
        public void Checklist_RandomProblem_WeightsStayWithinLimits(int seed)
        {
            var m = OptimizationSamples.Random(seed, 3 + seed % 6);
            var c = Constraints(m.Assets.Length);
            var r = Optimize(m.Assets, m.Mu, m.Cov, c);
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal), r.Message);
            Assert.That(r.Weights.Count, Is.EqualTo(m.Assets.Length));
            for (int i = 0; i < m.Assets.Length; i++)
            {
                var range = c.RangeOf(m.Assets[i]);
                Assert.That(double.IsNaN(r.Weights[i]) || double.IsInfinity(r.Weights[i]), Is.False, m.Assets[i]);
                Assert.That(r.Weights[i], Is.GreaterThanOrEqualTo(range.Min - Tolerance), m.Assets[i]);
                Assert.That(r.Weights[i], Is.LessThanOrEqualTo(range.Max + Tolerance), m.Assets[i]);
            }
            if (c.MaxLeverage is double lev)
                Assert.That(r.Weights.Sum(Math.Abs), Is.LessThanOrEqualTo(lev + Tolerance), "gross leverage");
        }

        [TestCaseSource(nameof(Seeds))]
        public void Checklist_RandomProblem_WeightsSumAsPromised(int seed)
        {
            var m = OptimizationSamples.Random(seed, 3 + seed % 6);
            var c = Constraints(m.Assets.Length);
            var r = Optimize(m.Assets, m.Mu, m.Cov, c);
            if (PromisedSum(c) is double sum)
                Assert.That(r.Weights.Sum(), Is.EqualTo(sum).Within(Tolerance));
            else
                Assert.That(r.Weights.Sum(), Is.LessThanOrEqualTo((c.MaxLeverage ?? double.PositiveInfinity) + Tolerance));
        }

        [TestCaseSource(nameof(Seeds))]
        public void Checklist_RandomProblem_ReportedFiguresMatchWeights(int seed)
        {
            var m = OptimizationSamples.Random(seed, 3 + seed % 6);
            var r = Optimize(m.Assets, m.Mu, m.Cov, Constraints(m.Assets.Length));
            var w = r.CopyWeights();
            Assert.That(r.ExpectedReturn, Is.EqualTo(PortfolioMath.ExpectedReturn(m.Mu, w)).Within(1e-14));
            Assert.That(r.Volatility, Is.EqualTo(Math.Sqrt(PortfolioMath.Variance(m.Cov, w))).Within(1e-14));
            if (w.Any(x => Math.Abs(x) > 1e-12))
                Assert.That(r.RiskContributions.Sum(), Is.EqualTo(1.0).Within(1e-10));
            Assert.That(r.Assets, Is.EqualTo(m.Assets));
        }

        [Test]
        public void Checklist_NaNInCovariance_Throws()
        {
            var m = OptimizationSamples.Random(5, 4);
            var cov = (double[,])m.Cov.Clone();
            cov[1, 2] = double.NaN;
            Assert.That(() => Optimize(m.Assets, m.Mu, cov, Constraints(4)), Throws.Exception.Matches<Exception>(IsBadInput));
        }

        [Test]
        public void Checklist_NaNInExpectedReturns_Throws()
        {
            if (!ValidatesExpectedReturns) Assert.Ignore("this optimizer does not validate expected returns (they only feed reported figures)");
            var m = OptimizationSamples.Random(5, 4);
            var mu = (double[])m.Mu.Clone();
            mu[3] = double.NaN;
            Assert.That(() => Optimize(m.Assets, mu, m.Cov, Constraints(4)), Throws.Exception.Matches<Exception>(IsBadInput));
        }

        [Test]
        public void Checklist_MismatchedSizes_Throw()
        {
            var m = OptimizationSamples.Random(5, 4);
            Assert.That(() => Optimize(m.Assets.Take(3).ToArray(), m.Mu, m.Cov, Constraints(3)), Throws.Exception.Matches<Exception>(IsBadInput));
        }

        [Test]
        public void Checklist_SingularCovariance_IsRefusedOrSolvedWithinTheLimits()
        {
            var m = OptimizationSamples.Random(5, 4);
            var cov = (double[,])m.Cov.Clone();
            for (int j = 0; j < 4; j++) { cov[3, j] = cov[2, j]; cov[j, 3] = cov[j, 2]; }
            cov[3, 3] = cov[2, 2];                                    // asset 3 duplicates asset 2
            if (RequiresPositiveDefiniteCovariance)
            {
                Assert.That(() => Optimize(m.Assets, m.Mu, cov, Constraints(4)), Throws.Exception.Matches<Exception>(IsBadInput));
                return;
            }
            // Methods defined for a PSD covariance must still give a valid portfolio: the duplicated pair gets equal weights.
            var r = Optimize(m.Assets, m.Mu, cov, Constraints(4));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal));
            Assert.That(r.Weights.Sum(), Is.EqualTo(1).Within(1e-8));
            Assert.That(r.Weights[3], Is.EqualTo(r.Weights[2]).Within(1e-6));
        }

        [Test]
        public void Checklist_EmptyInput_Throws()
        {
            Assert.That(() => Optimize(Array.Empty<string>(), Array.Empty<double>(), new double[0, 0], Constraints(0)),
                Throws.Exception.Matches<Exception>(IsBadInput));
        }

        /// <summary>Bad input is reported as <see cref="InvalidInputException"/> or <see cref="ArgumentException"/> (CLI exit 2).</summary>
        protected static bool IsBadInput(Exception e) => e is InvalidInputException || e is ArgumentException;
    }
}
