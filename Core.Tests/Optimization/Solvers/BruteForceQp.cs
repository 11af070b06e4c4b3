using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using NinjaTraderPortfolio.Core.Optimization.Solvers;

namespace NinjaTraderPortfolio.Core.Tests.Optimization.Solvers
{
    /// <summary>
    /// Independent reference for tiny problems (n &lt;= 4): tries every subset of inequality rows and finite bounds as
    /// the active set, solves the KKT system [P A'; A 0][x; l] = [-q; b] for it, and keeps the feasible, dual-feasible
    /// candidate of least objective. Exponential, so only for a dozen or so inequalities.
    /// </summary>
    internal static class BruteForceQp
    {
        private sealed class Row
        {
            public double[] A = Array.Empty<double>();
            public double B;
            public int Kind; // 0 equality, +1 "a'x <= b" (l >= 0), -1 "a'x >= b" (l <= 0)
        }

        /// <summary>Returns the minimiser, or null when no candidate is feasible (infeasible problem).</summary>
        public static double[]? Solve(QuadraticProgram problem)
        {
            int n = problem.Size;
            var rows = new List<Row>();
            foreach (var c in problem.Constraints)
                rows.Add(new Row { A = c.Coefficients, B = c.Bound, Kind = c.Sense == ConstraintSense.Equal ? 0 : c.Sense == ConstraintSense.LessOrEqual ? 1 : -1 });
            for (int i = 0; i < n; i++)
            {
                var e = new double[n];
                e[i] = 1;
                if (problem.Lower[i] == problem.Upper[i]) { rows.Add(new Row { A = e, B = problem.Lower[i], Kind = 0 }); continue; }
                if (!double.IsInfinity(problem.Lower[i])) rows.Add(new Row { A = e, B = problem.Lower[i], Kind = -1 });
                if (!double.IsInfinity(problem.Upper[i])) rows.Add(new Row { A = e, B = problem.Upper[i], Kind = 1 });
            }
            var eq = new List<int>();
            var ineq = new List<int>();
            for (int k = 0; k < rows.Count; k++) (rows[k].Kind == 0 ? eq : ineq).Add(k);
            if (ineq.Count > 16) throw new ArgumentException("too many inequalities for enumeration");

            double[]? best = null;
            double bestObjective = double.PositiveInfinity;
            for (int mask = 0; mask < 1 << ineq.Count; mask++)
            {
                var act = new List<int>(eq);
                for (int t = 0; t < ineq.Count; t++) if ((mask & (1 << t)) != 0) act.Add(ineq[t]);
                if (act.Count > n) continue;
                int size = n + act.Count;
                var k = Matrix<double>.Build.Dense(size, size);
                var rhs = Vector<double>.Build.Dense(size);
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++) k[i, j] = problem.P[i, j];
                    rhs[i] = -problem.Q[i];
                }
                for (int a = 0; a < act.Count; a++)
                {
                    var row = rows[act[a]];
                    for (int i = 0; i < n; i++) { k[i, n + a] = row.A[i]; k[n + a, i] = row.A[i]; }
                    rhs[n + a] = row.B;
                }
                if (k.Rank() < size) continue;
                var sol = k.Solve(rhs);
                bool ok = true;
                for (int a = 0; a < act.Count && ok; a++)
                {
                    double l = sol[n + a];
                    int kind = rows[act[a]].Kind;
                    if (kind == 1 && l < -1e-9) ok = false;
                    if (kind == -1 && l > 1e-9) ok = false;
                }
                var x = new double[n];
                for (int i = 0; i < n; i++) x[i] = sol[i];
                foreach (var row in rows)
                {
                    if (!ok) break;
                    double ax = 0;
                    for (int i = 0; i < n; i++) ax += row.A[i] * x[i];
                    if (row.Kind == 0 && Math.Abs(ax - row.B) > 1e-9) ok = false;
                    if (row.Kind == 1 && ax > row.B + 1e-9) ok = false;
                    if (row.Kind == -1 && ax < row.B - 1e-9) ok = false;
                }
                if (!ok) continue;
                double f = GoldfarbIdnaniSolver.Objective(problem, x);
                if (f < bestObjective) { bestObjective = f; best = x; }
            }
            return best;
        }
    }
}
