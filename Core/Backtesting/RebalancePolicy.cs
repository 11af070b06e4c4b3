using System;
using System.Globalization;
using NinjaTraderPortfolio.Core.Allocation;

namespace NinjaTraderPortfolio.Core.Backtesting
{
    /// <summary>
    /// When a backtest rebalances after the first allocation: never, on the first bar of each new calendar period
    /// (day, ISO week, month, quarter), or when any weight drifts more than an absolute band from its target.
    /// Maps onto <see cref="RebalanceTriggerOptions"/>, so the decision is made by the same
    /// <see cref="RebalanceTriggerEvaluator"/> that the one <see cref="Rebalancing.RebalancingLoop"/> runs for the backtester, the
    /// portfolio manager and the NinjaTrader strategy.
    /// </summary>
    public sealed class RebalancePolicy
    {
        private RebalancePolicy(string name, CalendarFrequency calendar, double? band)
        {
            Name = name;
            Calendar = calendar;
            DriftBand = band;
        }

        /// <summary>The policy as text: none, daily, weekly, monthly, quarterly or drift:X.</summary>
        public string Name { get; }

        /// <summary>Calendar frequency (None for none and drift policies).</summary>
        public CalendarFrequency Calendar { get; }

        /// <summary>Absolute drift band |w_i - target_i| (fraction of equity) for drift policies, else null.</summary>
        public double? DriftBand { get; }

        /// <summary>True when the policy never trades after the first allocation (buy and hold).</summary>
        public bool IsNone => Calendar == CalendarFrequency.None && DriftBand == null;

        /// <summary>Buy and hold.</summary>
        public static RebalancePolicy None { get; } = new RebalancePolicy("none", CalendarFrequency.None, null);

        /// <summary>First bar of each new calendar period.</summary>
        public static RebalancePolicy Periodic(CalendarFrequency frequency)
        {
            if (frequency == CalendarFrequency.None) return None;
            return new RebalancePolicy(frequency.ToString().ToLowerInvariant(), frequency, null);
        }

        /// <summary>Whenever a weight is more than <paramref name="band"/> (fraction of equity, in (0, 1]) from its target.</summary>
        public static RebalancePolicy Drift(double band)
        {
            if (double.IsNaN(band) || band <= 0 || band > 1)
                throw new InvalidInputException($"drift band must be in (0, 1] (fraction of equity), got {Guard.Format(band)}");
            return new RebalancePolicy("drift:" + band.ToString("R", CultureInfo.InvariantCulture), CalendarFrequency.None, band);
        }

        /// <summary>Parses none|daily|weekly|monthly|quarterly|drift:X; the message names the bad text.</summary>
        public static RebalancePolicy Parse(string text)
        {
            Guard.NotNull(text, nameof(text));
            switch (text)
            {
                case "none": return None;
                case "daily": return Periodic(CalendarFrequency.Daily);
                case "weekly": return Periodic(CalendarFrequency.Weekly);
                case "monthly": return Periodic(CalendarFrequency.Monthly);
                case "quarterly": return Periodic(CalendarFrequency.Quarterly);
            }
            if (text.StartsWith("drift:", StringComparison.Ordinal))
            {
                string x = text.Substring(6);
                if (!double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out double band))
                    throw new InvalidInputException($"rebalance policy '{text}': drift band '{x}' is not a number");
                return Drift(band);
            }
            throw new InvalidInputException($"rebalance policy must be none|daily|weekly|monthly|quarterly|drift:X, got '{text}'");
        }

        /// <summary>The trigger settings that implement this policy (no risk triggers, no cooldown, no minimum trade).</summary>
        public RebalanceTriggerOptions ToTriggerOptions()
            => new RebalanceTriggerOptions { Calendar = Calendar, AbsoluteBand = DriftBand };

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
