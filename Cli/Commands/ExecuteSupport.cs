using System;
using System.Collections.Generic;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Safety;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>The one reference price of <c>execute --price</c>, observed at <c>--price-time</c> (default: the run's start).</summary>
    internal sealed class ExecuteQuotes : IQuoteSource
    {
        private readonly Quote _quote;
        private readonly double? _volume;

        public ExecuteQuotes(decimal price, DateTime time, double? marketVolume) { _quote = new Quote(price, time); _volume = marketVolume; }

        public Quote? LastQuote(string instrument) => _quote;

        public double? MarketVolume(string instrument) => _volume;
    }

    /// <summary>Collects executor alerts for the final message.</summary>
    internal sealed class ExecuteAlerts : IExecutionAlertSink
    {
        private readonly object _gate = new object();
        private readonly List<string> _messages = new List<string>();

        public IReadOnlyList<string> Messages { get { lock (_gate) return _messages.ToArray(); } }

        public void Raise(ExecutionAlert alert) { lock (_gate) _messages.Add(alert.ToString()); }
    }
}
