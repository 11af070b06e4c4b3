using System;

namespace NinjaTraderPortfolio.Core.Allocation
{
    /// <summary>
    /// Mean and sample covariance (divisor n - 1) of the last <see cref="Window"/> return vectors, updated in O(N^2)
    /// per observation without allocating. Adding grows the window with Welford's update; once full, the oldest row is
    /// replaced with the exact add-and-remove update <c>C += (x - m)(x - m')' - (o - m)(o - m')'</c> (m old mean, m' new mean).
    /// Every <see cref="ResyncInterval"/> replacements the moments are recomputed from the stored window (two-pass), which
    /// bounds rounding drift; amortised cost stays O(N^2) per observation. Equal to the batch
    /// <c>SampleMoments</c> on the same window up to rounding.
    /// </summary>
    public sealed class RollingMoments
    {
        private readonly int _n;
        private readonly double[] _ring;   // [slot * n + i]
        private readonly double[] _mean;
        private readonly double[] _co;     // co-moment sum, upper triangle used: [i * n + j], j >= i
        private readonly double[] _dNew, _dOld;
        private int _count, _next, _sinceResync;

        /// <summary>Creates an empty window for <paramref name="assets"/> series of length <paramref name="window"/> (&gt;= 2).</summary>
        public RollingMoments(int assets, int window, int? resyncInterval = null)
        {
            _n = Guard.Positive(assets, nameof(assets));
            Window = Guard.InRange(window, 2, int.MaxValue, nameof(window));
            ResyncInterval = resyncInterval ?? window;
            Guard.NonNegative(ResyncInterval, nameof(resyncInterval));
            _ring = new double[checked(window * assets)];
            _mean = new double[assets];
            _co = new double[checked(assets * assets)];
            _dNew = new double[assets];
            _dOld = new double[assets];
        }

        /// <summary>Number of series (assets).</summary>
        public int Assets => _n;

        /// <summary>Maximum number of observations kept.</summary>
        public int Window { get; }

        /// <summary>Replacements between exact recomputations (0 = never).</summary>
        public int ResyncInterval { get; }

        /// <summary>Observations currently in the window (at most <see cref="Window"/>).</summary>
        public int Count => _count;

        /// <summary>True once <see cref="Window"/> observations have been added.</summary>
        public bool IsFull => _count == Window;

        /// <summary>Adds one return vector (length N, finite: checked). Drops the oldest when full. O(N^2), no allocation.</summary>
        public void Add(double[] x)
        {
            Guard.NotNull(x, nameof(x));
            if (x.Length != _n) throw new ArgumentException($"expected {_n} values, got {x.Length}", nameof(x));
            for (int i = 0; i < _n; i++)
                if (double.IsNaN(x[i]) || double.IsInfinity(x[i]))
                    throw new ArgumentException($"x[{i}] must be a finite number, got {Guard.Format(x[i])}", nameof(x));
            int n = _n;
            int slot = _next;
            int off = slot * n;
            if (_count < Window)
            {
                int k = _count + 1;
                for (int i = 0; i < n; i++)
                {
                    double d = x[i] - _mean[i];
                    _dNew[i] = d;
                    _mean[i] += d / k;
                }
                for (int i = 0; i < n; i++)
                {
                    double di = _dNew[i];
                    int row = i * n;
                    for (int j = i; j < n; j++) _co[row + j] += di * (x[j] - _mean[j]);
                }
                Array.Copy(x, 0, _ring, off, n);
                _count = k;
            }
            else
            {
                double inv = 1.0 / Window;
                for (int i = 0; i < n; i++)
                {
                    double o = _ring[off + i];
                    _dNew[i] = x[i] - _mean[i];
                    _dOld[i] = o - _mean[i];
                    _mean[i] += (x[i] - o) * inv;
                }
                for (int i = 0; i < n; i++)
                {
                    double an = _dNew[i], ao = _dOld[i];
                    int row = i * n;
                    for (int j = i; j < n; j++)
                        _co[row + j] += an * (x[j] - _mean[j]) - ao * (_ring[off + j] - _mean[j]);
                }
                Array.Copy(x, 0, _ring, off, n);
                if (ResyncInterval > 0 && ++_sinceResync >= ResyncInterval) Resync();
            }
            _next = slot + 1 == Window ? 0 : slot + 1;
        }

        /// <summary>Mean of series <paramref name="i"/> over the window, per period. NaN when empty.</summary>
        public double Mean(int i) => _count == 0 ? double.NaN : _mean[i];

        /// <summary>Sample covariance (n - 1) of series i and j over the window. NaN with fewer than 2 observations.</summary>
        public double Covariance(int i, int j)
        {
            if (_count < 2) return double.NaN;
            return (i <= j ? _co[i * _n + j] : _co[j * _n + i]) / (_count - 1);
        }

        /// <summary>Copies the means into <paramref name="destination"/> (length N).</summary>
        public void CopyMean(double[] destination)
        {
            Guard.NotNull(destination, nameof(destination));
            for (int i = 0; i < _n; i++) destination[i] = Mean(i);
        }

        /// <summary>Copies the covariance into <paramref name="destination"/> (N x N).</summary>
        public void CopyCovariance(double[,] destination)
        {
            Guard.NotNull(destination, nameof(destination));
            for (int i = 0; i < _n; i++)
                for (int j = 0; j < _n; j++) destination[i, j] = Covariance(i, j);
        }

        /// <summary>
        /// Writes <c>Sigma w</c> into <paramref name="result"/> and returns <c>w'Sigma w</c> (per period). O(N^2), no allocation.
        /// NaN with fewer than 2 observations.
        /// </summary>
        public double CovarianceTimes(double[] w, double[] result)
        {
            int n = _n;
            if (_count < 2)
            {
                for (int i = 0; i < n; i++) result[i] = double.NaN;
                return double.NaN;
            }
            double inv = 1.0 / (_count - 1), v = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < i; j++) s += _co[j * n + i] * w[j];
                int row = i * n;
                for (int j = i; j < n; j++) s += _co[row + j] * w[j];
                s *= inv;
                result[i] = s;
                v += w[i] * s;
            }
            return v;
        }

        /// <summary>Empties the window.</summary>
        public void Clear()
        {
            Array.Clear(_mean, 0, _n);
            Array.Clear(_co, 0, _co.Length);
            _count = 0;
            _next = 0;
            _sinceResync = 0;
        }

        private void Resync()
        {
            _sinceResync = 0;
            int n = _n, w = _count;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int t = 0; t < w; t++) s += _ring[t * n + i];
                double m = s / w, c = 0;
                for (int t = 0; t < w; t++) c += _ring[t * n + i] - m;
                _mean[i] = m + c / w;
            }
            for (int i = 0; i < n; i++)
            {
                int row = i * n;
                for (int j = i; j < n; j++)
                {
                    double s = 0;
                    for (int t = 0; t < w; t++) s += (_ring[t * n + i] - _mean[i]) * (_ring[t * n + j] - _mean[j]);
                    _co[row + j] = s;
                }
            }
        }
    }
}
