using NinjaTraderPortfolio.Core.Execution.Schedules;

namespace NinjaTraderPortfolio.Core.Execution.Routing
{
    /// <summary>How an order is worked.</summary>
    public enum ExecutionAlgorithm
    {
        /// <summary>One market order now.</summary>
        Market,
        /// <summary>Equal slices over the horizon.</summary>
        Twap,
        /// <summary>Slices following the volume profile.</summary>
        Vwap,
        /// <summary>Almgren-Chriss implementation-shortfall trajectory (front-loaded).</summary>
        ImplementationShortfall,
    }

    /// <summary>The router's choice, why, the schedule and the pre-trade cost (currency, including point value).</summary>
    /// <remarks>A record: equality compares the schedule by reference, not element by element.</remarks>
    public sealed record RoutingDecision
    {
        /// <summary>Creates the decision.</summary>
        public RoutingDecision(ExecutionAlgorithm algorithm, string reason, ExecutionSchedule schedule, double expectedCost, double costStdDev, double kappaT)
        {
            Algorithm = algorithm;
            Reason = Guard.NotBlank(reason, nameof(reason));
            Schedule = Guard.NotNull(schedule, nameof(schedule));
            ExpectedCost = expectedCost;
            CostStdDev = costStdDev;
            KappaT = kappaT;
        }

        /// <summary>The chosen algorithm.</summary>
        public ExecutionAlgorithm Algorithm { get; }
        /// <summary>One human-readable sentence with the figures that decided it.</summary>
        public string Reason { get; }
        /// <summary>The slices to execute (time unit: days).</summary>
        public ExecutionSchedule Schedule { get; }
        /// <summary>Expected cost in currency.</summary>
        public double ExpectedCost { get; }
        /// <summary>Standard deviation of the cost in currency (0 for an immediate market order).</summary>
        public double CostStdDev { get; }
        /// <summary>Urgency kappa x horizon of the Almgren-Chriss model for this order (0 when not urgent).</summary>
        public double KappaT { get; }

        /// <summary>Short lower-case name: market, twap, vwap, is.</summary>
        public string AlgorithmName => Name(Algorithm);

        /// <summary>Lower-case name of an algorithm.</summary>
        public static string Name(ExecutionAlgorithm a) => a switch
        {
            ExecutionAlgorithm.Market => "market",
            ExecutionAlgorithm.Twap => "twap",
            ExecutionAlgorithm.Vwap => "vwap",
            _ => "is",
        };
    }
}
