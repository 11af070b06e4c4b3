using System;

namespace NinjaTraderPortfolio.Core.Optimization.Solvers
{
    /// <summary>
    /// The factorisation Goldfarb and Idnani (1983, Math. Programming 27, 1-33, section 3) update instead of
    /// any inverse: <c>J = L^-T Q</c> and upper-triangular <c>R</c> with <c>J' N_A = [R; 0]</c>, where
    /// <c>P = L L'</c> and <c>N_A</c> holds the q active normals. <c>J1</c> = first q columns, <c>J2</c> = the rest.
    /// Adding or dropping a constraint applies Givens rotations to J's columns (and R's rows), O(n(n-q)) resp.
    /// O(n(q-k)) as in quadprog (Turlach and Weingessel). J is stored row-major, one row per variable; a row whose
    /// variable sits on an active bound is zero in J2 (its normal is e_i), so additions skip those rows.
    /// </summary>
    internal sealed class GoldfarbIdnaniFactors
    {
        private readonly int n;
        private readonly double[][] j;
        private readonly double[][] r;   // r[c][0..c] = column c of R
        private readonly bool[] boundRow;  // variable i has an active bound: row i of J2 is zero
        private readonly int[] position;   // active position of that bound, -1 for a free row
        private readonly double[] cosine, sine, work;
        private readonly int[] freeRows;

        public GoldfarbIdnaniFactors(double[][] inverseCholeskyTranspose)
        {
            j = inverseCholeskyTranspose;
            n = j.Length;
            r = new double[n][];
            for (int c = 0; c < n; c++) r[c] = new double[c + 1]; // column c of R has c + 1 entries (grown in Add if a dropped column's array lands later)
            boundRow = new bool[n];
            position = new int[n];
            for (int i = 0; i < n; i++) position[i] = -1;
            cosine = new double[n];
            sine = new double[n];
            work = new double[n];
            freeRows = new int[n];
        }

        /// <summary>Number of active constraints q.</summary>
        public int Count { get; private set; }

        /// <summary>J, row-major (row i belongs to variable i).</summary>
        public double[][] J => j;

        /// <summary>Squared norm of d2 = d[q..n), which equals z'n for the primal direction z.</summary>
        public double TailSquaredNorm(double[] d)
        {
            double s = 0;
            for (int c = Count; c < n; c++) s += d[c] * d[c];
            return s;
        }

        /// <summary>Primal direction z = J2 d2 (rows of bound-fixed variables are exactly zero).</summary>
        public void PrimalDirection(double[] d, double[] z)
        {
            int q = Count;
            if ((long)n * (n - q) >= 2 * ParallelWork && Environment.ProcessorCount > 1)
            {
                int half = n / 2;
                System.Threading.Tasks.Parallel.Invoke(() => PrimalRows(d, z, q, 0, half), () => PrimalRows(d, z, q, half, n));
            }
            else PrimalRows(d, z, q, 0, n);
        }

        private void PrimalRows(double[] d, double[] z, int q, int from, int to)
        {
            for (int i = from; i < to; i++)
                z[i] = boundRow[i] ? 0.0 : Numerics.DotKernels.Dot(j[i], d, q, n);
        }

        /// <summary>Dual direction rr = R^-1 d1 by back substitution (q entries).</summary>
        public void DualDirection(double[] d, double[] rr)
        {
            int q = Count;
            Array.Copy(d, rr, q);
            for (int c = q - 1; c >= 0; c--)
            {
                var col = r[c];
                double v = rr[c] / col[c];
                rr[c] = v;
                Numerics.DotKernels.SubtractScaled(rr, v, col, c);
            }
        }

        /// <summary>Solves R' y = b (forward substitution, q entries).</summary>
        public void SolveTransposed(double[] b, double[] y)
        {
            int q = Count;
            for (int c = 0; c < q; c++)
            {
                var col = r[c];
                y[c] = (b[c] - Numerics.DotKernels.Dot(col, y, 0, c)) / col[c];
            }
        }

