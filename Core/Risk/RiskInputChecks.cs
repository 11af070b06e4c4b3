using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk
{
    /// <summary>Shared argument checks of the risk functions (messages name the culprit).</summary>
    internal static class RiskInputChecks
    {
        public static void Weights(IReadOnlyList<double> weights, int n)
        {
            Guard.NotNull(weights, nameof(weights));
            if (weights.Count != n) throw new ArgumentException($"weights must have {n} elements (one per asset), got {weights.Count}", nameof(weights));
            for (int i = 0; i < n; i++)
                if (double.IsNaN(weights[i]) || double.IsInfinity(weights[i]))
                    throw new ArgumentException($"weights[{i}] must be a finite number, got {Guard.Format(weights[i])}", nameof(weights));
        }

        public static double Confidence(double c) => Guard.InOpenRange(c, 0, 1, "confidence");

        public static void Series(double[] r, int minLength, string name)
        {
            Guard.AllFinite(r, name);
            if (r.Length < minLength) throw new InvalidInputException($"{name} needs at least {minLength} observations, got {r.Length}");
        }

        public static void Mean(IReadOnlyList<double> mu, int n)
        {
            Guard.NotNull(mu, nameof(mu));
            if (mu.Count != n) throw new ArgumentException($"mu must have {n} elements, got {mu.Count}", nameof(mu));
            for (int i = 0; i < n; i++)
                if (double.IsNaN(mu[i]) || double.IsInfinity(mu[i]))
                    throw new ArgumentException($"mu[{i}] must be a finite number, got {Guard.Format(mu[i])}", nameof(mu));
        }

        public static void Covariance(double[,] cov, int n)
        {
            Guard.SquareFinite(cov, n, nameof(cov));
            for (int i = 0; i < n; i++)
            {
                if (cov[i, i] < 0) throw new InvalidInputException($"covariance diagonal [{i},{i}] is negative ({Guard.Format(cov[i, i])})");
                for (int j = i + 1; j < n; j++)
                {
                    double a = cov[i, j], b = cov[j, i];
                    if (Math.Abs(a - b) > 1e-12 * Math.Max(1e-300, Math.Abs(a) + Math.Abs(b)) && Math.Abs(a - b) > 1e-300)
                        throw new InvalidInputException($"covariance is not symmetric at [{i},{j}]: {Guard.Format(a)} vs {Guard.Format(b)}");
                }
            }
        }
    }
}
