using System;
using System.Collections.Generic;
using System.Globalization;
using NinjaTraderPortfolio.Core.Data;

namespace NinjaTraderPortfolio.Core.Statistics
{
    /// <summary>
    /// The one entry point the CLI and optimizers call: estimates a covariance matrix from a return frame with the
    /// chosen <see cref="CovarianceMethod"/>, checks it is positive semidefinite (repairing by eigenvalue clipping,
    /// with a warning, or throwing), warns when it is ill-conditioned and annualises it when asked.
    /// </summary>
    public static class CovarianceEstimator
    {
        /// <summary>Estimates with default options for <paramref name="method"/> (per period, EWMA λ = 0.94).</summary>
        public static CovarianceEstimate Estimate(AssetFrame returns, CovarianceMethod method)
            => Estimate(returns, new CovarianceOptions(method));

        /// <summary>
        /// Estimates the covariance of <paramref name="returns"/> (simple or log returns, at least 2 rows, no constant
        /// column). Throws <see cref="InvalidInputException"/> for a price frame, a constant asset, or a non-PSD matrix when
        /// <see cref="CovarianceOptions.RepairNonPsd"/> is false.
        /// </summary>
        public static CovarianceEstimate Estimate(AssetFrame returns, CovarianceOptions options)
        {
            Guard.NotNull(returns, nameof(returns));
            Guard.NotNull(options, nameof(options));
            if (returns.Kind == FrameKind.Prices)
                throw new InvalidInputException($"{returns.Source}: covariance needs returns but the frame holds prices; compute returns first (ReturnCalculator)");
            int t = returns.Rows, n = returns.AssetCount;
            if (n == 0) throw new InvalidInputException($"{returns.Source}: no assets");
            if (t < 2) throw new InvalidInputException($"{returns.Source}: covariance needs at least 2 observations, got {t}");
            RejectConstantColumns(returns);

            double? intensity = null;
            double[,] matrix;
            switch (options.Method)
            {
                case CovarianceMethod.Sample:
                    matrix = SampleMoments.Covariance(returns);
                    break;
                case CovarianceMethod.Ewma:
                    matrix = EwmaCovariance.Compute(returns, options.EwmaLambda, options.EwmaMean);
                    break;
                case CovarianceMethod.LedoitWolf:
                    matrix = LedoitWolfShrinkage.IdentityTarget(returns, out double d1);
                    intensity = d1;
                    break;
                case CovarianceMethod.LedoitWolfConstantCorrelation:
                    matrix = LedoitWolfShrinkage.ConstantCorrelationTarget(returns, out double d2);
                    intensity = d2;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(options), options.Method, "unknown covariance method");
            }
            for (int i = 0; i < n; i++)
                if (!(matrix[i, i] > 0))
                    throw new InvalidInputException($"{returns.Source}: asset '{returns.Assets[i]}' has zero variance under {CovarianceMethodNames.ToName(options.Method)}");

            var warnings = new List<string>();
            string name = CovarianceMethodNames.ToName(options.Method);
            if (t <= n && options.Method != CovarianceMethod.LedoitWolf && options.Method != CovarianceMethod.LedoitWolfConstantCorrelation)
                warnings.Add($"{returns.Source}: {t} observations for {n} assets: the {name} covariance is singular; consider ledoit-wolf");
            var assets = new string[n];
            for (int j = 0; j < n; j++) assets[j] = returns.Assets[j];
            return Finish(assets, matrix, options, intensity, warnings, returns.Source);
        }