        /// <summary>
        /// Appends the constraint with d = J'n: rotations of columns (c-1, c), c = n-1 .. q+1, zero d[q+1..n),
        /// the same rotations applied to J; R gains the column d[0..q]. <paramref name="variable"/> is the bound's
        /// variable (its J2 row becomes zero) or -1 for a general row.
        /// </summary>
        public void Add(double[] d, int variable)
        {
            int q = Count;
            int top = -1; // highest rotation that is not the identity; all below it are non-trivial too
            for (int c = n - 1; c > q; c--)
            {
                double a = d[c - 1], b = d[c];
                if (b == 0) { cosine[c] = 1; sine[c] = 0; continue; }
                double h = Hypot(a, b);
                cosine[c] = a / h;
                sine[c] = b / h;
                d[c - 1] = h;
                d[c] = 0;
                if (top < 0) top = c;
            }
            if (top > q)
            {
                // Rows are independent; four at a time hide the latency of the carried recurrence. Large updates are split
                // between two threads (each row's arithmetic is the same either way, so the result is too).
                int count = 0;
                for (int i = 0; i < n; i++) if (!boundRow[i]) freeRows[count++] = i;
                if ((long)count * (top - q) >= ParallelWork && Environment.ProcessorCount > 1)
                {
                    int half = count / 8 * 4;
                    System.Threading.Tasks.Parallel.Invoke(() => RotateRows(0, half, top, q), () => RotateRows(half, count, top, q));
                }
                else RotateRows(0, count, top, q);
            }
            var col = r[q];
            if (col.Length < q + 1) r[q] = col = new double[q + 1];
            Array.Copy(d, col, q + 1);
            Count = q + 1;
            if (variable >= 0)
            {
                var row = j[variable];
                for (int c = q + 1; c < n; c++) row[c] = 0.0;
                boundRow[variable] = true;
                position[variable] = q;
            }
        }

        /// <summary>
        /// Row-times-column updates (rotations or products) from which one update uses two threads (a setting so that tests
        /// can compare both paths; the results are the same bit for bit).
        /// </summary>
        internal static long ParallelWork = 120_000;

        private void RotateRows(int from, int to, int top, int q)
        {
            int k = from;
            for (; k + 3 < to; k += 4)
                RotateDown(j[freeRows[k]], j[freeRows[k + 1]], j[freeRows[k + 2]], j[freeRows[k + 3]], top, q);
            for (; k < to; k++) RotateDown(j[freeRows[k]], top, q);
        }

        // Applies the stored rotations for c = top .. q+1 (descending) to one row: new (x[c-1], x[c]) =
        // (cos x[c-1] + sin x[c], -sin x[c-1] + cos x[c]). Rotations above 'top' are identities.
        private void RotateDown(double[] x, int top, int q)
        {
            double carry = x[top];
            for (int c = top; c > q; c--)
            {
                double a = x[c - 1];
                double cs = cosine[c], sn = sine[c];
                x[c] = cs * carry - sn * a;
                carry = cs * a + sn * carry;
            }
            x[q] = carry;
        }

        private void RotateDown(double[] x0, double[] x1, double[] x2, double[] x3, int top, int q)
        {
            double c0 = x0[top], c1 = x1[top], c2 = x2[top], c3 = x3[top];
            for (int c = top; c > q; c--)
            {
                double cs = cosine[c], sn = sine[c];
                double a0 = x0[c - 1], a1 = x1[c - 1], a2 = x2[c - 1], a3 = x3[c - 1];
                x0[c] = cs * c0 - sn * a0;
                x1[c] = cs * c1 - sn * a1;
                x2[c] = cs * c2 - sn * a2;
                x3[c] = cs * c3 - sn * a3;
                c0 = cs * a0 + sn * c0;
                c1 = cs * a1 + sn * c1;
                c2 = cs * a2 + sn * c2;
                c3 = cs * a3 + sn * c3;
            }
            x0[q] = c0;
            x1[q] = c1;
            x2[q] = c2;
            x3[q] = c3;
        }

