using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NinjaTraderPortfolio.Core.Data;
using NinjaTraderPortfolio.Core.Statistics;

namespace NinjaTraderPortfolio.Core.Risk.Stress
{
    /// <summary>
    /// Runs stress scenarios on a fixed-weight portfolio. Losses are fractions of <see cref="PortfolioValue"/> (positive =
    /// loss) and currency; position contributions sum to the total. Weights are fractions of value (negative = short).
    /// </summary>
    public sealed class StressTester
    {
        private readonly double[] _w;

        /// <summary>
        /// Creates the tester. <paramref name="returns"/>: simple returns per period (for history, worst windows and
        /// covariance stress; its columns are the portfolio's assets in weight order); <paramref name="sectorOf"/>: optional
        /// asset -&gt; sector map for sector shocks; <paramref name="confidence"/>: for covariance stress VaR.
        /// </summary>
        public StressTester(AssetFrame returns, IReadOnlyList<double> weights, decimal portfolioValue, double confidence,
            IReadOnlyDictionary<string, string>? sectorOf = null)
        {
            Returns = Guard.NotNull(returns, nameof(returns));
            if (returns.Kind != FrameKind.SimpleReturns) throw new InvalidInputException($"{returns.Source}: stress testing needs simple returns, got {returns.Kind}");
            RiskInputChecks.Weights(weights, returns.AssetCount);
            _w = weights.ToArray();
            PortfolioValue = Guard.Positive(portfolioValue, nameof(portfolioValue));
            Confidence = RiskInputChecks.Confidence(confidence);
            SectorOf = sectorOf ?? new Dictionary<string, string>();
        }

        /// <summary>The return history.</summary>
        public AssetFrame Returns { get; }
        /// <summary>Portfolio value in currency.</summary>
        public decimal PortfolioValue { get; }
        /// <summary>Confidence of the stressed VaR.</summary>
        public double Confidence { get; }
        /// <summary>Asset -&gt; sector map (may be empty).</summary>
        public IReadOnlyDictionary<string, string> SectorOf { get; }

        /// <summary>Runs every scenario in order; a worst-window scenario yields one result per window.</summary>
        public IReadOnlyList<StressResult> Run(IEnumerable<StressScenario> scenarios)
        {
            Guard.NotNull(scenarios, nameof(scenarios));
            var list = new List<StressResult>();
            foreach (var s in scenarios)
            {
                switch (s)
                {
                    case ShockScenario shock: list.Add(Apply(shock)); break;
                    case HistoricalScenario h: list.Add(Replay(h)); break;
                    case WorstWindowScenario ww: list.AddRange(WorstWindows(ww)); break;
                    case CovarianceStressScenario c: list.Add(StressCovariance(c)); break;
                    default: throw new ArgumentException($"unknown scenario type {s?.GetType().Name}");
                }
            }
            return list;
        }

        /// <summary>Hypothetical shock: loss = <c>-sum w_i shock_i</c>. Shocks naming unknown assets or sectors are errors.</summary>
        public StressResult Apply(ShockScenario scenario)
        {
            Guard.NotNull(scenario, nameof(scenario));
            foreach (var a in scenario.AssetShocks.Keys)
                if (!Returns.Contains(a)) throw new InvalidInputException($"scenario '{scenario.Name}': shock for unknown asset '{a}' (known: {string.Join(", ", Returns.Assets)})");
            var sectors = new HashSet<string>(SectorOf.Values, StringComparer.Ordinal);
            foreach (var s in scenario.SectorShocks.Keys)
                if (!sectors.Contains(s)) throw new InvalidInputException($"scenario '{scenario.Name}': shock for sector '{s}' but no asset is mapped to it{(sectors.Count == 0 ? " (no sectors given)" : $" (known: {string.Join(", ", sectors)})")}");
            var r = new double[_w.Length];
            for (int i = 0; i < r.Length; i++)
            {
                string asset = Returns.Assets[i];
                r[i] = scenario.ShockFor(asset, SectorOf.TryGetValue(asset, out var sec) ? sec : null);
            }
            return FromReturns(scenario.Name, "shock", "instantaneous shock", r);
        }

