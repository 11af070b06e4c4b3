using System;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>
    /// A stored portfolio configuration: an envelope (portfolio name, revision, schema name and schema version of the
    /// JSON) around the JSON text itself. The store keeps the text verbatim and never parses it; the portfolio manager
    /// owns the config type and picks its parser by <see cref="SchemaName"/>/<see cref="SchemaVersion"/>.
    /// </summary>
    public sealed record PortfolioConfigRecord
    {
        /// <summary>Creates the envelope; <paramref name="revision"/> and <paramref name="schemaVersion"/> must be &gt;= 1.</summary>
        public PortfolioConfigRecord(string portfolio, int revision, string schemaName, int schemaVersion, string json, DateTime savedUtc)
        {
            Portfolio = Guard.NotBlank(portfolio, nameof(portfolio));
            Revision = Guard.Positive(revision, nameof(revision));
            SchemaName = Guard.NotBlank(schemaName, nameof(schemaName));
            SchemaVersion = Guard.Positive(schemaVersion, nameof(schemaVersion));
            Json = Guard.NotBlank(json, nameof(json));
            SavedUtc = StoreTime.RequireUtc(savedUtc, nameof(savedUtc));
        }

        /// <summary>Portfolio name (unique key together with <see cref="Revision"/>).</summary>
        public string Portfolio { get; }
        /// <summary>Revision of this portfolio's configuration, 1, 2, ...; the highest is the current one.</summary>
        public int Revision { get; }
        /// <summary>Name of the JSON schema the text follows (e.g. "ntportfolio.portfolio-config").</summary>
        public string SchemaName { get; }
        /// <summary>Version of that schema.</summary>
        public int SchemaVersion { get; }
        /// <summary>The configuration as JSON text, kept byte for byte.</summary>
        public string Json { get; }
        /// <summary>When it was saved (UTC).</summary>
        public DateTime SavedUtc { get; }
    }
}
