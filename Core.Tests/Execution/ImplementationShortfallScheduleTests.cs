using System;
using System.Linq;
using NUnit.Framework;
using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Tests.Execution
{
    public class ImplementationShortfallScheduleTests
    {
        // Almgren-Chriss (2000) Table 1: X = 1e6 shares, T = 5 days, N = 5, sigma = 0.95, eta = 2.5e-6, gamma = 2.5e-7, eps = 1/16.
        private static AlmgrenChrissParameters Table1(double lambda, double sigma = 0.95) => new AlmgrenChrissParameters(sigma, 2.5e-6, 2.5e-7, 1.0 / 16, lambda);

        [Test]
        public void PaperExample_TrajectoryMatchesNumpyToTheShare()
        {
            var r = ReferenceData.KeyValues("almgren_chriss_2000_example.csv");
            var s = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(1e-6));
            Assert.That(s.Kappa, Is.EqualTo(r["kappa"]).Within(1e-12));
            Assert.That(s.KappaTilde, Is.EqualTo(r["kappa_tilde"]).Within(1e-12));
            long[] x = s.Schedule.Holdings();
            for (int j = 0; j <= 5; j++)
            {
                Assert.That(s.ExactHoldings[j], Is.EqualTo(r[$"x{j}"]).Within(1e-6), $"x{j}");
                Assert.That((double)x[j], Is.EqualTo(r[$"x{j}_rounded"]), $"rounded x{j}");
            }
            Assert.That(s.Schedule.Slices.Sum(q => q.Quantity), Is.EqualTo(1_000_000));
        }

        [Test]
        public void PaperExample_ExpectedCostAndStdDevMatchClosedFormAndSums()
        {
            var r = ReferenceData.KeyValues("almgren_chriss_2000_example.csv");
            var s = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(1e-6));
            Assert.That(s.Cost.Expected, Is.EqualTo(r["E_closed_form"]).Within(1e-9).Percent);
            Assert.That(s.Cost.StdDev, Is.EqualTo(r["sqrtV_closed_form"]).Within(1e-9).Percent);
            Assert.That(s.Cost.Expected, Is.EqualTo(r["E_sum"]).Within(1e-9).Percent);
            Assert.That(s.Cost.StdDev, Is.EqualTo(r["sqrtV_sum"]).Within(1e-9).Percent);
            // The closed form equals the explicit sums over the exact trajectory.
            var sum = LinearImpactCost.Evaluate(s.ExactHoldings.ToArray(), 1.0, Table1(1e-6));
            Assert.That(sum.Expected, Is.EqualTo(s.Cost.Expected).Within(1e-9).Percent);
            Assert.That(sum.Variance, Is.EqualTo(s.Cost.Variance).Within(1e-9).Percent);
        }

        [Test]
        public void IndependentImplementation_DropPublishedOutput_IsReproduced()
        {
            var r = ReferenceData.KeyValues("drop_almgren_chriss_no_drift.csv");
            var s = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(1e-6, r["sigma"]));
            for (int j = 1; j <= 4; j++) Assert.That(s.ExactHoldings[j], Is.EqualTo(r[$"x{j}"]).Within(0.051), $"x{j}");
            Assert.That(s.Cost.Expected, Is.EqualTo(r["E"]).Within(0.051));
            Assert.That(s.Cost.Variance * 1e-6, Is.EqualTo(r["V_times_1e-6"]).Within(0.051));
            Assert.That(s.Kappa, Is.EqualTo(r["kappa"]).Within(5e-5));
            Assert.That(s.KappaTilde, Is.EqualTo(r["kappa_tilde"]).Within(5e-5));
        }

        [Test]
        public void DiscreteKappa_IsNotTheContinuousKappa()
        {
            var s = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(1e-6));
            Assert.That(s.Kappa, Is.LessThan(s.KappaTilde));
            Assert.That(Math.Cosh(s.Kappa * 1.0), Is.EqualTo(1 + s.KappaTilde * s.KappaTilde / 2).Within(1e-12));
        }

        [Test]
        public void ZeroRiskAversion_GivesTwapAndItsCost()
        {
            var r = ReferenceData.KeyValues("almgren_chriss_2000_example.csv");
            var s = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(0));
            Assert.That(s.Schedule.Slices.Select(q => q.Quantity), Is.All.EqualTo(200_000));
            Assert.That(s.Cost.Expected, Is.EqualTo(r["twap_E"]).Within(1e-9).Percent);
            Assert.That(s.Cost.StdDev, Is.EqualTo(r["twap_sqrtV"]).Within(1e-9).Percent);
            var twap = TwapSchedule.Build(1_000_000, 5, 5, cost: Table1(0));
            Assert.That(twap.ExpectedCost, Is.EqualTo(r["twap_E"]).Within(1e-9).Percent);
            Assert.That(twap.CostStdDev, Is.EqualTo(r["twap_sqrtV"]).Within(1e-9).Percent);
        }

        [Test]
        public void SmallRiskAversion_ConvergesToTwap()
        {
            var linear = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(0));
            var tiny = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(1e-13));
            for (int j = 0; j <= 5; j++) Assert.That(tiny.ExactHoldings[j], Is.EqualTo(linear.ExactHoldings[j]).Within(1.0));
            Assert.That(tiny.Cost.Expected, Is.EqualTo(linear.Cost.Expected).Within(1e-4).Percent);
        }

        [Test]
        public void Frontier_MatchesReference_AndTradesCostForRisk()
        {
            var r = ReferenceData.KeyValues("almgren_chriss_2000_example.csv");
            double[] lambdas = { 1e-8, 1e-7, 1e-6, 1e-5 };
            var f = ImplementationShortfallSchedule.Frontier(1_000_000, 5, 5, Table1(0), lambdas);
            for (int i = 0; i < lambdas.Length; i++)
            {
                string k = lambdas[i].ToString("g", System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(f[i].Cost.Expected, Is.EqualTo(r[$"frontier_{k}_E"]).Within(1e-9).Percent, k);
                Assert.That(f[i].Cost.StdDev, Is.EqualTo(r[$"frontier_{k}_sqrtV"]).Within(1e-9).Percent, k);
                if (i > 0)
                {
                    Assert.That(f[i].Cost.Expected, Is.GreaterThan(f[i - 1].Cost.Expected));
                    Assert.That(f[i].Cost.Variance, Is.LessThan(f[i - 1].Cost.Variance));
                }
            }
        }

        [Test]
        public void NonPositiveEtaTilde_IsRejectedNamingTheValues()
        {
            var p = new AlmgrenChrissParameters(0.95, 1e-7, 2.5e-7, 0, 1e-6);
            var ex = Assert.Throws<InvalidInputException>(() => ImplementationShortfallSchedule.Build(1000, 5, 5, p));
            Assert.That(ex!.Message, Does.Contain("eta - gamma*tau/2"));
        }

        [Test]
        public void HugeUrgency_DoesNotOverflow_AndTradesAlmostAllFirst()
        {
            var s = ImplementationShortfallSchedule.Build(1_000_000, 5, 5, Table1(1e3));
            Assert.That(s.Schedule.Slices[0].Quantity, Is.GreaterThan(999_000));
            Assert.That(double.IsNaN(s.Cost.Expected) || double.IsInfinity(s.Cost.Expected), Is.False);
            Assert.That(s.Schedule.Slices.Sum(q => q.Quantity), Is.EqualTo(1_000_000));
        }
    }
}
