using System;
using NinjaTraderPortfolio.Core;

namespace NinjaTraderPortfolio.Simulation
{
    /// <summary>Behaviour of <see cref="SimulatedBroker"/>. Probabilities are fractions in [0, 1]; all draws are seeded per client id.</summary>
    public sealed class SimulatedBrokerOptions
    {
        /// <summary>Delay between a submit and its first report, and between successive reports of one order (default 0).</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Seed of the per-order draws (default 1).</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Chance that an order is rejected (default 0). Rejected orders are not journaled.</summary>
        public double RejectProbability { get; set; }

        /// <summary>Chance that an order fills in 2 to <see cref="MaxParts"/> reported parts instead of one (default 0).</summary>
        public double PartialFillProbability { get; set; }

        /// <summary>Chance that the venue fills only part of the order (0 to quantity-1) and cancels the rest, as for an IOC order (default 0).</summary>
        public double VenueCancelProbability { get; set; }

        /// <summary>Most reported parts of a partly reported fill (default 3, at least 2).</summary>
        public int MaxParts { get; set; } = 3;

        internal void Validate()
        {
            if (Latency < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "Latency must be >= 0");
            Guard.InRange(RejectProbability, 0, 1, nameof(RejectProbability));
            Guard.InRange(PartialFillProbability, 0, 1, nameof(PartialFillProbability));
            Guard.InRange(VenueCancelProbability, 0, 1, nameof(VenueCancelProbability));
            if (MaxParts < 2) throw new ArgumentOutOfRangeException(nameof(MaxParts), MaxParts, $"MaxParts must be >= 2, got {MaxParts}");
        }
    }
}
