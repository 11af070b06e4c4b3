using System;

namespace NinjaTraderPortfolio.Core.Execution.Executor
{
    /// <summary>Forwards Core's execution alerts to a text sink (a strategy's Print, the AddOn's Alerts tab).</summary>
    public sealed class PrintAlertSink : IExecutionAlertSink
    {
        private readonly Action<string> write;

        /// <summary>Creates the sink over <paramref name="write"/>.</summary>
        public PrintAlertSink(Action<string> write) => this.write = write ?? throw new ArgumentNullException(nameof(write));

        /// <inheritdoc />
        public void Raise(ExecutionAlert alert) => write("Execution alert " + alert);
    }
}
