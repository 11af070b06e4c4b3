using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Risk.Stress
{
    /// <summary>A named stress scenario. Subclasses say what is stressed.</summary>
    public abstract class StressScenario
    {
        /// <summary>Creates the scenario.</summary>
        protected StressScenario(string name) => Name = Guard.NotBlank(name, nameof(name));

        /// <summary>Scenario name, as shown in reports.</summary>
        public string Name { get; }
    }

    /// <summary>
    /// Hypothetical instantaneous returns (fractions, -0.2 = -20%). Each asset takes its own shock if given, else its
    /// sector's, else the market shock, else 0.
    /// </summary>
    public sealed class ShockScenario : StressScenario
    {
        /// <summary>Creates the scenario; every shock must be finite and &gt;= -1 (a price cannot fall below zero).</summary>
        public ShockScenario(string name, double? marketShock = null, IReadOnlyDictionary<string, double>? sectorShocks = null,
            IReadOnlyDictionary<string, double>? assetShocks = null) : base(name)
        {
            if (marketShock.HasValue) Check(marketShock.Value, "market shock");
            MarketShock = marketShock;
            SectorShocks = Copy(sectorShocks, "sector shock");
            AssetShocks = Copy(assetShocks, "shock");
        }

        /// <summary>Return applied to every asset without a more specific shock, or null.</summary>
        public double? MarketShock { get; }

        /// <summary>Returns per sector.</summary>
        public IReadOnlyDictionary<string, double> SectorShocks { get; }

        /// <summary>Returns per asset.</summary>
        public IReadOnlyDictionary<string, double> AssetShocks { get; }

        /// <summary>The shock <paramref name="asset"/> takes, given its sector (null when unknown).</summary>
        public double ShockFor(string asset, string? sector)
        {
            if (AssetShocks.TryGetValue(asset, out double a)) return a;
            if (sector != null && SectorShocks.TryGetValue(sector, out double s)) return s;
            return MarketShock ?? 0.0;
        }

        private static IReadOnlyDictionary<string, double> Copy(IReadOnlyDictionary<string, double>? src, string what)
        {
            var d = new Dictionary<string, double>(StringComparer.Ordinal);
            if (src == null) return d;
            foreach (var kv in src) d[Guard.NotBlank(kv.Key, what)] = Check(kv.Value, $"{what} of '{kv.Key}'");
            return d;
        }

        private static double Check(double v, string what)
        {
            Guard.Finite(v, what);
            if (v < -1) throw new InvalidInputException($"{what} must be >= -1 (a -100% return), got {Guard.Format(v)}");
            return v;
        }
    }

    /// <summary>Replays the returns observed between two dates (inclusive) on today's weights (buy and hold over the range).</summary>
    public sealed class HistoricalScenario : StressScenario
    {
        /// <summary>Creates the scenario; <paramref name="start"/> must not be after <paramref name="end"/>.</summary>
        public HistoricalScenario(string name, DateTime start, DateTime end) : base(name)
        {
            if (start > end) throw new InvalidInputException($"scenario '{name}': start {Data.AssetFrame.FormatDate(start)} is after end {Data.AssetFrame.FormatDate(end)}");
            Start = start;
            End = end;
        }

        /// <summary>First date whose return is included.</summary>
        public DateTime Start { get; }

        /// <summary>Last date whose return is included.</summary>
        public DateTime End { get; }
    }

    /// <summary>The <see cref="Count"/> worst non-overlapping windows of <see cref="Periods"/> consecutive returns in the data.</summary>
    public sealed class WorstWindowScenario : StressScenario
    {
        /// <summary>Creates the scenario.</summary>
        public WorstWindowScenario(string name, int periods, int count) : base(name)
        {
            Periods = Guard.Positive(periods, nameof(periods));
            Count = Guard.Positive(count, nameof(count));
        }

        /// <summary>Window length in periods.</summary>
        public int Periods { get; }

        /// <summary>Number of windows reported.</summary>
        public int Count { get; }
    }

    /// <summary>
    /// Volatility and correlation stress of the covariance: <c>sigma_i' = s sigma_i</c>,
    /// <c>rho_ij' = (1 - a) rho_ij + a</c> for i != j. A convex combination of two correlation matrices (rho and the
    /// all-ones matrix), so the result is a valid (PSD, unit-diagonal) correlation matrix; a = 1 means perfect correlation.
    /// </summary>
    public sealed class CovarianceStressScenario : StressScenario
    {
        /// <summary>Creates the scenario: <paramref name="volatilityScale"/> &gt; 0, <paramref name="correlationShift"/> in [0, 1].</summary>
        public CovarianceStressScenario(string name, double volatilityScale = 1.0, double correlationShift = 0.0) : base(name)
        {
            VolatilityScale = Guard.Positive(volatilityScale, nameof(volatilityScale));
            CorrelationShift = Guard.InRange(correlationShift, 0, 1, nameof(correlationShift));
        }

        /// <summary>Multiplier of every volatility.</summary>
        public double VolatilityScale { get; }

        /// <summary>How far correlations move toward 1 (fraction of the gap).</summary>
        public double CorrelationShift { get; }
    }
}
