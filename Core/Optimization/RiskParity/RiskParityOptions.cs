using System;

namespace NinjaTraderPortfolio.Core.Optimization.RiskParity
{
    /// <summary>
    /// Settings of <see cref="RiskParityOptimizer"/>. Immutable; invalid values throw
    /// <see cref="ArgumentOutOfRangeException"/> naming the setting.
    /// </summary>
    public sealed class RiskParityOptions
    {
        /// <summary>Default convergence tolerance on <c>max_i |RC_i - b_i|</c> (risk contributions as fractions).</summary>
        public const double DefaultTolerance = 1e-10;

        /// <summary>Default iteration cap for Newton (steps).</summary>
        public const int DefaultNewtonMaxIterations = 100;

        /// <summary>Default iteration cap for coordinate descent (full sweeps over all assets).</summary>
        public const int DefaultCoordinateDescentMaxIterations = 10000;

        /// <summary>
        /// Default largest universe that <see cref="RiskParityMethod.Auto"/> solves with Newton. Each Newton step factors an
        /// N x N Hessian (N^3/3), each coordinate-descent sweep costs N^2; on equity-like covariances descent needs about 10
        /// sweeps to 1e-10, so above about 200 assets it is several times faster (docs/performance.md: N = 500 Newton 86 ms,
        /// descent 16 ms).
        /// </summary>
        public const int DefaultNewtonMaxAssets = 200;

        /// <summary>Creates options.</summary>
        /// <param name="method">Algorithm; <see cref="RiskParityMethod.Auto"/> picks by the number of assets.</param>
        /// <param name="tolerance">Stop when <c>max_i |RC_i - b_i|</c> is at most this (in (0, 0.1]).</param>
        /// <param name="maxIterations">Iteration cap (Newton steps or CCD sweeps); 0 means the method's default.</param>
        /// <param name="newtonMaxAssets">With <see cref="RiskParityMethod.Auto"/>, Newton is used up to this many assets.</param>
        public RiskParityOptions(RiskParityMethod method = RiskParityMethod.Auto, double tolerance = DefaultTolerance,
            int maxIterations = 0, int newtonMaxAssets = DefaultNewtonMaxAssets)
        {
            if (method != RiskParityMethod.Auto && method != RiskParityMethod.Newton && method != RiskParityMethod.CoordinateDescent)
                throw new ArgumentOutOfRangeException(nameof(method), method, $"method must be Auto, Newton or CoordinateDescent, got {method}");
            Method = method;
            if (!(tolerance > 0 && tolerance <= 0.1))
                throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"tolerance must be in (0, 0.1], got {Guard.Format(tolerance)}");
            Tolerance = tolerance;
            MaxIterations = Guard.NonNegative(maxIterations, nameof(maxIterations));
            NewtonMaxAssets = Guard.Positive(newtonMaxAssets, nameof(newtonMaxAssets));
        }

        /// <summary>Default options: automatic method, tolerance 1e-10, default caps.</summary>
        public static RiskParityOptions Default { get; } = new RiskParityOptions();

        /// <summary>Requested algorithm.</summary>
        public RiskParityMethod Method { get; }

        /// <summary>Convergence tolerance on <c>max_i |RC_i - b_i|</c>, RC and b as fractions of portfolio variance.</summary>
        public double Tolerance { get; }

        /// <summary>Iteration cap as given (0 = the method's default, see <see cref="IterationCapFor"/>).</summary>
        public int MaxIterations { get; }

        /// <summary>With <see cref="RiskParityMethod.Auto"/>: Newton for at most this many assets, coordinate descent above.</summary>
        public int NewtonMaxAssets { get; }

        /// <summary>The method actually used for <paramref name="assetCount"/> assets.</summary>
        public RiskParityMethod ResolveMethod(int assetCount)
            => Method != RiskParityMethod.Auto ? Method
                : assetCount <= NewtonMaxAssets ? RiskParityMethod.Newton : RiskParityMethod.CoordinateDescent;

        /// <summary>The iteration cap applied to <paramref name="method"/> (Newton or CoordinateDescent).</summary>
        public int IterationCapFor(RiskParityMethod method)
            => MaxIterations > 0 ? MaxIterations
                : method == RiskParityMethod.Newton ? DefaultNewtonMaxIterations : DefaultCoordinateDescentMaxIterations;
    }
}
