using System;
using NinjaTraderPortfolio.Core.Execution.Executor;

namespace NinjaTraderPortfolio.Cli.Commands
{
    /// <summary>The system clock for <c>execute</c> (Core never reads it; the CLI injects it).</summary>
    internal sealed class ExecuteClock : IClock
    {
        public DateTime UtcNow => DateTime.UtcNow;
    }
}
