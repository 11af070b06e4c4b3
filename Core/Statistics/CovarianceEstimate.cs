using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// An immutable covariance matrix with how it was made: method, shrinkage intensity, condition number and
    /// warnings (repairs, ill-conditioning). Figures are per period of the input returns unless
    /// <see cref="PeriodsPerYear"/> is set (then annualised: per-period covariance × periods per year).
    /// </summary>
    public sealed class CovarianceEstimate
    {
        private readonly double[,] _matrix;
        private readonly string[] _assets;

        /// <summary>
        /// Creates an estimate; <paramref name="matrix"/> (N x N, finite, symmetric) and the lists are copied.
        /// <paramref name="shrinkageIntensity"/> is in [0, 1] or null; <paramref name="periodsPerYear"/> null means per period.
        /// </summary>
        public CovarianceEstimate(IReadOnlyList<string> assets, double[,] matrix, CovarianceMethod method, double? shrinkageIntensity,
            double conditionNumber, IReadOnlyList<string> warnings, int? periodsPerYear = null)
            : this(CopyAssets(assets), CopyMatrix(matrix, assets.Count), method, shrinkageIntensity, conditionNumber, new List<string>(Guard.NotNull(warnings, nameof(warnings))), periodsPerYear)
        {
        }

        private CovarianceEstimate(string[] assets, double[,] matrix, CovarianceMethod method, double? shrinkageIntensity,
            double conditionNumber, List<string> warnings, int? periodsPerYear)
            : this(assets, matrix, method, shrinkageIntensity, Known(conditionNumber), warnings, periodsPerYear)
        {
        }

        private CovarianceEstimate(string[] assets, double[,] matrix, CovarianceMethod method, double? shrinkageIntensity,
            Lazy<double> conditionNumber, List<string> warnings, int? periodsPerYear)
        {
            if (shrinkageIntensity.HasValue) Guard.InRange(shrinkageIntensity.Value, 0, 1, nameof(shrinkageIntensity));
            if (periodsPerYear.HasValue) Guard.Positive(periodsPerYear.Value, nameof(periodsPerYear));
            _assets = assets;
            _matrix = matrix;
            Method = method;
            ShrinkageIntensity = shrinkageIntensity;
            _condition = conditionNumber;
            Warnings = warnings.AsReadOnly();
            PeriodsPerYear = periodsPerYear;
        }

        private readonly Lazy<double> _condition;

        private static Lazy<double> Known(double conditionNumber)
        {
            if (double.IsNaN(conditionNumber) || conditionNumber < 1 - 1e-9)
                throw new ArgumentOutOfRangeException(nameof(conditionNumber), conditionNumber, $"conditionNumber must be >= 1 or +Infinity, got {Guard.Format(conditionNumber)}");
            return new Lazy<double>(() => conditionNumber, System.Threading.LazyThreadSafetyMode.PublicationOnly);
        }

        internal static CovarianceEstimate Wrap(string[] assets, double[,] matrix, CovarianceMethod method, double? shrinkageIntensity,
            double conditionNumber, List<string> warnings, int? periodsPerYear)
            => new CovarianceEstimate(assets, matrix, method, shrinkageIntensity, conditionNumber, warnings, periodsPerYear);

        /// <summary>
        /// As the other overload, with the condition number computed on first read (<see cref="CovarianceEstimator"/> after a
        /// Cholesky certificate that it is below the warning threshold: the eigenvalues are then only needed if asked for).
        /// </summary>
        internal static CovarianceEstimate Wrap(string[] assets, double[,] matrix, CovarianceMethod method, double? shrinkageIntensity,
            Lazy<double> conditionNumber, List<string> warnings, int? periodsPerYear)
            => new CovarianceEstimate(assets, matrix, method, shrinkageIntensity, conditionNumber, warnings, periodsPerYear);

        /// <summary>Asset names, in row/column order.</summary>
        public IReadOnlyList<string> Assets => _assets;

        /// <summary>N, the number of assets.</summary>
        public int Size => _assets.Length;

        /// <summary>Covariance of assets <paramref name="i"/> and <paramref name="j"/> (per period, or annual when <see cref="PeriodsPerYear"/> is set).</summary>
        public double this[int i, int j] => _matrix[i, j];

        /// <summary>A copy of the N x N matrix.</summary>
        public double[,] ToArray() => (double[,])_matrix.Clone();

        /// <summary>Direct read access for Core kernels. Never mutate.</summary>
        internal double[,] Matrix => _matrix;

        /// <summary>The estimator that produced the matrix.</summary>
        public CovarianceMethod Method { get; }

        /// <summary>Optimal shrinkage intensity in [0, 1] for Ledoit-Wolf methods (weight on the target); null otherwise.</summary>
        public double? ShrinkageIntensity { get; }

        /// <summary>Largest over smallest eigenvalue (unchanged by annualisation); +Infinity when singular.</summary>
        public double ConditionNumber => _condition.Value;

        /// <summary>Notes for the user: PSD repairs, ill-conditioning, singularity.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>Periods per year the matrix was annualised with, or null when it is per period.</summary>
        public int? PeriodsPerYear { get; }

        /// <summary>Square roots of the diagonal (volatilities, same units as the matrix: per period or annual).</summary>
        public double[] Volatilities()
        {
            var v = new double[Size];
            for (int i = 0; i < v.Length; i++) v[i] = Math.Sqrt(_matrix[i, i]);
            return v;
        }

        /// <summary>The annualised estimate (matrix × <paramref name="periodsPerYear"/>); throws if already annualised.</summary>
        public CovarianceEstimate Annualise(int periodsPerYear)
        {
            Guard.Positive(periodsPerYear, nameof(periodsPerYear));
            if (PeriodsPerYear.HasValue) throw new InvalidOperationException($"the estimate is already annualised with {PeriodsPerYear.Value} periods per year");
            return new CovarianceEstimate(_assets, Annualisation.Covariance(_matrix, periodsPerYear), Method, ShrinkageIntensity, _condition,
                new List<string>(Warnings), periodsPerYear);
        }

        private static string[] CopyAssets(IReadOnlyList<string> assets)
        {
            Guard.NotNull(assets, nameof(assets));
            var a = new string[assets.Count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = Guard.NotBlank(assets[i], nameof(assets));
                if (!seen.Add(a[i])) throw new ArgumentException($"duplicate asset name '{a[i]}'", nameof(assets));
            }
            return a;
        }

        private static double[,] CopyMatrix(double[,] matrix, int n)
        {
            Guard.SquareFinite(matrix, n, nameof(matrix));
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                    if (Math.Abs(matrix[i, j] - matrix[j, i]) > 1e-12 * Math.Max(Math.Abs(matrix[i, j]), Math.Abs(matrix[j, i])))
                        throw new ArgumentException($"matrix must be symmetric; [{i},{j}] = {Guard.Format(matrix[i, j])} but [{j},{i}] = {Guard.Format(matrix[j, i])}", nameof(matrix));
            return (double[,])matrix.Clone();
        }
    }
}