        /// <summary>Replays the compounded returns <c>prod(1 + r_t) - 1</c> of the rows dated in [Start, End].</summary>
        public StressResult Replay(HistoricalScenario scenario)
        {
            Guard.NotNull(scenario, nameof(scenario));
            var dates = Returns.Dates;
            int first = -1, last = -1;
            for (int t = 0; t < dates.Count; t++)
            {
                if (dates[t] < scenario.Start || dates[t] > scenario.End) continue;
                if (first < 0) first = t;
                last = t;
            }
            if (first < 0)
                throw new InvalidInputException($"scenario '{scenario.Name}': no returns between {AssetFrame.FormatDate(scenario.Start)} and {AssetFrame.FormatDate(scenario.End)} (data covers {AssetFrame.FormatDate(dates[0])} to {AssetFrame.FormatDate(dates[dates.Count - 1])})");
            var r = Compounded(first, last - first + 1);
            return FromReturns(scenario.Name, "history", $"{AssetFrame.FormatDate(dates[first])} to {AssetFrame.FormatDate(dates[last])} ({(last - first + 1).ToString(CultureInfo.InvariantCulture)} periods)", r);
        }

        /// <summary>
        /// The worst non-overlapping windows of <c>Periods</c> consecutive returns by buy-and-hold portfolio loss, worst first
        /// (greedy: take the worst window, discard the windows overlapping it, repeat). Fewer are returned when the data runs out.
        /// </summary>
        public IReadOnlyList<StressResult> WorstWindows(WorstWindowScenario scenario)
        {
            Guard.NotNull(scenario, nameof(scenario));
            int k = scenario.Periods, rows = Returns.Rows;
            if (k > rows) throw new InvalidInputException($"scenario '{scenario.Name}': window of {k} periods is longer than the data ({rows} returns)");
            int n = _w.Length;
            // Prefix sums of log(1 + r) give every window's compounded return in O(1) per asset.
            var prefix = new double[n][];
            for (int i = 0; i < n; i++)
            {
                var p = new double[rows + 1];
                for (int t = 0; t < rows; t++)
                {
                    double x = Returns[t, i];
                    if (x <= -1) throw new InvalidInputException($"{Returns.Source}: return of '{Returns.Assets[i]}' is {Guard.Format(x)} at {AssetFrame.FormatDate(Returns.Dates[t])}; must be > -1");
                    p[t + 1] = p[t] + Math.Log(1 + x);
                }
                prefix[i] = p;
            }
            int windows = rows - k + 1;
            var loss = new double[windows];
            for (int s = 0; s < windows; s++)
            {
                double pnl = 0;
                for (int i = 0; i < n; i++) pnl += _w[i] * (Math.Exp(prefix[i][s + k] - prefix[i][s]) - 1);
                loss[s] = -pnl;
            }
            var order = Enumerable.Range(0, windows).OrderByDescending(s => loss[s]).ThenBy(s => s);
            var taken = new List<int>();
            foreach (int s in order)
            {
                if (taken.Count == scenario.Count) break;
                if (taken.Any(t => Math.Abs(t - s) < k)) continue;
                taken.Add(s);
            }
            var results = new List<StressResult>();
            for (int j = 0; j < taken.Count; j++)
            {
                int s = taken[j];
                var r = Compounded(s, k);
                string desc = $"worst {k}-period window #{(j + 1).ToString(CultureInfo.InvariantCulture)}: {AssetFrame.FormatDate(Returns.Dates[s])} to {AssetFrame.FormatDate(Returns.Dates[s + k - 1])}";
                results.Add(FromReturns(scenario.Name, "worst-window", desc, r));
            }
            return results;
        }

