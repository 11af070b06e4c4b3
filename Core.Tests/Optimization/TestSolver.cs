using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Tests.Optimization
{
    /// <summary>The QP solver the optimizer tests run on (the project's Goldfarb-Idnani dual active-set solver).</summary>
    internal static class TestSolver
    {
        public static IQpSolver Create() => new GoldfarbIdnaniSolver();
    }
}
