using System;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>A portfolio's position in one instrument at one moment: signed whole quantity and average entry price.</summary>
    public sealed record PositionSnapshot
    {
        /// <summary>Creates the snapshot; <paramref name="averagePrice"/> must be &gt;= 0 (0 when flat).</summary>
        public PositionSnapshot(string portfolio, string instrument, long quantity, decimal averagePrice, DateTime timeUtc)
        {
            Portfolio = Guard.NotBlank(portfolio, nameof(portfolio));
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            Quantity = quantity;
            AveragePrice = Guard.NonNegative(averagePrice, nameof(averagePrice));
            TimeUtc = StoreTime.RequireUtc(timeUtc, nameof(timeUtc));
        }

        /// <summary>Portfolio name.</summary>
        public string Portfolio { get; }
        /// <summary>Instrument name (e.g. "ES 12-25").</summary>
        public string Instrument { get; }
        /// <summary>Signed shares/contracts: positive long, negative short, 0 flat.</summary>
        public long Quantity { get; }
        /// <summary>Average entry price, in price units of the instrument (stored exactly).</summary>
        public decimal AveragePrice { get; }
        /// <summary>When the position was observed (UTC); with portfolio and instrument the unique key (upsert).</summary>
        public DateTime TimeUtc { get; }
    }
}