        /// <summary>
        /// Gaussian VaR (one period, <see cref="Confidence"/>) under the stressed covariance, with Euler component VaR as
        /// the position contributions. Means are the sample means, unchanged.
        /// </summary>
        public StressResult StressCovariance(CovarianceStressScenario scenario)
        {
            Guard.NotNull(scenario, nameof(scenario));
            if (Returns.Rows < 2) throw new InvalidInputException($"{Returns.Source}: covariance stress needs at least 2 returns");
            var mu = SampleMoments.Mean(Returns);
            var cov = StressedCovariance(SampleMoments.SharedCovariance(Returns), scenario.VolatilityScale, scenario.CorrelationShift);
            var d = VaRDecomposition.Compute(mu, cov, _w, Confidence);
            var positions = new List<PositionStress>();
            for (int i = 0; i < _w.Length; i++)
                positions.Add(new PositionStress(Returns.Assets[i], _w[i], double.NaN, d.ComponentVaR[i], Money(d.ComponentVaR[i])));
            string desc = $"Gaussian VaR at {Guard.Format(Confidence)} with volatilities x{Guard.Format(scenario.VolatilityScale)} and correlations moved {Guard.Format(scenario.CorrelationShift)} toward 1";
            return new StressResult(scenario.Name, "covariance", desc, d.ParametricVaR, Money(d.ParametricVaR), positions);
        }

        /// <summary>
        /// <c>Sigma'_ij = s^2 sigma_i sigma_j rho'_ij</c> with <c>rho'_ij = (1 - a) rho_ij + a</c> (i != j), <c>rho'_ii = 1</c>.
        /// PSD whenever <paramref name="cov"/> is. Assets with zero variance keep zero rows.
        /// </summary>
        public static double[,] StressedCovariance(double[,] cov, double volatilityScale, double correlationShift)
        {
            Guard.NotNull(cov, nameof(cov));
            int n = cov.GetLength(0);
            RiskInputChecks.Covariance(cov, n);
            Guard.Positive(volatilityScale, nameof(volatilityScale));
            Guard.InRange(correlationShift, 0, 1, nameof(correlationShift));
            var sd = new double[n];
            for (int i = 0; i < n; i++) sd[i] = Math.Sqrt(cov[i, i]);
            var r = new double[n, n];
            double s2 = volatilityScale * volatilityScale;
            for (int i = 0; i < n; i++)
            {
                r[i, i] = s2 * cov[i, i];
                for (int j = i + 1; j < n; j++)
                {
                    double rho = sd[i] > 0 && sd[j] > 0 ? cov[i, j] / (sd[i] * sd[j]) : 0;
                    double rho2 = sd[i] > 0 && sd[j] > 0 ? (1 - correlationShift) * rho + correlationShift : 0;
                    r[i, j] = r[j, i] = s2 * sd[i] * sd[j] * rho2;
                }
            }
            return r;
        }

        private double[] Compounded(int start, int count)
        {
            var r = new double[_w.Length];
            for (int i = 0; i < r.Length; i++)
            {
                double g = 1;
                for (int t = start; t < start + count; t++) g *= 1 + Returns[t, i];
                r[i] = g - 1;
            }
            return r;
        }

        private StressResult FromReturns(string name, string kind, string description, double[] r)
        {
            var positions = new List<PositionStress>(r.Length);
            double total = 0;
            for (int i = 0; i < r.Length; i++)
            {
                double l = -_w[i] * r[i];
                total += l;
                positions.Add(new PositionStress(Returns.Assets[i], _w[i], r[i], l, Money(l)));
            }
            return new StressResult(name, kind, description, total, Money(total), positions);
        }

        // Currency figures: the double loss fraction times the decimal value, not rounded (cents are the caller's choice).
        private decimal Money(double fraction) => (decimal)fraction * PortfolioValue;
    }
}
