using System;
using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Bad input is rejected up front with a message naming the culprit; limits are reported, never silent.</summary>
    public class GoldfarbIdnaniInputTests
    {
        private static readonly double[,] I2 = { { 1, 0 }, { 0, 1 } };

        [Test]
        public void NaNInP_IsRejected()
        {
            var ex = Assert.Throws<ArgumentException>(() => new QuadraticProgram(new double[,] { { 1, double.NaN }, { 0, 1 } }, new double[2]));
            Assert.That(ex!.Message, Does.Contain("p[0,1]").And.Contain("NaN"));
        }

        [Test]
        public void NaNInLinearTerm_IsRejected()
        {
            var ex = Assert.Throws<ArgumentException>(() => new QuadraticProgram(I2, new[] { 0, double.NaN }));
            Assert.That(ex!.Message, Does.Contain("q[1]"));
        }

        [Test]
        public void NaNInConstraint_IsRejected()
        {
            Assert.Throws<ArgumentException>(() => new LinearConstraint("budget", new[] { 1, double.NaN }, ConstraintSense.Equal, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new LinearConstraint("budget", new[] { 1.0, 1 }, ConstraintSense.Equal, double.NaN));
        }

        [Test]
        public void SizeMismatch_IsRejected()
        {
            Assert.Throws<ArgumentException>(() => new QuadraticProgram(I2, new double[3]));
            var ex = Assert.Throws<ArgumentException>(() => new QuadraticProgram(I2, new double[2],
                new[] { new LinearConstraint("budget", new double[] { 1, 1, 1 }, ConstraintSense.Equal, 1) }));
            Assert.That(ex!.Message, Does.Contain("budget"));
            Assert.Throws<ArgumentException>(() => new QuadraticProgram(I2, new double[2], null, new double[3], null));
        }

        [Test]
        public void LowerAboveUpper_IsRejected()
        {
            var ex = Assert.Throws<ArgumentException>(() => new QuadraticProgram(I2, new double[2], null, new[] { 0.0, 0.5 }, new[] { 1.0, 0.4 }));
            Assert.That(ex!.Message, Does.Contain("variable 1"));
        }

        [Test]
        public void NonSymmetricP_IsRejectedBySolver()
        {
            var problem = new QuadraticProgram(new double[,] { { 1, 0.5 }, { 0.2, 1 } }, new double[2]);
            var ex = Assert.Throws<ArgumentException>(() => new GoldfarbIdnaniSolver().Solve(problem));
            Assert.That(ex!.Message, Does.Contain("symmetric").And.Contain("P[1,0]"));
        }

        [Test]
        public void IndefiniteP_IsRejectedBySolver()
        {
            var problem = new QuadraticProgram(new double[,] { { 1, 2 }, { 2, 1 } }, new double[2]);
            var ex = Assert.Throws<ArgumentException>(() => new GoldfarbIdnaniSolver().Solve(problem));
            Assert.That(ex!.Message, Does.Contain("not positive semidefinite"));
        }

        [Test]
        public void InvalidOptions_AreRejected()
        {
            var problem = new QuadraticProgram(I2, new double[2]);
            var solver = new GoldfarbIdnaniSolver();
            Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(problem, new QpOptions { Tolerance = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(problem, new QpOptions { Tolerance = double.NaN }));
            Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(problem, new QpOptions { MaxIterations = -1 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(problem, new QpOptions { RelativeRidge = -1e-10 }));
            var ex = Assert.Throws<ArgumentException>(() => solver.Solve(problem, new QpOptions { WarmActiveSet = new[] { 4 } }));
            Assert.That(ex!.Message, Does.Contain("warm active set entry 4"));
        }

        [Test]
        public void SingularP_WithRidgeDisabled_IsRejected()
        {
            var problem = new QuadraticProgram(new double[,] { { 1, 1 }, { 1, 1 } }, new double[2]);
            var ex = Assert.Throws<ArgumentException>(() => new GoldfarbIdnaniSolver().Solve(problem, new QpOptions { RelativeRidge = 0 }));
            Assert.That(ex!.Message, Does.Contain("singular"));
        }

        [Test]
        public void IterationLimit_IsReportedAsMaxIterations()
        {
            var problem = RandomQp.Create(5, 20, equalities: 2, inequalities: 10, bounds: true);
            var full = new GoldfarbIdnaniSolver().Solve(problem);
            Assume.That(full.Iterations, Is.GreaterThan(3));

            var result = new GoldfarbIdnaniSolver().Solve(problem, new QpOptions { MaxIterations = 3 });

            Assert.That(result.Status, Is.EqualTo(QpStatus.MaxIterations));
            Assert.That(result.Iterations, Is.EqualTo(3));
            Assert.That(result.Message, Does.Contain("iteration limit 3"));
        }
    }
}
