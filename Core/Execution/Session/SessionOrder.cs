using System.Security.Cryptography;
using System.Text;
using NinjaTraderPortfolio.Core.Execution.Executor;
using NinjaTraderPortfolio.Core.Execution.Impact;

namespace NinjaTraderPortfolio.Core.Execution.Session
{
    /// <summary>
    /// One parent order handed to an <see cref="ExecutionSession"/>: buy or sell <see cref="Quantity"/> whole units of
    /// <see cref="Instrument"/>. An execution holds at most one order per instrument, so the instrument is the order's
    /// identity: its parent id is <see cref="ExecutionSession.ParentId"/>(execution id, instrument), whatever line or
    /// position it came from.
    /// </summary>
    public sealed record SessionOrder
    {
        /// <summary>Creates the order; <paramref name="liquidity"/> (volatility, ADV, spread) lets the routing policy use the router.</summary>
        public SessionOrder(string instrument, OrderSide side, long quantity, InstrumentLiquidity? liquidity = null)
        {
            Instrument = Guard.NotBlank(instrument, nameof(instrument));
            if (quantity <= 0 || quantity > int.MaxValue)
                throw new InvalidInputException($"order quantity of '{instrument}' must be a whole number in [1, {int.MaxValue}], got {quantity}");
            Side = side;
            Quantity = quantity;
            Liquidity = liquidity;
        }

        /// <summary>Instrument name as the gateway knows it.</summary>
        public string Instrument { get; }

        /// <summary>Buy or sell.</summary>
        public OrderSide Side { get; }

        /// <summary>Whole units (contracts, shares), &gt; 0.</summary>
        public long Quantity { get; }

        /// <summary>Liquidity of the instrument when known (the router is used), else null (TWAP).</summary>
        public InstrumentLiquidity? Liquidity { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Side} {Quantity} '{Instrument}'";

        /// <summary>8 hex digits of SHA-256 over the instrument name (UTF-8): the fixed-length, formatting-free key of an order.</summary>
        internal static string Key(string instrument)
        {
            using var sha = SHA256.Create();
            byte[] h = sha.ComputeHash(Encoding.UTF8.GetBytes(instrument));
            var sb = new StringBuilder(8);
            for (int i = 0; i < 4; i++) sb.Append(h[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }
    }
}
