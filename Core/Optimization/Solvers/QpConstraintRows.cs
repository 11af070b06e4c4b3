using System;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// A problem's constraints in the internal form <c>n_k'x &gt;= b_k</c> (or <c>= b_k</c>), indexed with the
    /// <see cref="QpActiveSet"/> encoding: general rows (&lt;= rows negated), lower bounds <c>e_i'x &gt;= l_i</c>,
    /// upper bounds <c>-e_i'x &gt;= -u_i</c>. Bounds are never expanded to dense vectors.
    /// A fixed variable (l = u) is one equality, stored at its lower-bound index; its upper-bound index is absent.
    /// </summary>
    internal sealed class QpConstraintRows
    {
        private readonly QuadraticProgram problem;
        private readonly double[] sign;   // +1 or -1 per general row
        private readonly double[] norm;   // Euclidean norm of each general row

        public QpConstraintRows(QuadraticProgram problem)
        {
            this.problem = problem;
            N = problem.Size;
            M = problem.Constraints.Count;
            sign = new double[M];
            norm = new double[M];
            common = new double[M];
            offIndex = new int[M][];
            offValue = new double[M][];
            for (int k = 0; k < M; k++)
            {
                var c = problem.Constraints[k];
                sign[k] = c.Sense == ConstraintSense.LessOrEqual ? -1.0 : 1.0;
                double s = 0;
                foreach (var a in c.Coefficients) s += a * a;
                norm[k] = Math.Sqrt(s);
                Compress(k, c.Coefficients);
            }
        }

        // Rows that are one value c almost everywhere: a sector row (c = 0, ones on its members) or a Charnes-Cooper
        // homogenised cap e_j - u/B 1 (c = -u/B, one other entry). Their slack is c sum(x) + sum_off (a_i - c) x_i:
        // O(entries off c) instead of O(n) once sum(x) is known, which makes the most-violated search cheap.
        private readonly double[] common;
        private readonly int[]?[] offIndex;
        private readonly double[]?[] offValue;

        private void Compress(int k, double[] a)
        {
            int n = a.Length;
            if (n < 16) return;
            // Candidate common values: the first three entries (a row that is c except at most n/8 entries has c among them unless n < 16).
            for (int t = 0; t < 3; t++)
            {
                double c = a[t];
                int off = 0;
                for (int i = 0; i < n && off <= n / 8; i++) if (a[i] != c) off++;
                if (off > n / 8) continue;
                var idx = new int[off];
                var val = new double[off];
                int m = 0;
                for (int i = 0; i < n; i++) if (a[i] != c) { idx[m] = i; val[m] = a[i] - c; m++; }
                common[k] = c;
                offIndex[k] = idx;
                offValue[k] = val;
                return;
            }
        }

        /// <summary>Sum of x, for <see cref="Slack(int, double[], double)"/>.</summary>
        public static double Sum(double[] x)
        {
            double s = 0;
            for (int i = 0; i < x.Length; i++) s += x[i];
            return s;
        }

        /// <summary>Number of variables.</summary>
        public int N { get; }

        /// <summary>Number of general constraints.</summary>
        public int M { get; }

        /// <summary>Size of the index space, m + 2n.</summary>
        public int Count => M + 2 * N;

        /// <summary>Variable of a bound index, or -1 for a general row.</summary>
        public int Variable(int k) => k < M ? -1 : (k - M) % N;

        /// <summary>True for the lower-bound block.</summary>
        public bool IsLower(int k) => k >= M && k < M + N;

        /// <summary>True when variable i has lower = upper.</summary>
        public bool IsFixed(int i) => problem.Lower[i] == problem.Upper[i];

        /// <summary>Whether index k is a real constraint (bounds must be finite; a fixed variable's upper index is absent).</summary>
        public bool Exists(int k)
        {
            if (k < M) return true;
            int i = Variable(k);
            return IsLower(k) ? !double.IsNegativeInfinity(problem.Lower[i]) : !double.IsPositiveInfinity(problem.Upper[i]) && !IsFixed(i);
        }

        /// <summary>Equality rows: general equalities and fixed variables.</summary>
        public bool IsEquality(int k) => k < M ? problem.Constraints[k].Sense == ConstraintSense.Equal : IsLower(k) && IsFixed(Variable(k));

        /// <summary>Euclidean norm of n_k.</summary>
        public double Norm(int k) => k < M ? norm[k] : 1.0;

        /// <summary>Right-hand side b_k of the internal form.</summary>
        public double Rhs(int k)
        {
            if (k < M) return sign[k] * problem.Constraints[k].Bound;
            int i = Variable(k);
            return IsLower(k) ? problem.Lower[i] : -problem.Upper[i];
        }

        /// <summary>Slack <c>n_k'x - b_k</c> (negative when violated).</summary>
        public double Slack(int k, double[] x) => Slack(k, x, k < M && offIndex[k] != null ? Sum(x) : 0.0);

        /// <summary>Slack of row k at x, with <paramref name="sumX"/> = sum(x) (used by compressed rows).</summary>
        public double Slack(int k, double[] x, double sumX)
        {
            if (k < M && offIndex[k] is int[] idx)
            {
                var val = offValue[k]!;
                double s = common[k] * sumX;
                for (int r = 0; r < idx.Length; r++) s += val[r] * x[idx[r]];
                return sign[k] * (s - problem.Constraints[k].Bound);
            }
            if (k < M)
            {
                var a = problem.Constraints[k].Coefficients;
                return sign[k] * (RidgedCholesky.Dot(a, x, 0, a.Length) - problem.Constraints[k].Bound);
            }
            int i = Variable(k);
            return IsLower(k) ? x[i] - problem.Lower[i] : problem.Upper[i] - x[i];
        }

        /// <summary>
        /// d = J'(s n_k), J row-major n x n. For a bound this is a signed copy of one row of J (O(n));
        /// for a general row it accumulates the rows of J weighted by the coefficients (O(n^2)).
        /// </summary>
        public void TransposeProduct(int k, double s, double[][] j, double[] d)
        {
            int n = N;
            if (k >= M)
            {
                var row = j[Variable(k)];
                double f = IsLower(k) ? s : -s;
                for (int c = 0; c < n; c++) d[c] = f * row[c];
                return;
            }
            Array.Clear(d, 0, n);
            var a = problem.Constraints[k].Coefficients;
            double g = s * sign[k];
            for (int r = 0; r < n; r++)
            {
                double w = g * a[r];
                if (w == 0) continue;
                var row = j[r];
                for (int c = 0; c < n; c++) d[c] += w * row[c];
            }
        }

        /// <summary>Adds <c>t * s * n_k</c> to <paramref name="v"/> (used by the KKT residual).</summary>
        public void AddNormal(int k, double t, double[] v)
        {
            if (k >= M)
            {
                v[Variable(k)] += IsLower(k) ? t : -t;
                return;
            }
            var a = problem.Constraints[k].Coefficients;
            double g = t * sign[k];
            for (int r = 0; r < a.Length; r++) v[r] += g * a[r];
        }

        /// <summary>Name for reports; <paramref name="direction"/> is the effective sign (+1 pushes x_i up for bounds).</summary>
        public string Name(int k, double direction) => Id(k, direction).Text;

        /// <summary>Typed identity of entry <paramref name="k"/> with effective sign <paramref name="direction"/>.</summary>
        public ConstraintId Id(int k, double direction)
        {
            if (k < M) return problem.Constraints[k].Id;
            bool lower = IsLower(k) ? direction > 0 : direction < 0;
            return problem.BoundId(Variable(k), lower ? ConstraintSide.Lower : ConstraintSide.Upper);
        }

        /// <summary>The public encoding for an active entry with effective sign <paramref name="direction"/>.</summary>
        public int PublicIndex(int k, double direction)
        {
            if (k < M || !IsFixed(Variable(k))) return k;
            return direction >= 0 ? k : k + N;
        }
    }
}
