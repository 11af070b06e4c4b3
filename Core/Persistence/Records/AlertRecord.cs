using System;

namespace NinjaTraderPortfolio.Core.Persistence.Records
{
    /// <summary>How urgent an alert is.</summary>
    public enum AlertSeverity
    {
        /// <summary>For the record.</summary>
        Info,
        /// <summary>Needs a look soon.</summary>
        Warning,
        /// <summary>Something failed.</summary>
        Error,
        /// <summary>Trading stopped or money at risk: act now.</summary>
        Critical,
    }

    /// <summary>An alert raised for an operator (rejects, halted executions, breached limits), kept in order of arrival.</summary>
    public sealed record AlertRecord
    {
        /// <summary>Creates the alert.</summary>
        public AlertRecord(DateTime timeUtc, AlertSeverity severity, string source, string message)
        {
            TimeUtc = StoreTime.RequireUtc(timeUtc, nameof(timeUtc));
            Severity = severity;
            Source = Guard.NotBlank(source, nameof(source));
            Message = Guard.NotBlank(message, nameof(message));
        }

        /// <summary>When it was raised (UTC).</summary>
        public DateTime TimeUtc { get; }
        /// <summary>Severity.</summary>
        public AlertSeverity Severity { get; }
        /// <summary>Who raised it (e.g. "executor:P1", "risk:main").</summary>
        public string Source { get; }
        /// <summary>What happened, in one sentence.</summary>
        public string Message { get; }
    }
}
