using System.Runtime.CompilerServices;

namespace NinjaTraderPortfolio.Core.Numerics
{
    /// <summary>
    /// JIT hints for the hot numeric kernels (Core targets netstandard2.0, whose enum lacks the name). Scalar kernels carry
    /// none: in the published (ReadyToRun) CLI they run precompiled optimised code, and a hint would force a JIT compile at
    /// start-up instead; under the JIT alone, on-stack replacement moves a long loop to optimised code.
    /// </summary>
    internal static class Jit
    {
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (512): the method is compiled fully optimised at once, skipping
        /// tier 0, so a long loop entered once (one CSV parse, one covariance) does not run as unoptimised code.
        /// </summary>
        internal const MethodImplOptions Optimize = (MethodImplOptions)512;

        /// <summary>
        /// <see cref="Optimize"/> plus <c>NoInlining</c>, for kernels on <c>System.Numerics.Vector&lt;T&gt;</c>: ReadyToRun cannot
        /// precompile them (the vector width is the machine's), so they are compiled fully optimised at first call; kept out
        /// of line so that ReadyToRun still precompiles their callers (inlining one would make the caller vector-width
        /// dependent too, and the caller would start as unoptimised code).
        /// </summary>
        internal const MethodImplOptions Vector = (MethodImplOptions)(512 | 8);
    }
}
