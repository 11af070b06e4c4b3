using System;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>A target weight for one instrument of a portfolio, decided at one moment for a stated reason.</summary>
    public sealed record TargetRecord
    {
        /// <summary>Creates the target; <paramref name="targetWeight"/> must be finite (negative for a short).</summary>
        public TargetRecord(string portfolio, string instrument, double targetWeight, DateTime timeUtc, string reason)
        {
            Portfolio = Guard.NotBlank(portfolio, nameof(portfolio));
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            TargetWeight = Guard.Finite(targetWeight, nameof(targetWeight));
            TimeUtc = StoreTime.RequireUtc(timeUtc, nameof(timeUtc));
            Reason = Guard.NotNull(reason, nameof(reason));
        }

        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>Instrument name.</summary>
        public string Instrument { get; }
        /// <summary>Target weight as a fraction of portfolio equity (0.25 = 25 %; negative = short).</summary>
        public double TargetWeight { get; }
        /// <summary>When the target was set (UTC); with portfolio and instrument the unique key (upsert).</summary>
        public DateTime TimeUtc { get; }
        /// <summary>Why (e.g. "monthly rebalance", "drift 0.05 exceeded"); may be empty.</summary>
        public string Reason { get; }
    }
}
