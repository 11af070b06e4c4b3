using System.Runtime.CompilerServices;

namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>JIT hints for the hot numeric kernels (Core targets netstandard2.0, whose enum lacks the name).</summary>
    internal static class Jit
    {
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (512): the method is compiled fully optimised at once, skipping
        /// tier 0, so a long loop entered once (one CSV parse, one covariance) does not run as unoptimised code.
        /// </summary>
        internal const MethodImplOptions Optimize = (MethodImplOptions)512;
    }
}
