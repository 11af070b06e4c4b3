using System;
using System.Collections.Generic;

namespace NinjaTraderPortfolio.Core.Views
{
    /// <summary>One line of the Portfolio tab. Weights are fractions of account value (q x price x point value / value).</summary>
    public sealed class PortfolioRow
    {
        /// <summary>Instrument full name.</summary>
        public string Instrument { get; set; } = string.Empty;
        /// <summary>Sector label ("" when none).</summary>
        public string Sector { get; set; } = string.Empty;
        /// <summary>Currency per point per contract.</summary>
        public double PointValue { get; set; }
        /// <summary>Signed contracts held.</summary>
        public int Position { get; set; }
        /// <summary>Last price.</summary>
        public double Price { get; set; }
        /// <summary>Current weight (fraction).</summary>
        public double Weight { get; set; }
        /// <summary>Target weight (fraction; NaN when no target yet).</summary>
        public double Target { get; set; }
        /// <summary>Weight - target (NaN when no target).</summary>
        public double Drift { get; set; }
    }

    /// <summary>Builds the Portfolio tab's rows (pure computation, tested without WPF).</summary>
    public static class PortfolioRows
    {
        /// <summary>
        /// Rows for parallel arrays of names, sectors, point values, signed positions, prices and targets (targets may be
        /// null); <paramref name="accountValue"/> in currency, &gt; 0.
        /// </summary>
        public static IReadOnlyList<PortfolioRow> Compute(IReadOnlyList<string> names, IReadOnlyList<string?> sectors, IReadOnlyList<double> pointValues,
            IReadOnlyList<int> positions, IReadOnlyList<double> prices, IReadOnlyList<double>? targets, double accountValue)
        {
            if (names == null) throw new ArgumentNullException(nameof(names));
            int n = names.Count;
            if (sectors.Count != n || pointValues.Count != n || positions.Count != n || prices.Count != n || (targets != null && targets.Count != n))
                throw new ArgumentException("names, sectors, point values, positions, prices and targets must have the same length");
            if (!(accountValue > 0)) throw new ArgumentOutOfRangeException(nameof(accountValue), "account value must be > 0, got " + accountValue);
            var rows = new List<PortfolioRow>(n);
            for (int i = 0; i < n; i++)
            {
                double weight = positions[i] * prices[i] * pointValues[i] / accountValue;
                double target = targets == null ? double.NaN : targets[i];
                rows.Add(new PortfolioRow
                {
                    Instrument = names[i], Sector = sectors[i] ?? string.Empty, PointValue = pointValues[i], Position = positions[i],
                    Price = prices[i], Weight = weight, Target = target, Drift = weight - target,
                });
            }
            return rows;
        }
    }
}
