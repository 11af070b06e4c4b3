using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>Seeded random convex QPs that are feasible by construction (built around a known interior-ish point).</summary>
    internal static class RandomQp
    {
        public static QuadraticProgram Create(int seed, int n, int equalities, int inequalities, bool bounds, double ridge = 0.1)
        {
            var rng = new Random(seed);
            var b = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) b[i, j] = rng.NextDouble() * 2 - 1;
            var p = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += b[k, i] * b[k, j];
                    p[i, j] = s / n + (i == j ? ridge : 0);
                }
            var q = new double[n];
            for (int i = 0; i < n; i++) q[i] = 3 * (rng.NextDouble() * 2 - 1);
            var x0 = new double[n];
            for (int i = 0; i < n; i++) x0[i] = rng.NextDouble() * 2 - 1;
            var rows = new List<LinearConstraint>();
            for (int k = 0; k < equalities + inequalities; k++)
            {
                var a = new double[n];
                for (int i = 0; i < n; i++) a[i] = rng.NextDouble() < 0.3 ? 0 : rng.NextDouble() * 2 - 1;
                a[rng.Next(n)] = 0.5 + rng.NextDouble(); // never an all-zero row
                double ax = 0;
                for (int i = 0; i < n; i++) ax += a[i] * x0[i];
                if (k < equalities)
                {
                    rows.Add(new LinearConstraint("eq" + k, a, ConstraintSense.Equal, ax));
                    continue;
                }
                double slack = rng.NextDouble() * 0.5;
                if (rng.NextDouble() < 0.5) rows.Add(new LinearConstraint("le" + k, a, ConstraintSense.LessOrEqual, ax + slack));
                else rows.Add(new LinearConstraint("ge" + k, a, ConstraintSense.GreaterOrEqual, ax - slack));
            }
            double[]? lo = null, hi = null;
            if (bounds)
            {
                lo = new double[n];
                hi = new double[n];
                for (int i = 0; i < n; i++)
                {
                    double kind = rng.NextDouble();
                    lo[i] = kind < 0.15 ? double.NegativeInfinity : x0[i] - rng.NextDouble() * 0.5;
                    hi[i] = kind > 0.85 ? double.PositiveInfinity : x0[i] + rng.NextDouble() * 0.5;
                }
            }
            return new QuadraticProgram(p, q, rows, lo, hi);
        }
    }
}
