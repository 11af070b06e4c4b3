using System;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using NinjaTraderPortfolio.Core.Numerics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Numerics
{
    public class SymmetricEigenvaluesTests
    {
        [Test]
        public void Projections_OfA2x2_MatchTheHandWorkedEigenvectors()
        {
            // [[2,1],[1,2]]: eigenvalues 1 and 3 with vectors (1,-1)/sqrt 2 and (1,1)/sqrt 2; w = (1, 0) projects to 1/sqrt 2 on both.
            var vals = SymmetricEigenvalues.ComputeWithProjections(new[,] { { 2.0, 1 }, { 1, 2.0 } }, new[] { 1.0, 0 }, out var y);
            var byValue = vals.Zip(y, (l, p) => (l, p * p)).OrderBy(t => t.l).ToArray();
            Assert.That(byValue[0].l, Is.EqualTo(1).Within(1e-15));
            Assert.That(byValue[1].l, Is.EqualTo(3).Within(1e-15));
            Assert.That(byValue[0].Item2, Is.EqualTo(0.5).Within(1e-15));
            Assert.That(byValue[1].Item2, Is.EqualTo(0.5).Within(1e-15));
        }

        [TestCase(3, 1), TestCase(10, 2), TestCase(41, 3), TestCase(90, 4)]
        public void EigenvaluesAndSquaredProjections_MatchMathNetsFullDecomposition(int n, int seed)
        {
            var a = CholeskyTests.RandomSpd(n, seed);
            var rng = new Random(seed + 100);
            var w = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.3).ToArray();
            var vals = SymmetricEigenvalues.ComputeWithProjections(a, w, out var y);

            var evd = Matrix<double>.Build.DenseOfArray(a).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
            var mine = vals.Zip(y, (l, p) => (l, sq: p * p)).OrderBy(t => t.l).ToArray();
            var reference = Enumerable.Range(0, n).Select(k =>
            {
                double e = 0;
                for (int i = 0; i < n; i++) e += evd.EigenVectors[i, k] * w[i];
                return (l: evd.EigenValues[k].Real, sq: e * e);
            }).OrderBy(t => t.l).ToArray();
            double norm = reference.Max(t => Math.Abs(t.l)), wNorm2 = w.Sum(x => x * x);
            for (int k = 0; k < n; k++)
            {
                Assert.That(mine[k].l, Is.EqualTo(reference[k].l).Within(1e-12 * norm), $"eigenvalue {k}");
                Assert.That(mine[k].sq, Is.EqualTo(reference[k].sq).Within(1e-9 * wNorm2), $"squared projection {k}");
            }
            // Parseval and w'Aw: the projections are coordinates in an orthonormal eigenbasis.
            Assert.That(y.Sum(p => p * p), Is.EqualTo(wNorm2).Within(1e-12 * wNorm2));
            double quad = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) quad += w[i] * a[i, j] * w[j];
            Assert.That(vals.Zip(y, (l, p) => l * p * p).Sum(), Is.EqualTo(quad).Within(1e-11 * quad));
        }
    }
}
