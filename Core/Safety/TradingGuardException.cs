namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>
    /// Thrown by <see cref="GuardedOrderGateway"/> when a guard refuses an order (the order was not sent). Derives from
    /// <see cref="InfeasibleException"/>: the configured limits do not allow the trade (CLI exit code 3).
    /// </summary>
    public sealed class TradingGuardException : InfeasibleException
    {
        /// <summary>Creates the exception from a refusal.</summary>
        public TradingGuardException(GuardDecision decision)
            : base("trading guard " + Guard.NotNull(decision, nameof(decision)).RefusedBy + " refused the order: " + decision.Message)
        {
            Decision = decision;
        }

        /// <summary>The refusal, with the guard that fired.</summary>
        public GuardDecision Decision { get; }
    }
}