        /// <summary>
        /// Removes the active constraint at position k: R loses column k and is made triangular again by
        /// rotations of rows (c, c+1), c = k .. q-2, applied to J's columns too. <paramref name="variable"/> is the
        /// dropped bound's variable (its row is free again) or -1.
        /// A row of a variable whose bound stays active at position p is (up to sign) column p of R, zero right of p,
        /// so it only needs the rotations c = k .. p-1 (none when p &lt; k).
        /// </summary>
        public void Drop(int k, int variable)
        {
            int q = Count;
            var removed = r[k];
            for (int c = k; c < q - 1; c++) r[c] = r[c + 1];
            r[q - 1] = removed;
            // Column by column (contiguous): apply the rotations found so far, then find the one for this column.
            for (int t = k; t < q - 1; t++)
            {
                var col = r[t];
                double carry = col[k];
                for (int c = k; c < t; c++)
                {
                    double b = col[c + 1];
                    double cs = cosine[c], sn = sine[c];
                    col[c] = cs * carry + sn * b;
                    carry = -sn * carry + cs * b;
                }
                col[t] = carry;
                double a = col[t], bb = col[t + 1];
                double h = Hypot(a, bb);
                cosine[t] = h == 0 ? 1 : a / h;
                sine[t] = h == 0 ? 0 : bb / h;
                col[t] = h;
                col[t + 1] = 0;
            }
            if (variable >= 0) { boundRow[variable] = false; position[variable] = -1; }
            for (int i = 0; i < n; i++)
            {
                int p = position[i];
                if (p >= 0 && p < k) continue;
                int end = p >= 0 ? p : q - 1; // rotations c = k .. end-1
                var x = j[i];
                double carry = x[k];
                for (int c = k; c < end; c++)
                {
                    double b = x[c + 1];
                    double cs = cosine[c], sn = sine[c];
                    x[c] = cs * carry + sn * b;
                    carry = -sn * carry + cs * b;
                }
                if (p >= 0)
                {
                    x[end] = 0.0; // the carried value is zero up to rounding: the row is now column p-1 of R
                    position[i] = p - 1;
                }
                else x[q - 1] = carry;
            }
            Count = q - 1;
        }

        /// <summary>
        /// The minimiser on the active face and its multipliers, from the factors alone (no accumulated steps):
        /// with w = J'q0, y1 = R^-T b_A: x = J1 y1 - J2 w2 and u = R^-1 (y1 + w1).
        /// </summary>
        public void Solution(double[] linear, double[] activeRhs, double[] x, double[] u)
        {
            int q = Count;
            var w = work;
            Array.Clear(w, 0, n);
            for (int i = 0; i < n; i++)
            {
                double g = linear[i];
                if (g == 0) continue;
                var row = j[i];
                for (int c = 0; c < n; c++) w[c] += g * row[c];
            }
            var y = u; // y1 stored in u, then turned into u in place
            SolveTransposed(activeRhs, y);
            for (int c = q; c < n; c++) w[c] = -w[c];
            for (int c = 0; c < q; c++) { double t = w[c]; w[c] = y[c]; y[c] += t; }
            for (int i = 0; i < n; i++) x[i] = Numerics.DotKernels.Dot(j[i], w, 0, n);
            DualDirection(y, u);
        }

        private static double Hypot(double a, double b)
        {
            double aa = Math.Abs(a), bb = Math.Abs(b);
            double big = Math.Max(aa, bb), small = Math.Min(aa, bb);
            if (big == 0) return 0;
            double ratio = small / big;
            return big * Math.Sqrt(1 + ratio * ratio);
        }
    }
}
