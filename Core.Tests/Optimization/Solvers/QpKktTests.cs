using NinjaTraderPortfolio.Core.Optimization.Solvers;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>The KKT checker measures each residual as defined (values worked by hand).</summary>
    public class QpKktTests
    {
        // min 1/2 (x1^2 + x2^2) s.t. x1 + x2 <= 1 ("cap"), x1 - x2 = 0 ("tie"), 0 <= x <= 2.
        private static QuadraticProgram Problem() => new QuadraticProgram(new double[,] { { 1, 0 }, { 0, 1 } }, new double[2], new[]
        {
            new LinearConstraint("cap", new double[] { 1, 1 }, ConstraintSense.LessOrEqual, 1),
            new LinearConstraint("tie", new double[] { 1, -1 }, ConstraintSense.Equal, 0),
        }, new double[] { 0, 0 }, new double[] { 2, 2 });

        [Test]
        public void OptimalPoint_HasZeroResiduals()
        {
            var report = QpKkt.Check(Problem(), new double[2], new double[2], new double[2], new double[2]);

            Assert.That(report.Max, Is.EqualTo(0));
        }

        [Test]
        public void InfeasiblePoint_ReportsEachResidual()
        {
            // x = (1.5, 0.5): cap exceeded by 1, tie off by 1, x2 fine; with y = (-0.5, 0), muL = (0, 0.25), muU = (0, 0):
            // gradient x + y1 (1,1) - muL = (1.5 - 0.5, 0.5 - 0.5 - 0.25) = (1, -0.25) => stationarity 1;
            // y1 = -0.5 on a <= row => sign violation 0.5; complementarity max(|-0.5 * 1|, |0.25 * 0.5|) = 0.5.
            var report = QpKkt.Check(Problem(), new[] { 1.5, 0.5 }, new[] { -0.5, 0 }, new[] { 0, 0.25 }, new double[2]);

            Assert.That(report.MaxPrimalInfeasibility, Is.EqualTo(1.0).Within(1e-15));
            Assert.That(report.StationarityResidual, Is.EqualTo(1.0).Within(1e-15));
            Assert.That(report.MaxDualSignViolation, Is.EqualTo(0.5).Within(1e-15));
            Assert.That(report.MaxComplementarity, Is.EqualTo(0.5).Within(1e-15));
            Assert.That(report.Max, Is.EqualTo(1.0).Within(1e-15));
        }

        [Test]
        public void MultiplierOnAnInfiniteBound_CountsAsComplementarityViolation()
        {
            var problem = new QuadraticProgram(new double[,] { { 1 } }, new double[] { -1 });

            var report = QpKkt.Check(problem, new[] { 1.0 }, new double[0], new[] { 0.0 }, new[] { 0.125 });

            Assert.That(report.MaxComplementarity, Is.EqualTo(0.125));
            Assert.That(report.StationarityResidual, Is.EqualTo(0.125));
        }

        [Test]
        public void WrongLengths_AreRejected()
        {
            Assert.Throws<System.ArgumentException>(() => QpKkt.Check(Problem(), new double[3], new double[2], new double[2], new double[2]));
            Assert.Throws<System.ArgumentException>(() => QpKkt.Check(Problem(), new double[2], new double[1], new double[2], new double[2]));
            Assert.Throws<System.ArgumentException>(() => QpKkt.Check(Problem(), new[] { double.NaN, 0 }, new double[2], new double[2], new double[2]));
        }
    }
}
