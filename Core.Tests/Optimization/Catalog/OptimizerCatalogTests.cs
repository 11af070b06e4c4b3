using System;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Catalog;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Portfolio.Config;
using NinjaTraderPortfolio.Core.Rebalancing;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Catalog
{
    /// <summary>The one optimizer catalog: names, default limits, parameters, and the faces that draw from it.</summary>
    public sealed class OptimizerCatalogTests
    {
        // Two assets, variances 0.04 and 0.09, covariance 0.012 (correlation 0.2).
        private static readonly double[,] Cov = { { 0.04, 0.012 }, { 0.012, 0.09 } };
        private static readonly string[] Assets = { "A", "B" };

        private static PortfolioProblem Problem(string method)
            => new PortfolioProblem(Assets, new[] { 0.01, 0.02 }, Cov, 0, OptimizerCatalog.Get(method).DefaultLimits);

        [Test]
        public void MinVariance_ByName_MatchesTheTwoAssetClosedForm()
        {
            // w_A = (s_B^2 - s_AB) / (s_A^2 + s_B^2 - 2 s_AB) = (0.09 - 0.012) / (0.13 - 0.024) = 0.078 / 0.106
            var r = OptimizerCatalog.Create("min-variance", new OptimizerSettings()).Optimize(Problem("min-variance"));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal));
            Assert.That(r.Weights[0], Is.EqualTo(0.078 / 0.106).Within(1e-9));
            Assert.That(r.Method, Is.EqualTo("min-variance"));
        }

        [Test]
        public void RiskParity_ImplementsTheSameSeam_AndMatchesInverseVolatilityForTwoAssets()
        {
            // Two assets: equal risk contributions <=> w_i proportional to 1/sigma_i: (1/0.2) / (1/0.2 + 1/0.3) = 0.6.
            IPortfolioOptimizer optimizer = OptimizerCatalog.Create("risk-parity", new OptimizerSettings());
            var r = optimizer.Optimize(Problem("risk-parity"));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal));
            Assert.That(r.Weights[0], Is.EqualTo(0.6).Within(1e-9));
            Assert.That(OptimizerCatalog.Get("risk-parity").UsesLimits, Is.False);
        }

        [Test]
        public void Kelly_HasNoBudgetByDefault_AndEveryOtherMethodIsFullyInvested()
        {
            foreach (var spec in OptimizerCatalog.All)
                Assert.That(spec.DefaultLimits.Budget, spec.Name == "kelly" ? Is.Null : Is.EqualTo(1.0), spec.Name);
        }

        [Test]
        public void KellyFraction_IsDeclaredOnce_WithItsRangeDefaultAndUnit()
        {
            var p = OptimizerCatalog.Get("kelly").Parameters.Single();
            Assert.That(p, Is.SameAs(OptimizerCatalog.KellyFraction));
            Assert.That(p.RangeText, Is.EqualTo("in (0, 1]"));
            Assert.That(p.Default, Is.EqualTo(1.0));
            Assert.That(p.IsValid(1), Is.True);
            Assert.That(p.IsValid(0), Is.False);
            Assert.That(p.IsValid(double.NaN), Is.False);
            var ex = Assert.Throws<InvalidInputException>(() => OptimizerCatalog.Create("kelly", new OptimizerSettings { KellyFraction = 1.5 }));
            Assert.That(ex!.Message, Does.Contain("kelly-fraction must be in (0, 1]").And.Contain("1.5"));
        }

        [Test]
        public void UnknownName_NamesTheChoices_AndARequiredParameterIsNeverDefaulted()
        {
            var unknown = Assert.Throws<InvalidInputException>(() => OptimizerCatalog.Get("magic"));
            Assert.That(unknown!.Message, Does.Contain("\"magic\"").And.Contain("min-variance|max-sharpe|target-return|target-volatility|risk-parity|kelly|mixed"));
            var missing = Assert.Throws<InvalidInputException>(() => OptimizerCatalog.Create("target-return", new OptimizerSettings()));
            Assert.That(missing!.Message, Does.Contain("target-return"));
        }

        [Test]
        public void TheChartEnum_NamesExactlyTheCatalogEntriesOfferedOnTheChart()
        {
            var enumNames = Enum.GetNames(typeof(PortfolioMethod)).OrderBy(n => n, StringComparer.Ordinal);
            var offered = OptimizerCatalog.All.Where(s => s.ChartName.Length > 0).Select(s => s.ChartName).OrderBy(n => n, StringComparer.Ordinal);
            Assert.That(enumNames, Is.EqualTo(offered));
            foreach (PortfolioMethod m in Enum.GetValues(typeof(PortfolioMethod)))
                Assert.That(new TargetWeightCalculator(m, 0.6, 1, 0).Spec, Is.SameAs(OptimizerCatalog.ByChartName(m.ToString())));
        }

        [Test]
        public void TheConfig_OffersFixedAndEveryMethodThatNeedsNoParameter()
        {
            Assert.That(PortfolioConfigValidator.Methods, Is.EqualTo(new[] { "fixed", "min-variance", "max-sharpe", "risk-parity", "kelly" }));
        }

        [Test]
        public void Mixed_BlendsCatalogMethods_AndKellyInsideItIgnoresTheBudget()
        {
            var mixed = OptimizerCatalog.Create("mixed", new OptimizerSettings
            {
                Mix = new[] { new System.Collections.Generic.KeyValuePair<string, double>("min-variance", 0.5), new System.Collections.Generic.KeyValuePair<string, double>("risk-parity", 0.5) },
            });
            var r = mixed.Optimize(Problem("mixed"));
            Assert.That(r.Status, Is.EqualTo(OptimizationStatus.Optimal));
            // The blend of two fully invested long-only portfolios is feasible, so the projection keeps it: 0.5 x 0.7358 + 0.5 x 0.6.
            Assert.That(r.Weights[0], Is.EqualTo(0.5 * 0.078 / 0.106 + 0.5 * 0.6).Within(1e-6));
            var kelly = OptimizerCatalog.Create("kelly", new OptimizerSettings()).Optimize(
                new PortfolioProblem(Assets, new[] { 0.0001, 0.0001 }, Cov, 0, PortfolioConstraints.LongOnly));
            Assert.That(kelly.Weights.Sum(), Is.LessThan(0.99), "Kelly on a tiny edge stays mostly in cash even when the limits carry a budget");
        }
    }
}
