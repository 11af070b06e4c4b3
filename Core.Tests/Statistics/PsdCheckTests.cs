using System;
using NinjaTraderPortfolio.Core;
using NinjaTraderPortfolio.Core.Statistics;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Statistics
{
    public class PsdCheckTests
    {
        [Test]
        public void Analyse_TwoByTwo_MatchesClosedFormEigenvalues()
        {
            // [[4,1],[1,2]]: eigenvalues 3 ± sqrt(2).
            var r = PsdCheck.Analyse(new[,] { { 4.0, 1.0 }, { 1.0, 2.0 } });
            Assert.That(r.MaxEigenvalue, Is.EqualTo(3 + Math.Sqrt(2)).Within(1e-14));
            Assert.That(r.MinEigenvalue, Is.EqualTo(3 - Math.Sqrt(2)).Within(1e-14));
            Assert.That(r.ConditionNumber, Is.EqualTo((3 + Math.Sqrt(2)) / (3 - Math.Sqrt(2))).Within(1e-13));
            Assert.That(r.IsPositiveDefinite, Is.True);
        }

        [Test]
        public void ClipEigenvalues_Indefinite2x2_MatchesClosedForm()
        {
            // [[1,2],[2,1]] has eigenvalues 3 and -1 with vectors (1,1)/√2 and (1,-1)/√2. Clipping -1 to f·3 gives
            // diagonal 1.5(1+f) and off-diagonal 1.5(1-f); rescaling to unit diagonal leaves (1-f)/(1+f) off the diagonal.
            var m = new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } };
            Assert.That(PsdCheck.Analyse(m).IsPositiveSemidefinite, Is.False);
            double f = 1e-3;
            var c = PsdCheck.ClipEigenvalues(m, f);
            Assert.That(c[0, 0], Is.EqualTo(1.0).Within(1e-14));
            Assert.That(c[1, 1], Is.EqualTo(1.0).Within(1e-14));
            Assert.That(c[0, 1], Is.EqualTo((1 - f) / (1 + f)).Within(1e-14));
            Assert.That(c[1, 0], Is.EqualTo(c[0, 1]));
            Assert.That(PsdCheck.Analyse(c).IsPositiveDefinite, Is.True);
        }

        [Test]
        public void ClipEigenvalues_IndefiniteCovariance_KeepsVariancesAndBecomesPositiveDefinite()
        {
            var m = new[,] { { 4.0, 1.8, 1.8 }, { 1.8, 1.0, -0.9 }, { 1.8, -0.9, 1.0 } };
            Assert.That(PsdCheck.Analyse(m).MinEigenvalue, Is.LessThan(0));
            var c = PsdCheck.ClipEigenvalues(m, 1e-8);
            for (int i = 0; i < 3; i++) Assert.That(c[i, i], Is.EqualTo(m[i, i]).Within(1e-13 * m[i, i]));
            var after = PsdCheck.Analyse(c);
            Assert.That(after.IsPositiveDefinite, Is.True);
            Assert.That(after.ConditionNumber, Is.LessThan(1e9));
        }

        [Test]
        public void Analyse_AsymmetricMatrix_IsRejectedNamingTheEntry()
        {
            var ex = Assert.Throws<InvalidInputException>(() => PsdCheck.Analyse(new[,] { { 1.0, 0.5 }, { 0.4, 1.0 } }));
            Assert.That(ex!.Message, Does.Contain("[0,1]"));
        }

        [Test]
        public void Analyse_NaN_IsRejected()
            => Assert.Throws<ArgumentException>(() => PsdCheck.Analyse(new[,] { { 1.0, double.NaN }, { double.NaN, 1.0 } }));
    }
}