        /// <summary>
        /// Wraps a covariance matrix computed elsewhere (N x N, finite, symmetric, per period of its data) with the same
        /// checks as <see cref="Estimate(AssetFrame, CovarianceOptions)"/>: PSD check and repair (or throw), condition-number
        /// warning, annualisation when <see cref="CovarianceOptions.PeriodsPerYear"/> is set. <paramref name="source"/>
        /// names the matrix in warnings and errors. The matrix is copied.
        /// </summary>
        public static CovarianceEstimate FromMatrix(IReadOnlyList<string> assets, double[,] matrix, CovarianceOptions options, double? shrinkageIntensity = null, string source = "covariance")
        {
            Guard.NotNull(assets, nameof(assets));
            Guard.NotNull(options, nameof(options));
            Guard.SquareFinite(matrix, assets.Count, nameof(matrix));
            var copy = (double[,])matrix.Clone();
            var names = new string[assets.Count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = Guard.NotBlank(assets[i], nameof(assets));
                if (!seen.Add(names[i])) throw new InvalidInputException($"{source}: duplicate asset name '{names[i]}'");
                if (!(copy[i, i] > 0)) throw new InvalidInputException($"{source}: variance of asset '{names[i]}' must be > 0, got {Guard.Format(copy[i, i])}");
            }
            if (shrinkageIntensity.HasValue) Guard.InRange(shrinkageIntensity.Value, 0, 1, nameof(shrinkageIntensity));
            return Finish(names, copy, options, shrinkageIntensity, new List<string>(), source);
        }

        private static CovarianceEstimate Finish(string[] assets, double[,] matrix, CovarianceOptions options, double? intensity, List<string> warnings, string source)
        {
            string name = CovarianceMethodNames.ToName(options.Method);
            if (PsdCheck.CertifiesConditionAtMost(matrix, options.ConditionWarning / 2))
            {
                // Positive definite and well below the warning's condition number: the eigenvalues are only computed if
                // someone reads the condition number.
                var perPeriod = matrix;
                var condition = new Lazy<double>(() => Math.Max(1.0, PsdCheck.Analyse(perPeriod).ConditionNumber));
                if (options.PeriodsPerYear.HasValue) matrix = Annualisation.Covariance(matrix, options.PeriodsPerYear.Value);
                return CovarianceEstimate.Wrap(assets, matrix, options.Method, intensity, condition, warnings, options.PeriodsPerYear);
            }
            var report = PsdCheck.Analyse(matrix);
            if (!report.IsPositiveSemidefinite)
            {
                string what = $"{source}: {name} covariance is not positive semidefinite (smallest eigenvalue {Format(report.MinEigenvalue)}, largest {Format(report.MaxEigenvalue)})";
                if (!options.RepairNonPsd) throw new InvalidInputException(what);
                matrix = PsdCheck.ClipEigenvalues(matrix, options.EigenvalueFloorRatio);
                warnings.Add($"{what}; repaired by clipping eigenvalues at {Format(options.EigenvalueFloorRatio)} x the largest and rescaling to keep the variances");
                report = PsdCheck.Analyse(matrix);
            }
            double cond = report.ConditionNumber;
            if (cond > options.ConditionWarning)
                warnings.Add(double.IsPositiveInfinity(cond)
                    ? $"{source}: {name} covariance is singular (smallest eigenvalue {Format(report.MinEigenvalue)}); optimizers needing an inverse will fail"
                    : $"{source}: {name} covariance is ill-conditioned (condition number {Format(cond)} > {Format(options.ConditionWarning)})");
            if (options.PeriodsPerYear.HasValue) matrix = Annualisation.Covariance(matrix, options.PeriodsPerYear.Value);
            return CovarianceEstimate.Wrap(assets, matrix, options.Method, intensity, Math.Max(1.0, cond), warnings, options.PeriodsPerYear);
        }

        private static void RejectConstantColumns(AssetFrame returns)
        {
            var cols = returns.Columns;
            for (int j = 0; j < cols.Length; j++)
            {
                var c = cols[j];
                bool constant = true;
                for (int k = 1; k < c.Length && constant; k++) constant = c[k] == c[0];
                if (constant)
                    throw new InvalidInputException($"{returns.Source}: asset '{returns.Assets[j]}' has constant returns ({Guard.Format(c[0])} in every row): zero variance makes the covariance singular");
            }
        }

        private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
    }
}
