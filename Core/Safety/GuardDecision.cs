namespace NinjaTraderPortfolio.Core.Safety
{
    /// <summary>The answer of <see cref="TradingGuard"/>: allowed, or refused by one named guard with a sentence saying why.</summary>
    public sealed class GuardDecision
    {
        private GuardDecision(GuardKind? refusedBy, string message) { RefusedBy = refusedBy; Message = message; }

        /// <summary>The single "allowed" answer.</summary>
        public static GuardDecision Allowed { get; } = new GuardDecision(null, "allowed");

        /// <summary>A refusal by <paramref name="kind"/>.</summary>
        public static GuardDecision Refuse(GuardKind kind, string message) => new GuardDecision(kind, Guard.NotBlank(message, nameof(message)));

        /// <summary>True when the order may be sent.</summary>
        public bool IsAllowed => RefusedBy == null;

        /// <summary>The guard that fired (null when allowed).</summary>
        public GuardKind? RefusedBy { get; }

        /// <summary>What was wrong: the value, the limit and the guard's setting name.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => IsAllowed ? Message : $"{RefusedBy}: {Message}";
    }
}
