using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Execution.Schedules
{
    /// <summary>
    /// Expected share of the session's volume traded in each of n equal time buckets (fractions summing to 1).
    /// Default when an instrument has no usable history: <see cref="Uniform"/> (flat, so VWAP falls back to TWAP),
    /// chosen because a wrong U-shape costs more than no shape.
    /// </summary>
    public sealed class VolumeProfile
    {
        private readonly double[] _fractions;

        /// <summary>Creates a profile from non-negative bucket weights (normalised to sum to 1).</summary>
        public VolumeProfile(double[] weights)
        {
            Guard.AllFinite(weights, nameof(weights));
            if (weights.Length == 0) throw new ArgumentException("a volume profile needs at least one bucket", nameof(weights));
            double sum = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (weights[i] < 0) throw new ArgumentException($"weights[{i}] must be >= 0, got {Guard.Format(weights[i])}", nameof(weights));
                sum += weights[i];
            }
            if (!(sum > 0)) throw new ArgumentException("volume profile weights must have a positive sum", nameof(weights));
            _fractions = new double[weights.Length];
            for (int i = 0; i < weights.Length; i++) _fractions[i] = weights[i] / sum;
        }

        /// <summary>Bucket fractions of session volume, summing to 1.</summary>
        public IReadOnlyList<double> Fractions => _fractions;

        /// <summary>Number of buckets.</summary>
        public int Buckets => _fractions.Length;

        /// <summary>The documented default: every bucket the same share.</summary>
        public static VolumeProfile Uniform(int buckets)
        {
            Guard.Positive(buckets, nameof(buckets));
            var w = new double[buckets];
            for (int i = 0; i < buckets; i++) w[i] = 1;
            return new VolumeProfile(w);
        }

        /// <summary>
        /// Estimates the profile from intraday bars (bar end times and volumes): each bar inside
        /// [<paramref name="sessionStart"/>, <paramref name="sessionEnd"/>) time of day goes to its bucket; each day's
        /// bucket volumes are turned into fractions of that day's session volume and the fractions are averaged over days
        /// (so one heavy day does not dominate). Throws <see cref="InvalidInputException"/> when no day has volume.
        /// </summary>
        public static VolumeProfile FromHistory(IReadOnlyList<DateTime> barTimes, IReadOnlyList<double> volumes,
            TimeSpan sessionStart, TimeSpan sessionEnd, int buckets)
        {
            Guard.NotNull(barTimes, nameof(barTimes));
            Guard.NotNull(volumes, nameof(volumes));
            Guard.Positive(buckets, nameof(buckets));
            if (barTimes.Count != volumes.Count) throw new ArgumentException($"barTimes ({barTimes.Count}) and volumes ({volumes.Count}) differ in length");
            if (sessionEnd <= sessionStart) throw new ArgumentException($"sessionEnd {sessionEnd} must be after sessionStart {sessionStart}");
            double bucketTicks = (double)(sessionEnd - sessionStart).Ticks / buckets;
            var perDay = new SortedDictionary<DateTime, double[]>();
            for (int i = 0; i < barTimes.Count; i++)
            {
                double v = volumes[i];
                if (double.IsNaN(v) || double.IsInfinity(v) || v < 0)
                    throw new InvalidInputException($"volume at bar {i + 1} ({barTimes[i]:yyyy-MM-dd HH:mm}) must be a finite number >= 0, got {Guard.Format(v)}");
                TimeSpan tod = barTimes[i].TimeOfDay;
                if (tod < sessionStart || tod >= sessionEnd) continue;
                int b = Math.Min(buckets - 1, (int)((tod - sessionStart).Ticks / bucketTicks));
                if (!perDay.TryGetValue(barTimes[i].Date, out var day)) perDay[barTimes[i].Date] = day = new double[buckets];
                day[b] += v;
            }
            var sum = new double[buckets];
            int days = 0;
            foreach (var day in perDay.Values)
            {
                double total = 0;
                foreach (double v in day) total += v;
                if (!(total > 0)) continue;
                for (int b = 0; b < buckets; b++) sum[b] += day[b] / total;
                days++;
            }
            if (days == 0) throw new InvalidInputException($"no bar with volume inside the session {sessionStart}-{sessionEnd}; use VolumeProfile.Uniform");
            return new VolumeProfile(sum);
        }
    }
}
