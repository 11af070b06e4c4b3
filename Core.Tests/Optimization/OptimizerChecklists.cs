using System.Collections.Generic;
using System.Linq;
using NinjaTraderPortfolio.Core.Optimization;
using NinjaTraderPortfolio.Core.Optimization.Constraints;
using NinjaTraderPortfolio.Core.Optimization.Kelly;
using NUnit.Framework;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    [TestFixture]
    public sealed class MinimumVarianceChecklist : OptimizerChecklist
    {
        protected override OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints c)
            => new MinimumVarianceOptimizer(TestSolver.Create()).Optimize(new PortfolioProblem(assets, mu, cov, 0, c));
    }

    [TestFixture]
    public sealed class MaximumSharpeChecklist : OptimizerChecklist
    {
        // Long/short with gross leverage 1.5 exercises the homogenised auxiliary rows.
        protected override PortfolioConstraints Constraints(int n) => PortfolioConstraints.LongOnly.WithWeightRange(-0.3, 0.7).WithMaxLeverage(1.5);

        protected override OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints c)
        {
            // A risk-free rate below every return, so some portfolio beats it in every random case.
            return new MaximumSharpeOptimizer(TestSolver.Create()).Optimize(new PortfolioProblem(assets, mu, cov, -1e-3, c));
        }
    }

    [TestFixture]
    public sealed class TargetReturnChecklist : OptimizerChecklist
    {
        protected override OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints c)
        {
            // The target is the mean of the assets' returns: attainable under max weight 0.6 only as a blend, so it binds.
            double target = mu.Length > 0 ? mu.Average() : 0;
            return new TargetReturnOptimizer(TestSolver.Create(), target).Optimize(new PortfolioProblem(assets, mu, cov, 0, c));
        }
    }

    [TestFixture]
    public sealed class KellyChecklist : OptimizerChecklist
    {
        protected override PortfolioConstraints Constraints(int n) => KellyOptimizer.DefaultConstraints.WithWeightRange(0, 0.6);

        protected override OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints c)
            => new KellyOptimizer(TestSolver.Create(), 0.5).Optimize(new PortfolioProblem(assets, mu, cov, 0, c));
    }

    [TestFixture]
    public sealed class MixedChecklist : OptimizerChecklist
    {
        protected override PortfolioConstraints Constraints(int n) => PortfolioConstraints.LongOnly.WithWeightRange(0.02, 0.6);

        protected override OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints c)
        {
            var s = TestSolver.Create();
            var mix = new MixedOptimizer(s, new[]
            {
                new KeyValuePair<IPortfolioOptimizer, double>(new MinimumVarianceOptimizer(s), 0.5),
                new KeyValuePair<IPortfolioOptimizer, double>(new KellyOptimizer(s, 1.0), 0.5),
            });
            return mix.Optimize(new PortfolioProblem(assets, mu, cov, 0, c));
        }
    }

    [TestFixture]
    public sealed class TargetVolatilityChecklist : OptimizerChecklist
    {
        protected override OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints c)
        {
            var s = TestSolver.Create();
            var problem = new PortfolioProblem(assets, mu, cov, 0, c);
            // Halfway (in volatility) between the minimum-variance and maximum-return portfolios: always attainable.
            double lo = new MinimumVarianceOptimizer(s).Optimize(problem).Volatility;
            double hi = new MaximumReturnOptimizer(s).Optimize(problem).Volatility;
            var r = new TargetVolatilityOptimizer(s, 0.5 * (lo + hi)).Optimize(problem);
            Assert.That(r.Volatility, Is.EqualTo(0.5 * (lo + hi)).Within(1e-9 * hi));
            return r;
        }
    }
}

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>The risk-parity optimizer (riskparity branch) through the same checklist: long-only, fully invested, no other limits.</summary>
    [TestFixture]
    public sealed class RiskParityChecklist : OptimizerChecklist
    {
        protected override PortfolioConstraints Constraints(int n) => PortfolioConstraints.LongOnly;

        // Risk budgeting is well defined for a PSD covariance with positive variances (a duplicated asset just shares its budget).
        protected override bool RequiresPositiveDefiniteCovariance => false;

        protected override OptimizationResult Optimize(IReadOnlyList<string> assets, double[] mu, double[,] cov, PortfolioConstraints c)
            => new Core.Optimization.RiskParity.RiskParityOptimizer().Optimize(assets, cov, null, mu, 0);
    }
}
